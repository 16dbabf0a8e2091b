/**
 * The server as `npm start` runs it (the "api" project, no browser): NODE_ENV=production and
 * nothing else set, one server process on a demo database of its own (PORTAL_DEMO=1, as
 * `npm run demo` starts it). What a client sees over HTTP: bodies past 1 MiB refused while they
 * arrive, no personal page kept in any cache, the session cookie Secure by default.
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { login, ownServer } from "./own-server";

const own = ownServer("production", 3104, { NODE_ENV: "production", PORTAL_FIXED_NOW: undefined, WEB_CONCURRENCY: "1", SESSION_COOKIE_SECURE: undefined });
const ORIGIN = own.origin;
const MiB = 1024 * 1024;
const TOO_BIG = "Det du skickade var för stort";

test.describe.configure({ mode: "default" });

let server: ChildProcess;
let api: APIRequestContext;
test.beforeAll(async () => {
  test.setTimeout(60_000);
  own.seed();
  api = await playwrightRequest.newContext({ baseURL: ORIGIN });
  server = await own.start(api);
});
test.afterAll(async () => {
  await own.kill(server);
  await api.dispose();
});

/** The server process's resident memory now and at its peak so far, in MiB (Linux /proc). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kB = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rss: kB("VmRSS") / 1024, peak: kB("VmHWM") / 1024 };
}

type Upload = { status: number | undefined; text: string; sentBytes: number };

/**
 * Sends a chunked body of `totalBytes` (a form field of that size) as fast as the server takes
 * it; `end: false` keeps the request open after the last chunk, as a slow client would. Resolves
 * when the answer has been read or the connection is gone.
 */
function sendChunked(path: string, totalBytes: number, { method = "POST", end = true } = {}): Promise<Upload> {
  const url = new URL(path, ORIGIN);
  return new Promise((resolve) => {
    const upload: Upload = { status: undefined, text: "", sentBytes: 0 };
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      req.destroy();
      resolve(upload);
    };
    const req = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method,
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked", Origin: ORIGIN },
    });
    req.on("response", (response) => {
      upload.status = response.statusCode;
      response.setEncoding("utf8");
      response.on("data", (text: string) => (upload.text += text));
      response.on("end", settle);
      response.on("error", settle);
    });
    req.on("error", settle);
    req.on("close", () => setTimeout(settle, 200));
    setTimeout(settle, 15_000);
    const chunk = Buffer.alloc(64 * 1024, "a");
    req.write("email=");
    const pump = () => {
      while (upload.sentBytes < totalBytes && !settled) {
        upload.sentBytes += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (end && !settled) req.end();
    };
    pump();
  });
}

test("a 20 MB chunked form is refused with 413 as it arrives, the server stays small and answers others meanwhile", async () => {
  const pid = server.pid!;
  expect((await api.get("/logga-in")).status()).toBe(200);
  const before = memoryOf(pid);

  const [upload, other] = await Promise.all([
    sendChunked("/glomt-losenord", 20 * MiB),
    (async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const started = Date.now();
      const response = await api.get("/logga-in");
      return { status: response.status(), ms: Date.now() - started };
    })(),
  ]);

  expect(upload.status).toBe(413);
  expect(upload.text.slice(0, 500)).toContain(TOO_BIG);
  // The connection was closed instead of reading on: the client could not hand over all of it.
  expect(upload.sentBytes).toBeLessThan(20 * MiB);
  const after = memoryOf(pid);
  expect(after.peak - before.peak, `peak memory ${before.peak.toFixed(0)} → ${after.peak.toFixed(0)} MiB`).toBeLessThan(32);
  expect(other.status).toBe(200);
  expect(other.ms).toBeLessThan(2_000);
});

test("the 413 comes once 1 MiB has arrived, before the client has finished sending", async () => {
  const upload = await sendChunked("/glomt-losenord", 2 * MiB, { end: false });
  expect(upload.status).toBe(413);
  expect(upload.text.slice(0, 500)).toContain(TOO_BIG);
});

test("the limit holds for every method and for a body announced as too big", async () => {
  const get = await sendChunked("/logga-in", 4 * MiB, { method: "GET" });
  expect(get.status).toBe(413);

  const announced = await new Promise<number | undefined>((resolve) => {
    const req = http.request(`${ORIGIN}/logga-in`, { method: "POST", headers: { "Content-Length": String(5 * MiB), Origin: ORIGIN } });
    req.on("response", (response) => {
      resolve(response.statusCode);
      req.destroy();
    });
    req.on("error", () => resolve(undefined));
    req.write("email=a"); // nothing more: the answer must not wait for the rest
  });
  expect(announced).toBe(413);

  // A form of ordinary size still goes through (the wrong password is the action's answer).
  const normal = await api.post("/logga-in", {
    form: { email: "larare@vallingbyskolan.example", password: "fel" },
    headers: { Origin: ORIGIN },
    maxRedirects: 0,
  });
  expect(normal.status()).toBe(400);
});

test("no page or data behind the login is kept in a cache; the build's files are", async () => {
  const teacher = await login(ORIGIN, "larare@vallingbyskolan.example");
  const coordinator = await login(ORIGIN, "samordnare@hv.example");
  const responses = {
    "/ (page)": await api.get("/", { headers: { Cookie: teacher } }),
    "/?_data=root (data)": await api.get("/?_data=root", { headers: { Cookie: teacher } }),
    "/konsultation?_data=routes/konsultation._index (data)": await api.get("/konsultation?_data=routes%2Fkonsultation._index", {
      headers: { Cookie: teacher },
    }),
    "/walk-and-talk/personal.csv": await api.get("/walk-and-talk/personal.csv", { headers: { Cookie: await login(ORIGIN, "rektor@vallingbyskolan.example") } }),
    "/statistik.csv": await api.get("/statistik.csv?tabell=fragor-per-manad", { headers: { Cookie: coordinator } }),
    "/logga-in": await api.get("/logga-in"),
    "/finns-inte (404)": await api.get("/finns-inte", { headers: { Cookie: teacher } }),
  };
  for (const [what, response] of Object.entries(responses)) {
    expect(response.status(), what).toBeLessThan(500);
    expect(response.headers()["cache-control"], what).toBe("no-store");
  }

  const page = await (await api.get("/logga-in")).text();
  const css = /<link rel="stylesheet" href="(\/build\/[^"]+\.css)"/.exec(page)?.[1];
  expect(css, "stylesheet link").toBeTruthy();
  const asset = await api.get(css!);
  expect(asset.status()).toBe(200);
  expect(asset.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
});

test("in production the session cookie is Secure and responses carry HSTS, with nothing set", async () => {
  const response = await api.post("/logga-in", {
    form: { email: "larare@vallingbyskolan.example", password: "samverkan-demo" },
    headers: { Origin: ORIGIN },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  const cookie = response.headers()["set-cookie"] ?? "";
  expect(cookie).toMatch(/^portal_session=/);
  expect(cookie).toMatch(/;\s*Secure/i);
  expect(cookie).toMatch(/;\s*HttpOnly/i);
  expect(response.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  expect((await api.get("/logga-in")).headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
});
