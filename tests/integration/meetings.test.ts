import { desc, eq, inArray } from "drizzle-orm";
import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { meetingAgendaPoints, meetingProposals, meetings, outbox, people, staffTeams } from "../../db/schema";
import { action as staffAction } from "../../app/routes/moten.arbetslag";
import { staffTeamVisits } from "../../app/models/meeting-creation.server";
import { saveMeetingNotes } from "../../app/models/meeting-lifecycle.server";
import { action as planningAction } from "../../app/routes/moten.planering";
import { action as newAction } from "../../app/routes/moten.ny";
import { action as meetingAction, loader as meetingLoader } from "../../app/routes/moten.$meetingId";
import { dutyDays } from "../../app/models/duty.server";
import { getBackBy, planningDates } from "../../app/models/meetings";
import { actorFor, db, organisationId, personId, useFreshDatabase } from "./db";
import { REPORT_MEETING } from "./forms";
import { args, get, post, respond, sessionCookie } from "./http";

// Clock: Tuesday 1 December 2026, 10.00. Anna Berg is a contact person of Vällingbyskolan.
const plan = { ...REPORT_MEETING, interpreter: "yes", interpreterLanguage: "somaliska", notes: "Familjen vill gärna ses tidigt på dagen." };
const propose = async (email: string, fields: Record<string, string>) =>
  respond(async () => newAction(args(post("/moten/ny", fields, await sessionCookie(email)))));
const idFrom = (r: Response) => Number(/\/moten\/(\d+)/.exec(r.headers.get("Location") ?? "")![1]);
const act = async (email: string, id: number, fields: Record<string, string>) =>
  respond(async () => meetingAction(args(post(`/moten/${id}`, fields, await sessionCookie(email)), { meetingId: String(id) })));
const view = async (email: string, id: number) =>
  respond(async () => meetingLoader(args(get(`/moten/${id}`, await sessionCookie(email)), { meetingId: String(id) })));
const anna = () => String(personId("socialsekreterare@hv.example"));

describe("report meetings", () => {
  useFreshDatabase();

  it("a teacher proposes times, the contact person confirms one, both get an invitation, then a cancellation", async () => {
    const created = await propose("larare@vallingbyskolan.example", { ...plan, hostPersonId: anna() });
    expect(created.status).toBe(302);
    const id = idFrom(created);
    expect(db.select().from(meetingProposals).where(eq(meetingProposals.meetingId, id)).all()).toHaveLength(2);
    expect(db.select().from(outbox).get()!.subject).toBe("Förslag på anmälningsmöte: Vällingbyskolan");

    const proposal = db.select().from(meetingProposals).where(eq(meetingProposals.meetingId, id)).all()[0]!;
    const refusedOwn = await act("larare@vallingbyskolan.example", id, { intent: "confirm", proposalId: String(proposal.id) });
    expect((await refusedOwn.json()).fieldErrors.proposalId).toBe("Den andra parten bekräftar en tid som du har föreslagit.");
    expect((await act("socialsekreterare@hv.example", id, { intent: "confirm", proposalId: String(proposal.id) })).status).toBe(302);
    const meeting = db.select().from(meetings).where(eq(meetings.id, id)).get()!;
    expect(meeting).toMatchObject({ state: "confirmed", icsSequence: 1 });
    expect(meeting.startsAt!.toISOString()).toBe("2026-12-09T12:00:00.000Z");

    const invitations = db
      .select()
      .from(outbox)
      .all()
      .filter((m) => m.subject.startsWith("Bekräftat"));
    expect(invitations.map((m) => m.toAddress).sort()).toEqual(["larare@vallingbyskolan.example", "socialsekreterare@hv.example"]);
    for (const m of invitations) {
      expect(m.subject).toBe("Bekräftat onsdag 9 december kl. 13.00: Anmälningsmöte, Vällingbyskolan");
      expect(m.textBody).not.toContain("tidigt på dagen"); // the note stays in the portal
    }
    expect((await act("larare@vallingbyskolan.example", id, { intent: "cancel" })).status).toBe(302);
    const cancellation = db
      .select()
      .from(outbox)
      .all()
      .find((m) => m.subject.startsWith("Inställt") && m.toAddress === "socialsekreterare@hv.example")!;
    const event = (ics: string) => Object.values(ical.sync.parseICS(ics)).find((e) => e?.type === "VEVENT") as unknown as { uid: string; sequence: string };
    const invitation = invitations.find((m) => m.toAddress === "socialsekreterare@hv.example")!;
    expect(event(cancellation.ics!).uid).toBe(event(invitation.ics!).uid);
    expect(Number(event(cancellation.ics!).sequence)).toBeGreaterThan(Number(event(invitation.ics!).sequence));
    expect(cancellation.icsMethod).toBe("CANCEL");
    const again = await act("larare@vallingbyskolan.example", id, { intent: "propose", date: "2026-12-14", time: "10.00" });
    expect((await again.json()).fieldErrors.date).toBe("Mötet är redan bekräftat eller inställt.");
  });

  it("violence or abuse in the family sends the person to the phone, and nothing is saved", async () => {
    const response = await propose("larare@vallingbyskolan.example", { violence: "yes" });
    expect(response.status).toBe(200);
    expect((await response.json()).phoneFirst).toBe(true);
    expect(
      db
        .select()
        .from(meetings)
        .where(inArray(meetings.kind, ["report", "staff_team"]))
        .all(),
    ).toHaveLength(2); // the seed's report meeting and staff-team visit
  });

  it.each([
    ["no proposed time", { date1: "", time1: "", date2: "", time2: "" }, "date1", "Föreslå minst en tid."],
    ["a time in the past", { date1: "2026-11-30" }, "date1", "Tiden har redan varit. Föreslå en senare tid."],
    ["the same time twice", { date2: "2026-12-09", time2: "13:00" }, "date2", "Du har redan föreslagit den tiden. Föreslå en annan."],
    ["an interpreter without a language", { interpreterLanguage: "" }, "interpreterLanguage", "Skriv vilket språk tolken ska tala."],
    ["a contact person of another school", { hostPersonId: "__karin__" }, "hostPersonId", "Välj en av era kontaktpersoner."],
    ["a phone number in the note", { notes: "Ring mamman på 070-174 06 99" }, "notes", /telefonnummer/],
  ])("refuses %s with the input kept and nothing saved", async (_label, change, field, message) => {
    const fields = { ...plan, hostPersonId: anna(), ...change } as Record<string, string>;
    if (fields.hostPersonId === "__karin__") fields.hostPersonId = String(personId("karin.dahl@hv.example"));
    const response = await propose("larare@vallingbyskolan.example", fields);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fieldErrors[field]).toMatch(message);
    expect(body.values.participants).toBe("Mentor och kurator");
    expect(
      db
        .select()
        .from(meetings)
        .where(inArray(meetings.kind, ["report", "staff_team"]))
        .all(),
    ).toHaveLength(2); // the seed's report meeting and staff-team visit
  });

  it("cannot be confirmed on the contact person's duty day or on top of another meeting", async () => {
    const annaDuty = dutyDays(actorFor("samordnare@hv.example"), "2026-12-02", "2026-12-31").find(
      (d) => d.personId === personId("socialsekreterare@hv.example"),
    )!.date;
    const onDuty = idFrom(
      await propose("larare@vallingbyskolan.example", { ...plan, hostPersonId: anna(), date1: annaDuty, time1: "10.00", date2: "", time2: "" }),
    );
    const dutyProposal = db.select().from(meetingProposals).where(eq(meetingProposals.meetingId, onDuty)).get()!;
    const refused = await act("socialsekreterare@hv.example", onDuty, { intent: "confirm", proposalId: String(dutyProposal.id) });
    expect((await refused.json()).fieldErrors.proposalId).toBe("Kontaktpersonen har jour den dagen och har inga möten då. Välj en annan tid.");

    const first = idFrom(await propose("larare@vallingbyskolan.example", { ...plan, hostPersonId: anna(), date2: "", time2: "" }));
    const second = idFrom(await propose("elevhalsa@vallingbyskolan.example", { ...plan, hostPersonId: anna(), time1: "13.30", date2: "", time2: "" }));
    const p1 = db.select().from(meetingProposals).where(eq(meetingProposals.meetingId, first)).get()!;
    const p2 = db.select().from(meetingProposals).where(eq(meetingProposals.meetingId, second)).get()!;
    expect((await act("socialsekreterare@hv.example", first, { intent: "confirm", proposalId: String(p1.id) })).status).toBe(302);
    const clash = await act("socialsekreterare@hv.example", second, { intent: "confirm", proposalId: String(p2.id) });
    expect((await clash.json()).fieldErrors.proposalId).toBe("Kontaktpersonen har redan ett möte då. Välj en annan tid.");
    // The contact person proposes another time instead, and the school confirms it.
    expect((await act("socialsekreterare@hv.example", second, { intent: "propose", date: "2026-12-11", time: "8.30" })).status).toBe(302);
    const counter = db
      .select()
      .from(meetingProposals)
      .where(eq(meetingProposals.meetingId, second))
      .all()
      .find((p) => p.proposedBy === personId("socialsekreterare@hv.example"))!;
    expect((await act("elevhalsa@vallingbyskolan.example", second, { intent: "confirm", proposalId: String(counter.id) })).status).toBe(302);
  });

  it("is seen by the planner and the school's contact persons only", async () => {
    const id = idFrom(await propose("larare@vallingbyskolan.example", { ...plan, hostPersonId: anna() }));
    for (const email of ["larare@vallingbyskolan.example", "socialsekreterare@hv.example", "sara.lindqvist@hv.example"])
      expect((await view(email, id)).status).toBe(200);
    for (const email of ["elevhalsa@vallingbyskolan.example", "larare@grimstaskolan.example", "leila.haddad@hv.example", "socialsekreterare@st.example"]) {
      expect((await view(email, id)).status).toBe(404);
      expect((await act(email, id, { intent: "cancel" })).status).toBe(404);
    }
  });

  it("after the meeting the family hears back within three working days", () => {
    expect(getBackBy(new Date("2026-12-09T12:00:00Z"))).toBe("2026-12-14");
    // Christmas Eve, Christmas Day, Boxing Day and a Sunday do not count.
    expect(getBackBy(new Date("2026-12-22T12:00:00Z"))).toBe("2026-12-29");
  });
});

describe("staff-team meetings", () => {
  useFreshDatabase();

  const ask = async (email: string, fields: Record<string, string>) =>
    respond(async () => staffAction(args(post("/moten/arbetslag", fields, await sessionCookie(email)))));
  const target = (preschool: string, team: string | null) => {
    const org = organisationId(preschool);
    const teamId = team ? db.select().from(staffTeams).where(eq(staffTeams.name, team)).get()!.id : "";
    return `${org}:${teamId}`;
  };

  it("the preschool head asks for a visit to a staff team on a theme; once confirmed, the team counts as visited this year", async () => {
    const leila = String(personId("leila.haddad@hv.example"));
    const response = await ask("forskolechef@gronadiamanten.example", {
      target: target("Gröna diamanten", "Smaragden"),
      hostPersonId: leila,
      theme: "Varningstecken att lägga märke till",
      date1: "2026-12-16",
      time1: "15.00",
    });
    expect(response.status).toBe(302);
    const id = idFrom(response);
    expect(db.select().from(meetings).where(eq(meetings.id, id)).get()).toMatchObject({ kind: "staff_team", theme: "Varningstecken att lägga märke till" });
    const proposal = db.select().from(meetingProposals).where(eq(meetingProposals.meetingId, id)).get()!;
    expect((await act("leila.haddad@hv.example", id, { intent: "confirm", proposalId: String(proposal.id) })).status).toBe(302);
    const visits = staffTeamVisits(actorFor("forskolechef@gronadiamanten.example"), "2026");
    expect(visits.find((v) => v.team === "Smaragden")!.latest!.toISOString()).toBe("2026-12-16T14:00:00.000Z");
    expect(visits.find((v) => v.team === "Safiren")!.latest).toBeNull();
  });

  it.each([
    ["an own theme left empty", { theme: "own", ownTheme: "" }, "ownTheme", "Skriv ert eget tema."],
    ["a staff team of another preschool", { target: "__other__" }, "target", "Välj ett arbetslag eller en förskola i er verksamhet."],
    ["no time", { date1: "", time1: "" }, "date1", "Föreslå minst en tid."],
  ])("refuses %s", async (_label, change, field, message) => {
    const fields = {
      target: target("Gröna diamanten", null),
      hostPersonId: String(personId("leila.haddad@hv.example")),
      theme: "Vad socialtjänsten gör",
      date1: "2026-12-15",
      time1: "15.00",
      ...change,
    } as Record<string, string>;
    if (fields.target === "__other__") fields.target = target("Förskolan Ekorren", "Kotten");
    const response = await ask("forskolechef@gronadiamanten.example", fields);
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors[field]).toBe(message);
    expect(db.select().from(meetings).where(eq(meetings.kind, "staff_team")).all()).toHaveLength(1); // the seed's
  });

  it("is for preschool leadership only", async () => {
    for (const email of ["pedagog@gronadiamanten.example", "rektor@vallingbyskolan.example", "socialsekreterare@hv.example"]) {
      expect((await ask(email, { target: "1:" })).status).toBe(403);
    }
  });
});

describe("planning meetings every six weeks", () => {
  useFreshDatabase();

  const series = async (email: string, fields: Record<string, string>) =>
    respond(async () => planningAction(args(post("/moten/planering", fields, await sessionCookie(email)))));

  it("the contact person lays out a series; holidays move to the nearest free day; both sides add to the agenda; notes after", async () => {
    const fields = {
      organisationId: String(organisationId("Gröna diamanten")),
      firstDate: "2026-12-09",
      time: "13.00",
      minutes: "90",
      everyWeeks: "6",
      count: "3",
      place: "school",
    };
    const seeded = new Set(
      db
        .select()
        .from(meetings)
        .where(eq(meetings.kind, "planning"))
        .all()
        .map((m) => m.id),
    );
    expect((await series("leila.haddad@hv.example", fields)).status).toBe(302);
    const planned = db
      .select()
      .from(meetings)
      .where(eq(meetings.kind, "planning"))
      .all()
      .filter((m) => !seeded.has(m.id));
    // 9 December, 20 January, 3 March (none a holiday or one of Leila's duty days, or moved to the nearest free one).
    expect(planned).toHaveLength(3);
    expect(new Set(planned.map((m) => m.seriesId)).size).toBe(1);
    const first = planned[0]!;
    const head = await sessionCookie("forskolechef@gronadiamanten.example");
    const added = await respond(() =>
      meetingAction(args(post(`/moten/${first.id}`, { intent: "agenda", text: "Hur pratar vi med föräldrar om oro?" }, head), { meetingId: String(first.id) })),
    );
    expect(added.status).toBe(302);
    const refused = await respond(() =>
      meetingAction(args(post(`/moten/${first.id}`, { intent: "agenda", text: "Ring pappan på 070-174 06 99" }, head), { meetingId: String(first.id) })),
    );
    expect(refused.status).toBe(400);
    expect(
      db
        .select()
        .from(meetingAgendaPoints)
        .where(eq(meetingAgendaPoints.meetingId, first.id))
        .all()
        .map((p) => p.text),
    ).toEqual(["Hur pratar vi med föräldrar om oro?"]);
    const notTheHost = saveMeetingNotes(actorFor("forskolechef@gronadiamanten.example"), first.id, "Bra möte", new Date("2026-12-09T14:00:00Z"));
    expect(notTheHost).toMatchObject({ ok: false });
    expect(saveMeetingNotes(actorFor("leila.haddad@hv.example"), first.id, "Vi bokar ett besök hos Smaragden.", new Date("2026-12-09T14:00:00Z"))).toEqual({
      ok: true,
    });
  });

  it("is only for the preschool's contact persons, and the pedagogue does not see the planning meetings", async () => {
    const fields = { organisationId: String(organisationId("Gröna diamanten")), firstDate: "2026-12-09", time: "13.00", place: "school" };
    expect((await series("socialsekreterare@hv.example", fields)).status).toBe(403);
    await series("leila.haddad@hv.example", fields);
    const id = db.select().from(meetings).where(eq(meetings.kind, "planning")).orderBy(desc(meetings.id)).get()!.id;
    expect((await view("forskolechef@gronadiamanten.example", id)).status).toBe(200);
    expect((await view("pedagog@gronadiamanten.example", id)).status).toBe(404);
  });

  it("a preschool's head sees her own preschool's planning meetings, not those of another preschool in the same unit", async () => {
    // Johanna Berglund at Förskolan Ekorren (Grimsta förskoleenhet) made that preschool's head.
    db.update(people)
      .set({ role: "partner_leadership" })
      .where(eq(people.id, personId("pedagog@ekorren.example")))
      .run();
    const id = db.select().from(meetings).where(eq(meetings.kind, "planning")).orderBy(meetings.startsAt).get()!.id;
    db.update(meetings)
      .set({ organisationId: organisationId("Förskolan Bävern") })
      .where(eq(meetings.id, id))
      .run();
    expect((await view("pedagog@ekorren.example", id)).status).toBe(404);
    db.update(meetings)
      .set({ organisationId: organisationId("Förskolan Ekorren") })
      .where(eq(meetings.id, id))
      .run();
    expect((await view("pedagog@ekorren.example", id)).status).toBe(200);
  });

  it("planningDates moves a holiday to the nearest free day", () => {
    expect(planningDates("2026-12-24", 6, 1, () => false, "2026-12-01")).toEqual(["2026-12-23"]);
  });
});
