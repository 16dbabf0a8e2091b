import { and, eq, gt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { meetings, staffTeams } from "../../db/schema";
import { action as newAction } from "../../app/routes/moten.ny";
import { action as staffAction } from "../../app/routes/moten.arbetslag";
import { action as meetingAction } from "../../app/routes/moten.$meetingId";
import { offDayWarning } from "../../app/models/meeting-forms";
import { db, organisationId, personId, useFreshDatabase } from "./db";
import { REPORT_MEETING } from "./forms";
import { args, post, respond, sessionCookie } from "./http";

// Clock: Tuesday 1 December 2026, 10.00.
const proposeReportMeeting = async (fields: Record<string, string>) =>
  respond(async () =>
    newAction(
      args(
        post(
          "/moten/ny",
          { ...REPORT_MEETING, hostPersonId: String(personId("socialsekreterare@hv.example")), ...fields },
          await sessionCookie("larare@vallingbyskolan.example"),
        ),
      ),
    ),
  );
const reportMeetings = () => db.select().from(meetings).where(eq(meetings.kind, "report")).all().length;

describe("a proposed meeting time on a public holiday", () => {
  useFreshDatabase();

  it("comes back with a warning in Swedish, the input kept, and nothing saved", async () => {
    const before = reportMeetings();
    const response = await proposeReportMeeting({ date2: "2027-01-01", time2: "10.00" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fieldErrors.confirmOffDay).toBe(
      "Fredag 1 januari 2027 är en helgdag (nyårsdagen). Välj en vardag, eller kryssa i rutan om ni vill ses då ändå.",
    );
    expect(body.values).toMatchObject({ date2: "2027-01-01", time2: "10.00", participants: "Mentor och kurator" });
    expect(reportMeetings()).toBe(before);
  });

  it("is proposed once the proposer ticks that she keeps the day", async () => {
    const before = reportMeetings();
    const response = await proposeReportMeeting({ date2: "2027-01-01", time2: "10.00", confirmOffDay: "yes" });
    expect(response.status).toBe(302);
    expect(reportMeetings()).toBe(before + 1);
  });

  it("is warned about on a staff-team visit too", async () => {
    const team = db.select().from(staffTeams).where(eq(staffTeams.name, "Smaragden")).get()!;
    const response = await respond(async () =>
      staffAction(
        args(
          post(
            "/moten/arbetslag",
            {
              target: `${organisationId("Gröna diamanten")}:${team.id}`,
              hostPersonId: String(personId("leila.haddad@hv.example")),
              theme: "Vad socialtjänsten gör",
              date1: "2026-12-24",
              time1: "9.00",
            },
            await sessionCookie("forskolechef@gronadiamanten.example"),
          ),
        ),
      ),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors.confirmOffDay).toMatch(/^Torsdag 24 december är en helgdag \(julafton\)\./);
  });

  it("is warned about when the contact person proposes another time or moves a meeting", async () => {
    const act = async (id: number, fields: Record<string, string>) =>
      respond(async () => meetingAction(args(post(`/moten/${id}`, fields, await sessionCookie("leila.haddad@hv.example")), { meetingId: String(id) })));
    const visit = db.select().from(meetings).where(eq(meetings.kind, "staff_team")).get()!; // the seed's, waiting for Leila Haddad
    const proposed = await act(visit.id, { intent: "propose", date: "2027-01-01", time: "10.00" });
    expect(proposed.status).toBe(400);
    expect((await proposed.json()).fieldErrors.confirmOffDay).toMatch(/^Fredag 1 januari 2027 är en helgdag \(nyårsdagen\)\./);
    expect((await act(visit.id, { intent: "propose", date: "2027-01-01", time: "10.00", confirmOffDay: "yes" })).status).toBe(302);

    const planning = db
      .select()
      .from(meetings)
      .where(and(eq(meetings.kind, "planning"), gt(meetings.startsAt, new Date("2026-12-01T09:00:00Z"))))
      .get()!;
    const moved = await act(planning.id, { intent: "move", date: "2027-01-06", time: "10.00" });
    expect(moved.status).toBe(400);
    const body = await moved.json();
    expect(body.fieldErrors.confirmOffDay).toMatch(/trettondedag jul/);
    expect(body.values).toMatchObject({ intent: "move", date: "2027-01-06" });
  });

  it("names a weekend, several days at once, and nothing for working days", () => {
    expect(offDayWarning(["2026-12-12", "2027-01-06"], "2026-12-01")).toBe(
      "Lördag 12 december är en helg och onsdag 6 januari 2027 är en helgdag (trettondedag jul). Välj en vardag, eller kryssa i rutan om ni vill ses då ändå.",
    );
    expect(offDayWarning(["2026-12-09", "2027-01-05"], "2026-12-01")).toBeNull();
  });
});
