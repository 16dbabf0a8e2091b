import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, people } from "../../db/schema";
import { getActor } from "../../app/auth/session.server";
import { now } from "../../app/clock.server";
import { deliverDueMail, LINK_NOTE } from "../../app/mail/outbox.server";
import { mailInvitation, RESET_MAILS_PER_HOUR, tokenState } from "../../app/models/accounts.server";
import { action as forgotAction } from "../../app/routes/glomt-losenord";
import { action as resetAction } from "../../app/routes/aterstall.$token";
import { action as homeAction } from "../../app/routes/_index";
import { loader as outboxLoader } from "../../app/routes/utkorg";
import { RESET_REQUESTS_PER_CLIENT_AND_HOUR } from "../../app/routes/glomt-losenord";
import { db, personId, useFreshDatabase } from "./db";
import { args, BASE, get, post, respond, sessionCookie } from "./http";
import { afterResponses, deliverToTestServer, linkTokenSentTo } from "./smtp";

/** Every row of every table, as one string: what a copy of the database (a backup) gives away. */
function wholeDatabase(): string {
  const tables = db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => db.$client.prepare(`SELECT * FROM "${name}"`).all()));
}

const askForReset = async (email: string, clientAddress = "203.0.113.7") => {
  const response = await respond(() => forgotAction({ ...args(post("/glomt-losenord", { email })), context: { clientAddress } }));
  await afterResponses();
  return response;
};

const outboxPage = async (email = "samordnare@hv.example") => JSON.stringify(await outboxLoader(args(get("/utkorg", await sessionCookie(email)))));

describe("one-time links reach only their recipient", () => {
  useFreshDatabase();

  it("a coordinator cannot read a reset link, not even the city administrator's", async () => {
    await askForReset("admin@stockholm.example");
    const before = await outboxPage();
    expect(before).not.toMatch(/\/aterstall\/[A-Za-z0-9_-]{20,}/);
    // The city's account is outside the district: its mail is not in the district's outbox at all.
    expect(before).not.toContain("admin@stockholm.example");

    const adminToken = await linkTokenSentTo("admin@stockholm.example", "aterstall");
    expect(tokenState(adminToken, "reset", now()).ok).toBe(true);
    await askForReset("larare@vallingbyskolan.example");
    const token = await linkTokenSentTo("larare@vallingbyskolan.example", "aterstall");
    // After sending as before: the outbox says what went to whom, with the link replaced by a note.
    const page = await outboxPage();
    expect(page).not.toContain(token);
    expect(page).toContain("Välj ett nytt lösenord till Samverkansportalen");
    expect(page).toContain(JSON.stringify(LINK_NOTE).slice(1, -1));
    expect(page).not.toContain(adminToken);
    expect(wholeDatabase()).not.toContain(token);
    expect(wholeDatabase()).not.toContain(adminToken);
  });

  it("a coordinator cannot read an invitation link, so cannot claim the invitee's account", async () => {
    const cookie = await sessionCookie("samordnare@hv.example");
    const { action: inviteAction } = await import("../../app/routes/admin.personer._index");
    const { organisationId } = db
      .select({ organisationId: people.organisationId })
      .from(people)
      .where(eq(people.email, "larare@vallingbyskolan.example"))
      .get()!;
    const invited = await respond(() =>
      inviteAction(
        args(
          post(
            "/admin/personer",
            { email: "ny.person@vallingbyskolan.example", name: "Nils Ny", title: "Lärare", role: "partner_staff", organisationId: String(organisationId) },
            cookie,
          ),
        ),
      ),
    );
    expect(invited.status, await invited.clone().text()).toBe(302);
    expect(await outboxPage()).not.toMatch(/\/inbjudan\/[A-Za-z0-9_-]{20,}/);
    const token = await linkTokenSentTo("ny.person@vallingbyskolan.example", "inbjudan");
    expect(await outboxPage()).not.toContain(token);
    expect(wholeDatabase()).not.toContain(token);
  });

  it("an invitation mail is not sent to an account that has chosen a password", async () => {
    const teacher = db.select().from(people).where(eq(people.email, "larare@vallingbyskolan.example")).get()!;
    db.transaction((tx) => mailInvitation(tx, teacher, "Någon"));
    const arrived = await deliverToTestServer();
    expect(arrived.filter((m) => m.to === teacher.email)).toEqual([]);
    const row = db.select().from(outbox).where(eq(outbox.toAddress, teacher.email)).get()!;
    expect(row).toMatchObject({ status: "failed" });
    expect(row.lastError).toContain("kontot har redan ett lösenord");
  });

  it("a new reset request does not void the link sent before, and choosing a password ends every open link", async () => {
    await askForReset("larare@vallingbyskolan.example");
    const first = await linkTokenSentTo("larare@vallingbyskolan.example", "aterstall");
    await askForReset("larare@vallingbyskolan.example");
    const second = await linkTokenSentTo("larare@vallingbyskolan.example", "aterstall");
    expect(second).not.toBe(first);
    expect(tokenState(first, "reset", now()).ok).toBe(true);
    expect(tokenState(second, "reset", now()).ok).toBe(true);

    const done = await respond(() =>
      resetAction(args(post(`/aterstall/${first}`, { password: "ett nytt långt lösen", confirm: "ett nytt långt lösen" }), { token: first })),
    );
    expect(done.status).toBe(302);
    expect(tokenState(second, "reset", now())).toEqual({ ok: false, reason: "used" });
  });

  it(`sends at most ${RESET_MAILS_PER_HOUR} reset mails an hour to one address, whoever asks`, async () => {
    for (let i = 0; i < 25; i++) expect((await askForReset("rektor@vallingbyskolan.example", `198.51.100.${i}`)).status).toBe(302);
    const arrived = (await deliverToTestServer()).filter((m) => m.to === "rektor@vallingbyskolan.example");
    expect(arrived).toHaveLength(RESET_MAILS_PER_HOUR);
  });

  it("throttles one client asking for many reset links, without saying whether an address exists", async () => {
    for (let i = 0; i < RESET_REQUESTS_PER_CLIENT_AND_HOUR; i++) expect((await askForReset(`person${i}@okand.example`)).status).toBe(302);
    const refused = await askForReset("larare@vallingbyskolan.example");
    expect(refused.status).toBe(429);
    expect((await refused.json()).values.email).toBe("larare@vallingbyskolan.example");
    // Another client is not held back by that one.
    expect((await askForReset("larare@vallingbyskolan.example", "203.0.113.99")).status).toBe(302);
  });

  it("answers a reset request before looking the address up, the same for a known and an unknown address", async () => {
    const ask = (email: string) => forgotAction({ ...args(post("/glomt-losenord", { email })), context: {} }) as Promise<Response>;
    const known = await ask("larare@vallingbyskolan.example");
    const unknown = await ask("ingen@okand.example");
    // Answered: nothing is queued yet, so the answer cannot have waited for the lookup.
    expect(db.select().from(outbox).all()).toHaveLength(0);
    expect([known.status, known.headers.get("Location")]).toEqual([unknown.status, unknown.headers.get("Location")]);
    await afterResponses();
    expect(db.select({ to: outbox.toAddress }).from(outbox).all()).toEqual([{ to: "larare@vallingbyskolan.example" }]);
  });
});

describe("without an SMTP server (the demo)", () => {
  useFreshDatabase();

  it("writes each mail in full as an .eml file in the mail folder, readable only by the server's user", async () => {
    await askForReset("larare@vallingbyskolan.example");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-mail-"));
    expect(await deliverDueMail(now(), { smtpUrl: undefined, mailDir: dir })).toMatchObject({ kept: 1 });
    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const file = path.join(dir, files[0]!);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const raw = fs.readFileSync(file, "utf8");
    expect(raw).toMatch(/^To: larare@vallingbyskolan\.example$/m);
    const token = /\/aterstall\/([A-Za-z0-9_-]+)/.exec(raw.replace(/=\r?\n/g, ""))?.[1];
    expect(token && tokenState(token, "reset", now()).ok).toBe(true);
    expect(wholeDatabase()).not.toContain(token);
    expect(db.select({ status: outbox.status }).from(outbox).get()).toEqual({ status: "kept" });
    fs.rmSync(dir, { recursive: true });
  });
});

describe("a copy of the database holds no usable secret", () => {
  useFreshDatabase();

  it("stores only hashes of session ids: a session id read from the database does not log anyone in", async () => {
    const cookie = await sessionCookie("samordnare@hv.example");
    const sessionId = cookie.split("=")[1]!;
    expect(wholeDatabase()).not.toContain(sessionId);
    const stored = db.$client.prepare("SELECT id FROM sessions").all() as { id: string }[];
    expect(stored).toHaveLength(1);
    const withStored = new Request(`${BASE}/`, { headers: { Cookie: `portal_session=${stored[0]!.id}` } });
    expect(await getActor(withStored)).toBeNull();
    expect((await getActor(new Request(`${BASE}/`, { headers: { Cookie: cookie } })))?.personId).toBe(personId("samordnare@hv.example"));
  });

  it("stores only the hash of a calendar address", async () => {
    const cookie = await sessionCookie("omar.lind@hv.example");
    const made = await respond(() => homeAction(args(post("/", { intent: "renew-feed" }, cookie))));
    const url = ((await made.json()) as { newFeedUrl: string }).newFeedUrl;
    const token = /\/kalender\/jour\/([A-Za-z0-9_-]+)\.ics$/.exec(url)![1]!;
    expect(wholeDatabase()).not.toContain(token);
  });
});
