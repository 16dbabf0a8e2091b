import { createEvent } from "ics";
import { safeEvent } from "./ical-safe";
import { INVITATION_PRODUCT_ID } from "./product-id";

/**
 * The iCalendar invitation of a walk-and-talk booking. Outlook accepts an update or a
 * cancellation only with the same UID and a higher SEQUENCE, which the `ics` library
 * does not raise by itself: callers pass the booking's sequence.
 */
export type Invitation = {
  uid: string;
  sequence: number;
  method: "REQUEST" | "CANCEL";
  start: Date;
  end: Date;
  title: string;
  location: string;
  description: string;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
};

/** Every text in it passes through `safeEvent`: names may come from the database as they were ever stored. */
export function walkInvitation(i: Invitation): string {
  const { error, value } = createEvent(
    safeEvent({
      uid: i.uid,
      sequence: i.sequence,
      method: i.method,
      status: i.method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
      start: i.start.getTime(),
      startInputType: "utc",
      startOutputType: "utc",
      end: i.end.getTime(),
      endInputType: "utc",
      endOutputType: "utc",
      title: i.title,
      location: i.location,
      description: i.description,
      organizer: { name: i.organizer.name, email: i.organizer.email },
      attendees: [{ name: i.attendee.name, email: i.attendee.email, rsvp: false, partstat: "ACCEPTED", role: "REQ-PARTICIPANT" }],
      productId: INVITATION_PRODUCT_ID,
    }),
  );
  if (error || !value) throw error ?? new Error("Could not build the invitation");
  return value;
}
