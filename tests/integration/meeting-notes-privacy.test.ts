import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { meetingAgendaPoints, meetingGroups, meetingProposals, meetings } from "../../db/schema";
import { dutyFeedFor, renewFeedToken } from "../../app/calendar/duty-feed.server";
import { action as meetingAction, loader as meetingLoader } from "../../app/routes/moten.$meetingId";
import { loader as meetingsLoader } from "../../app/routes/moten._index";
import { loader as weekLoader } from "../../app/routes/vecka";
import { actorFor, db, SEED_NOW, useFreshDatabase } from "./db";
import { args, get, post, respond, sessionCookie } from "./http";

// Clock: Tuesday 1 December 2026, 10.00. The seed has a forum every other Thursday (Eva Sjöberg
// hosts; Anna Berg, Leila Haddad and Sara Lindqvist are members; Maria Lund has a case on the
// first), the police collaboration group (Omar Lind hosts; Karin Dahl, the police officer Erik
// Norberg and Tobias Ek are members), planning meetings of Leila Haddad with Gröna diamanten's
// head Lena Falk (Eva Sjöberg is also a contact person of Gröna diamanten), a report meeting
// Vällingbyskolan's principal proposed to Anna Berg and a staff-team visit Lena Falk asked Leila for.

const CASE_TEXT = "Pojken i 4B berättade om bråk hemma, mamma har sökt hjälp.";
const HOUR = 3_600_000;

const view = async (email: string, id: number) =>
  respond(async () => meetingLoader(args(get(`/moten/${id}`, await sessionCookie(email)), { meetingId: String(id) })));
const act = async (email: string, id: number, fields: Record<string, string>) =>
  respond(async () => meetingAction(args(post(`/moten/${id}`, fields, await sessionCookie(email)), { meetingId: String(id) })));
const list = async (email: string) => respond(async () => meetingsLoader(args(get("/moten", await sessionCookie(email)))));

const firstOf = (kind: (typeof meetings.$inferSelect)["kind"], groupName?: string) => {
  const rows = db
    .select({ meeting: meetings, groupName: meetingGroups.name })
    .from(meetings)
    .leftJoin(meetingGroups, eq(meetingGroups.id, meetings.groupId))
    .where(eq(meetings.kind, kind))
    .orderBy(meetings.startsAt)
    .all();
  return rows.find((r) => groupName === undefined || r.groupName === groupName)!.meeting;
};
/** The meeting as if it had begun an hour ago (the clock is fixed), with notes written then. */
function begun(id: number, notes: string | null = CASE_TEXT) {
  const startsAt = new Date(SEED_NOW.getTime() - HOUR);
  db.update(meetings)
    .set({ state: "confirmed", startsAt, endsAt: new Date(startsAt.getTime() + HOUR / 2), notes })
    .where(eq(meetings.id, id))
    .run();
}

describe("meeting notes and forum content", () => {
  useFreshDatabase();

  it("takes notes only on planning and collaboration meetings: not on a forum, a report meeting or a staff-team visit", async () => {
    const forum = firstOf("forum");
    const report = firstOf("report");
    const visit = firstOf("staff_team");
    for (const [host, id] of [
      ["eva.sjoberg@hv.example", forum.id],
      ["socialsekreterare@hv.example", report.id],
      ["leila.haddad@hv.example", visit.id],
    ] as const) {
      begun(id, null);
      const refused = await act(host, id, { intent: "notes", notes: "Vi pratade om ärendet." });
      expect(refused.status, host).toBe(400);
      expect((await refused.json()).fieldErrors.notes).toBe("Det här mötet har inga anteckningar. Svaret på ett ärende skrivs i ärendet.");
      expect(db.select().from(meetings).where(eq(meetings.id, id)).get()!.notes).toBeNull();
    }
    // Where notes belong, the host writes them.
    const police = firstOf("collaboration", "Samverkan polis och socialtjänst, Vällingby");
    begun(police.id, null);
    expect((await act("omar.lind@hv.example", police.id, { intent: "notes", notes: "Vi ses igen i januari." })).status).toBe(302);
    expect((await act("karin.dahl@hv.example", police.id, { intent: "notes", notes: "Ändrat av någon annan." })).status).toBe(400);
    expect(db.select().from(meetings).where(eq(meetings.id, police.id)).get()!.notes).toBe("Vi ses igen i januari.");
  });

  it("a partner sees a forum meeting only as far as booking a place needs: no notes, no members, no one else's case", async () => {
    const forum = firstOf("forum");
    db.update(meetings).set({ notes: CASE_TEXT }).where(eq(meetings.id, forum.id)).run();
    for (const email of [
      "larare@grimstaskolan.example",
      "polis@vallingby.polisen.example",
      "pedagog@gronadiamanten.example",
      "larare@vallingbyskolan.example",
    ]) {
      const response = await view(email, forum.id);
      expect(response.status, email).toBe(200);
      const text = await response.text();
      expect(text, email).not.toContain(CASE_TEXT);
      const data = JSON.parse(text);
      expect(data.members, email).toEqual([]);
      expect(data.canBook, email).toBe(true);
    }
    // The asker sees her own case, nobody else's.
    const maria = await (await view("larare@vallingbyskolan.example", forum.id)).json();
    expect(maria.forumCases).toHaveLength(1);
    expect((await (await view("larare@grimstaskolan.example", forum.id)).json()).forumCases).toEqual([]);
    // The forum's members read the notes and see every case.
    const leila = await (await view("leila.haddad@hv.example", forum.id)).json();
    expect(leila.meeting.notes).toBe(CASE_TEXT);
    expect(leila.forumCases).toHaveLength(1);
  });

  it("a collaboration meeting's notes, agenda and attendance are for its members, not for the coordinator who sees the district's groups", async () => {
    const police = firstOf("collaboration", "Samverkan polis och socialtjänst, Vällingby");
    const agendaPoint = db.select().from(meetingAgendaPoints).where(eq(meetingAgendaPoints.meetingId, police.id)).get()!.text;
    db.update(meetings).set({ notes: CASE_TEXT }).where(eq(meetings.id, police.id)).run();

    const coordinator = await view("samordnare@hv.example", police.id);
    expect(coordinator.status).toBe(200);
    const seen = await coordinator.text();
    expect(seen).not.toContain(CASE_TEXT);
    expect(seen).not.toContain(agendaPoint);
    expect(JSON.parse(seen).members).toEqual([]);
    expect(await (await list("samordnare@hv.example")).text()).not.toContain(CASE_TEXT);
    // Not a participant: the coordinator cannot add to its agenda either.
    const coordinatorPoint = await act("samordnare@hv.example", police.id, { intent: "agenda", text: "Läget inför sommarlovet" });
    expect(coordinatorPoint.status).toBe(400);
    expect((await coordinatorPoint.json()).fieldErrors.text).toBe("Bara mötets deltagare lägger till punkter.");
    expect(db.select().from(meetingAgendaPoints).where(eq(meetingAgendaPoints.meetingId, police.id)).all()).toHaveLength(1);

    for (const member of ["polis@vallingby.polisen.example", "karin.dahl@hv.example", "omar.lind@hv.example"]) {
      const data = await (await view(member, police.id)).json();
      expect(data.meeting.notes, member).toBe(CASE_TEXT);
      expect(
        data.agenda.map((p: { text: string }) => p.text),
        member,
      ).toEqual([agendaPoint]);
      expect(data.members.length, member).toBe(4);
    }
    expect((await view("larare@grimstaskolan.example", police.id)).status).toBe(404);

    // The week view and the calendar feed of a member carry the meeting's title, never its notes.
    expect(JSON.stringify(await weekLoader(args(get(`/vecka?vecka=2026-12-07`, await sessionCookie("karin.dahl@hv.example")))))).not.toContain(CASE_TEXT);
    const token = renewFeedToken(actorFor("karin.dahl@hv.example"))!;
    const feed = dutyFeedFor(token, SEED_NOW)!;
    expect(feed).toContain("Samverkan polis och socialtjänst");
    expect(feed).not.toContain("bråk hemma");
  });

  it("a planning meeting's notes and agenda are for its host and the preschool's leadership, not another contact person of the preschool", async () => {
    const planning = firstOf("planning");
    const agendaPoint = db.select().from(meetingAgendaPoints).where(eq(meetingAgendaPoints.meetingId, planning.id)).get()!.text;
    db.update(meetings).set({ notes: CASE_TEXT }).where(eq(meetings.id, planning.id)).run();

    // Eva Sjöberg covers Gröna diamanten too, but is not in Leila's planning meetings.
    const eva = await view("eva.sjoberg@hv.example", planning.id);
    expect(eva.status).toBe(200);
    const seen = await eva.text();
    expect(seen).not.toContain(CASE_TEXT);
    expect(seen).not.toContain(agendaPoint);
    const evaPoint = await act("eva.sjoberg@hv.example", planning.id, { intent: "agenda", text: "Föräldrastöd under våren" });
    expect(evaPoint.status).toBe(400);
    expect((await evaPoint.json()).fieldErrors.text).toBe("Bara mötets deltagare lägger till punkter.");
    expect(db.select().from(meetingAgendaPoints).where(eq(meetingAgendaPoints.meetingId, planning.id)).all()).toHaveLength(1);

    for (const participant of ["leila.haddad@hv.example", "forskolechef@gronadiamanten.example"]) {
      const data = await (await view(participant, planning.id)).json();
      expect(data.meeting.notes, participant).toBe(CASE_TEXT);
      expect(
        data.agenda.map((p: { text: string }) => p.text),
        participant,
      ).toEqual([agendaPoint]);
    }
    expect((await act("forskolechef@gronadiamanten.example", planning.id, { intent: "agenda", text: "Vårens teman för arbetslagen" })).status).toBe(302);
  });

  it("a report meeting's note from the school is for the host and the one who planned it, not the school's other contact persons", async () => {
    const report = firstOf("report");
    db.update(meetings).set({ notes: "Familjen vill gärna ses tidigt på dagen." }).where(eq(meetings.id, report.id)).run();
    // Jonas Ekholm is also Vällingbyskolan's contact person and sees that the meeting exists.
    const jonas = await view("jonas.ekholm@hv.example", report.id);
    expect(jonas.status).toBe(200);
    expect(await jonas.text()).not.toContain("tidigt på dagen");
    for (const participant of ["socialsekreterare@hv.example", "rektor@vallingbyskolan.example"]) {
      expect((await (await view(participant, report.id)).json()).meeting.notes, participant).toBe("Familjen vill gärna ses tidigt på dagen.");
    }
    // …and he cannot answer it in the host's place.
    const proposal = db
      .select()
      .from(meetingProposals)
      .where(and(eq(meetingProposals.meetingId, report.id)))
      .get()!;
    expect((await act("jonas.ekholm@hv.example", report.id, { intent: "confirm", proposalId: String(proposal.id) })).status).toBe(400);
    expect(db.select().from(meetings).where(eq(meetings.id, report.id)).get()!.state).toBe("proposed");
  });
});
