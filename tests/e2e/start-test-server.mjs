// @ts-check
/**
 * Playwright's webServer: a fresh demo database in data/e2e.db, then the production
 * server on 127.0.0.1:3100. Expects `npm run build` to have run (npm run test:e2e does it).
 * Signals are passed on to the server, so it stops together with Playwright.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const database = path.join(root, "data", "e2e.db");

for (const file of [database, `${database}-wal`, `${database}-shm`]) fs.rmSync(file, { force: true });

const env = {
  ...process.env,
  PORT: "3100",
  HOST: "127.0.0.1",
  // A pinned clock (Tuesday 1 December 2026, 10.00) so "who to call" and the duty rota give
  // the same answers whenever the suite runs; NODE_ENV=test because production refuses it.
  NODE_ENV: "test",
  PORTAL_FIXED_NOW: "2026-12-01T10:00:00+01:00",
  DATABASE_PATH: database,
};

const setup = spawnSync("npx", ["tsx", "db/setup.ts"], { cwd: root, env, stdio: "inherit" });
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
  const stopSignal = signal === "SIGTERM" || signal === "SIGINT" || signal === "SIGHUP";
  if ((code !== null && code !== 0) || (signal && !stopSignal && !stopping)) console.error(`The test server stopped (exit ${code ?? signal}).`);
  process.exit(code ?? (signal ? 0 : 1));
});
