/**
 * A production server does not start while the demo's accounts still open with the demo
 * password printed in the README, unless the demo command started it (PORTAL_DEMO=1).
 * The refusal comes before the server build is loaded, so no build is needed here.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "../../app/auth/password.server";
import { openDatabase } from "../../app/db.server";
import { checkAccounts, DEMO_EMAILS, DEMO_PASSWORD, demoRefusal } from "../../app/http/demo-accounts.js";
import { localDateOf } from "../../app/time/stockholm";
import { people } from "../../db/schema";
import { DEMO_LOGINS, DEMO_PASSWORD as SEED_PASSWORD, seedDemoDistrict } from "../../db/seed";
import { SEED_NOW } from "./db";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let folder: string;
let file: string;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "portal-start-"));
  file = path.join(folder, "portal.db");
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

async function seedDemo(): Promise<void> {
  const db = openDatabase(file);
  seedDemoDistrict(db, await hashPassword(SEED_PASSWORD), SEED_NOW, localDateOf(SEED_NOW));
  db.$client.close();
}

/** `npm start` on that database: NODE_ENV=production, nothing else set. */
function startInProduction(extra: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATABASE_PATH: file, WEB_CONCURRENCY: "1", SCHEDULER: "off", PORT: "0", ...extra };
  delete env.PORTAL_FIXED_NOW;
  if (!("PORTAL_DEMO" in extra)) delete env.PORTAL_DEMO;
  return spawnSync(process.execPath, [path.join(root, "app/server.js")], { cwd: root, env, encoding: "utf8", timeout: 20_000 });
}

describe("a production server and the demo accounts", () => {
  it("refuses to start on the demo database, saying what to do", async () => {
    await seedDemo();
    const run = startInProduction();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Samverkansportalen will not start: NODE_ENV=production");
    expect(run.stderr).toContain("admin@stockholm.example");
    expect(run.stderr).toContain("npm run admin:create -- --email");
    expect(run.stderr).toContain("npm run demo");
    expect(run.stdout).not.toContain("is listening");
  });

  it("finds every demo account the demo password opens, and none once they all have other passwords", async () => {
    await seedDemo();
    expect((await checkAccounts(file)).openDemoAccounts).toEqual([...DEMO_EMAILS].sort());

    const db = openDatabase(file);
    const otherHash = await hashPassword("ett helt annat lösenord");
    db.update(people).set({ passwordHash: otherHash }).where(eq(people.email, "larare@vallingbyskolan.example")).run();
    expect((await checkAccounts(file)).openDemoAccounts).not.toContain("larare@vallingbyskolan.example");
    db.update(people).set({ passwordHash: otherHash }).run();
    db.$client.close();
    expect(await checkAccounts(file)).toEqual({ accounts: DEMO_EMAILS.length, openDemoAccounts: [] });
  });

  it("knows every account the demo seed makes, and its password", async () => {
    await seedDemo();
    const db = openDatabase(file);
    const seeded = db
      .select({ email: people.email })
      .from(people)
      .all()
      .map((p) => p.email);
    db.$client.close();
    expect([...seeded].sort()).toEqual([...DEMO_EMAILS].sort());
    for (const [email] of DEMO_LOGINS) expect(DEMO_EMAILS).toContain(email);
    expect(DEMO_PASSWORD).toBe(SEED_PASSWORD);
  });

  it("has nothing to check on a database that does not exist yet or has no tables", async () => {
    expect(await checkAccounts(file)).toEqual({ accounts: 0, openDemoAccounts: [] });
    fs.writeFileSync(file, "");
    expect(await checkAccounts(file)).toEqual({ accounts: 0, openDemoAccounts: [] });
  });

  it.each([
    ["production started by the demo command (PORTAL_DEMO=1) starts", { NODE_ENV: "production", PORTAL_DEMO: "1" }, ["admin@stockholm.example"], false],
    ["production where no demo account opens starts", { NODE_ENV: "production" }, [], false],
    ["development starts", { NODE_ENV: "development" }, ["admin@stockholm.example"], false],
    ["test starts", { NODE_ENV: "test" }, ["admin@stockholm.example"], false],
    ["production with PORTAL_DEMO=0 is refused", { NODE_ENV: "production", PORTAL_DEMO: "0" }, ["admin@stockholm.example"], true],
  ])("%s", (_label, env, open, refused) => {
    expect(demoRefusal(env, open) !== null).toBe(refused);
  });
});
