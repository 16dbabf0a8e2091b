import { and, eq, isNotNull } from "drizzle-orm";
import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { consultations, meetingAgendaPoints, meetingAttendance, meetingEvents, meetingGroups, meetings, outbox } from "../../db/schema";
import { action as bookAction, loader as bookLoader } from "../../app/routes/moten.$meetingId_.arende";
import { action as groupAction, loader as groupLoader } from "../../app/routes/moten.grupp";
import { action as meetingAction, loader as meetingLoader } from "../../app/routes/moten.$meetingId";
import { loader as consultationLoader, action as consultationAction } from "../../app/routes/konsultation.$consultationId";
import { comingForums } from "../../app/models/meeting-groups.server";
import { saveAttendance } from "../../app/models/meeting-lifecycle.server";
import { dutyDays } from "../../app/models/duty.server";
import { actorFor, db, personId, SEED_NOW, useFreshDatabase } from "./db";
import { args, get, post, respond, sessionCookie } from "./http";

// Clock: Tuesday 1 December 2026, 10.00. The seed holds a forum every other Thursday at 13.00
// (Eva Sjöberg hosts; Anna Berg, Leila Haddad and Sara Lindqvist are members; 6 places of 20 minutes,
// one booked by Maria Lund), a police collaboration group (Omar Lind hosts; Karin Dahl, the police
// officer Erik Norberg and Tobias Ek are members) and a local 6–16 group.

const forumMeetings = () => db.select().from(meetings).where(eq(meetings.kind, "forum")).orderBy(meetings.startsAt).all();
const policeGroup = () => db.select().from(meetingGroups).where(eq(meetingGroups.name, "Samverkan polis och socialtjänst, Vällingby")).get()!;
const policeMeetings = () => db.select().from(meetings).where(eq(meetings.groupId, policeGroup().id)).orderBy(meetings.startsAt).all();

const forumCase = {
  purpose: "unsure_report",
  mode: "anonymous",
  ageBand: "10-12",
  concerns: ["behaviour", "home"],
  question: "En elev är ofta arg och ledsen efter helger. Hur kan vi stötta?",
};
const book = async (email: string, meetingId: number, fields: Record<string, string | string[]>) =>
  respond(async () => bookAction(args(post(`/moten/${meetingId}/arende`, fields, await sessionCookie(email)), { meetingId: String(meetingId) })));
const viewMeeting = async (email: string, id: number) =>
  respond(async () => meetingLoader(args(get(`/moten/${id}`, await sessionCookie(email)), { meetingId: String(id) })));
const act = async (email: string, id: number, fields: Record<string, string | string[]>) =>
  respond(async () => meetingAction(args(post(`/moten/${id}`, fields, await sessionCookie(email)), { meetingId: String(id) })));
const viewCase = async (email: string, id: number) =>
  respond(async () => consultationLoader(args(get(`/konsultation/${id}`, await sessionCookie(email)), { consultationId: String(id) })));
const caseAct = async (email: string, id: number, fields: Record<string, string>) =>
  respond(async () => consultationAction(args(post(`/konsultation/${id}`, fields, await sessionCookie(email)), { consultationId: String(id) })));
const caseIdFrom = (r: Response) => Number(/\/konsultation\/(\d+)/.exec(r.headers.get("Location") ?? "")![1]);

describe("the consultation forum", () => {
  useFreshDatabase();

  it("a teacher books a place for an anonymous case; the forum's members are told and see it on the agenda, other partners do not", async () => {
    const [first] = forumMeetings();
    expect(comingForums(actorFor("larare@vallingbyskolan.example"), SEED_NOW)[0]).toMatchObject({ id: first!.id, free: 5, mine: 1 });
    const response = await book("larare@vallingbyskolan.example", first!.id, { ...forumCase, urgency: "today", answerBy: "phone" });
    expect(response.status).toBe(302);
    const id = caseIdFrom(response);
    // Answered at the forum whatever the form said; the next free place; due when the forum ends.
    expect(db.select().from(consultations).where(eq(consultations.id, id)).get()).toMatchObject({
      forumMeetingId: first!.id,
      forumPlace: 2,
      urgency: "no_hurry",
      answerBy: "meeting",
      dueAt: first!.endsAt,
    });
    const notices = db.select().from(outbox).all();
    expect(notices.map((m) => m.toAddress).sort()).toEqual([
      "eva.sjoberg@hv.example",
      "leila.haddad@hv.example",
      "sara.lindqvist@hv.example",
      "socialsekreterare@hv.example",
    ]);
    expect(notices.every((m) => !m.textBody.includes("arg och ledsen"))).toBe(true);

    // Leila is not Vällingbyskolan's contact person but a forum member: she reads the case.
    expect((await viewCase("leila.haddad@hv.example", id)).status).toBe(200);
    expect((await viewCase("mikael.holm@hv.example", id)).status).toBe(404);
    const members = (await (await viewMeeting("leila.haddad@hv.example", first!.id)).json()) as { forumCases: { id: number; mode: string }[] };
    expect(members.forumCases.map((c) => c.id)).toHaveLength(2);
    expect(JSON.stringify(members.forumCases)).not.toContain("arg och ledsen");
    // Another school sees the forum's times and free places, not the cases booked.
    const other = (await (await viewMeeting("larare@grimstaskolan.example", first!.id)).json()) as { forumCases: unknown[]; canBook: boolean };
    expect(other).toMatchObject({ forumCases: [], canBook: true });
  });

  it("refuses a personnummer in the case with the input kept and nothing saved", async () => {
    const [first] = forumMeetings();
    const before = db.select().from(consultations).all().length;
    const response = await book("larare@vallingbyskolan.example", first!.id, { ...forumCase, question: "Eleven 121212-1212 är ofta arg." });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fieldErrors.question).toMatch(/personnummer/);
    expect(body.values).toMatchObject({ question: "Eleven 121212-1212 är ofta arg.", concerns: "behaviour,home" });
    expect(db.select().from(consultations).all()).toHaveLength(before);
  });

  it("a full forum refuses the next case, and the database refuses an overbooking or a place twice", async () => {
    const [first] = forumMeetings();
    for (let i = 0; i < 5; i++) expect((await book("larare@grimstaskolan.example", first!.id, forumCase)).status).toBe(302);
    const full = await book("larare@vallingbyskolan.example", first!.id, forumCase);
    expect(full.status).toBe(400);
    expect((await full.json()).fieldErrors.form).toBe("Forumet är fullbokat. Välj ett annat datum.");
    const row = db.select().from(consultations).where(eq(consultations.forumMeetingId, first!.id)).get()!;
    const { id: _id, ...copy } = row;
    expect(() =>
      db
        .insert(consultations)
        .values({ ...copy, forumPlace: 7 })
        .run(),
    ).toThrow(/no such place/);
    expect(() =>
      db
        .insert(consultations)
        .values({ ...copy, forumPlace: 1 })
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it("a past, cancelled or unknown forum answers 404 to the booking page; staff of social services cannot book (403: not for their role)", async () => {
    const [first] = forumMeetings();
    const load = async (email: string, id: string) =>
      respond(async () => bookLoader(args(get(`/moten/${id}/arende`, await sessionCookie(email)), { meetingId: id })));
    expect((await load("larare@vallingbyskolan.example", String(first!.id))).status).toBe(200);
    expect((await load("larare@vallingbyskolan.example", "999999")).status).toBe(404);
    expect((await load("larare@vallingbyskolan.example", "abc")).status).toBe(404);
    expect((await load("socialsekreterare@hv.example", String(first!.id))).status).toBe(403);
    const planning = db.select().from(meetings).where(eq(meetings.kind, "planning")).get()!;
    expect((await load("forskolechef@gronadiamanten.example", String(planning.id))).status).toBe(404);
  });

  it("after the forum a member writes the advice and closes the case; the teacher reads it", async () => {
    const seeded = db.select().from(consultations).where(isNotNull(consultations.forumMeetingId)).get()!;
    expect((await caseAct("leila.haddad@hv.example", seeded.id, { intent: "take" })).status).toBe(302);
    expect(
      (await caseAct("leila.haddad@hv.example", seeded.id, { intent: "message", body: "Bjud in vårdnadshavarna till ett samtal om frukost och sömn." })).status,
    ).toBe(302);
    expect((await caseAct("leila.haddad@hv.example", seeded.id, { intent: "close", outcome: "advice" })).status).toBe(302);
    const seen = (await (await viewCase("larare@vallingbyskolan.example", seeded.id)).json()) as {
      messages: { body: string }[];
      consultation: { outcome: string };
    };
    expect(seen.messages.map((m) => m.body)).toEqual(["Bjud in vårdnadshavarna till ett samtal om frukost och sömn."]);
    expect(seen.consultation.outcome).toBe("advice");
  });

  it("cancelling a forum turns its cases into ordinary questions and tells the askers; only the host may cancel", async () => {
    const [first] = forumMeetings();
    expect((await act("socialsekreterare@hv.example", first!.id, { intent: "cancel" })).status).toBe(400);
    expect((await act("eva.sjoberg@hv.example", first!.id, { intent: "cancel" })).status).toBe(302);
    const seeded = db
      .select()
      .from(consultations)
      .where(eq(consultations.askerPersonId, personId("larare@vallingbyskolan.example")))
      .get()!;
    expect(seeded).toMatchObject({ forumMeetingId: null, forumPlace: null });
    expect(
      db
        .select()
        .from(outbox)
        .where(eq(outbox.subject, "Konsultationsforumet är inställt"))
        .all()
        .map((m) => m.toAddress),
    ).toEqual(["larare@vallingbyskolan.example"]);
    // Now in the contact persons' queue again.
    expect((await viewCase("socialsekreterare@hv.example", seeded.id)).status).toBe(200);
  });

  it("another district's coordinator gets 404", async () => {
    const [first] = forumMeetings();
    expect((await viewMeeting("samordnare@st.example", first!.id)).status).toBe(404);
  });
});

describe("collaboration groups", () => {
  useFreshDatabase();

  const start = async (email: string, fields: Record<string, string>) =>
    respond(async () => groupAction(args(post("/moten/grupp", fields, await sessionCookie(email)))));
  const group = {
    kind: "collaboration",
    name: "Samverkan kring Råcksta centrum",
    members: "polis@vallingby.polisen.example\nRektor@Vallingbyskolan.example, tobias.ek@hv.example",
    firstDate: "2026-12-08",
    time: "9.00",
    minutes: "90",
    everyWeeks: "4",
    count: "3",
    place: "office",
  };

  it("social services start a group; every member is invited to every meeting", async () => {
    const response = await start("socialsekreterare@hv.example", group);
    expect(response.status).toBe(302);
    const created = db.select().from(meetingGroups).where(eq(meetingGroups.name, group.name)).get()!;
    const series = db.select().from(meetings).where(eq(meetings.groupId, created.id)).all();
    expect(series).toHaveLength(3);
    expect(series.every((m) => m.state === "confirmed" && m.kind === "collaboration" && m.organisationId === null)).toBe(true);
    const invitations = db.select().from(outbox).all();
    expect(invitations).toHaveLength(12); // 3 meetings × (Anna and three members)
    const uids = new Set(invitations.map((m) => (Object.values(ical.sync.parseICS(m.ics!)).find((e) => e?.type === "VEVENT") as { uid: string }).uid));
    expect(uids.size).toBe(3);
    expect(new Set(invitations.map((m) => m.toAddress))).toEqual(
      new Set(["socialsekreterare@hv.example", "polis@vallingby.polisen.example", "rektor@vallingbyskolan.example", "tobias.ek@hv.example"]),
    );
  });

  it("refuses an unknown email, a missing name and a partner starting a group, with the input kept and nothing saved", async () => {
    const unknown = await start("socialsekreterare@hv.example", { ...group, members: "polis@vallingby.polisen.example\nnågon@okand.example" });
    expect(unknown.status).toBe(400);
    const body = await unknown.json();
    expect(body.fieldErrors.members).toBe("Vi hittar ingen i portalen med adressen någon@okand.example. Kontrollera stavningen.");
    expect(body.values.members).toContain("någon@okand.example");
    const noName = await start("socialsekreterare@hv.example", { ...group, name: " " });
    expect((await noName.json()).fieldErrors.name).toBe("Skriv vad gruppen heter.");
    // Someone of another district is unknown here too.
    expect((await (await start("socialsekreterare@hv.example", { ...group, members: "samordnare@st.example" })).json()).fieldErrors.members).toMatch(
      /samordnare@st.example/,
    );
    expect((await start("larare@vallingbyskolan.example", group)).status).toBe(403);
    expect((await respond(async () => groupLoader(args(get("/moten/grupp", await sessionCookie("polis@vallingby.polisen.example")))))).status).toBe(403);
    expect(db.select().from(meetingGroups).where(eq(meetingGroups.name, group.name)).all()).toHaveLength(0);
    expect(db.select().from(outbox).all()).toHaveLength(0);
  });

  it("members see the group's meetings and add agenda points; nobody else does", async () => {
    const [first] = policeMeetings();
    expect((await viewMeeting("polis@vallingby.polisen.example", first!.id)).status).toBe(200);
    expect((await viewMeeting("samordnare@hv.example", first!.id)).status).toBe(200);
    for (const outsider of ["larare@vallingbyskolan.example", "rektor@vallingbyskolan.example", "socialsekreterare@hv.example", "samordnare@st.example"]) {
      expect((await viewMeeting(outsider, first!.id)).status).toBe(404);
    }
    expect((await act("polis@vallingby.polisen.example", first!.id, { intent: "agenda", text: "Fyrverkerier vid skolan på kvällarna" })).status).toBe(302);
    const refused = await act("polis@vallingby.polisen.example", first!.id, { intent: "agenda", text: "Pojken på Råcksta gård 12, ring 070-123 45 67" });
    expect(refused.status).toBe(400);
    expect((await refused.json()).values.text).toBe("Pojken på Råcksta gård 12, ring 070-123 45 67");
    // The coordinator sees the group but is not a member: no agenda points from her.
    expect((await act("samordnare@hv.example", first!.id, { intent: "agenda", text: "En punkt" })).status).toBe(400);
    const points = db
      .select()
      .from(meetingAgendaPoints)
      .where(eq(meetingAgendaPoints.meetingId, first!.id))
      .all()
      .map((p) => p.text);
    expect(points).toEqual(["Läget i centrum på kvällstid inför jullovet", "Fyrverkerier vid skolan på kvällarna"]);
  });

  it("the host marks attendance after the meeting, only among the members", async () => {
    const [first] = policeMeetings();
    const omar = actorFor("omar.lind@hv.example");
    const after = new Date(first!.endsAt!.getTime() + 60_000);
    expect(saveAttendance(omar, first!.id, [personId("polis@vallingby.polisen.example")], SEED_NOW)).toMatchObject({ ok: false, field: "present" });
    expect(saveAttendance(omar, first!.id, [personId("larare@vallingbyskolan.example")], after)).toMatchObject({
      ok: false,
      message: "Välj bland gruppens deltagare.",
    });
    expect(saveAttendance(actorFor("karin.dahl@hv.example"), first!.id, [], after)).toMatchObject({ ok: false });
    expect(saveAttendance(omar, first!.id, [omar.personId, personId("polis@vallingby.polisen.example")], after)).toEqual({ ok: true });
    const marked = db.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, first!.id)).all();
    expect(marked).toHaveLength(4);
    expect(
      marked
        .filter((a) => a.present)
        .map((a) => a.personId)
        .sort(),
    ).toEqual([omar.personId, personId("polis@vallingby.polisen.example")].sort());
  });

  it("the host moves a meeting: same UID, higher SEQUENCE, to every member; not onto a duty day, not when cancelled", async () => {
    const [first, second] = policeMeetings();
    const omarDuty = dutyDays(actorFor("omar.lind@hv.example"), "2026-12-02", "2027-03-01").find((d) => d.personId === personId("omar.lind@hv.example"))!.date;
    const onDuty = await act("omar.lind@hv.example", first!.id, { intent: "move", date: omarDuty, time: "10.00" });
    expect((await onDuty.json()).fieldErrors.date).toBe("Kontaktpersonen har jour den dagen och har inga möten då. Välj en annan tid.");
    expect((await act("polis@vallingby.polisen.example", first!.id, { intent: "move", date: "2026-12-17", time: "10.00" })).status).toBe(400);
    const badTime = await act("omar.lind@hv.example", first!.id, { intent: "move", date: "2026-12-17", time: "25.00" });
    expect((await badTime.json()).fieldErrors.time).toBe("Skriv en tid, till exempel 13.30.");

    expect((await act("omar.lind@hv.example", first!.id, { intent: "move", date: "2026-12-17", time: "10.00" })).status).toBe(302);
    const moved = db.select().from(meetings).where(eq(meetings.id, first!.id)).get()!;
    expect(moved.icsSequence).toBe(first!.icsSequence + 1);
    expect(moved.endsAt!.getTime() - moved.startsAt!.getTime()).toBe(first!.endsAt!.getTime() - first!.startsAt!.getTime());
    expect(
      db
        .select()
        .from(meetingEvents)
        .where(and(eq(meetingEvents.meetingId, first!.id), eq(meetingEvents.action, "moved")))
        .all(),
    ).toHaveLength(1);
    const updates = db.select().from(outbox).all();
    expect(updates.map((m) => m.toAddress).sort()).toEqual([
      "karin.dahl@hv.example",
      "omar.lind@hv.example",
      "polis@vallingby.polisen.example",
      "tobias.ek@hv.example",
    ]);
    const event = Object.values(ical.sync.parseICS(updates[0]!.ics!)).find((e) => e?.type === "VEVENT") as unknown as {
      uid: string;
      sequence: string | number;
    };
    expect(event.uid).toBe(`meeting-${first!.id}@samverkansportalen`);
    expect(Number(event.sequence)).toBe(first!.icsSequence + 1);

    expect((await act("omar.lind@hv.example", second!.id, { intent: "cancel" })).status).toBe(302);
    const cancelled = await act("omar.lind@hv.example", second!.id, { intent: "move", date: "2027-01-20", time: "10.00" });
    expect((await cancelled.json()).fieldErrors.date).toBe("Mötet är inställt och kan inte flyttas. Planera ett nytt möte i stället.");
  });
});
