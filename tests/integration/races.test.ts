import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { consultationMessages, consultations, meetingEvents, meetingProposals, meetings, outbox } from "../../db/schema";
import { action as bookAction } from "../../app/routes/moten.$meetingId_.arende";
import { action as threadAction } from "../../app/routes/konsultation.$consultationId";
import { action as newAction } from "../../app/routes/konsultation.ny";
import { action as meetingAction } from "../../app/routes/moten.$meetingId";
import { action as newMeetingAction } from "../../app/routes/moten.ny";
import { cancelMeeting } from "../../app/models/meeting-lifecycle.server";
import { closeConsultation } from "../../app/models/consultations.server";
import { actorFor, db, personId, SEED_NOW, useFreshDatabase } from "./db";
import { QUESTION, REPORT_MEETING } from "./forms";
import { args, post, respond, sessionCookie } from "./http";

/**
 * Two requests on the same row at the same moment, in two server processes. Inside one process
 * a model function's synchronous reads and writes cannot interleave with another request; across
 * processes they can. These tests let "the other process" commit at the worst moment they can
 * reach: just as the request opens its first transaction. A function whose checks run before
 * that (outside the transaction) then writes on a row that has changed under it; one that is
 * atomic (app/db.server.ts) sees the change in its checks and answers accordingly.
 */
function otherProcessCommitsAtFirstTransaction(other: () => void) {
  const original = db.transaction.bind(db);
  let fired = false;
  db.transaction = ((run, config) => {
    if (!fired) {
      fired = true;
      other();
    }
    return original(run, config);
  }) as typeof db.transaction;
}

const idFrom = (response: Response) => Number(/\/konsultation\/(\d+)/.exec(response.headers.get("Location") ?? "")![1]);
const threadAct = async (email: string, id: number, fields: Record<string, string>) =>
  respond(async () => threadAction(args(post(`/konsultation/${id}`, fields, await sessionCookie(email)), { consultationId: String(id) })));

describe("two processes on the same row at once", () => {
  useFreshDatabase();

  it("an answer sent while the same social worker closes the question in another tab: refused with a reason, the question stays closed", async () => {
    const asked = await respond(async () => newAction(args(post("/konsultation/ny", QUESTION, await sessionCookie("larare@vallingbyskolan.example")))));
    const id = idFrom(asked);
    expect((await threadAct("socialsekreterare@hv.example", id, { intent: "take" })).status).toBe(302);
    const worker = actorFor("socialsekreterare@hv.example");
    const cookie = await sessionCookie("socialsekreterare@hv.example");

    otherProcessCommitsAtFirstTransaction(() => expect(closeConsultation(worker, id, "advice", SEED_NOW)).toEqual({ ok: true }));
    const answer = await respond(async () =>
      threadAction(args(post(`/konsultation/${id}`, { intent: "message", body: "Prata gärna med elevhälsan först." }, cookie), { consultationId: String(id) })),
    );

    expect(answer.status).toBe(400);
    expect((await answer.json()).fieldErrors.body).toMatch(/^Frågan är avslutad/);
    expect(db.select({ state: consultations.state, outcome: consultations.outcome }).from(consultations).where(eq(consultations.id, id)).get()).toEqual({
      state: "closed",
      outcome: "advice",
    });
    expect(db.select().from(consultationMessages).where(eq(consultationMessages.consultationId, id)).all()).toEqual([]);
  });

  it("a case booked on a forum while its host cancels the forum: refused, not left on the cancelled forum", async () => {
    const forum = db.select().from(meetings).where(eq(meetings.kind, "forum")).orderBy(meetings.startsAt).get()!;
    const host = actorFor("eva.sjoberg@hv.example");
    const cookie = await sessionCookie("larare@grimstaskolan.example");

    otherProcessCommitsAtFirstTransaction(() => expect(cancelMeeting(host, forum.id, SEED_NOW)).toEqual({ ok: true }));
    const booked = await respond(async () =>
      bookAction(
        args(post(`/moten/${forum.id}/arende`, { ...QUESTION, question: "En elev är ofta arg efter helger. Hur kan vi stötta?" }, cookie), {
          meetingId: String(forum.id),
        }),
      ),
    );

    expect(booked.status).toBe(400);
    expect((await booked.json()).fieldErrors.form).toMatch(/inställt/);
    expect(
      db
        .select()
        .from(consultations)
        .where(and(eq(consultations.forumMeetingId, forum.id)))
        .all(),
    ).toEqual([]);
  });

  it("a meeting confirmed while the teacher cancels it: refused, no invitation for a cancelled meeting", async () => {
    const created = await respond(async () =>
      newMeetingAction(
        args(
          post(
            "/moten/ny",
            { ...REPORT_MEETING, hostPersonId: String(personId("socialsekreterare@hv.example")) },
            await sessionCookie("larare@vallingbyskolan.example"),
          ),
        ),
      ),
    );
    const id = Number(/\/moten\/(\d+)/.exec(created.headers.get("Location") ?? "")![1]);
    const proposal = db.select().from(meetingProposals).where(eq(meetingProposals.meetingId, id)).all()[0]!;
    const teacher = actorFor("larare@vallingbyskolan.example");
    const cookie = await sessionCookie("socialsekreterare@hv.example");
    const mailBefore = db.select().from(outbox).all().length;

    otherProcessCommitsAtFirstTransaction(() => expect(cancelMeeting(teacher, id, SEED_NOW)).toEqual({ ok: true }));
    const confirmed = await respond(async () =>
      meetingAction(args(post(`/moten/${id}`, { intent: "confirm", proposalId: String(proposal.id) }, cookie), { meetingId: String(id) })),
    );

    expect(confirmed.status).toBe(400);
    expect((await confirmed.json()).fieldErrors.form).toBe("Mötet är inställt.");
    expect(db.select({ state: meetings.state }).from(meetings).where(eq(meetings.id, id)).get()).toEqual({ state: "cancelled" });
    expect(
      db
        .select({ action: meetingEvents.action })
        .from(meetingEvents)
        .where(eq(meetingEvents.meetingId, id))
        .all()
        .map((e) => e.action),
    ).not.toContain("confirmed");
    expect(
      db
        .select()
        .from(outbox)
        .all()
        .slice(mailBefore)
        .map((m) => m.subject),
    ).not.toContainEqual(expect.stringMatching(/^Bekräftat/));
  });
});
