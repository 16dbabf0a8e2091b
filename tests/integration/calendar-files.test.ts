import { eq } from "drizzle-orm";
import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { calendarFeeds, meetingProposals, meetings, outbox } from "../../db/schema";
import { hashSecret, newSecret } from "../../app/auth/secrets.server";
import { dutyFeedFor, renewFeedToken } from "../../app/calendar/duty-feed.server";
import { confirmMeeting } from "../../app/models/meeting-lifecycle.server";
import { placeLabel } from "../../app/models/meetings";
import { openSlotsFor } from "../../app/models/walk-booking.server";
import { action as bookAction } from "../../app/routes/walk-and-talk.tider.$slotId";
import { actorFor, db, SEED_NOW, useFreshDatabase } from "./db";
import { contentLines } from "./ical-lines";
import { args, post, respond, sessionCookie } from "./http";

type Event = { type: string; uid: string; summary: string; location?: string };
const eventsIn = (text: string) => Object.values(ical.sync.parseICS(text)).filter((e) => e?.type === "VEVENT") as unknown as Event[];
const productIdOf = (text: string) => contentLines(text).filter((l) => l.startsWith("PRODID:"));

/** PRODID as calendar programs expect it: -//company//product//language. */
const PORTAL_PRODUCT_ID = /^PRODID:-\/\/Samverkansportalen\/\/[^/]+\/\/SV$/;

describe("the portal's calendar files", () => {
  useFreshDatabase();

  it("a walk-and-talk invitation says where to meet and which program made it", async () => {
    const teacher = "larare@vallingbyskolan.example";
    const slot = openSlotsFor(actorFor(teacher), SEED_NOW)[0]!;
    const cookie = await sessionCookie(teacher);
    expect((await respond(() => bookAction(args(post(`/walk-and-talk/tider/${slot.slotId}`, {}, cookie), { slotId: String(slot.slotId) })))).status).toBe(302);
    const mail = db.select().from(outbox).where(eq(outbox.toAddress, teacher)).get()!;
    expect(productIdOf(mail.ics!)).toEqual([expect.stringMatching(PORTAL_PRODUCT_ID)]);
    const [event] = eventsIn(mail.ics!);
    expect(event?.location).toBe(slot.meetingPoint);
    expect(slot.meetingPoint).not.toBe("");
  });

  it("the calendar feed says where each walk-and-talk and meeting is, and which program made it", () => {
    const anna = actorFor("socialsekreterare@hv.example");
    const seeded = db.select().from(meetings).where(eq(meetings.kind, "report")).get()!;
    const proposal = db.select().from(meetingProposals).where(eq(meetingProposals.meetingId, seeded.id)).all()[0]!;
    expect(confirmMeeting(anna, seeded.id, proposal.id, SEED_NOW)).toEqual({ ok: true });
    const feed = dutyFeedFor(renewFeedToken(anna)!, SEED_NOW)!;
    expect(productIdOf(feed)).toEqual([expect.stringMatching(PORTAL_PRODUCT_ID)]);
    const events = eventsIn(feed);
    const walk = events.find((e) => e.summary === "Walk-and-talk, Vällingbyskolan");
    expect(walk?.location).toBe("Utanför huvudentrén, Vällingbyskolan");
    const meeting = events.find((e) => e.uid === `feed-meeting-${seeded.id}@samverkansportalen`);
    expect(meeting?.location).toBe(placeLabel[seeded.place]);
    // Every timed event has a place; a duty day is the whole day at work and has none.
    for (const e of events.filter((e) => !e.summary.startsWith("Jour"))) expect(e.location, e.summary).toBeTruthy();
  });

  it("an empty calendar feed names the program the same way", () => {
    // The head of unit has no duty days and cannot make a feed address herself: hers is written directly.
    const token = newSecret();
    db.insert(calendarFeeds)
      .values({ personId: actorFor("enhetschef@hv.example").personId, tokenHash: hashSecret(token) })
      .run();
    const feed = dutyFeedFor(token, SEED_NOW)!;
    expect(feed).not.toContain("BEGIN:VEVENT");
    expect(productIdOf(feed)).toEqual([expect.stringMatching(PORTAL_PRODUCT_ID)]);
  });
});
