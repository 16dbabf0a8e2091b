/**
 * What the city's operations see (the "api" project, no browser): the built server as two
 * processes on a demo database of its own, its stdout kept in data/observability.log. A set of
 * real requests (logins, a question, a booking, a password reset and its link, the calendar
 * feed, a query string with an address in it) must leave one JSON line per request naming its
 * route, status and id, and no line may hold an address, a name, a phone number, the question's
 * text, a token or a session id. /metrics adds up both processes and refuses a request through
 * a proxy and a wrong token.
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { waitForMail } from "./mailbox";
import { anonymousQuestion, login, ownServer } from "./own-server";

const PORT = 3105;
const METRICS_TOKEN = "e2e-metrics-token-0123456789abcdef0123";
const own = ownServer("observability", PORT, {
  WEB_CONCURRENCY: "2",
  LOG_LEVEL: "info",
  METRICS_TOKEN,
  // Mail goes to the e2e SMTP server (tests/e2e/start-test-server.mjs); links name this server.
  SCHEDULER: "on",
  SCHEDULER_INTERVAL_MS: "1000",
  SMTP_URL: "smtp://127.0.0.1:3125",
  APP_URL: `http://127.0.0.1:${PORT}`,
});
const ORIGIN = own.origin;
const LOG = path.join(path.dirname(own.database), "observability.log");
const QUESTION = "Eleven i klass 3B somnar på lektionerna och säger att hon inte får äta hemma.";
const TEACHER = "larare@vallingbyskolan.example";

test.describe.configure({ mode: "default" });

let server: ChildProcess;
let api: APIRequestContext;
test.beforeAll(async () => {
  test.setTimeout(60_000);
  own.seed();
  api = await playwrightRequest.newContext({ baseURL: ORIGIN, extraHTTPHeaders: { Origin: ORIGIN } });
  server = await own.start(api);
});
test.afterAll(async () => {
  await own.kill(server);
  await api.dispose();
});

type LogLine = Record<string, unknown> & { msg?: string; requestId?: string; route?: string; status?: number; method?: string; process?: number };

function logLines(): LogLine[] {
  return fs
    .readFileSync(LOG, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        throw new Error(`not a JSON log line: ${line.slice(0, 200)}`);
      }
    });
}

/** The people, addresses and phone numbers of the demo, as they stand in the database. */
function personalData(): string[] {
  const db = new Database(own.database, { readonly: true });
  try {
    const people = db.prepare("SELECT name, email, phone FROM people").all() as { name: string; email: string; phone: string | null }[];
    const lines = db.prepare("SELECT phone, after_hours_phone AS afterHours FROM duty_lines").all() as { phone: string; afterHours: string | null }[];
    return [
      ...people.flatMap((p) => [p.name, p.email, p.phone ?? ""]),
      ...lines.flatMap((l) => [l.phone, l.afterHours ?? ""]),
      // The phone numbers as typed and as digits only.
      ...[...people.map((p) => p.phone ?? ""), ...lines.map((l) => l.phone)].map((phone) => phone.replace(/\D/g, "")),
    ].filter((value) => value.length >= 6);
  } finally {
    db.close();
  }
}

test("one JSON line per request with its id, route and status, and not one line with personal data, content or a secret", async () => {
  test.setTimeout(90_000);
  const answered: { id: string; method: string; route: string; status: number }[] = [];
  const note = (response: Awaited<ReturnType<APIRequestContext["get"]>>, method: string, route: string) => {
    const id = response.headers()["x-request-id"];
    expect(id, `X-Request-Id of ${route}`).toMatch(/^[0-9a-f-]{36}$/);
    answered.push({ id: id!, method, route, status: response.status() });
  };

  // A wrong password, then the right one.
  const refused = await api.post("/logga-in", { form: { email: TEACHER, password: "fel-losenord-123" }, maxRedirects: 0 });
  expect(refused.status()).toBe(400);
  note(refused, "POST", "routes/logga-in");
  const teacher = await login(ORIGIN, TEACHER);

  // An anonymous question, and a walk-and-talk booking.
  const asked = await api.post("/konsultation/ny", { form: anonymousQuestion(QUESTION), headers: { Cookie: teacher }, maxRedirects: 0 });
  expect(asked.status()).toBe(302);
  note(asked, "POST", "routes/konsultation.ny");
  const setup = new Database(own.database, { readonly: true });
  const slot = setup
    .prepare(
      `SELECT s.id FROM walk_slots s JOIN walk_occasions o ON o.id = s.occasion_id JOIN walk_series ws ON ws.id = o.series_id
       JOIN organisations org ON org.id = ws.organisation_id
       WHERE org.name = 'Vällingbyskolan' AND ws.school_part_id IS NULL AND o.cancelled_at IS NULL AND o.deadline > ? AND s.booked < s.capacity LIMIT 1`,
    )
    .get(Date.parse("2026-12-01T09:00:00Z")) as { id: number };
  setup.close();
  const booked = await api.post(`/walk-and-talk/tider/${slot.id}`, { form: { topic: "", note: "" }, headers: { Cookie: teacher }, maxRedirects: 0 });
  expect(booked.status()).toBe(302);
  note(booked, "POST", "routes/walk-and-talk.tider.$slotId");

  // A password reset, and the link from its mail.
  const reset = await api.post("/glomt-losenord", { form: { email: "lars.ek@vallingbyskolan.example" }, maxRedirects: 0 });
  note(reset, "POST", "routes/glomt-losenord");
  const mail = await waitForMail("lars.ek@vallingbyskolan.example", (raw) => raw.replace(/=\r?\n/g, "").includes(`127.0.0.1:${PORT}/aterstall/`));
  const resetPath = /\/aterstall\/[A-Za-z0-9_-]{20,}/.exec(mail.raw.replace(/=\r?\n/g, ""))![0];
  const resetPage = await api.get(resetPath);
  expect(resetPage.status()).toBe(200);
  note(resetPage, "GET", "routes/aterstall.$token");

  // A social worker's calendar feed: its address is a secret.
  const socialWorker = await login(ORIGIN, "sara.lindqvist@hv.example");
  const renewed = await api.post(`/?index&_data=${encodeURIComponent("routes/_index")}`, { form: { intent: "renew-feed" }, headers: { Cookie: socialWorker } });
  const feedUrl = ((await renewed.json()) as { newFeedUrl: string }).newFeedUrl;
  const feed = await api.get(new URL(feedUrl).pathname);
  expect(feed.status()).toBe(200);
  note(feed, "GET", "routes/kalender.jour.$token");

  // A query string with an address in it, a page that is not there, and an id the client made up.
  const withQuery = await api.get(`/logga-in?redirectTo=%2Fmoten&email=${encodeURIComponent(TEACHER)}`);
  note(withQuery, "GET", "routes/logga-in");
  const missing = await api.get("/moten/999999", { headers: { Cookie: teacher } });
  expect(missing.status()).toBe(404);
  note(missing, "GET", "routes/moten.$meetingId");
  const madeUp = await api.get("/healthz", { headers: { "X-Request-Id": "klientens-eget-id-123" } });
  expect(madeUp.headers()["x-request-id"], "without TRUST_PROXY a client's own id is not taken").not.toBe("klientens-eget-id-123");

  // The scheduler logs what it sent.
  await expect.poll(() => logLines().some((line) => line.msg === "mail delivered"), { timeout: 15_000 }).toBe(true);

  const lines = logLines();
  for (const request of answered) {
    const line = lines.find((l) => l.requestId === request.id && l.msg === "request");
    expect(line, `the log line of ${request.method} ${request.route}`).toMatchObject({
      level: "info",
      method: request.method,
      route: request.route,
      status: request.status,
    });
    expect(typeof line?.ms).toBe("number");
    expect(typeof line?.time).toBe("string");
    expect([0, 1]).toContain(line?.process);
  }
  expect(lines.some((l) => "url" in l || "headers" in l || "req" in l)).toBe(false);

  const secrets = [
    ...personalData(),
    QUESTION,
    "somnar på lektionerna",
    "fel-losenord-123",
    "samverkan-demo",
    resetPath.split("/").pop()!,
    new URL(feedUrl).pathname
      .split("/")
      .pop()!
      .replace(/\.ics$/, ""),
    teacher.split("=")[1]!,
    socialWorker.split("=")[1]!,
    "redirectTo",
  ];
  const text = fs.readFileSync(LOG, "utf8");
  const found = secrets.filter((secret) => text.includes(secret));
  expect(found, "personal data, content or secrets in the log").toEqual([]);
});

test("/metrics adds up both server processes; through a proxy or with a wrong token it is refused", async () => {
  const requests = 24;
  // A new connection each time, so that the processes take turns (one connection stays with one process).
  for (let i = 0; i < requests; i++) expect((await api.get("/logga-in", { headers: { Connection: "close" } })).status()).toBe(200);
  const served = () => logLines().filter((l) => l.msg === "request" && l.route === "routes/logga-in" && l.method === "GET" && l.status === 200);

  const metrics = await api.get("/metrics");
  expect(metrics.status()).toBe(200);
  expect(metrics.headers()["content-type"]).toContain("text/plain");
  const text = await metrics.text();
  const count = Number(/^portal_http_request_duration_seconds_count\{route="routes\/logga-in",method="GET",status="200"\} (\d+)$/m.exec(text)?.[1]);
  // The count over both processes is the number of such requests their logs name.
  expect(count).toBeGreaterThanOrEqual(requests);
  await expect.poll(() => served().length, { timeout: 5_000 }).toBe(count);
  expect(new Set(served().map((l) => l.process)), "both processes answered some").toEqual(new Set([0, 1]));
  for (const name of [
    "portal_pages_waiting",
    "portal_outbox_pending",
    "portal_outbox_oldest_pending_age_seconds",
    "portal_mail_attempts_failed_total",
    "portal_job_runs_total",
    "portal_login_failures_total",
    "portal_logins_throttled_total",
    'portal_database_bytes{file="wal"}',
    "process_resident_memory_bytes",
    "nodejs_eventloop_lag_p99_seconds",
  ])
    expect(text, name).toContain(`\n${name}`);
  expect(Number(/^portal_login_failures_total (\d+)$/m.exec(text)?.[1])).toBeGreaterThanOrEqual(1);
  // No URL, so no token or id, in any label.
  expect(text).not.toMatch(/route="\/|\/kalender\/jour\/[A-Za-z0-9_-]{20,}/);

  const throughProxy = await api.get("/metrics", { headers: { "X-Forwarded-For": "203.0.113.9" } });
  expect(throughProxy.status()).toBe(403);
  expect(await throughProxy.text()).not.toContain("portal_");
  const wrongToken = await api.get("/metrics", { headers: { Authorization: "Bearer fel-token", "X-Forwarded-For": "203.0.113.9" } });
  expect(wrongToken.status()).toBe(403);
  const rightToken = await api.get("/metrics", { headers: { Authorization: `Bearer ${METRICS_TOKEN}`, "X-Forwarded-For": "203.0.113.9" } });
  expect(rightToken.status()).toBe(200);
  expect(await rightToken.text()).toContain("portal_http_request_duration_seconds_count");
});

test("a path that is not valid percent-encoding answers 400, not 500, and its log line is JSON without the path", async () => {
  const token = "hemligt-kalender-token-ab";
  for (const pathname of [`/kalender/jour/${token}%E0%A4%A.ics`, "/larare@vallingbyskolan.example%ZZ", "/build/%ZZ"]) {
    const answer = await api.get(pathname, { maxRedirects: 0 });
    expect(answer.status(), pathname).toBe(400);
    // The build's files carry no X-Request-Id (app/http/built-assets.js): that line is found by its route.
    const id = answer.headers()["x-request-id"];
    const line = () => logLines().find((l) => l.msg === "request" && (id === undefined ? l.route === "static" && l.status === 400 : l.requestId === id));
    await expect.poll(() => line()?.status, { timeout: 5_000 }).toBe(400);
  }
  // Every line is JSON (logLines() fails otherwise), and none names the path.
  const text = fs.readFileSync(LOG, "utf8");
  expect(logLines().length).toBeGreaterThan(0);
  expect(text).not.toContain(token);
  expect(text).not.toContain("vallingbyskolan.example%ZZ");
});

test("a made-up X-Forwarded-Host is the client's mistake, not a 500: no address answers 400, and a form is answered as usual", async () => {
  const noAddress = await api.get("/logga-in", { headers: { "X-Forwarded-Host": "portal.example.se:99999" } });
  expect(noAddress.status()).toBe(400);
  // Remix itself compares a form's Origin with X-Forwarded-Host, and failed with a 500.
  const form = await api.post("/logga-in", {
    form: { email: TEACHER, password: "fel-losenord-456" },
    headers: { "X-Forwarded-Host": "annan.example" },
    maxRedirects: 0,
  });
  expect(form.status()).toBe(400);
  expect(logLines().filter((l) => l.level === "error")).toEqual([]);
});
