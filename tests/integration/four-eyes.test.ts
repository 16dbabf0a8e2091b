/**
 * Four eyes on access to consultation content: a social-worker or parent-adviser account, a
 * new role or team, and a contact assignment count only once the district's head of unit has
 * approved them. The coordinator asks; the head of unit approves or refuses on the start page;
 * both steps are in the audit log.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, contactAssignments, outbox, people } from "../../db/schema";
import { hashPassword } from "../../app/auth/password.server";
import { getActor } from "../../app/auth/session.server";
import { approveAccess } from "../../app/models/access-approval.server";
import { consultationsFor } from "../../app/models/consultations.server";
import { callAdviceFor } from "../../app/models/who-to-call.server";
import { hostableOrganisations } from "../../app/models/walk-hosting.server";
import { action as homeAction, loader as homeLoader } from "../../app/routes/_index";
import { action as inviteAction } from "../../app/routes/admin.personer._index";
import { action as personAction } from "../../app/routes/admin.personer.$personId";
import { action as importAction } from "../../app/routes/admin.import";
import { action as contactsAction, loader as contactsLoader } from "../../app/routes/kontaktpersoner";
import { action as newAction } from "../../app/routes/konsultation.ny";
import { loader as threadLoader } from "../../app/routes/konsultation.$consultationId";
import { action as cityAction } from "../../app/routes/stad";
import { actorFor, db, organisationId, personId, SEED_NOW, useFreshDatabase } from "./db";
import { QUESTION } from "./forms";
import { args, get, post, respond, sessionCookie } from "./http";

const COORDINATOR = "samordnare@hv.example";
const HEAD = "enhetschef@hv.example";
// An address the coordinator controls.
const INSIDER = "kalle.karlsson@privat.example";

const run = async <A>(fn: (a: A) => unknown, request: Request, params: Record<string, string> = {}) => respond(async () => fn(args(request, params) as A));

/** The coordinator invites a social worker; the password is set here (the mail's link is not this test's subject). */
async function inviteSocialWorker(email = INSIDER) {
  const invited = await run(
    inviteAction,
    post(
      "/admin/personer",
      { email, name: "Kalle Karlsson", title: "Socialsekreterare", role: "social_worker", organisationId: "" },
      await sessionCookie(COORDINATOR),
    ),
  );
  expect(invited.status).toBe(302);
  const id = personId(email);
  db.update(people)
    .set({ passwordHash: await hashPassword("samverkan-demo") })
    .where(eq(people.id, id))
    .run();
  return id;
}

async function nameContactPerson(person: number, organisation = "Vällingbyskolan") {
  const added = await run(
    contactsAction,
    post(
      "/kontaktpersoner",
      { intent: "add", organisationId: String(organisationId(organisation)), personId: String(person), scopeLabel: "Hela skolan" },
      await sessionCookie(COORDINATOR),
    ),
  );
  expect(added.status).toBe(302);
  return db
    .select()
    .from(contactAssignments)
    .where(and(eq(contactAssignments.personId, person), eq(contactAssignments.organisationId, organisationId(organisation))))
    .get()!;
}

async function ask(email = "larare@vallingbyskolan.example") {
  const asked = await run(newAction, post("/konsultation/ny", { ...QUESTION, callbackPhone: "070-174 06 30" }, await sessionCookie(email)));
  expect(asked.status).toBe(302);
  return Number(/\/konsultation\/(\d+)/.exec(asked.headers.get("Location")!)![1]);
}

type Approvals = { people: { id: number; role: string; teamId: number }[]; assignments: { id: number }[] };
const approvalsOnStartPage = async (email = HEAD) =>
  ((await homeLoader(args(get("/", await sessionCookie(email))))) as { approvals: Approvals | null }).approvals;
const decide = async (fields: Record<string, string>, email = HEAD) => run(homeAction, post("/", fields, await sessionCookie(email)));
const personFields = (p: Approvals["people"][number]) => ({ kind: "person", id: String(p.id), role: p.role, teamId: String(p.teamId) });
const audited = (action: string) => db.select().from(auditEvents).where(eq(auditEvents.action, action)).all();

describe("a coordinator cannot give themselves access to consultations", () => {
  useFreshDatabase();

  it("a social worker the coordinator invited and named contact person reads no question and is told of none until the head of unit approves", async () => {
    const kalle = await inviteSocialWorker();
    const assignment = await nameContactPerson(kalle);
    const cookie = await sessionCookie(INSIDER); // logs in
    expect((await getActor(new Request("http://localhost:3000/", { headers: { Cookie: cookie } })))?.personId).toBe(kalle);

    const first = await ask();
    expect(
      db
        .select()
        .from(outbox)
        .where(eq(outbox.toAddress, INSIDER))
        .all()
        .map((m) => m.subject),
    ).not.toContain("En ny fråga väntar i Samverkansportalen");
    expect(consultationsFor(actorFor(INSIDER), SEED_NOW)).toEqual([]);
    expect((await run(threadLoader, get(`/konsultation/${first}`, cookie), { consultationId: String(first) })).status).toBe(404);
    const start = (await homeLoader(args(get("/", cookie)))) as { accessPending: boolean; organisations: { pending: boolean }[] };
    expect(start.accessPending).toBe(true);
    expect(start.organisations).toMatchObject([{ pending: true }]);
    // Both requests are in the audit log, made by the coordinator.
    const requested = audited("access.requested");
    expect(requested.map((e) => [e.objectType, e.objectId, e.actorPersonId])).toEqual([
      ["person", String(kalle), personId(COORDINATOR)],
      ["contact_assignment", String(assignment.id), personId(COORDINATOR)],
    ]);

    // The head of unit approves both from the start page.
    const waiting = (await approvalsOnStartPage())!;
    expect(waiting.people.map((p) => p.id)).toEqual([kalle]);
    expect(waiting.assignments.map((a) => a.id)).toEqual([assignment.id]);
    expect((await decide({ intent: "approve", ...personFields(waiting.people[0]!) })).status).toBe(302);
    expect(consultationsFor(actorFor(INSIDER), SEED_NOW)).toEqual([]); // the assignment still waits
    expect((await decide({ intent: "approve", kind: "assignment", id: String(assignment.id) })).status).toBe(302);
    expect(audited("access.approved").map((e) => [e.objectType, e.objectId, e.actorPersonId])).toEqual([
      ["person", String(kalle), personId(HEAD)],
      ["contact_assignment", String(assignment.id), personId(HEAD)],
    ]);
    expect((await approvalsOnStartPage())!).toEqual({ people: [], assignments: [] });

    const second = await ask("elevhalsa@vallingbyskolan.example");
    expect(
      db
        .select()
        .from(outbox)
        .where(eq(outbox.toAddress, INSIDER))
        .all()
        .map((m) => m.subject),
    ).toContain("En ny fråga väntar i Samverkansportalen");
    expect(consultationsFor(actorFor(INSIDER), SEED_NOW).map((c) => c.id)).toContain(second);
    expect((await run(threadLoader, get(`/konsultation/${second}`, cookie), { consultationId: String(second) })).status).toBe(200);
  });

  it("only the head of unit approves: the coordinator is refused by the page and by the model", async () => {
    const kalle = await inviteSocialWorker();
    const assignment = await nameContactPerson(kalle);
    const team = db.select().from(people).where(eq(people.id, kalle)).get()!.teamId!;
    const asCoordinator = await decide({ intent: "approve", kind: "person", id: String(kalle), role: "social_worker", teamId: String(team) }, COORDINATOR);
    expect(asCoordinator.status).toBe(403);
    expect(approveAccess(actorFor(COORDINATOR), { kind: "assignment", id: assignment.id }, SEED_NOW)).toMatchObject({ ok: false });
    expect(approveAccess(actorFor("socialsekreterare@hv.example"), { kind: "person", id: kalle, role: "social_worker", teamId: team }, SEED_NOW)).toMatchObject(
      { ok: false },
    );
    // Another district's coordinator finds nothing either.
    expect(approveAccess(actorFor("samordnare@st.example"), { kind: "person", id: kalle, role: "social_worker", teamId: team }, SEED_NOW)).toMatchObject({
      ok: false,
    });
    expect(db.select().from(people).where(eq(people.id, kalle)).get()!.accessApprovedAt).toBeNull();
    expect(db.select().from(contactAssignments).where(eq(contactAssignments.id, assignment.id)).get()!.approvedAt).toBeNull();
    expect(await approvalsOnStartPage(COORDINATOR)).toBeNull();
  });

  it("refusing deletes the assignment and deactivates the account, both audited", async () => {
    const kalle = await inviteSocialWorker();
    const assignment = await nameContactPerson(kalle);
    const waiting = (await approvalsOnStartPage())!;
    expect((await decide({ intent: "refuse", kind: "assignment", id: String(assignment.id) })).headers.get("Location")).toBe("/?sparat=nekat-uppdrag");
    expect(db.select().from(contactAssignments).where(eq(contactAssignments.id, assignment.id)).get()).toBeUndefined();
    const cookie = await sessionCookie(INSIDER);
    expect((await decide({ intent: "refuse", ...personFields(waiting.people[0]!) })).headers.get("Location")).toBe("/?sparat=nekad-person");
    expect(db.select().from(people).where(eq(people.id, kalle)).get()!.deactivatedAt).not.toBeNull();
    expect(await getActor(new Request("http://localhost:3000/", { headers: { Cookie: cookie } }))).toBeNull();
    expect(audited("access.refused").map((e) => [e.objectType, e.objectId, e.actorPersonId])).toEqual([
      ["contact_assignment", String(assignment.id), personId(HEAD)],
      ["person", String(kalle), personId(HEAD)],
    ]);
    // Asking again is the coordinator reactivating the account: back on the head of unit's list.
    expect(
      (await run(personAction, post(`/admin/personer/${kalle}`, { intent: "reactivate" }, await sessionCookie(COORDINATOR)), { personId: String(kalle) }))
        .status,
    ).toBe(302);
    expect((await approvalsOnStartPage())!.people.map((p) => p.id)).toEqual([kalle]);
  });

  it("a new role waits for approval again, and an approval covers only the role the head of unit saw", async () => {
    const maria = personId("larare@vallingbyskolan.example");
    const change = async (role: string) =>
      run(
        personAction,
        post(
          `/admin/personer/${maria}`,
          { intent: "change", name: "Maria Lund", title: "Socialsekreterare", role, organisationId: "" },
          await sessionCookie(COORDINATOR),
        ),
        { personId: String(maria) },
      );
    expect((await change("social_worker")).headers.get("Location")).toBe(`/admin/personer/${maria}?sparat=andrad-godkannande`);
    expect(audited("access.requested").map((e) => e.objectId)).toEqual([String(maria)]);
    const seen = (await approvalsOnStartPage())!.people.find((p) => p.id === maria)!;
    expect(seen.role).toBe("social_worker");
    expect((await change("parent_adviser")).status).toBe(302);
    const stale = await decide({ intent: "approve", ...personFields(seen) });
    expect(stale.status).toBe(400);
    expect(db.select().from(people).where(eq(people.id, maria)).get()!.accessApprovedAt).toBeNull();
    expect((await decide({ intent: "approve", ...personFields((await approvalsOnStartPage())!.people.find((p) => p.id === maria)!) })).status).toBe(302);
    expect(db.select().from(people).where(eq(people.id, maria)).get()!.accessApprovedBy).toBe(personId(HEAD));
  });

  it("an approved social worker who is named for one more organisation gets nothing from it until that is approved", async () => {
    const anna = personId("socialsekreterare@hv.example");
    await nameContactPerson(anna, "Grimstaskolan");
    const question = await ask("larare@grimstaskolan.example");
    expect(consultationsFor(actorFor("socialsekreterare@hv.example"), SEED_NOW).map((c) => c.id)).not.toContain(question);
    expect(db.select().from(outbox).where(eq(outbox.toAddress, "socialsekreterare@hv.example")).all()).toHaveLength(0);
    // Nor can she publish walk-and-talk times there yet.
    expect(hostableOrganisations(actorFor("socialsekreterare@hv.example")).map((o) => o.name)).not.toContain("Grimstaskolan");
  });

  it("the partners see only contact persons whose access is approved; the coordinator sees the others as waiting", async () => {
    const kalle = await inviteSocialWorker();
    await nameContactPerson(kalle);
    expect(callAdviceFor(actorFor("larare@vallingbyskolan.example"), SEED_NOW).contacts.map((c) => c.personId)).not.toContain(kalle);
    const page = (await contactsLoader(args(get("/kontaktpersoner", await sessionCookie(COORDINATOR))))) as {
      organisations: { name: string; contacts: { personId: number; pending: boolean }[] }[];
    };
    expect(page.organisations.find((o) => o.name === "Vällingbyskolan")!.contacts.find((c) => c.personId === kalle)).toMatchObject({ pending: true });
  });
});

describe("the coordinator cannot make a head of unit", () => {
  useFreshDatabase();

  it("is refused inviting one, promoting someone to one, or importing one; the city's administrator appoints one", async () => {
    const cookie = await sessionCookie(COORDINATOR);
    const invited = await run(
      inviteAction,
      post("/admin/personer", { email: "chef@privat.example", name: "Falsk Chef", title: "Enhetschef", role: "unit_head", organisationId: "" }, cookie),
    );
    expect(invited.status).toBe(400);
    expect((await invited.json()).fieldErrors.role).toBe("Enhetschefen utses av stadens administratör. Välj en annan roll.");
    const jonas = personId("jonas.ekholm@hv.example");
    const promoted = await run(
      personAction,
      post(`/admin/personer/${jonas}`, { intent: "change", name: "Jonas Ekholm", title: "Enhetschef", role: "unit_head", organisationId: "" }, cookie),
      { personId: String(jonas) },
    );
    expect(promoted.status).toBe(400);
    const body = new FormData();
    body.append("intent", "preview");
    body.append("text", "typ;namn;sort;hör till;e-post;roll;titel\nperson;Falsk Chef;;;chef@privat.example;enhetschef;Enhetschef");
    const imported = await run(importAction, new Request("http://localhost:3000/admin/import", { method: "POST", body, headers: { Cookie: cookie } }));
    expect((await imported.json()).plan.errors).toEqual([
      { line: 2, message: "Enhetschefen utses av stadens administratör, inte med en import. Ta bort raden." },
    ]);
    expect(db.select().from(people).where(eq(people.role, "unit_head")).all()).toHaveLength(1);

    // Spånga-Tensta has none; the city's administrator appoints one, who then approves there.
    const tensta = db.select().from(people).where(eq(people.email, "samordnare@st.example")).get()!.districtId;
    const appointed = await run(
      cityAction,
      post(
        "/stad",
        { intent: "unit-head", districtId: String(tensta), name: "Tina Tensta", email: "enhetschef@st.example" },
        await sessionCookie("admin@stockholm.example"),
      ),
    );
    expect(appointed.status).toBe(302);
    expect(db.select().from(people).where(eq(people.email, "enhetschef@st.example")).get()).toMatchObject({
      role: "unit_head",
      districtId: tensta,
      passwordHash: null,
    });
    expect(db.select().from(outbox).where(eq(outbox.toAddress, "enhetschef@st.example")).all()).toHaveLength(1);
  });
});

describe("a contact person waiting for approval hosts no meeting", () => {
  useFreshDatabase();

  it("is not offered to the school as host of a report meeting until the head of unit approves", async () => {
    const { meetingHostsFor } = await import("../../app/models/meeting-creation.server");
    const insider = await inviteSocialWorker();
    const assignment = await nameContactPerson(insider);
    const principal = actorFor("rektor@vallingbyskolan.example");
    expect(meetingHostsFor(principal).map((h) => h.personId)).not.toContain(insider);

    const head = actorFor(HEAD);
    const person = db.select().from(people).where(eq(people.id, insider)).get()!;
    expect(approveAccess(head, { kind: "person", id: insider, role: person.role as "social_worker", teamId: person.teamId! }, SEED_NOW)).toMatchObject({
      ok: true,
    });
    expect(meetingHostsFor(principal).map((h) => h.personId)).not.toContain(insider);
    expect(approveAccess(head, { kind: "assignment", id: assignment.id }, SEED_NOW)).toMatchObject({ ok: true });
    expect(meetingHostsFor(principal).map((h) => h.personId)).toContain(insider);
  });
});
