import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { districts, organisations, people } from "../../db/schema";
import { MULTI_LINE_MESSAGE, SINGLE_LINE_MESSAGE } from "../../app/format/plain-text";
import { validateForm } from "../../app/http/forms";
import { emailSchema, phoneSchema } from "../../app/models/accounts";
import { consultationFormSchema, messageSchema } from "../../app/models/consultations";
import { districtSchema } from "../../app/models/districts";
import { dutyLineSchema } from "../../app/models/duty-forms";
import { groupSeriesSchema, meetingTextSchema, reportMeetingSchema, staffTeamMeetingSchema } from "../../app/models/meeting-forms";
import { organisationSchema, renameSchema, staffTeamSchema } from "../../app/models/organisations-admin";
import { inviteSchema, personFormSchema } from "../../app/models/people-admin";
import { offerSchema, requestSchema } from "../../app/models/support";
import { seriesFormSchema } from "../../app/models/walk-and-talk";
import { action as importAction } from "../../app/routes/admin.import";
import { action as inviteAction } from "../../app/routes/admin.personer._index";
import { action as personAction } from "../../app/routes/admin.personer.$personId";
import { action as contactsAction } from "../../app/routes/kontaktpersoner";
import { action as cityAction } from "../../app/routes/stad";
import { action as bookAction } from "../../app/routes/walk-and-talk.tider.$slotId";
import { openSlotsFor } from "../../app/models/walk-booking.server";
import { actorFor, db, organisationId, personId, SEED_NOW, useFreshDatabase } from "./db";
import { args, post, respond, sessionCookie } from "./http";

/** A name that, written into an iCalendar line unescaped, adds an attendee of its own. */
const FORGED = 'Anna Berg"\r\nATTENDEE;CN=Evil;RSVP=TRUE:mailto:evil@evil.example\r\nX-Y:"';

/** Every form schema with free text, its single-line fields and its multi-line fields (with their longest length). */
const SCHEMAS: [string, z.ZodType, string[], Record<string, number>][] = [
  ["a person (change)", personFormSchema, ["name", "title"], {}],
  ["a person (invite)", inviteSchema, ["name", "title", "email"], {}],
  ["one's phone", phoneSchema, ["phone"], {}],
  ["the reset request", emailSchema, ["email"], {}],
  ["a district at /stad", districtSchema, ["name", "office", "coordinatorName", "coordinatorEmail"], {}],
  ["the duty line", dutyLineSchema, ["phone", "afterHoursPhone"], {}],
  ["an organisation", organisationSchema, ["name"], {}],
  ["a new name for an organisation", renameSchema, ["name"], {}],
  ["a staff team", staffTeamSchema, ["name"], {}],
  ["a report meeting", reportMeetingSchema(SEED_NOW), ["participants", "interpreterLanguage"], { notes: 1000 }],
  ["a staff team meeting", staffTeamMeetingSchema(SEED_NOW), ["ownTheme"], {}],
  ["a group", groupSeriesSchema(SEED_NOW), ["name"], {}],
  ["an agenda point", meetingTextSchema("text", 300), [], { text: 300 }],
  ["a meeting's notes", meetingTextSchema("notes", 1000), [], { notes: 1000 }],
  ["a question", consultationFormSchema(SEED_NOW), ["callbackPhone", "consentGivenBy", "childDetails"], { question: 4000 }],
  ["a message", messageSchema(false), [], { body: 4000 }],
  ["a support offer", offerSchema, ["name", "forWhom", "phone", "email"], { whatItGives: 1500, howToContact: 600 }],
  ["a support request", requestSchema(SEED_NOW), ["guardianName", "guardianPhone", "language", "consentGivenBy"], {}],
  ["a walk-and-talk series", seriesFormSchema(SEED_NOW), ["meetingPoint", "mapUrl"], {}],
];

const errorsOf = (result: ReturnType<typeof validateForm>) => (result.ok ? {} : result.fieldErrors);

describe("single-line text in every form", () => {
  it.each(SCHEMAS.filter((s) => s[2].length > 0))("%s: a line break or a bidi override in a one-line field is refused with what to do", (_, schema, single) => {
    for (const field of single) {
      for (const value of [FORGED, "Anna\nBerg", "Anna\u2028Berg", "\u202Egreb anna"]) {
        expect(errorsOf(validateForm({ [field]: value }, schema))[field], `${field}: ${JSON.stringify(value)}`).toBe(SINGLE_LINE_MESSAGE);
      }
    }
  });

  it.each(SCHEMAS.filter((s) => Object.keys(s[3]).length > 0))(
    "%s: free text keeps its line breaks, each counted as one character, and no other control character",
    (_, schema, __, multi) => {
      for (const [field, max] of Object.entries(multi)) {
        // Browsers send a line break as CRLF: a text that fits when it is stored must fit when it is sent.
        const lines = "ab\r\n".repeat(Math.floor(max / 3));
        expect(lines.length).toBeGreaterThan(max);
        expect(errorsOf(validateForm({ [field]: lines }, schema))[field], field).toBeUndefined();
        expect(errorsOf(validateForm({ [field]: `${lines}abcd` }, schema))[field], field).toMatch(/^Skriv högst/);
        expect(errorsOf(validateForm({ [field]: "Hej!\u001B[2J" }, schema))[field], field).toBe(MULTI_LINE_MESSAGE);
      }
    },
  );
});

describe("forged names never reach the database", () => {
  useFreshDatabase();

  it("a coordinator cannot invite a person whose name holds a line break", async () => {
    const cookie = await sessionCookie("samordnare@hv.example");
    const fields = {
      email: "ny@vallingbyskolan.example",
      name: FORGED,
      title: "Lärare",
      role: "partner_staff",
      organisationId: String(organisationId("Vällingbyskolan")),
    };
    const response = await respond(() => inviteAction(args(post("/admin/personer", fields, cookie))));
    expect(response.status).toBe(400);
    const answer = await response.json();
    expect(answer.fieldErrors.name).toBe(SINGLE_LINE_MESSAGE);
    expect(answer.values.name).toBe(FORGED); // the input is kept, to be corrected
    expect(db.select().from(people).where(eq(people.email, "ny@vallingbyskolan.example")).get()).toBeUndefined();
  });

  it("a coordinator cannot rename a person or title them with a line break", async () => {
    const cookie = await sessionCookie("samordnare@hv.example");
    const anna = personId("socialsekreterare@hv.example");
    for (const [name, title] of [
      [FORGED, "Socialsekreterare"],
      ["Anna Berg", "Socialsekreterare\r\nX-EVIL:1"],
    ] as const) {
      const response = await respond(() =>
        personAction(args(post(`/admin/personer/${anna}`, { intent: "change", name, title, role: "social_worker" }, cookie), { personId: String(anna) })),
      );
      expect(response.status).toBe(400);
    }
    expect(db.select({ name: people.name, title: people.title }).from(people).where(eq(people.id, anna)).get()).toEqual({
      name: "Anna Berg",
      title: "Socialsekreterare",
    });
  });

  it("the city administrator cannot add a district whose coordinator's name holds a line break", async () => {
    const cookie = await sessionCookie("admin@stockholm.example");
    const before = db.select().from(districts).all().length;
    const response = await respond(() =>
      cityAction(args(post("/stad", { name: "Bromma", office: "Brommaplan", coordinatorName: FORGED, coordinatorEmail: "samordnare@bromma.example" }, cookie))),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors.coordinatorName).toBe(SINGLE_LINE_MESSAGE);
    expect(db.select().from(districts).all()).toHaveLength(before);
  });

  it("a contact person's label with a control character is refused even by a careless schema", async () => {
    const cookie = await sessionCookie("samordnare@hv.example");
    const fields = {
      organisationId: String(organisationId("Grimstaskolan")),
      personId: String(personId("socialsekreterare@hv.example")),
      scopeLabel: "Hela\u0000skolan",
    };
    const response = await respond(() => contactsAction(args(post("/kontaktpersoner", fields, cookie))));
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors.scopeLabel).toBeDefined();
  });

  it("a booking note stays on one line", async () => {
    const slot = openSlotsFor(actorFor("larare@vallingbyskolan.example"), SEED_NOW)[0]!;
    const cookie = await sessionCookie("larare@vallingbyskolan.example");
    const response = await respond(() =>
      bookAction(
        args(post(`/walk-and-talk/tider/${slot.slotId}`, { note: "Hej\r\nATTENDEE:mailto:evil@evil.example" }, cookie), { slotId: String(slot.slotId) }),
      ),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors.note).toBe(SINGLE_LINE_MESSAGE);
  });

  it("the CSV import refuses a cell with a line break, by line, and saves nothing", async () => {
    const csv = [
      "typ;namn;sort;hör till;e-post;roll;titel",
      "verksamhet;Råckstaskolan;skola;;;;",
      'person;"Pia\r\nPersson";;Råckstaskolan;pia@skola.example;personal;Lärare',
      "person;Per\u202ESson;;Råckstaskolan;per@skola.example;personal;Lärare",
    ].join("\r\n");
    const body = new FormData();
    body.append("intent", "import");
    body.append("text", csv);
    const request = new Request("http://localhost:3000/admin/import", {
      method: "POST",
      body,
      headers: { Cookie: await sessionCookie("samordnare@hv.example") },
    });
    const response = await respond(() => importAction(args(request)));
    expect(response.status).toBe(400);
    expect((await response.json()).plan.errors).toEqual([
      { line: 3, message: 'Fältet "namn" får inte ha radbrytningar eller osynliga tecken. Skriv det på en rad.' },
      { line: 4, message: 'Fältet "namn" får inte ha radbrytningar eller osynliga tecken. Skriv det på en rad.' },
    ]);
    expect(db.select().from(organisations).where(eq(organisations.name, "Råckstaskolan")).get()).toBeUndefined();
  });
});
