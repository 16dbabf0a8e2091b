/**
 * The demo district: Hässelby-Vällingby as in the domain brief. Fictional people only;
 * phone numbers only from the range reserved for fiction (070-174 06 05 – 070-174 06 99).
 */
import { eq, sql } from "drizzle-orm";
import { dutyDayOn } from "../app/models/duty";
import { planSeries, termOf } from "../app/models/walk-and-talk";
import { forumPlaces, planningDates } from "../app/models/meetings";
import type { DB } from "../app/db.server";
import { fictionalPhone, insertAssignments, insertOrganisations, insertPeople, type AssignmentSpec, type OrgSpec, type PersonSpec } from "./seed-helpers";
import { seedSpangaTensta } from "./seed-spanga-tensta";
import { addDays, instantAt, mondayOf, type LocalDate } from "../app/time/stockholm";
import {
  availabilityStatuses,
  dutyHours,
  dutyLines,
  dutyRotaMembers,
  districts,
  teams,
  consultationConcerns,
  consultations,
  meetingAgendaPoints,
  meetingEvents,
  meetingGroupMembers,
  meetingGroups,
  meetingProposals,
  meetings,
  supportOffers,
  walkBookings,
  walkExpectations,
  walkOccasions,
  walkSeries,
  walkSlots,
  type WalkTopic,
  type SchoolStage,
} from "./schema";

export const DEMO_PASSWORD = "samverkan-demo";
export const DEMO_DISTRICT_SLUG = "hasselby-vallingby";

/** The demo logins the README lists, in the order it lists them. */
export const DEMO_LOGINS = [
  ["larare@vallingbyskolan.example", "Lärare, Vällingbyskolan, lågstadiet"],
  ["elevhalsa@vallingbyskolan.example", "Skolsköterska i elevhälsan, Vällingbyskolan"],
  ["rektor@vallingbyskolan.example", "Rektor, Vällingbyskolan"],
  ["larare@grimstaskolan.example", "Lärare, Grimstaskolan"],
  ["forskolechef@gronadiamanten.example", "Förskolechef, Gröna diamanten"],
  ["pedagog@gronadiamanten.example", "Förskollärare i ett arbetslag, Gröna diamanten"],
  ["polis@vallingby.polisen.example", "Polis, Vällingby lokalpolisområde"],
  ["socialsekreterare@hv.example", "Socialsekreterare, kontaktperson för Vällingbyskolan låg- och mellanstadiet"],
  ["samordnare@hv.example", "Samordnare för teamet"],
  ["enhetschef@hv.example", "Enhetschef, följer distriktets siffror"],
  ["samordnare@st.example", "Samordnare, Spånga-Tensta (ett annat stadsdelsområde)"],
  ["admin@stockholm.example", "Administratör för hela staden"],
] as const;

const ORGANISATIONS: OrgSpec[] = [
  {
    key: "vallingbyskolan",
    kind: "school",
    name: "Vällingbyskolan",
    stages: ["lagstadiet", "mellanstadiet", "hogstadiet", "grundsarskolan"],
  },
  { key: "grimstaskolan", kind: "school", name: "Grimstaskolan", stages: ["lagstadiet", "mellanstadiet", "hogstadiet"] },
  { key: "gronadiamanten", kind: "preschool", name: "Gröna diamanten", staffTeams: ["Smaragden", "Safiren", "Rubinen"] },
  { key: "grimsta", kind: "preschool_unit", name: "Grimsta förskoleenhet" },
  { key: "ekorren", kind: "preschool", name: "Förskolan Ekorren", parent: "grimsta", staffTeams: ["Kotten", "Mossan"] },
  { key: "bavern", kind: "preschool", name: "Förskolan Bävern", parent: "grimsta", staffTeams: ["Dammen", "Strandängen"] },
  { key: "larkan", kind: "preschool", name: "Förskolan Lärkan", parent: "grimsta", staffTeams: ["Ängen", "Boet"] },
  { key: "tradkojan", kind: "preschool", name: "Förskolan Trädkojan", parent: "grimsta", staffTeams: ["Grenen", "Stegen"] },
  { key: "polis", kind: "police", name: "Vällingby lokalpolisområde" },
  // Deliberately without a contact person, so the coordinator's overview shows the gap.
  { key: "fritid", kind: "other", name: "Fritidsgården Råcksta" },
];

const PEOPLE: PersonSpec[] = [
  // Social services: eight social workers, a parent adviser and the coordinator.
  { key: "anna", name: "Anna Berg", email: "socialsekreterare@hv.example", title: "Socialsekreterare", role: "social_worker", phone: 12 },
  { key: "jonas", name: "Jonas Ekholm", email: "jonas.ekholm@hv.example", title: "Socialsekreterare", role: "social_worker", phone: 13 },
  { key: "sara", name: "Sara Lindqvist", email: "sara.lindqvist@hv.example", title: "Socialsekreterare", role: "social_worker", phone: 14 },
  { key: "mikael", name: "Mikael Holm", email: "mikael.holm@hv.example", title: "Socialsekreterare", role: "social_worker", phone: 15 },
  { key: "leila", name: "Leila Haddad", email: "leila.haddad@hv.example", title: "Socialsekreterare", role: "social_worker", phone: 16 },
  { key: "eva", name: "Eva Sjöberg", email: "eva.sjoberg@hv.example", title: "Föräldrarådgivare", role: "parent_adviser", phone: 17, prevention: true },
  { key: "tobias", name: "Tobias Ek", email: "tobias.ek@hv.example", title: "Fältassistent", role: "social_worker", phone: 22, prevention: true },
  { key: "omar", name: "Omar Lind", email: "omar.lind@hv.example", title: "Socialsekreterare", role: "social_worker", phone: 18 },
  { key: "karin", name: "Karin Dahl", email: "karin.dahl@hv.example", title: "Socialsekreterare", role: "social_worker", phone: 19 },
  { key: "petra", name: "Petra Nyström", email: "petra.nystrom@hv.example", title: "Socialsekreterare", role: "social_worker", phone: 20 },
  { key: "helena", name: "Helena Vik", email: "samordnare@hv.example", title: "Samordnare", role: "coordinator", phone: 21 },
  { key: "birgitta", name: "Birgitta Norén", email: "enhetschef@hv.example", title: "Enhetschef, barn och unga", role: "unit_head", phone: 23 },
  // The city's administrator: works above the districts (home district only for the login).
  { key: "nina", name: "Nina Holmberg", email: "admin@stockholm.example", title: "Administratör, stadsledningskontoret", role: "city_admin" },
  // Partners.
  {
    key: "maria",
    name: "Maria Lund",
    email: "larare@vallingbyskolan.example",
    title: "Lärare",
    role: "partner_staff",
    organisation: "vallingbyskolan",
    stage: "lagstadiet",
    phone: 30,
  },
  {
    key: "nadia",
    name: "Nadia Karimi",
    email: "elevhalsa@vallingbyskolan.example",
    title: "Skolsköterska",
    role: "partner_staff",
    organisation: "vallingbyskolan",
    phone: 31,
  },
  {
    key: "peter",
    name: "Peter Strand",
    email: "rektor@vallingbyskolan.example",
    title: "Rektor",
    role: "partner_leadership",
    organisation: "vallingbyskolan",
    phone: 32,
  },
  {
    key: "lars",
    name: "Lars Ek",
    email: "lars.ek@vallingbyskolan.example",
    title: "Lärare",
    role: "partner_staff",
    organisation: "vallingbyskolan",
    stage: "hogstadiet",
  },
  {
    key: "sofia",
    name: "Sofia Engström",
    email: "larare@grimstaskolan.example",
    title: "Lärare",
    role: "partner_staff",
    organisation: "grimstaskolan",
    stage: "mellanstadiet",
    phone: 33,
  },
  {
    key: "bjorn",
    name: "Björn Wallin",
    email: "rektor@grimstaskolan.example",
    title: "Rektor",
    role: "partner_leadership",
    organisation: "grimstaskolan",
    phone: 34,
  },
  {
    key: "lena",
    name: "Lena Falk",
    email: "forskolechef@gronadiamanten.example",
    title: "Förskolechef",
    role: "partner_leadership",
    organisation: "gronadiamanten",
    phone: 35,
  },
  {
    key: "ahmed",
    name: "Ahmed Yusuf",
    email: "pedagog@gronadiamanten.example",
    title: "Förskollärare",
    role: "partner_staff",
    organisation: "gronadiamanten",
    staffTeam: "Smaragden",
  },
  {
    key: "ingrid",
    name: "Ingrid Söderberg",
    email: "forskolechef@grimsta.example",
    title: "Förskolechef",
    role: "partner_leadership",
    organisation: "grimsta",
    phone: 36,
  },
  {
    key: "johanna",
    name: "Johanna Berglund",
    email: "pedagog@ekorren.example",
    title: "Barnskötare",
    role: "partner_staff",
    organisation: "ekorren",
    staffTeam: "Kotten",
  },
  { key: "erik", name: "Erik Norberg", email: "polis@vallingby.polisen.example", title: "Polis", role: "partner_staff", organisation: "polis", phone: 37 },
];

type MeetingSeriesSpec = {
  key: string;
  kind: "planning" | "forum" | "collaboration";
  host: string;
  organisation?: string;
  group?: { kind: "forum" | "collaboration"; name: string; members: string[]; caseMinutes?: number };
  /** Days after the Monday of the seed week. */
  firstDay: number;
  time: string;
  minutes: number;
  everyWeeks: number;
  count: number;
  place: "school" | "office" | "digital";
};

const MEETING_SERIES: MeetingSeriesSpec[] = [
  {
    key: "planning",
    kind: "planning",
    host: "leila",
    organisation: "gronadiamanten",
    firstDay: 10,
    time: "08:30",
    minutes: 90,
    everyWeeks: 6,
    count: 5,
    place: "school",
  },
  {
    key: "forum",
    kind: "forum",
    // Eva Sjöberg is not on the duty rota, so the forum keeps its Thursdays.
    host: "eva",
    group: { kind: "forum", name: "Konsultationsforum Hässelby-Vällingby", members: ["anna", "leila", "sara"], caseMinutes: 20 },
    firstDay: 10,
    time: "13:00",
    minutes: 120,
    everyWeeks: 2,
    count: 8,
    place: "office",
  },
  {
    key: "police",
    kind: "collaboration",
    host: "omar",
    group: { kind: "collaboration", name: "Samverkan polis och socialtjänst, Vällingby", members: ["karin", "erik", "tobias"] },
    firstDay: 8,
    time: "10:00",
    minutes: 90,
    everyWeeks: 4,
    count: 6,
    place: "office",
  },
  {
    key: "six-to-sixteen",
    kind: "collaboration",
    host: "tobias",
    group: { kind: "collaboration", name: "Lokal samverkansgrupp 6–16, Vällingby", members: ["peter", "bjorn", "erik", "omar", "mikael"] },
    firstDay: 16,
    time: "09:00",
    minutes: 90,
    everyWeeks: 6,
    count: 4,
    place: "school",
  },
];

const ASSIGNMENTS: AssignmentSpec[] = [
  {
    person: "anna",
    organisation: "vallingbyskolan",
    scopeLabel: "Lågstadiet, mellanstadiet och grundsärskolan",
    stages: ["lagstadiet", "mellanstadiet", "grundsarskolan"],
  },
  {
    person: "jonas",
    organisation: "vallingbyskolan",
    scopeLabel: "Lågstadiet, mellanstadiet och grundsärskolan",
    stages: ["lagstadiet", "mellanstadiet", "grundsarskolan"],
  },
  { person: "sara", organisation: "vallingbyskolan", scopeLabel: "Högstadiet", stages: ["hogstadiet"] },
  { person: "mikael", organisation: "vallingbyskolan", scopeLabel: "Högstadiet", stages: ["hogstadiet"] },
  { person: "leila", organisation: "gronadiamanten", scopeLabel: "Hela förskolan" },
  { person: "eva", organisation: "gronadiamanten", scopeLabel: "Hela förskolan, stöd i föräldraskapet" },
  { person: "omar", organisation: "polis", scopeLabel: "Samverkan med lokalpolisen" },
  { person: "karin", organisation: "polis", scopeLabel: "Samverkan med lokalpolisen" },
  { person: "karin", organisation: "grimstaskolan", scopeLabel: "Hela skolan" },
  { person: "mikael", organisation: "grimstaskolan", scopeLabel: "Hela skolan" },
  { person: "petra", organisation: "grimsta", scopeLabel: "Alla fyra förskolor i enheten" },
  { person: "eva", organisation: "grimsta", scopeLabel: "Stöd i föräldraskapet, alla förskolor" },
];

const WEEKDAY_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: "08:00", closesAt: "16:30" }));

type WalkSeriesSpec = {
  key: string;
  host: string;
  organisation: string;
  stage?: SchoolStage;
  meetingPoint: string;
  places: number;
  rule: { weekday: number; firstSlotAt: string; slotMinutes: number; slotsPerOccasion: number; everyWeeks: number };
};

const WALK_SERIES: WalkSeriesSpec[] = [
  {
    key: "anna",
    host: "anna",
    organisation: "vallingbyskolan",
    meetingPoint: "Utanför huvudentrén, Vällingbyskolan",
    places: 1,
    rule: { weekday: 3, firstSlotAt: "14:30", slotMinutes: 30, slotsPerOccasion: 3, everyWeeks: 2 },
  },
  {
    key: "sara",
    host: "sara",
    organisation: "vallingbyskolan",
    stage: "hogstadiet",
    meetingPoint: "Vid cykelstället, högstadiets entré",
    places: 1,
    rule: { weekday: 4, firstSlotAt: "15:00", slotMinutes: 30, slotsPerOccasion: 2, everyWeeks: 2 },
  },
  {
    key: "leila",
    host: "leila",
    organisation: "gronadiamanten",
    meetingPoint: "Vid grinden till gården, Gröna diamanten",
    places: 2,
    rule: { weekday: 2, firstSlotAt: "13:00", slotMinutes: 30, slotsPerOccasion: 4, everyWeeks: 2 },
  },
];

/** [series, slot index, booker, topic] */
const WALK_BOOKINGS: [string, number, string, WalkTopic][] = [
  ["sara", 0, "lars", "general"],
  ["leila", 0, "ahmed", "guardians"],
  ["anna", 1, "nadia", "concern"],
];

/** The prevention unit's offers, which partners can point families to without a report. */
const SUPPORT_OFFERS = [
  {
    name: "Föräldrarådgivare",
    forWhom: "Föräldrar med barn och unga 0–17 år",
    whatItGives:
      "Enskilda samtal om föräldraskap och vardagen hemma, föräldragrupper, och hembesök för dig som är förälder för första gången tillsammans med barnavårdscentralen.",
    howToContact: "Ring eller mejla själv. Ni behöver inte berätta varför i förväg, och det finns ingen väntelista för ett första samtal.",
    phone: 40,
    email: "foraldraradgivning@hv.example",
  },
  {
    name: "Fältassistenter",
    forWhom: "Unga 12–20 år och deras föräldrar",
    whatItGives: "Vuxna som finns där unga är, på kvällar i centrum och på fritidsgårdar. De lyssnar, stöttar och hjälper vidare till annat stöd.",
    howToContact: "Den unga eller föräldern ringer eller skickar sms. Fältassistenterna går också att möta i Vällingby centrum på kvällstid.",
    phone: 41,
    email: "faltassistenter@hv.example",
  },
  {
    name: "Ungdomsmottagningen",
    forWhom: "Unga 12–22 år",
    whatItGives: "Samtal om känslor, relationer, sex och hälsa med kurator, barnmorska och läkare. Det är gratis och ni kan vara anonyma.",
    howToContact: "Boka en tid själv på telefon. Det finns drop-in på tisdagar eftermiddag.",
    phone: 42,
    email: "ungdomsmottagningen@hv.example",
  },
  {
    name: "Skolsocionomer och närvaroprogrammet",
    forWhom: "Elever med hög frånvaro och deras familjer",
    whatItGives: "Stöd för att komma tillbaka till skolan, i samarbete med skolan och familjen. Samtal med eleven och föräldrarna och en plan för närvaron.",
    howToContact: "Familjen ringer själv, eller ber skolans elevhälsa ta kontakt.",
    phone: 43,
    email: "skolsocionomer@hv.example",
  },
];

/** The duty rota's order; the parent adviser and the coordinator take no duty days. */
const ROTA = ["anna", "omar", "sara", "leila", "jonas", "karin", "mikael", "petra"];

/**
 * Seeds the demo district unless it is already there. Returns whether it seeded.
 * `passwordHash` is the argon2 hash of DEMO_PASSWORD, computed once by the caller;
 * `now` is the seed's "today": the rota starts that week and one contact person is away
 * for the coming week, so the demo shows every answer to "who do I call?".
 */
export function seedDemoDistrict(db: DB, passwordHash: string, now: Date, today: LocalDate): boolean {
  const existing = db.select().from(districts).where(eq(districts.slug, DEMO_DISTRICT_SLUG)).get();
  if (existing) return false;

  db.transaction((tx) => {
    const district = tx.insert(districts).values({ slug: DEMO_DISTRICT_SLUG, name: "Hässelby-Vällingby" }).returning().get();
    const team = tx.insert(teams).values({ districtId: district.id, name: "Barn och unga", office: "Tegelhögen, Vällingby centrum" }).returning().get();

    const prevention = tx.insert(teams).values({ districtId: district.id, name: "Förebyggande enheten", office: "Vällingby centrum" }).returning().get();
    const { orgIds, partIds, staffTeamIds } = insertOrganisations(tx, district.id, ORGANISATIONS);
    const personIds = insertPeople(tx, district.id, PEOPLE, { team: team.id, prevention: prevention.id }, { orgIds, partIds, staffTeamIds }, passwordHash);
    insertAssignments(tx, district.id, ASSIGNMENTS, { orgIds, partIds, personIds });

    tx.insert(dutyLines)
      .values({
        districtId: district.id,
        phone: fictionalPhone(5),
        afterHoursPhone: fictionalPhone(6),
        eveClosesAt: "13:00",
        rotaStartsOn: mondayOf(today),
      })
      .run();
    for (const hours of WEEKDAY_HOURS)
      tx.insert(dutyHours)
        .values({ districtId: district.id, ...hours })
        .run();
    ROTA.forEach((key, position) => {
      tx.insert(dutyRotaMembers)
        .values({ districtId: district.id, personId: personIds.get(key)!, position })
        .run();
    });
    tx.insert(availabilityStatuses)
      .values({ personId: personIds.get("jonas")!, kind: "away", awayThrough: addDays(today, 7), setAt: now })
      .run();

    // Walk-and-talk: three series starting next week, a few bookings, and Gröna diamanten's
    // head expecting every pedagogue to walk this term.
    const awayJonas = (personId: number, date: LocalDate) => personId === personIds.get("jonas") && date <= addDays(today, 7);
    const rota = {
      line: { hours: WEEKDAY_HOURS, eveClosesAt: "13:00", rotaStartsOn: mondayOf(today) },
      members: ROTA.map((k) => personIds.get(k)!),
      overrides: new Map(),
      isAway: awayJonas,
    };
    const slotIdsOf = (seriesKey: string) => walkSlotIds.get(seriesKey) ?? [];
    const walkSlotIds = new Map<string, number[]>();
    for (const spec of WALK_SERIES) {
      const hostId = personIds.get(spec.host)!;
      const rule = {
        ...spec.rule,
        firstDate: addDays(mondayOf(today), 7),
        lastDate: addDays(mondayOf(today), 7 * 13),
        deadlineDaysBefore: 1,
        deadlineAt: "12:00",
      };
      const series = tx
        .insert(walkSeries)
        .values({
          ...rule,
          districtId: district.id,
          organisationId: orgIds.get(spec.organisation)!,
          hostPersonId: hostId,
          meetingPoint: spec.meetingPoint,
          placesPerSlot: spec.places,
          schoolPartId: spec.stage ? partIds.get(`${spec.organisation}/${spec.stage}`) : null,
        })
        .returning()
        .get();
      const { occasions } = planSeries(rule, (date) => dutyDayOn(rota, date)?.personId === hostId, today);
      const ids: number[] = [];
      for (const occasion of occasions) {
        const row = tx.insert(walkOccasions).values({ seriesId: series.id, date: occasion.date, deadline: occasion.deadline }).returning().get();
        for (const slot of occasion.slots) {
          ids.push(
            tx.insert(walkSlots).values({ occasionId: row.id, startsAt: slot.startsAt, endsAt: slot.endsAt, capacity: spec.places }).returning().get().id,
          );
        }
      }
      walkSlotIds.set(spec.key, ids);
    }
    for (const [seriesKey, slotIndex, personKey, topic] of WALK_BOOKINGS) {
      const slotId = slotIdsOf(seriesKey)[slotIndex];
      if (slotId === undefined) continue;
      const slot = tx
        .update(walkSlots)
        .set({ booked: sql`${walkSlots.booked} + 1` })
        .where(eq(walkSlots.id, slotId))
        .returning()
        .get();
      tx.insert(walkBookings)
        .values({ slotId, occasionId: slot.occasionId, personId: personIds.get(personKey)!, topic })
        .run();
    }
    tx.insert(walkExpectations)
      .values({ organisationId: orgIds.get("gronadiamanten")!, term: termOf(today), setBy: personIds.get("lena")! })
      .run();

    // A report meeting the school proposed for next week, waiting for Anna Berg's answer.
    const reportMeeting = tx
      .insert(meetings)
      .values({
        districtId: district.id,
        organisationId: orgIds.get("vallingbyskolan")!,
        kind: "report",
        hostPersonId: personIds.get("anna")!,
        proposedBy: personIds.get("peter")!,
        place: "school",
        participants: "Rektor och mentor",
        interpreterLanguage: "arabiska",
        guardiansTold: true,
        createdAt: now,
      })
      .returning()
      .get();
    for (const [days, time] of [
      [8, "13:00"],
      [9, "09:00"],
    ] as const) {
      const startsAt = instantAt(addDays(mondayOf(today), days), time);
      tx.insert(meetingProposals)
        .values({ meetingId: reportMeeting.id, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), proposedBy: personIds.get("peter")! })
        .run();
    }
    tx.insert(meetingEvents)
      .values({ meetingId: reportMeeting.id, personId: personIds.get("peter")!, action: "proposed", at: now })
      .run();

    // Gröna diamanten's head has asked Leila Haddad to visit the Safiren staff team.
    const visit = tx
      .insert(meetings)
      .values({
        districtId: district.id,
        organisationId: orgIds.get("gronadiamanten")!,
        kind: "staff_team",
        hostPersonId: personIds.get("leila")!,
        proposedBy: personIds.get("lena")!,
        place: "school",
        guardiansTold: false,
        staffTeamId: staffTeamIds.get("gronadiamanten/Safiren")!,
        theme: "Att förbereda svåra samtal med vårdnadshavare",
        createdAt: now,
      })
      .returning()
      .get();
    const visitAt = instantAt(addDays(mondayOf(today), 17), "15:00");
    tx.insert(meetingProposals)
      .values({ meetingId: visit.id, startsAt: visitAt, endsAt: new Date(visitAt.getTime() + 3_600_000), proposedBy: personIds.get("lena")! })
      .run();
    tx.insert(meetingEvents)
      .values({ meetingId: visit.id, personId: personIds.get("lena")!, action: "proposed", at: now })
      .run();

    // Recurring series: planning with Gröna diamanten, the consultation forum and two
    // collaboration groups, on dates moved off holidays and the host's duty days.
    const seriesIds = new Map<string, number[]>();
    for (const spec of MEETING_SERIES) {
      const hostId = personIds.get(spec.host)!;
      const group = spec.group
        ? tx
            .insert(meetingGroups)
            .values({
              districtId: district.id,
              kind: spec.group.kind,
              name: spec.group.name,
              hostPersonId: hostId,
              caseMinutes: spec.group.caseMinutes ?? null,
              createdAt: now,
            })
            .returning()
            .get()
        : null;
      if (group) {
        for (const key of [spec.host, ...spec.group!.members])
          tx.insert(meetingGroupMembers)
            .values({ groupId: group.id, districtId: district.id, personId: personIds.get(key)! })
            .run();
      }
      const firstDate = addDays(mondayOf(today), spec.firstDay);
      const dates = planningDates(firstDate, spec.everyWeeks, spec.count, (date) => dutyDayOn(rota, date)?.personId === hostId, today);
      const ids: number[] = [];
      for (const date of dates) {
        const startsAt = instantAt(date, spec.time);
        const row = tx
          .insert(meetings)
          .values({
            districtId: district.id,
            organisationId: spec.organisation ? orgIds.get(spec.organisation)! : null,
            groupId: group?.id ?? null,
            kind: spec.kind,
            state: "confirmed",
            hostPersonId: hostId,
            proposedBy: hostId,
            place: spec.place,
            guardiansTold: false,
            places: spec.group?.caseMinutes ? forumPlaces(spec.minutes, spec.group.caseMinutes) : null,
            seriesId: ids[0] ?? null,
            startsAt,
            endsAt: new Date(startsAt.getTime() + spec.minutes * 60_000),
            createdAt: now,
          })
          .returning()
          .get();
        if (ids.length === 0) tx.update(meetings).set({ seriesId: row.id }).where(eq(meetings.id, row.id)).run();
        tx.insert(meetingEvents).values({ meetingId: row.id, personId: hostId, action: "confirmed", at: now }).run();
        ids.push(row.id);
      }
      seriesIds.set(spec.key, ids);
    }
    const [firstPlanning] = seriesIds.get("planning")!;
    tx.insert(meetingAgendaPoints)
      .values({ meetingId: firstPlanning!, authorPersonId: personIds.get("lena")!, text: "Hur vi tar emot nya familjer i januari", createdAt: now })
      .run();
    const [firstPolice] = seriesIds.get("police")!;
    tx.insert(meetingAgendaPoints)
      .values({ meetingId: firstPolice!, authorPersonId: personIds.get("erik")!, text: "Läget i centrum på kvällstid inför jullovet", createdAt: now })
      .run();
    // One case booked on the first forum; the other places are free.
    const [firstForum] = seriesIds.get("forum")!;
    const forum = tx.select().from(meetings).where(eq(meetings.id, firstForum!)).get()!;
    const forumCase = tx
      .insert(consultations)
      .values({
        districtId: district.id,
        organisationId: orgIds.get("vallingbyskolan")!,
        askerPersonId: personIds.get("maria")!,
        schoolPartId: partIds.get("vallingbyskolan/lagstadiet")!,
        purpose: "unsure_report",
        mode: "anonymous",
        ageBand: "6-9",
        urgency: "no_hurry",
        answerBy: "meeting",
        question: "En elev i årskurs 2 kommer ofta utan frukost och är trött. Frånvaron har ökat sedan höstlovet. Hur kan vi prata med vårdnadshavarna?",
        dueAt: forum.endsAt!,
        forumMeetingId: forum.id,
        forumPlace: 1,
        createdAt: now,
      })
      .returning()
      .get();
    for (const concern of ["absence", "home"] as const) tx.insert(consultationConcerns).values({ consultationId: forumCase.id, concern }).run();

    SUPPORT_OFFERS.forEach((offer, sortOrder) => {
      tx.insert(supportOffers)
        .values({ ...offer, phone: fictionalPhone(offer.phone), districtId: district.id, teamId: prevention.id, sortOrder })
        .run();
    });
    seedSpangaTensta(tx, passwordHash, today);
  });
  return true;
}
