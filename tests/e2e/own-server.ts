/**
 * A built server of its own for the api tests that must see more than the shared e2e server
 * shows: two server processes writing to one database file (as in production on two cores),
 * a server that gets killed, or one started as `npm start` starts it (NODE_ENV=production).
 * Each gets its own port and its own freshly seeded database.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, request, type APIRequestContext } from "@playwright/test";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export type OwnServer = {
  origin: string;
  database: string;
  /** A fresh demo database (the file and its WAL are removed first). */
  seed(): void;
  /** Starts the server in its own process group; resolves when /healthz answers. */
  start(api: APIRequestContext): Promise<ChildProcess>;
  /** SIGKILL to the whole group: as when the machine dies, nothing gets to clean up. */
  kill(server: ChildProcess): Promise<void>;
};

/** `settings` replace or (when undefined) remove the defaults below, for example `{ NODE_ENV: "production", PORTAL_FIXED_NOW: undefined }`. */
export function ownServer(name: string, port: number, settings: Record<string, string | undefined> = {}): OwnServer {
  const database = path.join(root, "data", `${name}.db`);
  const origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "test",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_PATH: database,
    PORTAL_FIXED_NOW: "2026-12-01T10:00:00+01:00",
    SEED_HISTORY: "off",
    SCHEDULER: "off",
    // Two server processes writing to the same file, as in production on two cores.
    WEB_CONCURRENCY: "2",
    // The demo accounts are what these tests log in with.
    PORTAL_DEMO: "1",
    ...settings,
  };
  for (const [key, value] of Object.entries(settings)) if (value === undefined) delete env[key];
  return {
    origin,
    database,
    seed() {
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${database}${suffix}`, { force: true });
      fs.rmSync(path.join(root, "data", `${name}.log`), { force: true });
      const setup = spawnSync("npx", ["tsx", "db/setup.ts", "--demo"], { cwd: root, env, stdio: "ignore" });
      if (setup.status !== 0) throw new Error(`seeding ${database} failed (exit ${setup.status ?? setup.signal})`);
    },
    async start(api) {
      // What the server says goes to data/<name>.log, to read when a test fails.
      const log = fs.openSync(path.join(root, "data", `${name}.log`), "a");
      const server = spawn(process.execPath, [path.join(root, "app/server.js")], { cwd: root, env, stdio: ["ignore", log, log], detached: true });
      fs.closeSync(log);
      await expect
        .poll(async () => (await api.get(`${origin}/healthz`, { timeout: 1_000 }).catch(() => null))?.status() ?? 0, { timeout: 20_000, intervals: [100] })
        .toBe(200);
      return server;
    },
    async kill(server) {
      try {
        process.kill(-server.pid!, "SIGKILL");
      } catch {
        return; // already gone
      }
      if (server.exitCode === null && server.signalCode === null) await new Promise((resolve) => server.once("exit", resolve));
    },
  };
}

/**
 * Logs in with the demo password; the session cookie ("portal_session=…"), to send by hand.
 * Through a context of its own, so that the caller's context keeps no cookie that would be
 * sent along with the one a request names.
 */
export async function login(origin: string, email: string): Promise<string> {
  const api = await request.newContext();
  try {
    const response = await api.post(`${origin}/logga-in`, { form: { email, password: "samverkan-demo" }, headers: { Origin: origin }, maxRedirects: 0 });
    const cookie = response.headers()["set-cookie"]?.split(";")[0];
    if (response.status() !== 302 || !cookie) throw new Error(`login failed for ${email} (${response.status()})`);
    return cookie;
  } finally {
    await api.dispose();
  }
}

/** The "Fråga socialtjänsten" form, filled in as a teacher sends an anonymous question. */
export function anonymousQuestion(question: string): Record<string, string> {
  return { purpose: "unsure_report", mode: "anonymous", ageBand: "6-9", concerns: "absence", question, urgency: "no_hurry", answerBy: "portal" };
}
