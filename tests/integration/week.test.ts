import { eq } from "drizzle-orm";
import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { meetingProposals, meetings } from "../../db/schema";
import { dutyFeedFor, renewFeedToken } from "../../app/calendar/duty-feed.server";
import { confirmMeeting } from "../../app/models/meeting-lifecycle.server";
import { scheduleOf } from "../../app/models/week.server";
import { loader as weekLoader } from "../../app/routes/vecka";
import { actorFor, db, SEED_NOW, useFreshDatabase } from "./db";
import { args, get, respond, sessionCookie } from "./http";

describe("a social worker's week and calendar feed", () => {
  useFreshDatabase();

  it("shows duty days, walk-and-talks and confirmed meetings together", () => {
    const anna = actorFor("socialsekreterare@hv.example");
    const seeded = db.select().from(meetings).where(eq(meetings.kind, "report")).get()!;
    const proposal = db.select().from(meetingProposals).where(eq(meetingProposals.meetingId, seeded.id)).all()[0]!;
    expect(confirmMeeting(anna, seeded.id, proposal.id, SEED_NOW)).toEqual({ ok: true });
    const items = scheduleOf(anna, "2026-12-07", "2026-12-13");
    expect(items.map((i) => [i.kind, i.date])).toEqual([
      ["meeting", "2026-12-08"],
      ["walk", "2026-12-09"],
      ["duty", "2026-12-10"],
      // The consultation forum, of which Anna is a member, falls on her duty day: the week shows the clash.
      ["meeting", "2026-12-10"],
    ]);
    const walk = items.find((i) => i.kind === "walk")!;
    expect(walk).toMatchObject({ organisationName: "Vällingbyskolan", booked: 1, places: 3 });
  });

  it("the feed carries them too, each with its own stable UID", () => {
    const anna = actorFor("socialsekreterare@hv.example");
    const token = renewFeedToken(anna)!;
    const events = Object.values(ical.sync.parseICS(dutyFeedFor(token, SEED_NOW)!)).filter((e) => e?.type === "VEVENT") as unknown as {
      uid: string;
      summary: string;
    }[];
    expect(events.some((e) => e.summary === "Walk-and-talk, Vällingbyskolan" && e.uid.startsWith("feed-walk-"))).toBe(true);
    expect(events.some((e) => e.summary === "Jour: du svarar i jourtelefonen")).toBe(true);
  });

  it("is for social workers and parent advisers", async () => {
    expect((await respond(async () => weekLoader(args(get("/vecka", await sessionCookie("larare@vallingbyskolan.example")))))).status).toBe(403);
    const data = (await weekLoader(args(get("/vecka?vecka=9999-01-01", await sessionCookie("socialsekreterare@hv.example"))))) as { monday: string };
    expect(data.monday).toBe("2026-11-30"); // nonsense weeks show this week
  });
});
