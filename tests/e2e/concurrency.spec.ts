/**
 * Many people at once, over plain HTTP (the "api" project, no browser), against a server of
 * its own running as two processes on one database file, as in production on two cores, so
 * the requests really do run side by side:
 * - 200 people book the last place at once: exactly one gets it, every other gets a clear
 *   "Tiden hann bli bokad av någon annan";
 * - one person sends the same booking several times at once: exactly one booking;
 * - two social workers take the same questions at once: exactly one gets each question.
 *
 * The 200 people and their sessions are written straight into that database (it is seeded
 * afresh for every run, so nothing is cleaned up).
 */
import crypto from "node:crypto";
import type { ChildProcess } from "node:child_process";
import Database from "better-sqlite3";
import { expect, request as http, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { anonymousQuestion, login, ownServer } from "./own-server";

const own = ownServer("concurrency", 3103);
const ORIGIN = own.origin;
const DATABASE = own.database;
/** The server's pinned clock (start-test-server.mjs): Tuesday 1 December 2026, 10.00 in Stockholm. */
const PINNED_NOW_MS = Date.parse("2026-12-01T09:00:00Z");
const HOST_EMAIL = "socialsekreterare@hv.example";
const FULL = "Tiden hann bli bokad av någon annan";
const ALREADY = "Du har redan en bokad tid vid det här tillfället.";
const CROWD = 200;

// One after the other in one worker: each test already sends many requests at once.
test.describe.configure({ mode: "default" });

let server: ChildProcess;
let request: APIRequestContext;
test.beforeAll(async () => {
  test.setTimeout(60_000);
  own.seed();
  request = await http.newContext({ baseURL: ORIGIN });
  server = await own.start(request);
});
test.afterAll(async () => {
  await own.kill(server);
  await request.dispose();
});

function openDatabase(): Database.Database {
  const db = new Database(DATABASE, { fileMustExist: true });
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 10000");
  return db;
}

/** A lucia-style session id: 40 characters of lower-case base32. */
function newSessionId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  return Array.from(crypto.randomBytes(40), (byte) => alphabet[byte % 32]).join("");
}

type Person = { personId: number; sessionId: string };

/** Partner staff at Vällingbyskolan, each with a live session. */
function insertStaff(db: Database.Database, emails: string[]): Person[] {
  const school = db
    .prepare(
      `SELECT o.id AS organisationId, o.district_id AS districtId FROM organisations o
       JOIN districts d ON d.id = o.district_id
       WHERE o.name = 'Vällingbyskolan' AND d.name = 'Hässelby-Vällingby'`,
    )
    .get() as { organisationId: number; districtId: number } | undefined;
  if (!school) throw new Error("Vällingbyskolan is not in the e2e database");
  const insertPerson = db.prepare(
    `INSERT INTO people (district_id, name, email, title, role, organisation_id)
     VALUES (@districtId, @name, @email, 'Lärare', 'partner_staff', @organisationId) RETURNING id`,
  );
  const insertSession = db.prepare("INSERT INTO sessions (id, user_id, expires_at) VALUES (?, ?, ?)");
  const expiresAt = Math.floor(Date.now() / 1000) + 60 * 60;
  return db.transaction(() =>
    emails.map((email, i) => {
      const { id } = insertPerson.get({ ...school, email, name: `Samtidig Lärare ${i + 1}` }) as { id: number };
      const sessionId = newSessionId();
      // The table holds the id's SHA-256 hash, as the portal stores it; the cookie carries the id.
      insertSession.run(crypto.createHash("sha256").update(sessionId).digest("hex"), id, expiresAt);
      return { personId: id, sessionId };
    }),
  )();
}

type Slot = { slotId: number; occasionId: number };

/**
 * A slot of Anna Berg's seeded series (her first) that is open, for one person, and still
 * bookable at the pinned clock: `last` picks the series' very last slot, otherwise the
 * first slot of the series' last occasion.
 */
function seededSlot(db: Database.Database, which: "last" | "first-of-last-occasion"): Slot {
  const order = which === "last" ? "s.starts_at DESC" : "o.date DESC, s.starts_at ASC";
  const slot = db
    .prepare(
      `SELECT s.id AS slotId, s.occasion_id AS occasionId FROM walk_slots s
       JOIN walk_occasions o ON o.id = s.occasion_id
       JOIN walk_series ws ON ws.id = o.series_id
       JOIN people p ON p.id = ws.host_person_id
       WHERE p.email = ? AND ws.id = (SELECT MIN(id) FROM walk_series WHERE host_person_id = p.id)
         AND o.cancelled_at IS NULL AND o.deadline > ? AND s.capacity = 1 AND s.booked = 0
       ORDER BY ${order} LIMIT 1`,
    )
    .get(HOST_EMAIL, PINNED_NOW_MS) as Slot | undefined;
  if (!slot) throw new Error("Anna Berg's seeded series has no free, bookable slot");
  return slot;
}

function activeBookings(db: Database.Database, slotId: number) {
  return db.prepare("SELECT person_id AS personId FROM walk_bookings WHERE slot_id = ? AND cancelled_at IS NULL").all(slotId) as { personId: number }[];
}

function bookedCount(db: Database.Database, slotId: number): number {
  return (db.prepare("SELECT booked FROM walk_slots WHERE id = ?").get(slotId) as { booked: number }).booked;
}

function postBooking(request: APIRequestContext, slotId: number, sessionId: string): Promise<APIResponse> {
  return request.post(`/walk-and-talk/tider/${slotId}`, {
    form: { topic: "", note: "" },
    headers: { Cookie: `portal_session=${sessionId}`, Origin: ORIGIN },
    maxRedirects: 0,
    timeout: 60_000,
  });
}

const isBooked = (response: APIResponse) => response.status() === 302 && response.headers()["location"] === "/walk-and-talk?sparat=bokad";

test("200 people booking the last place at once: exactly one gets it, the others are told someone else was quicker", async () => {
  test.setTimeout(120_000);
  const db = openDatabase();
  let crowd: Person[];
  let slot: Slot;
  try {
    crowd = insertStaff(
      db,
      Array.from({ length: CROWD }, (_, i) => `samtidig-${i + 1}@vallingbyskolan.example`),
    );
    slot = seededSlot(db, "last");
  } finally {
    db.close();
  }

  const responses = await Promise.all(crowd.map((person) => postBooking(request, slot.slotId, person.sessionId)));
  const statuses = responses.map((r) => r.status());
  expect(
    statuses.filter((s) => s >= 500),
    "no server errors",
  ).toEqual([]);

  const winners = responses.filter(isBooked);
  expect(winners, `one booking went through (statuses: ${[...new Set(statuses)].join(", ")})`).toHaveLength(1);
  const losers = responses.filter((r) => !isBooked(r));
  expect(losers).toHaveLength(CROWD - 1);
  expect(losers.map((r) => r.status())).toEqual(Array(CROWD - 1).fill(409));
  const bodies = await Promise.all(losers.map((r) => r.text()));
  for (const body of bodies) {
    expect(body).toContain(FULL);
    expect(body).toContain('role="alert"');
  }

  const db2 = openDatabase();
  try {
    const bookings = activeBookings(db2, slot.slotId);
    expect(bookings).toHaveLength(1);
    expect(crowd.map((p) => p.personId)).toContain(bookings[0]!.personId);
    expect(bookedCount(db2, slot.slotId)).toBe(1);
  } finally {
    db2.close();
  }
});

test("the same person sending the same booking several times at once gets exactly one booking", async () => {
  test.setTimeout(60_000);
  const db = openDatabase();
  let person: Person;
  let slot: Slot;
  try {
    [person] = insertStaff(db, ["samtidig-dubbel@vallingbyskolan.example"]) as [Person];
    slot = seededSlot(db, "first-of-last-occasion");
    // Room for several, so only the one-booking-per-occasion rule can stop the repeats.
    db.prepare("UPDATE walk_slots SET capacity = 5 WHERE id = ?").run(slot.slotId);
  } finally {
    db.close();
  }

  const responses = await Promise.all(Array.from({ length: 5 }, () => postBooking(request, slot.slotId, person.sessionId)));
  const statuses = responses.map((r) => r.status());
  expect(
    statuses.filter((s) => s >= 500),
    "no server errors",
  ).toEqual([]);
  expect(responses.filter(isBooked)).toHaveLength(1);
  const repeats = responses.filter((r) => !isBooked(r));
  expect(repeats.map((r) => r.status())).toEqual([400, 400, 400, 400]);
  for (const body of await Promise.all(repeats.map((r) => r.text()))) expect(body).toContain(ALREADY);

  const db2 = openDatabase();
  try {
    expect(activeBookings(db2, slot.slotId)).toEqual([{ personId: person.personId }]);
    const sameOccasion = db2
      .prepare("SELECT COUNT(*) AS n FROM walk_bookings WHERE occasion_id = ? AND person_id = ? AND cancelled_at IS NULL")
      .get(slot.occasionId, person.personId) as { n: number };
    expect(sameOccasion.n).toBe(1);
    expect(bookedCount(db2, slot.slotId)).toBe(1);
  } finally {
    db2.close();
  }
});

test("two social workers taking the same questions at once: exactly one gets each question, the other is told", async () => {
  test.setTimeout(60_000);
  const QUESTIONS = 20;
  const WORKERS = ["socialsekreterare@hv.example", "jonas.ekholm@hv.example"]; // both cover Vällingbyskolan
  const teacher = await login(ORIGIN, "larare@vallingbyskolan.example");
  const ids: number[] = [];
  for (let n = 1; n <= QUESTIONS; n++) {
    const asked = await request.post("/konsultation/ny", {
      form: anonymousQuestion(`Fråga ${n}: en elev är ofta borta.`),
      headers: { Cookie: teacher, Origin: ORIGIN },
      maxRedirects: 0,
    });
    const id = /^\/konsultation\/(\d+)/.exec(asked.headers()["location"] ?? "")?.[1];
    expect(id, `question ${n} was sent`).toBeDefined();
    ids.push(Number(id));
  }
  const cookies = await Promise.all(WORKERS.map((email) => login(ORIGIN, email)));

  // Every question taken by both at once: 40 requests in flight over two server processes.
  const attempts = ids.flatMap((id) => cookies.map((cookie, w) => ({ id, w, cookie })));
  const responses = await Promise.all(
    attempts.map(({ id, cookie }) =>
      request.post(`/konsultation/${id}`, { form: { intent: "take" }, headers: { Cookie: cookie, Origin: ORIGIN }, maxRedirects: 0, timeout: 30_000 }),
    ),
  );
  expect(
    responses.map((r) => r.status()).filter((s) => s >= 500),
    "no server errors",
  ).toEqual([]);

  const db = openDatabase();
  try {
    const personIds = WORKERS.map((email) => (db.prepare("SELECT id FROM people WHERE email = ?").get(email) as { id: number }).id);
    for (const id of ids) {
      const mine = attempts.map((a, i) => ({ ...a, response: responses[i]! })).filter((a) => a.id === id);
      const winners = mine.filter((a) => a.response.status() === 302 && a.response.headers()["location"] === `/konsultation/${id}?sparat=tagen`);
      expect(winners, `question ${id} was taken once`).toHaveLength(1);
      const loser = mine.find((a) => a !== winners[0])!;
      expect(loser.response.status()).toBe(400);
      expect(await loser.response.text()).toContain("Någon annan hann ta frågan");
      const stored = db.prepare("SELECT state, taken_by AS takenBy FROM consultations WHERE id = ?").get(id);
      expect(stored).toEqual({ state: "taken", takenBy: personIds[winners[0]!.w] });
    }
  } finally {
    db.close();
  }
});
