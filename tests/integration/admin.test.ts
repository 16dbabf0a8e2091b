import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accountTokens, auditEvents, consultations, contactAssignments, organisations, outbox, people, staffTeams } from "../../db/schema";
import { authenticate, getActor } from "../../app/auth/session.server";
import { action as inviteAction, loader as peopleLoader } from "../../app/routes/admin.personer._index";
import { action as personAction, loader as personLoader } from "../../app/routes/admin.personer.$personId";
import { action as invitationAction, loader as invitationLoader } from "../../app/routes/inbjudan.$token";
import { action as resetAction } from "../../app/routes/aterstall.$token";
import { action as forgotAction } from "../../app/routes/glomt-losenord";
import { action as accountAction } from "../../app/routes/konto";
import { loader as logLoader } from "../../app/routes/admin.logg";
import { loader as consultationLoader } from "../../app/routes/konsultation.$consultationId";
import { tokenState } from "../../app/models/accounts.server";
import { action as importAction } from "../../app/routes/admin.import";
import { action as organisationsAction } from "../../app/routes/admin.verksamheter._index";
import { action as organisationAction } from "../../app/routes/admin.verksamheter.$organisationId";
import { actorFor, db, organisationId, personId, SEED_NOW, useFreshDatabase } from "./db";
import { args, get, post, respond, sessionCookie } from "./http";
import { afterResponses, linkTokenSentTo } from "./smtp";
import { addContactAssignment } from "../../app/models/contact-admin.server";
import { dutyCandidates } from "../../app/models/duty-admin.server";
import { preschoolUnits } from "../../app/models/organisations-admin.server";
import { addressInDistrict, organisationChoices, unitChoices } from "../../app/models/people-admin.server";

const invite = async (fields: Record<string, string>, email = "samordnare@hv.example") =>
  respond(async () => inviteAction(args(post("/admin/personer", fields, await sessionCookie(email)))));
const newTeacher = { email: "Ny.Larare@Vallingbyskolan.example", name: "Nora Nyström", title: "Lärare", role: "partner_staff", organisationId: "" };
const lastMailTo = (to: string) => db.select().from(outbox).where(eq(outbox.toAddress, to)).orderBy(desc(outbox.id)).get()!;
const withCookie = (cookie: string) => new Request("http://localhost:3000/", { headers: { Cookie: cookie } });

describe("inviting a person", () => {
  useFreshDatabase();

  it("the coordinator invites; the link sets a password once, signs in, and then works no more", async () => {
    const response = await invite({ ...newTeacher, organisationId: String(organisationId("Vällingbyskolan")) });
    expect(response.status).toBe(302);
    const person = db.select().from(people).where(eq(people.email, "ny.larare@vallingbyskolan.example")).get()!;
    expect(person).toMatchObject({ name: "Nora Nyström", role: "partner_staff", passwordHash: null, teamId: null });
    const mail = lastMailTo("ny.larare@vallingbyskolan.example");
    expect(mail.subject).toBe("Du är inbjuden till Samverkansportalen");
    const token = await linkTokenSentTo("ny.larare@vallingbyskolan.example", "inbjudan");
    // Only a hash of the token is stored.
    expect(JSON.stringify(db.select().from(accountTokens).all())).not.toContain(token);
    expect(JSON.stringify(db.select().from(outbox).all())).not.toContain(token);

    const page = (await invitationLoader(args(get(`/inbjudan/${token}`), { token }))) as { state: { ok: boolean; email?: string } };
    expect(page.state).toMatchObject({ ok: true, email: "ny.larare@vallingbyskolan.example" });
    const short = await respond(() => invitationAction(args(post(`/inbjudan/${token}`, { password: "kort", confirm: "kort" }), { token })));
    expect((await short.json()).fieldErrors.password).toBe("Välj ett lösenord med minst 10 tecken.");
    const mismatch = await respond(() =>
      invitationAction(args(post(`/inbjudan/${token}`, { password: "tre ord i rad", confirm: "tre ord i rat" }), { token })),
    );
    expect((await mismatch.json()).fieldErrors.confirm).toBe("Skriv samma lösenord två gånger.");

    const accepted = await respond(() =>
      invitationAction(args(post(`/inbjudan/${token}`, { password: "tre ord i rad", confirm: "tre ord i rad" }), { token })),
    );
    expect(accepted.status).toBe(302);
    const cookie = accepted.headers.get("Set-Cookie")!.split(";")[0]!;
    expect((await getActor(withCookie(cookie)))?.name).toBe("Nora Nyström");
    expect(await authenticate("ny.larare@vallingbyskolan.example", "tre ord i rad")).toBe(person.id);

    const again = await respond(() =>
      invitationAction(args(post(`/inbjudan/${token}`, { password: "ett annat lösen", confirm: "ett annat lösen" }), { token })),
    );
    expect(again.status).toBe(400);
    expect(tokenState(token, "invite", SEED_NOW)).toEqual({ ok: false, reason: "used" });
  });

  it("an invitation expires after 7 days", async () => {
    await invite({ ...newTeacher, organisationId: String(organisationId("Vällingbyskolan")) });
    const token = await linkTokenSentTo("ny.larare@vallingbyskolan.example", "inbjudan");
    expect(tokenState(token, "invite", new Date(SEED_NOW.getTime() + 6.9 * 86_400_000)).ok).toBe(true);
    expect(tokenState(token, "invite", new Date(SEED_NOW.getTime() + 7 * 86_400_000))).toEqual({ ok: false, reason: "expired" });
    expect(tokenState("not-a-real-token-at-all-123", "invite", SEED_NOW)).toEqual({ ok: false, reason: "unknown" });
    expect(tokenState(token, "reset", SEED_NOW)).toEqual({ ok: false, reason: "unknown" });
  });

  it.each([
    ["a taken email", { email: "larare@vallingbyskolan.example", organisationId: "__vallingby__" }, "email", "Det finns redan ett konto med den adressen."],
    ["a teacher without an organisation", { organisationId: "" }, "organisationId", "Välj verksamheten personen arbetar i."],
    ["an organisation of another district", { organisationId: "__tensta__" }, "organisationId", "Välj en verksamhet i ert stadsdelsområde."],
    ["no name", { name: " ", organisationId: "__vallingby__" }, "name", "Skriv namnet."],
    ["an unknown role", { role: "superuser", organisationId: "__vallingby__" }, "role", "Välj vad personen gör i portalen."],
    ["not an email", { email: "nora at skolan", organisationId: "__vallingby__" }, "email", "Skriv en e-postadress, till exempel namn@skolan.se."],
  ])("refuses %s with the input kept and nothing saved", async (_, change, field, message) => {
    const ids: Record<string, string> = { __vallingby__: String(organisationId("Vällingbyskolan")), __tensta__: String(organisationId("Tenstaskolan")) };
    const fields = { ...newTeacher, ...change } as Record<string, string>;
    fields.organisationId = ids[fields.organisationId!] ?? fields.organisationId!;
    const before = db.select().from(people).all().length;
    const response = await invite(fields);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fieldErrors[field]).toBe(message);
    expect(body.values.name).toBe(fields.name);
    expect(db.select().from(people).all()).toHaveLength(before);
    expect(db.select().from(outbox).all()).toHaveLength(0);
  });

  it("is for the coordinator only, and another district's people are 404", async () => {
    expect((await invite({ ...newTeacher, organisationId: String(organisationId("Vällingbyskolan")) }, "enhetschef@hv.example")).status).toBe(403);
    expect((await invite({ ...newTeacher, organisationId: String(organisationId("Vällingbyskolan")) }, "socialsekreterare@hv.example")).status).toBe(403);
    const view = async (email: string, id: number) =>
      respond(async () => personLoader(args(get(`/admin/personer/${id}`, await sessionCookie(email)), { personId: String(id) })));
    expect((await view("samordnare@hv.example", personId("socialsekreterare@hv.example"))).status).toBe(200);
    expect((await view("samordnare@st.example", personId("socialsekreterare@hv.example"))).status).toBe(404);
    expect((await view("samordnare@hv.example", personId("larare@tenstaskolan.example"))).status).toBe(404);
    const list = (await peopleLoader(args(get("/admin/personer", await sessionCookie("samordnare@st.example"))))) as { people: { email: string }[] };
    expect(list.people.map((p) => p.email)).toContain("larare@tenstaskolan.example");
    expect(list.people.map((p) => p.email)).not.toContain("socialsekreterare@hv.example");
  });
});

describe("changing and deactivating a person", () => {
  useFreshDatabase();

  const act = async (id: number, fields: Record<string, string>, email = "samordnare@hv.example") =>
    respond(async () => personAction(args(post(`/admin/personer/${id}`, fields, await sessionCookie(email)), { personId: String(id) })));

  it("deactivation ends the sessions, refuses the login, keeps the history and lists what to hand over", async () => {
    const anna = personId("socialsekreterare@hv.example");
    const annasCookie = await sessionCookie("socialsekreterare@hv.example");
    const handover = (await personLoader(args(get(`/admin/personer/${anna}`, await sessionCookie("samordnare@hv.example")), { personId: String(anna) }))) as {
      walks: unknown[];
      meetings: unknown[];
    };
    expect(handover.walks.length).toBeGreaterThan(0);
    expect(handover.meetings.length).toBeGreaterThan(0); // the report meeting Vällingbyskolan proposed to her
    expect((await act(anna, { intent: "deactivate" })).status).toBe(302);
    expect(await getActor(withCookie(annasCookie))).toBeNull();
    expect(await authenticate("socialsekreterare@hv.example", "samverkan-demo")).toBeNull();
    expect(db.select().from(people).where(eq(people.id, anna)).get()!.deactivatedAt).not.toBeNull();
    expect((await act(anna, { intent: "reactivate" })).status).toBe(302);
    expect(await authenticate("socialsekreterare@hv.example", "samverkan-demo")).toBe(anna);
  });

  it("changes role and organisation; the person's sessions end; a contact person's role is kept until the assignments are moved", async () => {
    const maria = personId("larare@vallingbyskolan.example");
    const mariasCookie = await sessionCookie("larare@vallingbyskolan.example");
    const promoted = await act(maria, {
      intent: "change",
      name: "Maria Lund",
      title: "Biträdande rektor",
      role: "partner_leadership",
      organisationId: String(organisationId("Vällingbyskolan")),
    });
    expect(promoted.status).toBe(302);
    expect(db.select().from(people).where(eq(people.id, maria)).get()).toMatchObject({ role: "partner_leadership", title: "Biträdande rektor" });
    expect(await getActor(withCookie(mariasCookie))).toBeNull();

    const anna = personId("socialsekreterare@hv.example");
    const refused = await act(anna, { intent: "change", name: "Anna Berg", title: "Samordnare", role: "coordinator", organisationId: "" });
    expect(refused.status).toBe(400);
    expect((await refused.json()).fieldErrors.role).toMatch(/Ta bort uppdragen och jourplatsen först/);
    expect(db.select().from(people).where(eq(people.id, anna)).get()!.role).toBe("social_worker");

    const self = personId("samordnare@hv.example");
    expect((await (await act(self, { intent: "deactivate" })).json()).fieldErrors.form).toBe("Du kan inte stänga av ditt eget konto.");
  });

  it("the audit log shows who did what, never content", async () => {
    await act(personId("larare@vallingbyskolan.example"), { intent: "deactivate" });
    // A consultation read is logged as "read a question", never with its text, and kept out of the district's view.
    const read = await respond(async () =>
      consultationLoader(args(get("/konsultation/1", await sessionCookie("eva.sjoberg@hv.example")), { consultationId: "1" })),
    );
    expect(read.status).toBe(200);
    const log = (await logLoader(args(get("/admin/logg", await sessionCookie("samordnare@hv.example"))))) as {
      rows: { action: string; who: string | null; objectId: string | null }[];
    };
    expect(log.rows.find((r) => r.action === "person.deactivated")).toMatchObject({
      who: "Helena Vik",
      objectId: String(personId("larare@vallingbyskolan.example")),
    });
    expect(log.rows.find((r) => r.action === "consultation.read")).toBeUndefined();
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, "consultation.read")).all()).toMatchObject([{ objectId: "1" }]);
    expect(JSON.stringify(log)).not.toContain(db.select().from(consultations).get()!.question!.slice(0, 20));
    const other = (await logLoader(args(get("/admin/logg", await sessionCookie("samordnare@st.example"))))) as { rows: { action: string }[] };
    expect(other.rows.some((r) => r.action === "person.deactivated")).toBe(false);
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, "person.deactivated")).all()).toHaveLength(1);
  });
});

describe("passwords", () => {
  useFreshDatabase();

  it("a reset link answers the same for unknown addresses, works once within the hour and ends other sessions", async () => {
    const ask = (email: string) => respond(() => forgotAction(args(post("/glomt-losenord", { email }))));
    const unknown = await ask("ingen@okand.example");
    const known = await ask("Larare@Vallingbyskolan.example");
    await afterResponses();
    expect(unknown.status).toBe(302);
    expect(known.headers.get("Location")).toBe(unknown.headers.get("Location"));
    expect(
      db
        .select()
        .from(outbox)
        .all()
        .map((m) => m.toAddress),
    ).toEqual(["larare@vallingbyskolan.example"]);
    expect((await (await ask("inte en adress")).json()).fieldErrors.email).toBe("Skriv en e-postadress, till exempel namn@skolan.se.");

    const oldSession = await sessionCookie("larare@vallingbyskolan.example");
    const token = await linkTokenSentTo("larare@vallingbyskolan.example", "aterstall");
    expect(tokenState(token, "reset", new Date(SEED_NOW.getTime() + 61 * 60_000))).toEqual({ ok: false, reason: "expired" });
    const done = await respond(() =>
      resetAction(args(post(`/aterstall/${token}`, { password: "ett nytt långt lösen", confirm: "ett nytt långt lösen" }), { token })),
    );
    expect(done.status).toBe(302);
    expect(await getActor(withCookie(oldSession))).toBeNull();
    expect(await authenticate("larare@vallingbyskolan.example", "samverkan-demo")).toBeNull();
    expect(await authenticate("larare@vallingbyskolan.example", "ett nytt långt lösen")).toBe(personId("larare@vallingbyskolan.example"));
    const twice = await respond(() =>
      resetAction(args(post(`/aterstall/${token}`, { password: "ett tredje lösen!", confirm: "ett tredje lösen!" }), { token })),
    );
    expect(twice.status).toBe(400);
  });

  it("everyone changes their own phone and password", async () => {
    const cookie = await sessionCookie("larare@vallingbyskolan.example");
    const act = (fields: Record<string, string>) => respond(() => accountAction(args(post("/konto", fields, cookie))));
    const badPhone = await act({ intent: "phone", phone: "ring mig" });
    expect((await badPhone.json()).fieldErrors.phone).toBe("Skriv ett telefonnummer, till exempel 070-123 45 67.");
    expect((await act({ intent: "phone", phone: "070-174 06 88" })).status).toBe(302);
    expect(
      db
        .select()
        .from(people)
        .where(eq(people.id, personId("larare@vallingbyskolan.example")))
        .get()!.phone,
    ).toBe("+46701740688");

    const wrong = await act({ intent: "password", current: "fel lösenord", password: "ett nytt långt lösen", confirm: "ett nytt långt lösen" });
    const body = await wrong.json();
    expect(body.fieldErrors.current).toBe("Det nuvarande lösenordet stämmer inte.");
    expect(JSON.stringify(body.values)).not.toContain("ett nytt långt lösen");
    expect((await act({ intent: "password", current: "samverkan-demo", password: "ett nytt långt lösen", confirm: "ett nytt långt lösen" })).status).toBe(302);
    expect(await getActor(withCookie(cookie))).toBeNull(); // the old session id is gone; the browser got a new one
    expect(await authenticate("larare@vallingbyskolan.example", "ett nytt långt lösen")).toBe(personId("larare@vallingbyskolan.example"));
  });
});

describe("organisations and the CSV import", () => {
  useFreshDatabase();

  const upload = async (fields: Record<string, string>, file?: { bytes: Uint8Array<ArrayBuffer>; name: string }, email = "samordnare@hv.example") => {
    const body = new FormData();
    for (const [key, value] of Object.entries(fields)) body.append(key, value);
    if (file) body.append("fil", new Blob([file.bytes], { type: "text/csv" }), file.name);
    const request = new Request("http://localhost:3000/admin/import", { method: "POST", body, headers: { Cookie: await sessionCookie(email) } });
    return respond(() => importAction(args(request)));
  };
  const CSV = [
    "typ;namn;sort;hör till;e-post;roll;titel",
    "verksamhet;Råckstaskolan;skola;;;;",
    "person;Pia Persson;;Råckstaskolan;pia.persson@skola.example;personal;Lärare",
  ].join("\r\n");

  it("previews without saving, then imports everything and invites every person", async () => {
    const preview = await upload({ intent: "preview" }, { bytes: new TextEncoder().encode(`\uFEFF${CSV}`), name: "start.csv" });
    expect(preview.status).toBe(200);
    const shown = await preview.json();
    expect(shown.plan).toMatchObject({ errors: [], organisations: [{ name: "Råckstaskolan" }], people: [{ email: "pia.persson@skola.example" }] });
    expect(db.select().from(people).where(eq(people.email, "pia.persson@skola.example")).get()).toBeUndefined();

    const done = await upload({ intent: "import", text: shown.text });
    expect(done.status).toBe(302);
    const pia = db.select().from(people).where(eq(people.email, "pia.persson@skola.example")).get()!;
    expect(pia.organisationId).toBe(organisationId("Råckstaskolan"));
    expect(lastMailTo("pia.persson@skola.example")).toMatchObject({ linkPurpose: "invite", linkPersonId: pia.id });
    // The same file again: nothing new, every line refused.
    const again = await upload({ intent: "import", text: CSV });
    expect(again.status).toBe(400);
    expect((await again.json()).plan.errors.map((e: { line: number }) => e.line)).toEqual([2, 3]);
  });

  it("refuses a wrong encoding, broken lines and a file with nothing, with nothing half-saved", async () => {
    const latin1: Uint8Array<ArrayBuffer> = new Uint8Array([
      ...new TextEncoder().encode("typ;namn;sort;hör till;e-post;roll;titel\nverksamhet;F"),
      0xf6,
      0x72,
      ...new TextEncoder().encode("skolan;skola;;;;"),
    ]);
    const wrong = await upload({ intent: "preview" }, { bytes: latin1, name: "excel.csv" });
    expect((await wrong.json()).error).toMatch(/inte sparad som UTF-8/);
    const before = db.select().from(organisations).all().length;
    const broken = await upload({ intent: "import", text: `${CSV}\r\nperson;Utan;;Finns inte;utan@skola.example;personal;Lärare` });
    expect(broken.status).toBe(400);
    expect((await broken.json()).plan.errors).toEqual([{ line: 4, message: 'Verksamheten "Finns inte" finns inte.' }]);
    expect(db.select().from(organisations).all()).toHaveLength(before);
    expect((await (await upload({ intent: "preview", text: " " })).json()).error).toBe("Välj en fil eller klistra in raderna.");
    expect((await upload({ intent: "preview", text: CSV }, undefined, "enhetschef@hv.example")).status).toBe(403);
  });

  it("adds, renames and closes organisations, with their stages and staff teams; another district's is 404", async () => {
    const cookie = await sessionCookie("samordnare@hv.example");
    const add = (fields: Record<string, string>) => respond(() => organisationsAction(args(post("/admin/verksamheter", fields, cookie))));
    const added = await add({ name: "Förskolan Tallen", kind: "preschool", parentId: String(organisationId("Grimsta förskoleenhet")) });
    expect(added.status).toBe(302);
    const id = organisationId("Förskolan Tallen");
    const act = (fields: Record<string, string>) =>
      respond(() => organisationAction(args(post(`/admin/verksamheter/${id}`, fields, cookie), { organisationId: String(id) })));
    expect((await (await add({ name: "Vällingbyskolan", kind: "school" })).json()).fieldErrors.name).toBe("Det finns redan en verksamhet med det namnet.");
    expect((await (await add({ name: "Skolan", kind: "school", parentId: String(organisationId("Grimsta förskoleenhet")) })).json()).fieldErrors.parentId).toBe(
      "Bara en förskola kan höra till en förskoleenhet.",
    );
    expect((await act({ intent: "staffTeam", name: "Barret" })).status).toBe(302);
    expect((await (await act({ intent: "staffTeam", name: "barret" })).json()).fieldErrors.name).toBe("Förskolan har redan ett arbetslag med det namnet.");
    expect((await (await act({ intent: "stage", stage: "hogstadiet" })).json()).fieldErrors.stage).toBe("Bara skolor har stadier.");
    expect((await act({ intent: "rename", name: "Förskolan Tallbacken" })).status).toBe(302);
    expect((await act({ intent: "close" })).status).toBe(302);
    expect(db.select().from(organisations).where(eq(organisations.id, id)).get()).toMatchObject({ name: "Förskolan Tallbacken" });
    expect(db.select().from(organisations).where(eq(organisations.id, id)).get()!.closedAt).not.toBeNull();
    const tensta = organisationId("Tenstaskolan");
    const foreign = await respond(() =>
      organisationAction(args(post(`/admin/verksamheter/${tensta}`, { intent: "close" }, cookie), { organisationId: String(tensta) })),
    );
    expect(foreign.status).toBe(404);
  });
});

describe("a person's school part or staff team", () => {
  useFreshDatabase();

  it("is chosen among the organisation's own, and cleared when the organisation changes", async () => {
    const cookie = await sessionCookie("samordnare@hv.example");
    const ahmed = personId("pedagog@gronadiamanten.example");
    const safiren = db.select().from(staffTeams).where(eq(staffTeams.name, "Safiren")).get()!;
    const kotten = db.select().from(staffTeams).where(eq(staffTeams.name, "Kotten")).get()!;
    const change = (fields: Record<string, string>) =>
      respond(() =>
        personAction(
          args(post(`/admin/personer/${ahmed}`, { intent: "change", name: "Ahmed Yusuf", title: "Förskollärare", role: "partner_staff", ...fields }, cookie), {
            personId: String(ahmed),
          }),
        ),
      );
    expect((await change({ organisationId: String(organisationId("Gröna diamanten")), unit: `team:${safiren.id}` })).status).toBe(302);
    expect(db.select().from(people).where(eq(people.id, ahmed)).get()!.staffTeamId).toBe(safiren.id);
    const wrong = await change({ organisationId: String(organisationId("Gröna diamanten")), unit: `team:${kotten.id}` });
    expect((await wrong.json()).fieldErrors.unit).toBe("Välj ett stadium eller arbetslag i personens verksamhet.");
    expect((await change({ organisationId: String(organisationId("Förskolan Ekorren")) })).status).toBe(302);
    expect(db.select().from(people).where(eq(people.id, ahmed)).get()).toMatchObject({
      organisationId: organisationId("Förskolan Ekorren"),
      staffTeamId: null,
    });
  });
});

describe("contact assignments in a preschool unit", () => {
  useFreshDatabase();

  it("a preschool unit's contact person can also be named for one of its preschools", () => {
    const outcome = addContactAssignment(actorFor("samordnare@hv.example"), {
      organisationId: organisationId("Förskolan Ekorren"),
      personId: personId("petra.nystrom@hv.example"),
      scopeLabel: "Förskolan Ekorren",
      schoolPartIds: [],
    });
    expect(outcome).toEqual({ ok: true });
    expect(
      db
        .select()
        .from(contactAssignments)
        .where(eq(contactAssignments.organisationId, organisationId("Förskolan Ekorren")))
        .all(),
    ).toHaveLength(1);
  });
});

describe("the coordinator's choice lists", () => {
  useFreshDatabase();

  it("hold the district's organisations, units, preschool units and duty candidates for the coordinator only", () => {
    const lists = (email: string) => {
      const actor = actorFor(email);
      return [
        organisationChoices(actor),
        unitChoices(actor),
        preschoolUnits(actor),
        dutyCandidates(actor),
        [addressInDistrict(actor, "larare@vallingbyskolan.example")],
      ];
    };
    expect(lists("samordnare@hv.example").map((list) => list.filter(Boolean).length > 0)).toEqual([true, true, true, true, true]);
    for (const email of ["socialsekreterare@hv.example", "enhetschef@hv.example", "rektor@vallingbyskolan.example"])
      expect(
        lists(email).map((list) => list.filter(Boolean).length),
        email,
      ).toEqual([0, 0, 0, 0, 0]);
  });
});
