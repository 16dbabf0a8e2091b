import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { contentLines } from "../../tests/integration/ical-lines";
import { escapeIcalText, icalAddress, icalParamValue, icalText } from "./ical-safe";
import { walkInvitation, type Invitation } from "./walk-invitation";

/** Names as the database may hold them from before the forms refused line breaks. */
const FORGED = 'Anna Berg"\r\nATTENDEE;CN=Evil;RSVP=TRUE:mailto:evil@evil.example\r\nX-Y:"';
const HOSTILE = [
  FORGED,
  FORGED.replaceAll("\r\n", "\r"),
  FORGED.replaceAll("\r\n", "\n"),
  'Anna "A" Berg\u2028ATTENDEE:mailto:evil@evil.example',
  "Anna\u0000Berg\u202E",
];

const INVISIBLE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

const base: Invitation = {
  uid: "walk-booking-1@samverkansportalen",
  sequence: 0,
  method: "REQUEST",
  start: new Date("2026-12-09T13:30:00Z"),
  end: new Date("2026-12-09T14:00:00Z"),
  title: "Walk-and-talk med Anna Berg",
  location: "Utanför huvudentrén",
  description: "Walk-and-talk med Anna Berg, socialtjänsten.",
  organizer: { name: "Anna Berg", email: "socialsekreterare@hv.example" },
  attendee: { name: "Maria Lund", email: "larare@vallingbyskolan.example" },
};

type Contact = { params: { CN: string }; val: string };
const eventOf = (text: string) =>
  Object.values(ical.sync.parseICS(text)).find((e) => e?.type === "VEVENT") as unknown as {
    attendee?: Contact | Contact[];
    organizer?: Contact;
    summary: string;
    location: string;
    description: string;
  };
const attendeesOf = (text: string) => [eventOf(text).attendee ?? []].flat();

describe("names in calendar invitations", () => {
  it.each(HOSTILE.map((name) => [JSON.stringify(name), name]))("an attendee named %s is still one attendee", (_, name) => {
    const text = walkInvitation({ ...base, attendee: { name, email: "larare@vallingbyskolan.example" } });
    expect(contentLines(text).filter((l) => l.startsWith("ATTENDEE"))).toHaveLength(1);
    expect(contentLines(text).some((l) => l.startsWith("X-Y"))).toBe(false);
    const attendees = attendeesOf(text);
    expect(attendees).toHaveLength(1);
    expect(attendees[0]!.val).toBe("mailto:larare@vallingbyskolan.example");
    expect(attendees[0]!.params.CN).toMatch(/^Anna/);
    expect(attendees[0]!.params.CN).not.toMatch(INVISIBLE);
    expect(text).not.toContain("mailto:evil");
  });

  it.each(HOSTILE.map((name) => [JSON.stringify(name), name]))("an organiser named %s adds no attendee, in the summary and description neither", (_, name) => {
    const text = walkInvitation({
      ...base,
      organizer: { name, email: "socialsekreterare@hv.example" },
      title: `Walk-and-talk med ${name}`,
      location: name,
      description: `Walk-and-talk med ${name}, socialtjänsten.`,
    });
    expect(contentLines(text).filter((l) => l.startsWith("ATTENDEE"))).toHaveLength(1);
    expect(contentLines(text).filter((l) => l.startsWith("ORGANIZER"))).toHaveLength(1);
    expect(attendeesOf(text).map((a) => a.val)).toEqual(["mailto:larare@vallingbyskolan.example"]);
    expect(eventOf(text).organizer!.val).toBe("MAILTO:socialsekreterare@hv.example");
    expect(eventOf(text).summary).toMatch(/^Walk-and-talk med Anna/);
    for (const shown of [eventOf(text).organizer!.params.CN, eventOf(text).summary, eventOf(text).location]) expect(shown).not.toMatch(INVISIBLE);
    expect(eventOf(text).description.replaceAll("\n", "")).not.toMatch(INVISIBLE); // free text may keep its line breaks, escaped
  });

  it("an address cannot end its line either: cleaned, and refused when what is left is no address", () => {
    const text = walkInvitation({ ...base, attendee: { name: "Maria Lund", email: " larare@vallingbyskolan.example\r\n" } });
    expect(attendeesOf(text).map((a) => a.val)).toEqual(["mailto:larare@vallingbyskolan.example"]);
    expect(() =>
      walkInvitation({ ...base, attendee: { name: "Maria Lund", email: "larare@vallingbyskolan.example\r\nATTENDEE:mailto:evil@evil.example" } }),
    ).toThrow();
  });
});

describe("the quoting rules", () => {
  it("a parameter value holds no DQUOTE and no control character (RFC 5545 QSAFE-CHAR)", () => {
    for (const name of HOSTILE) expect(icalParamValue(name)).not.toMatch(/["\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u);
    expect(icalParamValue('Anna "Annie" Berg')).toBe("Anna 'Annie' Berg");
    expect(icalParamValue("Åsa Öberg, Grimsta förskola")).toBe("Åsa Öberg, Grimsta förskola");
    expect(icalParamValue("Berg; Anna: rektor")).toBe("Berg, Anna rektor");
  });

  it("free text keeps its line breaks as LF only, a one-line text and an address keep none", () => {
    expect(icalText("Rad ett\r\nRad två\rRad tre\u0007")).toBe("Rad ett\nRad två\nRad tre");
    expect(icalAddress(" anna@x.example\r\n")).toBe("anna@x.example");
    expect(escapeIcalText("Berg, Anna; \\ \r\nX")).toBe("Berg\\, Anna\\; \\\\ X");
  });
});
