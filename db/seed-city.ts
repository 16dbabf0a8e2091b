/**
 * `npm run seed:city`: a city-sized database for the benchmark (data/city.db unless
 * DATABASE_PATH says otherwise): 13 districts, about 700 organisations, 400 social workers,
 * 20,000 partner staff, five years of walk-and-talk occasions and bookings, and 200,000 closed
 * consultations kept for the statistics. Made-up and deterministic; every password is the
 * demo password. Replaces the file if it exists.
 */
import fs from "node:fs";
import path from "node:path";
import { hashPassword } from "../app/auth/password.server";
import { openDatabase } from "../app/db.server";
import { addDays, instantAt, localDateOf, mondayOf } from "../app/time/stockholm";
import { CONCERNS, CONSULTATION_OUTCOMES } from "./schema";
import { DEMO_PASSWORD } from "./seed";

const file = process.env.DATABASE_PATH && process.env.DATABASE_PATH !== ":memory:" ? process.env.DATABASE_PATH : "data/city.db";
const DISTRICTS = [
  "Hässelby-Vällingby",
  "Spånga-Tensta",
  "Rinkeby-Kista",
  "Bromma",
  "Kungsholmen",
  "Norrmalm",
  "Östermalm",
  "Södermalm",
  "Enskede-Årsta-Vantör",
  "Farsta",
  "Skarpnäck",
  "Skärholmen",
  "Hägersten-Älvsjö",
];
const HOUR = 3_600_000;
const started = Date.now();

let state = 42;
const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;

for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
const db = openDatabase(file);
const sql = db.$client;
const passwordHash = await hashPassword(DEMO_PASSWORD);
const now = new Date();
const today = localDateOf(now);

const insert = {
  district: sql.prepare("INSERT INTO districts (slug, name) VALUES (?, ?) RETURNING id"),
  team: sql.prepare("INSERT INTO teams (district_id, name, office) VALUES (?, 'Barn och unga', ?) RETURNING id"),
  organisation: sql.prepare("INSERT INTO organisations (district_id, kind, name, parent_id) VALUES (?, ?, ?, ?) RETURNING id"),
  part: sql.prepare("INSERT INTO school_parts (organisation_id, stage) VALUES (?, ?)"),
  person: sql.prepare(
    "INSERT INTO people (district_id, name, email, title, role, organisation_id, team_id, password_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
  ),
  assignment: sql.prepare(
    "INSERT INTO contact_assignments (district_id, organisation_id, person_id, scope_label, sort_order) VALUES (?, ?, ?, 'Hela verksamheten', 0)",
  ),
  line: sql.prepare(
    "INSERT INTO duty_lines (district_id, phone, after_hours_phone, eve_closes_at, rota_starts_on) VALUES (?, '+46701740605', '+46701740606', '13:00', ?)",
  ),
  hours: sql.prepare("INSERT INTO duty_hours (district_id, weekday, opens_at, closes_at) VALUES (?, ?, '08:00', '16:30')"),
  rota: sql.prepare("INSERT INTO duty_rota_members (district_id, person_id, position) VALUES (?, ?, ?)"),
  series: sql.prepare(
    "INSERT INTO walk_series (district_id, organisation_id, host_person_id, meeting_point, weekday, first_slot_at, slots_per_occasion, every_weeks, first_date, last_date) VALUES (?, ?, ?, 'Vid entrén', 3, '14:00', 3, 2, ?, ?) RETURNING id",
  ),
  occasion: sql.prepare("INSERT INTO walk_occasions (series_id, date, deadline) VALUES (?, ?, ?) RETURNING id"),
  slot: sql.prepare("INSERT INTO walk_slots (occasion_id, starts_at, ends_at, capacity, booked, outcome) VALUES (?, ?, ?, 1, ?, ?) RETURNING id"),
  booking: sql.prepare("INSERT INTO walk_bookings (slot_id, occasion_id, person_id, topic, created_at) VALUES (?, ?, ?, 'general', ?)"),
  consultation: sql.prepare(
    `INSERT INTO consultations (district_id, organisation_id, asker_person_id, purpose, mode, age_band, urgency, answer_by, state, taken_by, taken_at, first_answer_at, closed_at, outcome, due_at, created_at, purged_at)
     VALUES (?, ?, ?, ?, 'anonymous', ?, 'few_days', 'portal', 'closed', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  ),
  concern: sql.prepare("INSERT INTO consultation_concerns (consultation_id, concern) VALUES (?, ?)"),
};

type Org = { id: number; districtId: number; staff: number[]; contacts: number[]; walks: boolean };
const orgs: Org[] = [];
let personCount = 0;

sql.transaction(() => {
  DISTRICTS.forEach((name, d) => {
    const districtId = (insert.district.get(`stad-${d}`, name) as { id: number }).id;
    const teamId = (insert.team.get(districtId, `${name} centrum`) as { id: number }).id;
    const person = (title: string, role: string, organisationId: number | null) => {
      const n = ++personCount;
      return (
        insert.person.get(
          districtId,
          `Person ${n}`,
          `person${n}@stad${d}.example`,
          title,
          role,
          organisationId,
          organisationId === null ? teamId : null,
          passwordHash,
        ) as { id: number }
      ).id;
    };
    person("Samordnare", "coordinator", null);
    const workers = Array.from({ length: d < 10 ? 31 : 30 }, () => person("Socialsekreterare", "social_worker", null));
    insert.line.run(districtId, mondayOf(today));
    for (const weekday of [1, 2, 3, 4, 5]) insert.hours.run(districtId, weekday);
    workers.slice(0, 10).forEach((id, position) => insert.rota.run(districtId, id, position));
    const add = (kind: string, orgName: string, parentId: number | null, staff: number, walks: boolean) => {
      const id = (insert.organisation.get(districtId, kind, orgName, parentId) as { id: number }).id;
      if (kind === "school") for (const stage of ["lagstadiet", "mellanstadiet", "hogstadiet"]) insert.part.run(id, stage);
      const contacts = [pick(workers), pick(workers)].filter((v, i, a) => a.indexOf(v) === i);
      if (kind !== "preschool") for (const c of contacts) insert.assignment.run(districtId, id, c);
      const org: Org = { id, districtId, staff: [], contacts, walks };
      for (let i = 0; i < staff; i++) org.staff.push(person(i === 0 ? "Rektor" : "Lärare", i === 0 ? "partner_leadership" : "partner_staff", id));
      orgs.push(org);
      return id;
    };
    for (let s = 0; s < 20; s++) add("school", `Skola ${d}-${s}`, null, 52, true);
    for (let u = 0; u < 8; u++) {
      const unit = add("preschool_unit", `Förskoleenhet ${d}-${u}`, null, 1, false);
      for (let p = 0; p < 3; p++) add("preschool", `Förskola ${d}-${u}-${p}`, unit, 22, true);
    }
    add("police", `Lokalpolisområde ${d}`, null, 6, false);
    add("other", `Fritidsgård ${d}`, null, 5, false);
  });
})();
console.log(`${DISTRICTS.length} districts, ${orgs.length} organisations, ${personCount} people`);

// Five years of walk-and-talk every other Wednesday, three places each, most booked and held.
const first = mondayOf(addDays(today, -5 * 365));
let slots = 0;
let bookings = 0;
sql.transaction(() => {
  for (const org of orgs.filter((o) => o.walks)) {
    const seriesId = (insert.series.get(org.districtId, org.id, org.contacts[0], addDays(first, 2), addDays(today, 90)) as { id: number }).id;
    for (let date = addDays(first, 2); date <= addDays(today, 90); date = addDays(date, 14)) {
      const occasionId = (insert.occasion.get(seriesId, date, instantAt(addDays(date, -1), "12:00").getTime()) as { id: number }).id;
      const past = date < today;
      const walkers = new Set<number>();
      for (let i = 0; i < 3; i++) {
        const startsAt = instantAt(date, `${14 + Math.floor(i / 2)}:${i % 2 ? "30" : "00"}`).getTime();
        let walker: number | undefined = next() < 0.6 ? pick(org.staff) : undefined;
        if (walker !== undefined && walkers.has(walker)) walker = undefined;
        const slotId = (
          insert.slot.get(occasionId, startsAt, startsAt + 30 * 60_000, walker ? 1 : 0, walker && past ? (next() < 0.9 ? "held" : "not_held") : null) as {
            id: number;
          }
        ).id;
        slots++;
        if (walker) {
          walkers.add(walker);
          insert.booking.run(slotId, occasionId, walker, startsAt - 5 * 24 * HOUR);
          bookings++;
        }
      }
    }
  }
})();
console.log(`${slots} walk-and-talk places, ${bookings} bookings`);

// 200,000 closed consultations over five years, their text long since purged.
const askers = orgs.filter((o) => o.contacts.length > 0 && o.staff.length > 0);
const span = 5 * 365 * 24 * HOUR;
sql.transaction(() => {
  for (let i = 0; i < 200_000; i++) {
    const org = pick(askers);
    const createdAt = now.getTime() - 24 * HOUR - Math.floor(next() * span);
    const answered = createdAt + (1 + Math.floor(next() * next() * 70)) * HOUR;
    const id = (
      insert.consultation.get(
        org.districtId,
        org.id,
        pick(org.staff),
        pick(["unsure_report", "support_without_report", "plan_report"]),
        pick(["1-5", "6-9", "10-12", "13-15", "16-18"]),
        org.contacts[0],
        answered,
        answered,
        answered + 24 * HOUR,
        pick(CONSULTATION_OUTCOMES),
        createdAt + 48 * HOUR,
        createdAt,
        answered + 90 * 24 * HOUR,
      ) as { id: number }
    ).id;
    insert.concern.run(id, pick(CONCERNS));
  }
})();
sql.pragma("optimize");
sql.exec("ANALYZE");
db.$client.close();
console.log(`200000 consultations. ${file} is ready (${Math.round((Date.now() - started) / 1000)} s, ${Math.round(fs.statSync(file).size / 1e6)} MB).`);
