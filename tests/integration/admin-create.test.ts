/**
 * `npm run admin:create`: the first city administrator of an installation without the demo,
 * made on an empty database, with a one-time link that is the only way in.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, setDbForTesting, type DB } from "../../app/db.server";
import { eq, sql } from "drizzle-orm";
import { districts, people, teams } from "../../db/schema";
import { action as invitation } from "../../app/routes/inbjudan.$token";
import { action as loginAction } from "../../app/routes/logga-in";
import { loader as cityPage } from "../../app/routes/stad";
import { args, BASE, get, respond } from "./http";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let folder: string;
let file: string;
let db: DB | undefined;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "portal-admin-"));
  file = path.join(folder, "portal.db");
});
afterEach(() => {
  setDbForTesting(undefined);
  db?.$client.close();
  db = undefined;
  fs.rmSync(folder, { recursive: true, force: true });
});

function adminCreate(...cliArgs: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: file, APP_URL: "https://samverkan.stockholm.example" };
  return spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "db/admin-create.ts", ...cliArgs], {
    cwd: root,
    env,
    encoding: "utf8",
    timeout: 30_000,
  });
}

function linkIn(stdout: string): string {
  const link = /https:\/\/samverkan\.stockholm\.example\/inbjudan\/([A-Za-z0-9_-]{20,})/.exec(stdout);
  if (!link) throw new Error(`no link in: ${stdout}`);
  return link[1]!;
}

/** The database the command wrote, opened here as the server would open it. */
function portalDatabase(): DB {
  db = openDatabase(file);
  setDbForTesting(db);
  return db;
}

const choosePassword = (token: string, password: string) =>
  respond(() =>
    invitation(args(new Request(`${BASE}/inbjudan/${token}`, { method: "POST", body: new URLSearchParams({ password, confirm: password }) }), { token })),
  );
const logIn = (email: string, password: string) =>
  respond(() => loginAction(args(new Request(`${BASE}/logga-in`, { method: "POST", body: new URLSearchParams({ email, password }) }))));

// Each run of the command starts tsx, a second or two on a busy machine.
describe("npm run admin:create", { timeout: 60_000 }, () => {
  it("makes the first city administrator on an empty database; her link sets her password and she reaches /stad", async () => {
    const run = adminCreate("--email", "Anna.Andersson@Stad.example", "--name", "Anna Andersson");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const token = linkIn(run.stdout);

    const sqlite = portalDatabase().$client;
    const person = sqlite
      .prepare("SELECT p.role, p.email, p.name, p.password_hash AS hash, d.name AS district FROM people p JOIN districts d ON d.id = p.district_id")
      .all();
    expect(person).toEqual([
      { role: "city_admin", email: "anna.andersson@stad.example", name: "Anna Andersson", hash: null, district: "Stadsledningskontoret" },
    ]);
    // Only the link's hash is kept: a copy of the database does not let anyone in.
    expect(JSON.stringify(sqlite.prepare("SELECT * FROM account_tokens").all())).not.toContain(token);

    expect((await logIn("anna.andersson@stad.example", "ett långt lösenord")).status).toBe(400);
    expect((await choosePassword(token, "ett långt lösenord")).status).toBe(302);
    const login = await logIn("anna.andersson@stad.example", "ett långt lösenord");
    expect(login.status).toBe(302);
    const cookie = login.headers.get("Set-Cookie")!.split(";")[0]!;
    expect((await respond(() => cityPage(args(get("/stad", cookie))))).status).toBe(200);
    // The link works once.
    expect((await choosePassword(token, "ett annat långt lösenord")).status).toBe(400);
  });

  it("gives a new link to someone who has not chosen a password yet (the earlier one stops working), and none once she has", async () => {
    const first = linkIn(adminCreate("--email", "anna@stad.example", "--name", "Anna Andersson").stdout);
    const again = adminCreate("--email", "anna@stad.example", "--name", "Anna Andersson");
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("has not chosen a password yet");
    const second = linkIn(again.stdout);

    portalDatabase();
    expect((await choosePassword(first, "ett långt lösenord")).status).toBe(400);
    expect((await choosePassword(second, "ett långt lösenord")).status).toBe(302);

    // A link sets the password, whoever holds it: an account with a password gets none.
    const refused = adminCreate("--email", "anna@stad.example", "--name", "Någon Annan");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("anna@stad.example already has an account");
    expect(refused.stdout).not.toContain("/inbjudan/");
  });

  it("an address a district has only invited does not stop the city from making it an administrator", async () => {
    linkIn(adminCreate("--email", "forsta@stad.example", "--name", "Första Admin").stdout);
    const portal = portalDatabase();
    const district = portal.insert(districts).values({ slug: "bromma", name: "Bromma" }).returning({ id: districts.id }).get();
    const team = portal.insert(teams).values({ districtId: district.id, name: "Barn och unga", office: "Brommaplan" }).returning({ id: teams.id }).get();
    portal
      .insert(people)
      .values({ districtId: district.id, teamId: team.id, name: "Bo Bromma", email: "bo@stad.example", title: "Samordnare", role: "coordinator" })
      .run();
    setDbForTesting(undefined);
    portal.$client.close();
    db = undefined;

    const made = adminCreate("--email", "bo@stad.example", "--name", "Bo Bromma");
    expect(made.stderr).toBe("");
    portalDatabase();
    expect((await choosePassword(linkIn(made.stdout), "ett långt lösenord")).status).toBe(302);
    expect((await logIn("bo@stad.example", "ett långt lösenord")).status).toBe(302);
    // The login is the city administrator's; the district's invitation stays one without a password.
    expect(
      db!
        .select({ role: people.role, hasPassword: sql<number>`${people.passwordHash} IS NOT NULL` })
        .from(people)
        .where(eq(people.email, "bo@stad.example"))
        .orderBy(people.id)
        .all(),
    ).toEqual([
      { role: "coordinator", hasPassword: 0 },
      { role: "city_admin", hasPassword: 1 },
    ]);
  });

  it("says what is wrong with the arguments", () => {
    const run = adminCreate("--email", "inte-en-adress", "--name", "");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("--email is not an email address");
    expect(run.stderr).toContain("--name is missing.");
    expect(run.stderr).toContain("Usage: npm run admin:create -- --email");
    expect(fs.existsSync(file)).toBe(false);
  });
});
