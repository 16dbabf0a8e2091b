/**
 * `npm run bench`: the built server on the city-sized database (`npm run seed:city` first),
 * measured with autocannon at 50 connections: a bare route (the ceiling on this machine),
 * the logged-in start page, the walk-and-talk booking page, booking and cancelling, and the
 * statistics page. Prints requests per second, p50/p95/p99 latency, the ratio to the bare
 * route, the server's memory, the slowest SQL statements with their query plans, and the
 * JavaScript each page sends (gzip). Figures only: nothing here passes or fails.
 */
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { BUDGET_BYTES, javaScriptPerPage, kB } from "../bundle";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DATABASE = path.resolve(root, process.env.DATABASE_PATH ?? "data/city.db");
const PORT = 3200;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

if (!fs.existsSync(DATABASE)) {
  console.error(`${DATABASE} is missing: run npm run seed:city first.`);
  process.exit(1);
}

// --- Sessions and test data, straight into the database (as the concurrency test does). ---
const db = new Database(DATABASE);
db.pragma("busy_timeout = 10000");
const sessionFor = (personId: number) => {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  const id = Array.from(crypto.randomBytes(40), (b) => alphabet[b % 32]).join("");
  // Two hours ahead: fresh, so lucia does not extend (write) it during the run.
  db.prepare("INSERT INTO sessions (id, user_id, expires_at) VALUES (?, ?, ?)").run(id, personId, Math.floor(Date.now() / 1000) + 7200);
  return `portal_session=${id}`;
};
const teacher = db
  .prepare(
    "SELECT p.id, p.organisation_id AS org FROM people p JOIN organisations o ON o.id = p.organisation_id WHERE p.role = 'partner_staff' AND o.kind = 'school' ORDER BY p.id LIMIT 1",
  )
  .get() as { id: number; org: number };
const coordinator = db.prepare("SELECT id FROM people WHERE role = 'coordinator' ORDER BY id LIMIT 1").get() as { id: number };
const now = Date.now();
const openSlot = db
  .prepare(
    `SELECT s.id FROM walk_slots s JOIN walk_occasions o ON o.id = s.occasion_id JOIN walk_series ws ON ws.id = o.series_id
     WHERE ws.organisation_id = ? AND o.deadline > ? AND s.booked < s.capacity ORDER BY s.starts_at LIMIT 1`,
  )
  .get(teacher.org, now) as { id: number };
const teacherWithoutComingBookings = db.prepare(
  `SELECT p.id FROM people p WHERE p.organisation_id = ? AND p.role = 'partner_staff' AND p.deactivated_at IS NULL
     AND NOT EXISTS (SELECT 1 FROM walk_bookings b JOIN walk_occasions bo ON bo.id = b.occasion_id WHERE b.person_id = p.id AND b.cancelled_at IS NULL AND bo.deadline > ?)
   ORDER BY p.id LIMIT 1`,
);
// One teacher and one free coming place per connection, each in a different organisation
// (so no two connections want the same place), each teacher without a coming booking (so
// the booking they cancel is the one they just made).
const pairs = db
  .prepare(
    `SELECT MIN(s.id) AS slotId, ws.organisation_id AS organisationId FROM walk_slots s
     JOIN walk_occasions o ON o.id = s.occasion_id JOIN walk_series ws ON ws.id = o.series_id
     WHERE o.deadline > ? AND o.cancelled_at IS NULL AND s.booked = 0 AND ws.school_part_id IS NULL AND ws.staff_team_id IS NULL
     GROUP BY ws.organisation_id ORDER BY ws.organisation_id`,
  )
  .all(now)
  .map((row) => {
    const { slotId, organisationId } = row as { slotId: number; organisationId: number };
    const person = teacherWithoutComingBookings.get(organisationId, now) as { id: number } | undefined;
    return person && { personId: person.id, slotId };
  })
  .filter((pair) => pair !== undefined)
  .slice(0, CONNECTIONS);
if (pairs.length < CONNECTIONS) throw new Error(`only ${pairs.length} organisations have a free place and a teacher without a coming booking`);
const teacherCookie = sessionFor(teacher.id);
const coordinatorCookie = sessionFor(coordinator.id);
const bookers = pairs.map((p) => ({ cookie: sessionFor(p.personId), slotId: p.slotId }));
db.close();

// --- The server: as `npm start` runs it (production, one server process per core). ---
function startServer(extraEnv: Record<string, string>) {
  const child = spawn(process.execPath, [path.join(root, "app/server.js")], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), HOST: "127.0.0.1", DATABASE_PATH: DATABASE, SCHEDULER: "off", BENCH: "1", ...extraEnv },
    stdio: ["ignore", "ignore", "inherit"],
  });
  process.on("exit", () => child.kill("SIGTERM"));
  return child;
}
async function waitUntilUp() {
  for (let i = 0; ; i++) {
    const up = await fetch(`${ORIGIN}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (up) break;
    if (i > 300) throw new Error("the server did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  // The other server processes start once the first listens.
  await new Promise((r) => setTimeout(r, 3000));
}
async function stopServer(child: ReturnType<typeof spawn>) {
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
}
/** Resident memory of the server: the primary process and every server process under it. */
function serverMemoryMB(pid: number): { total: number; processes: number } {
  const out = spawnSync("ps", ["-o", "rss=", "-p", String(pid), "--ppid", String(pid)], { encoding: "utf8" }).stdout;
  const sizes = out
    .split("\n")
    .map((l) => Number(l.trim()))
    .filter((n) => n > 0);
  return { total: Math.round(sizes.reduce((a, b) => a + b, 0) / 1024), processes: sizes.length };
}

const server = startServer({});
await waitUntilUp();

type Result = { name: string; rps: number; p50: number; p95: number; p99: number; errors: number; refused: number; failed: number };
async function measure(name: string, options: Omit<autocannon.Options, "url"> & { url?: string }): Promise<Result> {
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options, url: options.url ?? ORIGIN });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p95: result.latency.p97_5 ?? result.latency.p90,
    p99: result.latency.p99,
    errors: result.errors,
    refused: result["4xx"],
    failed: result["5xx"],
  };
}

async function steady(name: string, urlPath: string, cookie: string, rate: number): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 200 });
  const latencies: number[] = [];
  let errors = 0;
  let refused = 0;
  let failed = 0;
  const get = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = http.get(`${ORIGIN}${urlPath}`, { agent, headers: { Cookie: cookie } }, (res) => {
        res.resume();
        res.on("end", () => {
          latencies.push(performance.now() - started);
          const status = res.statusCode ?? 0;
          if (status >= 500) failed++;
          else if (status >= 400) refused++;
          resolve();
        });
      });
      req.on("error", () => {
        errors++;
        resolve();
      });
    });
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  for (let sent = 0; sent < rate * SECONDS; sent++) {
    const wait = start + (sent * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(get());
  }
  await Promise.all(inFlight);
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { name, rps: latencies.length / SECONDS, p50: at(0.5), p95: at(0.975), p99: at(0.99), errors, refused, failed };
}

const results: Result[] = [];
// Warm up, then measure each.
await autocannon({ url: `${ORIGIN}/`, connections: 10, duration: 2, headers: { Cookie: teacherCookie } });
results.push(await measure("bare route (ceiling)", { url: `${ORIGIN}/__bench/ceiling` }));
// What any Remix route costs here: /healthz returns "ok" after one SQL statement.
results.push(await measure("Remix route, fixed text (floor)", { url: `${ORIGIN}/healthz` }));
results.push(await measure("start page, teacher", { url: `${ORIGIN}/`, headers: { Cookie: teacherCookie } }));
// The same page at a steady rate, requests evenly spaced whatever the answers (autocannon's own
// rate limits send each second's requests in a burst): the latency people get while the server
// is busy but not saturated.
for (const rate of [100, 250]) results.push(await steady(`start page, teacher, steady ${rate} req/s`, "/", teacherCookie, rate));
results.push(await measure("booking page", { url: `${ORIGIN}/walk-and-talk/tider/${openSlot.id}`, headers: { Cookie: teacherCookie } }));
// Book, read one's bookings, cancel: each cycle a teacher with a place of their own, taken
// from the free ones when it starts and handed back when it ends (autocannon starts every
// cycle with a fresh context), so no two connections ever act as the same teacher at once.
type Booker = (typeof bookers)[number];
type Context = { me?: Booker; bookingId?: string };
const freeBookers = [...bookers];
const me = (context: unknown): Booker => ((context as Context).me ??= freeBookers.shift()!);
const as = (req: autocannon.Request, context: unknown, extra: Partial<autocannon.Request>): autocannon.Request => ({
  ...req,
  ...extra,
  headers: { ...req.headers, Cookie: me(context).cookie, Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
});
results.push(
  await measure("book + list + cancel", {
    connections: bookers.length,
    requests: [
      { method: "POST", setupRequest: (req, context) => as(req, context, { path: `/walk-and-talk/tider/${me(context).slotId}`, body: "topic=&note=" }) },
      {
        method: "GET",
        path: "/walk-and-talk",
        setupRequest: (req, context) => as(req, context, {}),
        onResponse: (_status, body, context) => void ((context as Context).bookingId = /name="bookingId" value="(\d+)"/.exec(body)?.[1]),
      },
      {
        method: "POST",
        path: "/walk-and-talk",
        setupRequest: (req, context) => as(req, context, { body: `intent=cancel-booking&bookingId=${(context as Context).bookingId ?? ""}` }),
        onResponse: (_status, _body, context) => void freeBookers.push(me(context)),
      },
    ],
    initialContext: {},
  }),
);

// Last, since it is the slowest: the server may still be answering it when the run ends.
results.push(await measure("statistics page, coordinator", { url: `${ORIGIN}/statistik`, headers: { Cookie: coordinatorCookie } }));

const memory = serverMemoryMB(server.pid!);
await stopServer(server);

// The slowest SQL, from a second, quiet run with every statement timed (timing slows the
// server, so it is kept out of the figures above): each page a few hundred times.
const timed = startServer({ BENCH_SQL: "1", WEB_CONCURRENCY: "1" });
await waitUntilUp();
for (const [url, cookie] of [
  ["/", teacherCookie],
  [`/walk-and-talk/tider/${openSlot.id}`, teacherCookie],
  ["/walk-and-talk", teacherCookie],
  ["/statistik", coordinatorCookie],
] as const) {
  for (let i = 0; i < 200; i++) await (await fetch(`${ORIGIN}${url}`, { headers: { Cookie: cookie } })).text();
}
const slowest = (await (await fetch(`${ORIGIN}/__bench/sql`)).json()) as { sql: string; calls: number; meanMs: number; plan: string[] }[];
await stopServer(timed);

const ceiling = results[0]!.rps;
const floor = results[1]!.rps;
console.log(
  `\nCity database: ${path.relative(root, DATABASE)}; ${CONNECTIONS} connections, ${SECONDS} s each; ${memory.processes - 1 || 1} server process(es).\n`,
);
console.log("| what | req/s | p50 ms | p97.5 ms | p99 ms | of the bare route | of a Remix route | connection errors / 4xx / 5xx |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of results)
  console.log(
    `| ${r.name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p95} | ${r.p99} | ${Math.round((r.rps / ceiling) * 100)} % | ${Math.round((r.rps / floor) * 100)} % | ${r.errors} / ${r.refused} / ${r.failed} |`,
  );
console.log(`\nServer memory after the runs: ${memory.total} MB resident in ${memory.processes} processes (the primary and the server processes).\n`);

console.log("Slowest SQL statements (mean time per call) and their query plans:");
for (const s of slowest.slice(0, 8)) {
  console.log(`\n- ${s.meanMs.toFixed(2)} ms × ${s.calls}: ${s.sql.slice(0, 220)}${s.sql.length > 220 ? "…" : ""}`);
  for (const step of s.plan) console.log(`    ${step}`);
}

// JavaScript per page, over every route of the manifest: the entry, the root and the page's
// route module with their imports (tests/bundle.ts; tests/e2e/bundle.spec.ts holds the budget).
const pages = javaScriptPerPage(root);
console.log(`\nJavaScript each page sends (gzip), ${pages.length} routes; the largest:`);
for (const p of pages.slice(0, 6)) console.log(`  ${p.route.replace(/^routes\//, "/")}: ${kB(p.gzipBytes)}`);
console.log(
  `  max ${kB(pages[0]!.gzipBytes)}, smallest ${kB(pages.at(-1)!.gzipBytes)}; over the ${kB(BUDGET_BYTES)} budget: ${pages.filter((p) => p.gzipBytes > BUDGET_BYTES).length}`,
);
