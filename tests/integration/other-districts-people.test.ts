/**
 * Nothing a district sees reveals another district's people. Inviting or importing an address
 * another district (or the city) already has works exactly as for a fresh address: the same
 * answer, a row in the people list, a mail in the outbox, a line in the audit log. Only the
 * owner of the address learns, from the mail, that they already have an account; the
 * invitation can never set a password while the address logs in elsewhere.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, contactAssignments, districts, dutyRotaMembers, people } from "../../db/schema";
import { action as inviteAction } from "../../app/routes/admin.personer._index";
import { action as personAction } from "../../app/routes/admin.personer.$personId";
import { addContactAssignment } from "../../app/models/contact-admin.server";
import { loader as outboxLoader } from "../../app/routes/utkorg";
import { loader as logLoader } from "../../app/routes/admin.logg";
import { action as importAction } from "../../app/routes/admin.import";
import { action as groupAction } from "../../app/routes/moten.grupp";
import { action as cityAction } from "../../app/routes/stad";
import { loader as inviteLoader, action as inviteLinkAction } from "../../app/routes/inbjudan.$token";
import { issueToken, tokenState } from "../../app/auth/one-time-links.server";
import { outboxOfDistrict } from "../../app/mail/outbox.server";
import { requestPasswordReset } from "../../app/models/accounts.server";
import { deactivatePerson, districtPeople, personForAdmin, reactivatePerson } from "../../app/models/people-admin.server";
import { actorFor, db, organisationId, personId, SEED_NOW, useFreshDatabase } from "./db";
import { args, get, post, respond, sessionCookie } from "./http";
import { deliverToTestServer } from "./smtp";

const ST_COORDINATOR = "samordnare@st.example";
const HV_TEACHER = "larare@vallingbyskolan.example";
const CITY_ADMIN = "admin@stockholm.example";
const FRESH = "ny.larare@tenstaskolan.example";
const personRow = (email: string) =>
  db
    .select()
    .from(people)
    .where(eq(people.id, personId(email)))
    .get()!;

const invite = async (email: string, who = ST_COORDINATOR) =>
  respond(async () =>
    inviteAction(
      args(
        post(
          "/admin/personer",
          { email, name: "Maria Lund", title: "Lärare", role: "partner_staff", organisationId: String(organisationId("Tenstaskolan")) },
          await sessionCookie(who),
        ),
      ),
    ),
  );

/** Everything about an answer that the sender can see. */
const seen = async (response: Response) => ({
  status: response.status,
  location: response.headers.get("Location"),
  body: response.status === 302 ? "" : await response.text(),
});

const upload = async (text: string, intent: "preview" | "import") => {
  const body = new FormData();
  body.append("intent", intent);
  body.append("text", text);
  return respond(async () =>
    importAction(args(new Request("http://localhost:3000/admin/import", { method: "POST", body, headers: { Cookie: await sessionCookie(ST_COORDINATOR) } }))),
  );
};
const csv = (email: string) => ["typ;namn;sort;hör till;e-post;roll;titel", `person;Maria Lund;;Tenstaskolan;${email};personal;Lärare`].join("\n");

describe("another district's people", () => {
  useFreshDatabase();

  it("inviting an address another district has: the district sees the same answer, person, mail and log line as for a fresh address", async () => {
    const maria = db.select().from(people).where(eq(people.email, HV_TEACHER)).get()!;
    const taken = await seen(await invite(HV_TEACHER));
    const fresh = await seen(await invite(FRESH));
    expect(taken).toEqual(fresh);
    expect(await seen(await invite(CITY_ADMIN))).toEqual(fresh);

    const st = actorFor(ST_COORDINATOR);
    const listed = (email: string) => {
      const found = districtPeople(st, "").filter((p) => p.email === email);
      expect(found, email).toHaveLength(1);
      const { id, email: _address, ...rest } = found[0]!;
      return { ...rest, page: personForAdmin(st, id, SEED_NOW) !== null };
    };
    expect(listed(HV_TEACHER)).toEqual(listed(FRESH));
    expect(listed(CITY_ADMIN)).toEqual(listed(FRESH));

    const arrived = await deliverToTestServer();
    const outboxOf = (email: string) =>
      outboxOfDistrict(st)
        .filter((m) => m.to === email)
        .map(({ subject, text, status, lastError, attempts }) => ({ subject, text, status, lastError, attempts }));
    expect(outboxOf(HV_TEACHER)).toEqual(outboxOf(FRESH));
    expect(outboxOf(CITY_ADMIN)).toEqual(outboxOf(FRESH));
    expect(outboxOf(FRESH)).toMatchObject([{ status: "sent" }]);

    const logged = (email: string) =>
      db
        .select({ action: auditEvents.action, districtId: auditEvents.districtId, objectType: auditEvents.objectType })
        .from(auditEvents)
        .where(and(eq(auditEvents.objectType, "person"), eq(auditEvents.objectId, String(districtPeople(st, "").find((p) => p.email === email)!.id))))
        .all();
    expect(logged(HV_TEACHER)).toEqual(logged(FRESH));
    expect(logged(FRESH)).toHaveLength(1);

    // The owners are told they have an account; nothing changed for them, and they still log in.
    for (const owner of [HV_TEACHER, CITY_ADMIN]) {
      const mail = arrived.find((m) => m.to === owner)!;
      expect(mail.text).toContain("Din e-postadress har redan ett konto i portalen");
      expect(mail.text).not.toMatch(/\/inbjudan\//);
      expect(mail.text).not.toContain("Spånga");
      await sessionCookie(owner);
    }
    expect(arrived.find((m) => m.to === FRESH)!.text).toMatch(/\/inbjudan\/[A-Za-z0-9_-]{20,}/);
    expect(db.select().from(people).where(eq(people.id, maria.id)).get()).toEqual(maria);
  });

  it("an invitation of an address that logs in elsewhere never sets a password, and its owner's login and reset stay theirs", async () => {
    await invite(HV_TEACHER);
    const hv = personId(HV_TEACHER);
    const st = districtPeople(actorFor(ST_COORDINATOR), "").find((p) => p.email === HV_TEACHER)!.id;
    expect(st).not.toBe(hv);
    // Whoever got hold of a link for the invited account (none is ever mailed) cannot use it.
    const token = issueToken(db, st, "invite", SEED_NOW);
    const page = (await inviteLoader(args(get(`/inbjudan/${token}`), { token }))) as { state: { ok: boolean; reason?: string } };
    expect(page.state).toEqual({ ok: false, reason: "has-account" });
    const tried = await respond(async () =>
      inviteLinkAction(args(post(`/inbjudan/${token}`, { password: "ett helt nytt lösenord", confirm: "ett helt nytt lösenord" }), { token })),
    );
    expect(tried.status).toBe(400);
    expect(db.select({ passwordHash: people.passwordHash }).from(people).where(eq(people.id, st)).get()!.passwordHash).toBeNull();
    // A reset for the address: the account that logs in gets a working link, the invited one none.
    requestPasswordReset(HV_TEACHER, SEED_NOW);
    const links = (await deliverToTestServer()).filter((m) => m.to === HV_TEACHER).flatMap((m) => /\/aterstall\/([A-Za-z0-9_-]+)/.exec(m.text)?.[1] ?? []);
    expect(links).toHaveLength(1);
    const resetToken = links[0]!;
    expect(tokenState(resetToken, "reset", SEED_NOW)).toMatchObject({ ok: true, personId: hv });
    await sessionCookie(HV_TEACHER);
  });

  it("a reset request for an address lands in every district that has it: the inviting district sees the same as for a fresh address", async () => {
    await invite(HV_TEACHER);
    await invite(FRESH);
    await invite(CITY_ADMIN);
    for (const email of [HV_TEACHER, FRESH, CITY_ADMIN]) requestPasswordReset(email, SEED_NOW);
    const st = actorFor(ST_COORDINATOR);
    const seenBy = (email: string) => {
      const id = districtPeople(st, "").find((p) => p.email === email)!.id;
      const mails = outboxOfDistrict(st)
        .filter((m) => m.to === email)
        .map((m) => m.subject);
      const lines = db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(and(eq(auditEvents.objectType, "person"), eq(auditEvents.objectId, String(id))))
        .all();
      return { mails, lines };
    };
    expect(seenBy(FRESH).mails).toContain("Välj ett nytt lösenord till Samverkansportalen");
    expect(seenBy(HV_TEACHER)).toEqual(seenBy(FRESH));
    expect(seenBy(CITY_ADMIN)).toEqual(seenBy(FRESH));
    // The owner's own account still gets its real link; the invited one only says the address has an account.
    const arrived = (await deliverToTestServer()).filter((m) => m.to === HV_TEACHER && m.subject.startsWith("Välj ett nytt"));
    expect(arrived).toHaveLength(2);
    expect(arrived.filter((m) => /\/aterstall\/[A-Za-z0-9_-]{20,}/.test(m.text))).toHaveLength(1);
    expect(arrived.filter((m) => m.text.includes("Din e-postadress har redan ett konto"))).toHaveLength(1);
  });

  it("the outbox and the log carry no row numbers, which would count the mail and log lines of other districts", async () => {
    await invite(FRESH);
    requestPasswordReset(HV_TEACHER, SEED_NOW);
    requestPasswordReset(FRESH, SEED_NOW);
    const cookie = await sessionCookie(ST_COORDINATOR);
    const keysOf = (value: unknown): string[] =>
      Array.isArray(value) ? value.flatMap(keysOf) : value && typeof value === "object" ? Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]) : [];
    const outboxPage = await outboxLoader(args(get("/utkorg", cookie)));
    const logPage = await logLoader(args(get("/admin/logg", cookie)));
    expect(outboxPage.messages.length).toBeGreaterThan(0);
    expect(logPage.rows.length).toBeGreaterThan(0);
    expect(keysOf(outboxPage)).not.toContain("id");
    expect(keysOf(logPage)).not.toContain("id");
  });

  it("deactivating a person does not free her address: another district's invited account never gets a password, by invitation or by reset", async () => {
    const hv = personId(HV_TEACHER);
    expect(deactivatePerson(actorFor("samordnare@hv.example"), hv, SEED_NOW)).toEqual({ ok: true });
    await invite(HV_TEACHER);
    requestPasswordReset(HV_TEACHER, SEED_NOW);
    const arrived = (await deliverToTestServer()).filter((m) => m.to === HV_TEACHER);
    expect(arrived).toHaveLength(2);
    for (const mail of arrived) {
      expect(mail.text).not.toMatch(/\/(inbjudan|aterstall)\//);
      expect(mail.text).toContain("Din e-postadress har redan ett konto");
    }
    const st = districtPeople(actorFor(ST_COORDINATOR), "").find((p) => p.email === HV_TEACHER)!.id;
    for (const purpose of ["invite", "reset"] as const) {
      const token = issueToken(db, st, purpose, SEED_NOW);
      expect(tokenState(token, purpose, SEED_NOW)).toEqual({ ok: false, reason: "has-account" });
    }
    // Her own district brings her back with her password.
    expect(reactivatePerson(actorFor("samordnare@hv.example"), hv, SEED_NOW)).toEqual({ ok: true });
    expect(personId(HV_TEACHER)).toBe(hv);
    await sessionCookie(HV_TEACHER);
  });

  it("the database allows one password per address, and one account per address in a district", () => {
    const row = db.select().from(people).where(eq(people.email, "larare@tenstaskolan.example")).get()!;
    const copy = {
      districtId: personRow(HV_TEACHER).districtId,
      name: "Kopia",
      email: row.email,
      title: row.title,
      role: row.role,
      organisationId: personRow(HV_TEACHER).organisationId,
    };
    expect(() =>
      db
        .insert(people)
        .values({ ...copy, passwordHash: row.passwordHash })
        .run(),
    ).toThrow(/UNIQUE/);
    const { id } = db.insert(people).values(copy).returning({ id: people.id }).get();
    expect(() => db.insert(people).values(copy).run()).toThrow(/UNIQUE/);
    expect(() => db.update(people).set({ passwordHash: row.passwordHash }).where(eq(people.id, id)).run()).toThrow(/UNIQUE/);
    // A deactivated account keeps the address's login: deactivating must not free it for another row.
    db.update(people).set({ deactivatedAt: SEED_NOW }).where(eq(people.id, row.id)).run();
    expect(() => db.update(people).set({ passwordHash: row.passwordHash }).where(eq(people.id, id)).run()).toThrow(/UNIQUE/);
  });

  it("the district's own people are still found: an address it has is refused as taken", async () => {
    const own = await invite("larare@tenstaskolan.example");
    expect(own.status).toBe(400);
    expect((await own.json()).fieldErrors.email).toBe("Det finns redan ett konto med den adressen.");
  });

  it("the import previews and imports an address another district has like a fresh one", async () => {
    const taken = await (await upload(csv(HV_TEACHER), "preview")).json();
    const fresh = await (await upload(csv(FRESH), "preview")).json();
    expect(taken.plan.errors).toEqual([]);
    expect(JSON.stringify(taken.plan)).toBe(JSON.stringify(fresh.plan).replace(FRESH, HV_TEACHER));
    const done = await upload(csv(HV_TEACHER), "import");
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/admin/import?klart=0-1");
    const st = actorFor(ST_COORDINATOR);
    expect(districtPeople(st, "").filter((p) => p.email === HV_TEACHER)).toHaveLength(1);
    expect(outboxOfDistrict(st).filter((m) => m.to === HV_TEACHER)).toHaveLength(1);
  });

  it("a group member named by another district's address is 'not found', like an address nobody has", async () => {
    const start = async (members: string) =>
      (
        await (
          await respond(async () =>
            groupAction(
              args(
                post(
                  "/moten/grupp",
                  {
                    kind: "collaboration",
                    name: "Samverkan Tensta",
                    members,
                    firstDate: "2026-12-08",
                    time: "9.00",
                    minutes: "90",
                    everyWeeks: "4",
                    count: "3",
                    place: "office",
                  },
                  await sessionCookie("socialsekreterare@st.example"),
                ),
              ),
            ),
          )
        ).json()
      ).fieldErrors.members as string;
    expect(await start(HV_TEACHER)).toBe((await start("ingen@okand.example")).replace("ingen@okand.example", HV_TEACHER));
  });

  it("an invitation a coordinator sent first does not keep the city from appointing a head of unit or a first coordinator with that address", async () => {
    const appoint = async (email: string, districtId: number) =>
      respond(async () =>
        cityAction(args(post("/stad", { intent: "unit-head", districtId: String(districtId), name: "Chef Chefsson", email }, await sessionCookie(CITY_ADMIN)))),
      );
    const hvId = personRow(HV_TEACHER).districtId;
    // Spånga-Tensta plants an invitation of the head's address; so does Hässelby-Vällingby's own coordinator.
    await invite("chef@hv.example");
    await respond(async () =>
      inviteAction(
        args(
          post(
            "/admin/personer",
            { email: "chef2@hv.example", name: "Inte chef", title: "Lärare", role: "partner_staff", organisationId: String(organisationId("Vällingbyskolan")) },
            await sessionCookie("samordnare@hv.example"),
          ),
        ),
      ),
    );
    for (const email of ["chef@hv.example", "chef2@hv.example"]) {
      expect((await appoint(email, hvId)).status, email).toBe(302);
      const head = db
        .select()
        .from(people)
        .where(and(eq(people.email, email), eq(people.districtId, hvId)))
        .get()!;
      expect(head).toMatchObject({ role: "unit_head", name: "Chef Chefsson", organisationId: null, passwordHash: null });
    }
    const addDistrict = await respond(async () =>
      cityAction(
        args(
          post(
            "/stad",
            { name: "Rinkeby-Kista", office: "Kista centrum", coordinatorName: "Rut Rinkeby", coordinatorEmail: "chef@hv.example" },
            await sessionCookie(CITY_ADMIN),
          ),
        ),
      ),
    );
    expect(addDistrict.status).toBe(302);
    // An address that logs in is still refused.
    expect((await appoint(HV_TEACHER, hvId)).status).toBe(400);
  });

  it("a coordinator cannot keep the city from appointing a head of unit by giving her invited address assignments or duty, nor reach her account afterwards", async () => {
    const hv = actorFor("samordnare@hv.example");
    const hvCookie = await sessionCookie("samordnare@hv.example");
    await respond(async () =>
      inviteAction(
        args(post("/admin/personer", { email: "ny.chef@hv.example", name: "Ny Chef", title: "Socialsekreterare", role: "social_worker" }, hvCookie)),
      ),
    );
    const planted = districtPeople(hv, "").find((p) => p.email === "ny.chef@hv.example")!.id;
    expect(addContactAssignment(hv, { organisationId: organisationId("Vällingbyskolan"), personId: planted, scopeLabel: "Hela", schoolPartIds: [] })).toEqual({
      ok: true,
    });
    db.insert(dutyRotaMembers).values({ districtId: hv.districtId, personId: planted, position: 99 }).run();

    const appointed = await respond(async () =>
      cityAction(
        args(
          post(
            "/stad",
            { intent: "unit-head", districtId: String(hv.districtId), name: "Ny Chef", email: "ny.chef@hv.example" },
            await sessionCookie(CITY_ADMIN),
          ),
        ),
      ),
    );
    expect(appointed.status).toBe(302);
    expect(db.select({ role: people.role }).from(people).where(eq(people.id, planted)).get()).toEqual({ role: "unit_head" });
    expect(db.select().from(contactAssignments).where(eq(contactAssignments.personId, planted)).all()).toEqual([]);
    expect(db.select().from(dutyRotaMembers).where(eq(dutyRotaMembers.personId, planted)).all()).toEqual([]);
    // The coordinator's invitation, not sent yet, does not go out: the city's does.
    const arrived = (await deliverToTestServer()).filter((m) => m.to === "ny.chef@hv.example");
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.text).toContain("som enhetschef");
    // And the coordinator cannot send her account a link of their own.
    const resent = await respond(async () =>
      personAction(args(post(`/admin/personer/${planted}`, { intent: "resend" }, hvCookie), { personId: String(planted) })),
    );
    expect(resent.status).toBe(400);
    expect((await resent.json()).fieldErrors.form).toBe("Enhetschefens konto ändras av stadens administratör.");
  });

  it("the city's administrator adding a district is told the coordinator's address cannot be used, never that it has an account or where", async () => {
    const add = async (coordinatorEmail: string) =>
      respond(async () =>
        cityAction(
          args(
            post(
              "/stad",
              { name: "Rinkeby-Kista", office: "Kista centrum", coordinatorName: "Rut Rinkeby", coordinatorEmail },
              await sessionCookie("admin@stockholm.example"),
            ),
          ),
        ),
      );
    const inDistrict = (await (await add(HV_TEACHER)).json()).fieldErrors.coordinatorEmail as string;
    const cityAccount = (await (await add("admin@stockholm.example")).json()).fieldErrors.coordinatorEmail as string;
    expect(inDistrict).toBe("Den adressen går inte att använda för ett nytt konto. Skriv en annan e-postadress i jobbet.");
    expect(cityAccount).toBe(inDistrict);
    expect(db.select().from(districts).where(eq(districts.slug, "rinkeby-kista")).get()).toBeUndefined();
  });
});
