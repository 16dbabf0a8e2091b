/**
 * A crash in the middle of work (the "api" project, no browser): the built server runs on its
 * own database as two processes (as on two cores), a stream of bookings and questions goes in,
 * every process is killed with SIGKILL while requests are in flight, and it starts again. The database must pass SQLite's
 * integrity check, and every request that was answered with success must be in it.
 */
import Database from "better-sqlite3";
import { expect, request as http, test } from "@playwright/test";
import { anonymousQuestion, login, ownServer } from "./own-server";

const own = ownServer("crash", 3102);
const ORIGIN = own.origin;
const DATABASE = own.database;
const TEACHERS = ["larare@vallingbyskolan.example", "elevhalsa@vallingbyskolan.example", "lars.ek@vallingbyskolan.example", "rektor@vallingbyskolan.example"];

test("two server processes killed mid-stream restart with an intact database holding every answered request", async () => {
  test.setTimeout(120_000);
  own.seed();

  // Slots still open for booking, each with the occasion it belongs to.
  const setup = new Database(DATABASE, { readonly: true });
  const slots = setup
    .prepare(
      `SELECT s.id AS slotId, s.occasion_id AS occasionId FROM walk_slots s JOIN walk_occasions o ON o.id = s.occasion_id
       JOIN walk_series ws ON ws.id = o.series_id JOIN organisations org ON org.id = ws.organisation_id
       WHERE org.name = 'Vällingbyskolan' AND ws.school_part_id IS NULL AND o.cancelled_at IS NULL AND o.deadline > ? AND s.booked < s.capacity`,
    )
    .all(Date.parse("2026-12-01T09:00:00Z")) as { slotId: number; occasionId: number }[];
  setup.close();
  expect(slots.length).toBeGreaterThan(4);

  const api = await http.newContext({ baseURL: ORIGIN });
  let server = await own.start(api);
  try {
    const cookies = await Promise.all(TEACHERS.map((email) => login(ORIGIN, email)));

    const answeredQuestions: number[] = [];
    const answeredBookings: { slotId: number; cookie: string }[] = [];
    const serverErrors: string[] = [];
    let stop = false;
    const question = (cookie: string, n: number) =>
      api
        .post("/konsultation/ny", {
          form: anonymousQuestion(`Fråga nummer ${n} om frånvaro i en klass.`),
          headers: { Cookie: cookie, Origin: ORIGIN },
          maxRedirects: 0,
          timeout: 10_000,
        })
        .then((response) => {
          if (response.status() >= 500) serverErrors.push(`question: ${response.status()}`);
          const id = /^\/konsultation\/(\d+)/.exec(response.headers()["location"] ?? "")?.[1];
          if (response.status() === 302 && id) answeredQuestions.push(Number(id));
        })
        .catch(() => undefined); // the connection dies with the server: not answered, nothing promised
    const booking = (cookie: string, slotId: number) =>
      api
        .post(`/walk-and-talk/tider/${slotId}`, {
          form: { topic: "", note: "" },
          headers: { Cookie: cookie, Origin: ORIGIN },
          maxRedirects: 0,
          timeout: 10_000,
        })
        .then((response) => {
          if (response.status() >= 500) serverErrors.push(`booking: ${response.status()}`);
          if (response.status() === 302 && response.headers()["location"] === "/walk-and-talk?sparat=bokad") answeredBookings.push({ slotId, cookie });
        })
        .catch(() => undefined);

    // Four writers, each firing requests one after another, until the server is killed.
    let n = 0;
    const writers = cookies.map(async (cookie, w) => {
      for (let i = 0; !stop; i++) {
        n++;
        await Promise.all([question(cookie, n), booking(cookie, slots[(w + i * TEACHERS.length) % slots.length]!.slotId)]);
      }
    });
    await expect.poll(() => answeredQuestions.length, { timeout: 30_000 }).toBeGreaterThan(40);
    const killed = own.kill(server);
    stop = true;
    await Promise.all(writers);
    await killed;
    // Two processes writing side by side wait for each other; neither may fail for it.
    expect(serverErrors, "answers before the kill").toEqual([]);

    server = await own.start(api);
    const db = new Database(DATABASE, { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.pragma("foreign_key_check")).toEqual([]);
      const stored = new Set((db.prepare("SELECT id FROM consultations").all() as { id: number }[]).map((r) => r.id));
      expect(answeredQuestions.filter((id) => !stored.has(id))).toEqual([]);
      // Every answered booking is there, and no slot holds more than it may.
      for (const { slotId } of answeredBookings) {
        const row = db.prepare("SELECT count(*) AS n FROM walk_bookings WHERE slot_id = ? AND cancelled_at IS NULL").get(slotId) as { n: number };
        expect(row.n, `booking of slot ${slotId}`).toBeGreaterThan(0);
      }
      expect(
        db
          .prepare(
            "SELECT count(*) AS n FROM walk_slots WHERE booked > capacity OR booked <> (SELECT count(*) FROM walk_bookings b WHERE b.slot_id = walk_slots.id AND b.cancelled_at IS NULL)",
          )
          .get(),
      ).toEqual({ n: 0 });
    } finally {
      db.close();
    }
    // And it serves again.
    expect((await api.get("/healthz")).status()).toBe(200);
  } finally {
    await own.kill(server);
    await api.dispose();
  }
});
