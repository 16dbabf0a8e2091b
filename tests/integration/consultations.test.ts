import { SCHEDULER } from "../../app/auth/permissions";
import { eq, isNotNull, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, availabilityStatuses, consultationMessages, consultations, jobs, outbox } from "../../db/schema";
import { action as newAction, loader as newLoader } from "../../app/routes/konsultation.ny";
import { action as threadAction, loader as threadLoader } from "../../app/routes/konsultation.$consultationId";
import { loader as listLoader } from "../../app/routes/konsultation._index";
import { consultationsFor, purgeClosedConsultations, takeConsultation } from "../../app/models/consultations.server";
import { registerAllJobs } from "../../app/jobs/all-jobs.server";
import { registeredJobHandlers, runDueJobs, scheduleJob } from "../../app/jobs/scheduler.server";
import { actorFor, db, personId, SEED_NOW, useFreshDatabase } from "./db";
import { QUESTION } from "./forms";
import { args, get, post, respond, sessionCookie } from "./http";

/** Questions asked in these tests; the seed also holds one case booked on the consultation forum. */
const askedOutsideTheForum = () => db.select().from(consultations).where(isNull(consultations.forumMeetingId)).all();

const question = { ...QUESTION, callbackPhone: "070-174 06 30" };

const ask = async (email: string, fields: Record<string, string | string[]> = question) =>
  respond(async () => newAction(args(post("/konsultation/ny", fields, await sessionCookie(email)))));
const idFrom = (response: Response) => Number(/\/konsultation\/(\d+)/.exec(response.headers.get("Location") ?? "")![1]);
const open = async (email: string, id: number) =>
  respond(async () => threadLoader(args(get(`/konsultation/${id}`, await sessionCookie(email)), { consultationId: String(id) })));
const act = async (email: string, id: number, fields: Record<string, string>) =>
  respond(async () => threadAction(args(post(`/konsultation/${id}`, fields, await sessionCookie(email)), { consultationId: String(id) })));

describe("asking", () => {
  useFreshDatabase();

  it("sends an anonymous question to the contact person of the asker's school part who can answer now, with a notice that holds no content", async () => {
    const response = await ask("larare@vallingbyskolan.example");
    expect(response.status).toBe(302);
    const row = db
      .select()
      .from(consultations)
      .where(eq(consultations.id, idFrom(response)))
      .get()!;
    expect(row).toMatchObject({ mode: "anonymous", state: "new", callbackPhone: "+46701740630", viaDuty: false });
    // Few days: by the end of the second working day after Tuesday 1 December.
    expect(row.dueAt.toISOString()).toBe("2026-12-03T15:30:00.000Z");
    const notices = db.select().from(outbox).all();
    // Jonas Ekholm, the other lower-school contact, is away; the upper-school pair are not asked (new-question-recipients.test.ts).
    expect(notices.map((m) => m.toAddress)).toEqual(["socialsekreterare@hv.example"]);
    for (const m of notices) {
      expect(m.subject).toBe("En ny fråga väntar i Samverkansportalen");
      expect(m.textBody).not.toMatch(/borta|trött|6–9|6-9|frånvaro|hemma/);
    }
  });

  it("refuses a personnummer in an anonymous question, says what to remove, keeps the rest", async () => {
    const response = await ask("larare@vallingbyskolan.example", { ...question, question: "Gäller eleven 121212-1212 i klass 2B." });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fieldErrors.question).toMatch(/personnummer.*"121212-1212".*Ta bort det/);
    expect(body.values.question).toBe("Gäller eleven 121212-1212 i klass 2B.");
    expect(body.values.concerns).toBe("home,absence");
    expect(askedOutsideTheForum()).toHaveLength(0);
  });

  it("asks to confirm a possible name, and accepts it confirmed", async () => {
    const text = { ...question, question: "Jag undrar hur jag ska prata med Kevin om det här." };
    const warned = await ask("larare@vallingbyskolan.example", text);
    expect(warned.status).toBe(400);
    const body = await warned.json();
    expect(body.needsNameConfirmation).toBe(true);
    expect(body.fieldErrors.confirmNoName).toMatch(/"Kevin"/);
    expect((await ask("larare@vallingbyskolan.example", { ...text, confirmNoName: "yes" })).status).toBe(302);
  });

  it("the database itself refuses identifying details in an anonymous consultation", () => {
    const teacher = actorFor("larare@vallingbyskolan.example");
    expect(() =>
      db
        .insert(consultations)
        .values({
          districtId: teacher.districtId,
          organisationId: teacher.organisationId!,
          askerPersonId: teacher.personId,
          purpose: "unsure_report",
          mode: "anonymous",
          ageBand: "6-9",
          urgency: "today",
          answerBy: "portal",
          question: "x",
          childDetails: "Kalle Andersson",
          dueAt: SEED_NOW,
        })
        .run(),
    ).toThrow(/CHECK/);
  });

  it("with consent, identifying details go in the marked field", async () => {
    const consent = {
      ...question,
      purpose: "known_child",
      mode: "consent",
      consentGivenBy: "mamma",
      consentGivenOn: "2026-11-30",
      childDetails: "Kalle, klass 2B",
    };
    const response = await ask("larare@vallingbyskolan.example", consent);
    expect(response.status).toBe(302);
    expect(askedOutsideTheForum()[0]).toMatchObject({ childDetails: "Kalle, klass 2B", consentGivenBy: "mamma" });
    const anonymousKnown = await ask("larare@vallingbyskolan.example", { ...question, purpose: "known_child" });
    expect((await anonymousKnown.json()).fieldErrors.mode).toBe("En fråga om ett barn som teamet redan känner behöver vårdnadshavarnas samtycke.");
  });

  it("a 10,000-character question and markup are refused or kept as text, never a 500", async () => {
    const long = await ask("larare@vallingbyskolan.example", { ...question, question: "a".repeat(10_000) });
    expect(long.status).toBe(400);
    const markup = await ask("larare@vallingbyskolan.example", { ...question, question: "<script>alert(1)</script> hur gör jag?" });
    expect(markup.status).toBe(302);
    expect(askedOutsideTheForum()[0]!.question).toBe("<script>alert(1)</script> hur gör jag?");
  });

  it("is for partner staff only", async () => {
    expect((await respond(async () => newLoader(args(get("/konsultation/ny", await sessionCookie("socialsekreterare@hv.example")))))).status).toBe(403);
  });

  it("goes to the duty person too when no contact person can answer", async () => {
    for (const email of ["socialsekreterare@hv.example", "sara.lindqvist@hv.example", "mikael.holm@hv.example"]) {
      db.insert(availabilityStatuses)
        .values({ personId: personId(email), kind: "away", awayThrough: "2026-12-10", setAt: SEED_NOW })
        .run();
    }
    const response = await ask("larare@vallingbyskolan.example");
    const id = idFrom(response);
    expect(db.select().from(consultations).where(eq(consultations.id, id)).get()!.viaDuty).toBe(true);
    // Omar Lind has duty on Tuesday 1 December and is no contact person for the school.
    expect((await open("omar.lind@hv.example", id)).status).toBe(200);
    expect(
      db
        .select()
        .from(outbox)
        .all()
        .map((m) => m.toAddress),
    ).toContain("omar.lind@hv.example");
    expect((await open("karin.dahl@hv.example", id)).status).toBe(404);
  });
});

describe("answering and who sees what", () => {
  useFreshDatabase();

  it("the contact person takes, answers and closes; the asker reads the answer", async () => {
    const id = idFrom(await ask("larare@vallingbyskolan.example"));
    expect((await act("socialsekreterare@hv.example", id, { intent: "take" })).status).toBe(302);
    expect(
      (await act("socialsekreterare@hv.example", id, { intent: "message", body: "Hej! Det låter klokt att prata med elevhälsan först. Ring mig gärna." }))
        .status,
    ).toBe(302);
    const seen = (await (await open("larare@vallingbyskolan.example", id)).json()) as {
      consultation: { state: string };
      messages: { body: string; author: string }[];
    };
    expect(seen.consultation.state).toBe("answered");
    expect(seen.messages[0]).toMatchObject({ author: "Anna Berg", body: "Hej! Det låter klokt att prata med elevhälsan först. Ring mig gärna." });
    const answered = db.select().from(outbox).where(eq(outbox.toAddress, "larare@vallingbyskolan.example")).get()!;
    expect(answered.subject).toBe("Du har fått svar i Samverkansportalen");
    expect(answered.textBody).not.toContain("elevhälsan");
    expect((await act("socialsekreterare@hv.example", id, { intent: "close", outcome: "advice" })).status).toBe(302);
    const closed = await act("larare@vallingbyskolan.example", id, { intent: "message", body: "Tack!" });
    expect((await closed.json()).fieldErrors.body).toBe("Frågan är avslutad. Ställ en ny fråga om du vill fråga något mer.");
  });

  it("social services see the asker's organisation and role, never the name", async () => {
    const id = idFrom(await ask("larare@vallingbyskolan.example"));
    const text = await (await open("jonas.ekholm@hv.example", id)).text();
    expect(text).toContain("Lärare");
    expect(text).not.toContain("Maria Lund");
  });

  it("two social workers take it at once: exactly one gets it", async () => {
    const id = idFrom(await ask("larare@vallingbyskolan.example"));
    const results = [
      takeConsultation(actorFor("socialsekreterare@hv.example"), id, SEED_NOW),
      takeConsultation(actorFor("jonas.ekholm@hv.example"), id, SEED_NOW),
    ];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ message: expect.stringMatching(/^Någon annan hann ta frågan/) });
  });

  it("an anonymous thread passes the guard too", async () => {
    const id = idFrom(await ask("larare@vallingbyskolan.example"));
    await act("socialsekreterare@hv.example", id, { intent: "take" });
    const refused = await act("larare@vallingbyskolan.example", id, { intent: "message", body: "Mamman har nummer 070-174 06 99." });
    expect(refused.status).toBe(400);
    expect((await refused.json()).fieldErrors.body).toMatch(/telefonnummer/);
    expect(db.select().from(consultationMessages).all()).toHaveLength(0);
  });

  it.each([
    ["the principal (leadership does not see staff's questions)", "rektor@vallingbyskolan.example"],
    ["another school's teacher", "larare@grimstaskolan.example"],
    ["a social worker who does not cover the school", "leila.haddad@hv.example"],
    ["the coordinator", "samordnare@hv.example"],
    ["another district's social worker", "socialsekreterare@st.example"],
  ])("answers 404 to %s", async (_label, email) => {
    const id = idFrom(await ask("larare@vallingbyskolan.example"));
    expect((await open(email, id)).status).toBe(404);
    expect((await act(email, id, { intent: "take" })).status).toBe(404);
  });

  it("writes every read to the audit log, never content", async () => {
    const id = idFrom(await ask("larare@vallingbyskolan.example"));
    await open("socialsekreterare@hv.example", id);
    const reads = db.select().from(auditEvents).where(eq(auditEvents.action, "consultation.read")).all();
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ objectType: "consultation", objectId: String(id), actorPersonId: personId("socialsekreterare@hv.example") });
  });

  it("the coordinator sees counts only", async () => {
    await ask("larare@vallingbyskolan.example");
    const data = (await listLoader(args(get("/konsultation", await sessionCookie("samordnare@hv.example"))))) as {
      counts: { open: number; waiting: number };
      items: unknown[];
    };
    expect(data.counts).toMatchObject({ open: 2, waiting: 2 }); // this one and the seed's case on the forum
    expect(data.items).toEqual([]);
  });
});

describe("keeping no more than needed", () => {
  useFreshDatabase();

  it("deletes the free text of consultations closed longer ago than the retention period, keeps the categories", async () => {
    const id = idFrom(await ask("larare@vallingbyskolan.example"));
    await act("socialsekreterare@hv.example", id, { intent: "take" });
    await act("socialsekreterare@hv.example", id, { intent: "message", body: "Svar" });
    await act("socialsekreterare@hv.example", id, { intent: "close", outcome: "voluntary_support" });
    expect(purgeClosedConsultations(SCHEDULER, new Date("2027-02-27T10:00:00Z"), 90)).toBe(0); // 88 days later
    expect(purgeClosedConsultations(SCHEDULER, new Date("2027-03-02T10:00:00Z"), 90)).toBe(1);
    const row = db.select().from(consultations).where(eq(consultations.id, id)).get()!;
    expect(row).toMatchObject({ question: null, callbackPhone: null, ageBand: "6-9", outcome: "voluntary_support", purpose: "unsure_report" });
    expect(row.purgedAt).not.toBeNull();
    expect(
      db
        .select()
        .from(consultationMessages)
        .all()
        .every((m) => m.body === null),
    ).toBe(true);
  });
});

describe("the queue", () => {
  useFreshDatabase();

  it("puts questions about the school parts the contact person covers first", async () => {
    const lower = idFrom(await ask("larare@vallingbyskolan.example"));
    const upper = idFrom(await ask("lars.ek@vallingbyskolan.example"));
    // Anna also sees the seed's case on the consultation forum, of which she is a member.
    const forumCases = new Set(
      db
        .select()
        .from(consultations)
        .where(isNotNull(consultations.forumMeetingId))
        .all()
        .map((c) => c.id),
    );
    const queue = async (email: string) =>
      ((await listLoader(args(get("/konsultation", await sessionCookie(email))))) as { items: { id: number }[] }).items
        .map((i) => i.id)
        .filter((id) => !forumCases.has(id));
    expect(await queue("socialsekreterare@hv.example")).toEqual([lower, upper]); // Anna covers the lower school
    expect(await queue("sara.lindqvist@hv.example")).toEqual([upper, lower]); // Sara covers the upper school
  });
});

describe("promises and the nightly purge job", () => {
  useFreshDatabase();

  it("flags a question nobody answered in time as overdue", async () => {
    const id = idFrom(await ask("larare@vallingbyskolan.example"));
    const queueAt = (at: Date) => consultationsFor(actorFor("socialsekreterare@hv.example"), at).find((c) => c.id === id)!;
    expect(queueAt(new Date("2026-12-03T15:00:00Z")).overdue).toBe(false); // before Thursday 16.30
    expect(queueAt(new Date("2026-12-03T16:00:00Z")).overdue).toBe(true);
  });

  it("the scheduled purge job deletes old texts and books the next night", async () => {
    const id = idFrom(await ask("larare@vallingbyskolan.example"));
    await act("socialsekreterare@hv.example", id, { intent: "take" });
    await act("socialsekreterare@hv.example", id, { intent: "close", outcome: "advice" });
    registerAllJobs();
    scheduleJob({ key: "consultations.purge:2027-03-05", kind: "consultations.purge", runAt: new Date("2027-03-05T01:00:00Z") });
    // The handler purges by the portal's clock, which the test pins by passing the job's time through `now`:
    // here the clock is still 1 December 2026, so nothing is old enough yet.
    await runDueJobs(new Date("2027-03-05T01:05:00Z"), registeredJobHandlers());
    expect(db.select().from(jobs).where(eq(jobs.key, "consultations.purge:2027-03-06")).get()).toBeDefined();
    expect(db.select().from(jobs).where(eq(jobs.key, "consultations.purge:2027-03-05")).get()!.doneAt).not.toBeNull();
  });
});

describe("the audit log of a consultation", () => {
  useFreshDatabase();

  it("actions on a consultation log what they do, not extra reads", async () => {
    const asked = await respond(async () =>
      newAction(
        args(
          post(
            "/konsultation/ny",
            {
              purpose: "unsure_report",
              mode: "anonymous",
              ageBand: "6-9",
              concerns: ["absence"],
              question: "Hur gör jag?",
              urgency: "no_hurry",
              answerBy: "portal",
            },
            await sessionCookie("larare@vallingbyskolan.example"),
          ),
        ),
      ),
    );
    const id = /\/konsultation\/(\d+)/.exec(asked.headers.get("Location")!)![1]!;
    await respond(async () =>
      threadAction(args(post(`/konsultation/${id}`, { intent: "take" }, await sessionCookie("socialsekreterare@hv.example")), { consultationId: id })),
    );
    const actions = db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.objectType, "consultation"))
      .all()
      .map((a) => a.action);
    expect(actions).toEqual(["consultation.created", "consultation.taken"]);
  });
});
