// @ts-check
/**
 * Playwright's webServer: a fresh demo database in data/e2e.db (`db/setup.ts --demo`), then
 * the production server on 127.0.0.1:3100. Expects `npm run build` to have run (npm run test:e2e does it).
 * Signals are passed on to the server, so it stops together with Playwright.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import http from "node:http";
import { SMTPServer } from "smtp-server";
import { startTestProvider } from "../oidc/provider.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const database = path.join(root, "data", "e2e.db");
/** Every message the test SMTP server receives, one .eml file each (tests/e2e/mailbox.ts reads them). */
const mailbox = path.join(root, "data", "e2e-mail");
const SMTP_PORT = 3125;

fs.rmSync(mailbox, { recursive: true, force: true });
fs.mkdirSync(mailbox, { recursive: true });
let received = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on("data", (chunk) => chunks.push(chunk));
    stream.on("end", () => {
      const to = session.envelope.rcptTo.map((r) => r.address).join(",");
      fs.writeFileSync(path.join(mailbox, `${String(++received).padStart(5, "0")}-${to}.eml`), Buffer.concat(chunks));
      callback();
    });
  },
});
await new Promise((resolve) => smtp.listen(SMTP_PORT, "127.0.0.1", () => resolve(undefined)));

for (const file of [database, `${database}-wal`, `${database}-shm`]) fs.rmSync(file, { force: true });

// Single sign-on: a real OpenID provider on loopback (tests/oidc/provider.mjs) with the city's
// accounts of a few demo people, one person the portal does not know and one who has left.
// tests/e2e/sso.spec.ts changes an account's address through the small control port.
const PORTAL = "http://127.0.0.1:3100";
const SSO_CONTROL_PORT = 3201;
const provider = await startTestProvider({
  port: 3200,
  clients: [
    {
      clientId: "samverkansportalen",
      clientSecret: "e2e-hemlighet",
      redirectUris: [`${PORTAL}/logga-in/sso/stad/tillbaka`],
      postLogoutRedirectUris: [`${PORTAL}/logga-in?utloggad=1`],
    },
  ],
  accounts: [
    { sub: "e2e-sofia", email: "larare@grimstaskolan.example", emailVerified: true, name: "Sofia Engström", password: "stadens-losenord" },
    { sub: "e2e-ahmed", email: "pedagog@gronadiamanten.example", emailVerified: true, name: "Ahmed Yusuf", password: "stadens-losenord" },
    { sub: "e2e-okand", email: "okand@stockholm.example", emailVerified: true, name: "Okänd Person", password: "stadens-losenord" },
    { sub: "e2e-slutat", email: "slutat@vallingbyskolan.example", emailVerified: true, name: "Slutat Person", password: "stadens-losenord" },
    { sub: "e2e-slutat-2", email: "slutat2@vallingbyskolan.example", emailVerified: true, name: "Slutat Person", password: "stadens-losenord" },
  ],
});
http
  .createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      provider.setAccount(JSON.parse(body));
      response.end("ok");
    });
  })
  .listen(SSO_CONTROL_PORT, "127.0.0.1");
const ssoFile = path.join(root, "data", "e2e-sso.json");
fs.writeFileSync(
  ssoFile,
  JSON.stringify([
    { id: "stad", label: "Stockholms stads konto", issuer: provider.issuer, clientId: "samverkansportalen", clientSecret: "e2e-hemlighet", domains: [] },
  ]),
  { mode: 0o600 },
);

const env = {
  ...process.env,
  PORT: "3100",
  HOST: "127.0.0.1",
  // A pinned clock (Tuesday 1 December 2026, 10.00) so "who to call" and the duty rota give
  // the same answers whenever the suite runs; NODE_ENV=test because production refuses it.
  NODE_ENV: "test",
  PORTAL_FIXED_NOW: "2026-12-01T10:00:00+01:00",
  DATABASE_PATH: database,
  // The end-to-end tests work on the demo district without the year of made-up history.
  SEED_HISTORY: "off",
  // Mail goes to the SMTP server above; the in-process scheduler delivers it every second.
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
  SCHEDULER_INTERVAL_MS: "1000",
  // The demo accounts are what the tests log in with.
  PORTAL_DEMO: "1",
  // As in production and the demo (NODE_ENV=production): Secure cookies, HSTS and
  // upgrade-insecure-requests, which Chromium accepts on http://127.0.0.1.
  SESSION_COOKIE_SECURE: "true",
  APP_URL: PORTAL,
  SSO_PROVIDERS_FILE: ssoFile,
};

const setup = spawnSync("npx", ["tsx", "db/setup.ts", "--demo"], { cwd: root, env, stdio: "inherit" });
if (setup.status !== 0) {
  console.error(`Seeding ${database} failed (exit ${setup.status ?? setup.signal}).`);
  process.exit(1);
}

if (!fs.existsSync(path.join(root, "build/server/index.js"))) {
  console.error("build/server/index.js is missing: run `npm run build` first.");
  process.exit(1);
}

const server = spawn(process.execPath, [path.join(root, "app/server.js")], { cwd: root, env, stdio: "inherit" });

let stopping = false;
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"])) {
  process.on(signal, () => {
    stopping = true;
    if (server.exitCode === null && server.signalCode === null) server.kill(signal);
  });
}

server.on("exit", (code, signal) => {
  smtp.close();
  void provider.close();
  const stopSignal = signal === "SIGTERM" || signal === "SIGINT" || signal === "SIGHUP";
  if ((code !== null && code !== 0) || (signal && !stopSignal && !stopping)) console.error(`The test server stopped (exit ${code ?? signal}).`);
  process.exit(code ?? (signal ? 0 : 1));
});
