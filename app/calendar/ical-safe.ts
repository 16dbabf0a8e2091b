import type { EventAttributes, Person } from "ics";
import { normaliseLineBreaks, toSingleLine } from "../format/plain-text";

/*
 * Everything the portal writes into iCalendar text passes through here, names first: the
 * database may hold names from before the forms refused line breaks, and a name is written
 * into a parameter (`ATTENDEE;CN="<name>":mailto:...`), where the `ics` library only wraps
 * it in quotes. RFC 5545 (3.1, 3.2) allows neither DQUOTE nor a control character in a
 * quoted parameter value and has no escape for them; `ics` writes `\"`, which a parser reads
 * as the end of the value, and it leaves a lone CR as it is, which ends the line for many
 * calendar programs and mail transports. So a forged name could add an attendee of its own.
 */

/**
 * A value for a parameter such as CN: one line, no control characters, a DQUOTE becomes an
 * apostrophe. By the RFC the quotes `ics` puts around it would let `;` and `:` stay, but
 * parsers that split parameters at every `;` or end them at the first `:` are common
 * (node-ical is one), and no name needs either: they become a comma and a space.
 */
export function icalParamValue(value: string): string {
  return toSingleLine(value.replaceAll('"', "'").replaceAll(";", ",").replaceAll(":", " ")).replace(/ {2,}/g, " ");
}

/** A one-line TEXT value (SUMMARY, LOCATION, X-WR-CALNAME); `ics` escapes backslash, comma and semicolon. */
export function icalLine(value: string): string {
  return toSingleLine(value);
}

/** A multi-line TEXT value (DESCRIPTION): line breaks as LF, which `ics` writes as `\n`; no other control character. */
export function icalText(value: string): string {
  return normaliseLineBreaks(value)
    .split("\n")
    .map((line) => toSingleLine(line))
    .join("\n");
}

/** The address after `mailto:`: nothing that could end the line or the value. */
export function icalAddress(email: string): string {
  return email.replace(/[\p{Cc}\p{Z}"\u202A-\u202E\u2066-\u2069]/gu, "");
}

/** TEXT escaped by hand, for the one line the portal writes without `ics` (an empty feed's name). */
export function escapeIcalText(value: string): string {
  return icalLine(value).replace(/[\\;,]/g, (c) => `\\${c}`);
}

const safeContact = <C extends Person>(c: C): C => ({
  ...c,
  ...(c.name === undefined ? {} : { name: icalParamValue(c.name) }),
  ...(c.email === undefined ? {} : { email: icalAddress(c.email) }),
});

/** An event with every text the portal puts in it made safe; every producer hands its events to `ics` through this. */
export function safeEvent(event: EventAttributes): EventAttributes {
  return {
    ...event,
    ...(event.title === undefined ? {} : { title: icalLine(event.title) }),
    ...(event.location === undefined ? {} : { location: icalLine(event.location) }),
    ...(event.description === undefined ? {} : { description: icalText(event.description) }),
    ...(event.calName === undefined ? {} : { calName: icalLine(event.calName) }),
    ...(event.organizer === undefined ? {} : { organizer: safeContact(event.organizer) }),
    ...(event.attendees === undefined ? {} : { attendees: event.attendees.map(safeContact) }),
  };
}
