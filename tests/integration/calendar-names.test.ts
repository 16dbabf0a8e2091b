import { hashSecret, newSecret } from "../../app/auth/secrets.server";
import { eq } from "drizzle-orm";
import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { calendarFeeds, meetingProposals, organisations, outbox, people, walkSeries } from "../../db/schema";
import { dutyFeedFor, renewFeedToken } from "../../app/calendar/duty-feed.server";
import { openSlotsFor } from "../../app/models/walk-booking.server";
import { action as bookAction } from "../../app/routes/walk-and-talk.tider.$slotId";
import { action as newMeetingAction } from "../../app/routes/moten.ny";
import { action as meetingAction } from "../../app/routes/moten.$meetingId";
import { actorFor, db, personId, SEED_NOW, useFreshDatabase } from "./db";
import { REPORT_MEETING } from "./forms";
import { contentLines } from "./ical-lines";
import { args, post, respond, sessionCookie } from "./http";

// Names as a database may hold them from before the forms refused line breaks (written here
// directly, as an old row or a restored backup would have them).
const FORGED = 'Anna Berg"\r\nATTENDEE;CN=Evil;RSVP=TRUE:mailto:evil@evil.example\r\nX-Y:"';
const FORGED_CR = 'Maria Lund"\rATTENDEE;CN=Evil;RSVP=TRUE:mailto:evil@evil.example\rX-Y:"';

const rename = (email: string, name: string) => db.update(people).set({ name }).where(eq(people.email, email)).run();

type Contact = { params: { CN: string }; val: string };
function eventIn(text: string) {
  const event = Object.values(ical.sync.parseICS(text)).find((e) => e?.type === "VEVENT") as unknown as { attendee?: Contact | Contact[]; organizer: Contact };
  return { attendees: [event.attendee ?? []].flat().map((a) => a.val.toLowerCase()), organizer: event.organizer.val.toLowerCase() };
}

/** Exactly the real attendee, on exactly one line, however a program splits the lines. */
function expectOnlyAttendee(text: string, email: string, organiser: string) {
  const lines = contentLines(text);
  expect(lines.filter((l) => l.startsWith("ATTENDEE"))).toHaveLength(1);
  expect(lines.filter((l) => l.startsWith("ORGANIZER"))).toHaveLength(1);
  expect(lines.some((l) => l.startsWith("X-Y"))).toBe(false);
  expect(eventIn(text)).toEqual({ attendees: [`mailto:${email}`], organizer: `mailto:${organiser}` });
}

describe("invitations for people whose stored names are forged", () => {
  useFreshDatabase();

  it("a walk-and-talk invitation names one attendee, the booker", async () => {
    rename("socialsekreterare@hv.example", FORGED);
    rename("larare@vallingbyskolan.example", FORGED_CR);
    db.update(walkSeries).set({ meetingPoint: "Utanför entrén\rATTENDEE:mailto:evil@evil.example" }).run();
    const slot = openSlotsFor(actorFor("larare@vallingbyskolan.example"), SEED_NOW).find((s) => s.hostName === FORGED)!;
    const cookie = await sessionCookie("larare@vallingbyskolan.example");
    expect((await respond(() => bookAction(args(post(`/walk-and-talk/tider/${slot.slotId}`, {}, cookie), { slotId: String(slot.slotId) })))).status).toBe(302);
    const mail = db.select().from(outbox).where(eq(outbox.toAddress, "larare@vallingbyskolan.example")).get()!;
    expectOnlyAttendee(mail.ics!, "larare@vallingbyskolan.example", "socialsekreterare@hv.example");
  });

  it("a meeting's invitations name one attendee each", async () => {
    rename("socialsekreterare@hv.example", FORGED);
    rename("larare@vallingbyskolan.example", FORGED_CR);
    db.update(organisations).set({ name: "Vällingbyskolan\r\nATTENDEE:mailto:evil@evil.example" }).where(eq(organisations.name, "Vällingbyskolan")).run();
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
    const cookie = await sessionCookie("socialsekreterare@hv.example");
    expect(
      (
        await respond(() =>
          meetingAction(args(post(`/moten/${id}`, { intent: "confirm", proposalId: String(proposal.id) }, cookie), { meetingId: String(id) })),
        )
      ).status,
    ).toBe(302);
    const invitations = db
      .select()
      .from(outbox)
      .all()
      .filter((m) => m.ics && m.subject.startsWith("Bekräftat"));
    expect(invitations.map((m) => m.toAddress).sort()).toEqual(["larare@vallingbyskolan.example", "socialsekreterare@hv.example"]);
    for (const m of invitations) expect(contentLines(m.ics!).filter((l) => l.startsWith("ATTENDEE"))).toHaveLength(1);
    for (const m of invitations) expect(eventIn(m.ics!).attendees).toEqual([`mailto:${m.toAddress}`]);
  });

  /** A feed address for the person; the head of unit cannot make one herself, so hers is written directly. */
  const feedTokenFor = (email: string) => {
    const actor = actorFor(email);
    const made = renewFeedToken(actor);
    if (made) return made;
    const token = newSecret();
    db.insert(calendarFeeds)
      .values({ personId: actor.personId, tokenHash: hashSecret(token) })
      .run();
    return token;
  };

  it("a duty feed's name stays one line, with duty days and without", () => {
    for (const [email, events] of [
      ["socialsekreterare@hv.example", true],
      ["enhetschef@hv.example", false],
    ] as const) {
      rename(email, FORGED_CR);
      const feed = dutyFeedFor(feedTokenFor(email), SEED_NOW)!;
      expect(feed.includes("BEGIN:VEVENT"), email).toBe(events);
      const lines = contentLines(feed);
      expect(lines.filter((l) => l.startsWith("X-WR-CALNAME"))).toEqual([expect.stringMatching(/^X-WR-CALNAME:Jourdagar och möten för Maria Lund.* X-Y.*$/)]);
      expect(lines.filter((l) => /^(ATTENDEE|X-Y)/.test(l))).toEqual([]);
    }
  });
});
