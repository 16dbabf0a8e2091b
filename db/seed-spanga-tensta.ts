/**
 * The second demo district, Spånga-Tensta: its own team, schools, a preschool, the local
 * police and a coordinator, so the demo (and the tests) can show that nobody sees anything
 * of another district. Fictional people only; phone numbers 070-174 06 50–59.
 */
import type { TxOrDb } from "../app/db.server";
import { mondayOf, type LocalDate } from "../app/time/stockholm";
import { districts, dutyHours, dutyLines, dutyRotaMembers, teams } from "./schema";
import { fictionalPhone, insertAssignments, insertOrganisations, insertPeople, type AssignmentSpec, type OrgSpec, type PersonSpec } from "./seed-helpers";

export const SECOND_DISTRICT_SLUG = "spanga-tensta";

const ORGANISATIONS: OrgSpec[] = [
  { key: "tenstaskolan", kind: "school", name: "Tenstaskolan", stages: ["lagstadiet", "mellanstadiet", "hogstadiet"] },
  { key: "spangaskolan", kind: "school", name: "Spångaskolan", stages: ["lagstadiet", "mellanstadiet"] },
  { key: "solrosen", kind: "preschool", name: "Förskolan Solrosen", staffTeams: ["Solen", "Månen"] },
  { key: "polis", kind: "police", name: "Järva lokalpolisområde" },
];

const PEOPLE: PersonSpec[] = [
  { key: "amira", name: "Amira Hassan", email: "socialsekreterare@st.example", title: "Socialsekreterare", role: "social_worker", phone: 50 },
  { key: "johan", name: "Johan Lindberg", email: "johan.lindberg@st.example", title: "Socialsekreterare", role: "social_worker", phone: 51 },
  { key: "kristina", name: "Kristina Ek", email: "samordnare@st.example", title: "Samordnare", role: "coordinator", phone: 52 },
  {
    key: "tove",
    name: "Tove Lindgren",
    email: "larare@tenstaskolan.example",
    title: "Lärare",
    role: "partner_staff",
    organisation: "tenstaskolan",
    stage: "mellanstadiet",
    phone: 53,
  },
  {
    key: "ali",
    name: "Ali Yilmaz",
    email: "rektor@spangaskolan.example",
    title: "Rektor",
    role: "partner_leadership",
    organisation: "spangaskolan",
    phone: 54,
  },
  {
    key: "hanna",
    name: "Hanna Sjödin",
    email: "forskolechef@solrosen.example",
    title: "Förskolechef",
    role: "partner_leadership",
    organisation: "solrosen",
    phone: 55,
  },
  { key: "david", name: "David Olsson", email: "polis@jarva.polisen.example", title: "Polis", role: "partner_staff", organisation: "polis", phone: 56 },
];

const ASSIGNMENTS: AssignmentSpec[] = [
  { person: "amira", organisation: "tenstaskolan", scopeLabel: "Hela skolan" },
  { person: "johan", organisation: "spangaskolan", scopeLabel: "Hela skolan" },
  { person: "johan", organisation: "solrosen", scopeLabel: "Hela förskolan" },
  { person: "amira", organisation: "polis", scopeLabel: "Samverkan med lokalpolisen" },
];

export function seedSpangaTensta(tx: TxOrDb, passwordHash: string, today: LocalDate): void {
  const district = tx.insert(districts).values({ slug: SECOND_DISTRICT_SLUG, name: "Spånga-Tensta" }).returning().get();
  const team = tx.insert(teams).values({ districtId: district.id, name: "Barn och unga", office: "Tensta centrum" }).returning().get();
  const ids = insertOrganisations(tx, district.id, ORGANISATIONS);
  const personIds = insertPeople(tx, district.id, PEOPLE, { team: team.id }, ids, passwordHash);
  insertAssignments(tx, district.id, ASSIGNMENTS, { ...ids, personIds });
  tx.insert(dutyLines)
    .values({ districtId: district.id, phone: fictionalPhone(57), afterHoursPhone: fictionalPhone(6), eveClosesAt: "13:00", rotaStartsOn: mondayOf(today) })
    .run();
  for (const weekday of [1, 2, 3, 4, 5]) tx.insert(dutyHours).values({ districtId: district.id, weekday, opensAt: "08:00", closesAt: "16:30" }).run();
  ["amira", "johan"].forEach((key, position) =>
    tx
      .insert(dutyRotaMembers)
      .values({ districtId: district.id, personId: personIds.get(key)!, position })
      .run(),
  );
}
