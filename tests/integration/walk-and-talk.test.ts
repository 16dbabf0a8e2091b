import { SCHEDULER } from "../../app/auth/permissions";
import { and, eq, isNull } from "drizzle-orm";
import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { jobs, outbox, walkBookings, walkOccasions, walkSeries, walkSlots } from "../../db/schema";
import { action as bookAction, loader as bookLoader } from "../../app/routes/walk-and-talk.tider.$slotId";
import { action as walkAction, loader as walkLoader } from "../../app/routes/walk-and-talk._index";
import { action as newSeriesAction } from "../../app/routes/walk-and-talk.ny";
import { action as seriesAction } from "../../app/routes/walk-and-talk.serier.$seriesId";
import { loader as csvLoader } from "../../app/routes/walk-and-talk.personal[.csv]";
import { runDueJobs } from "../../app/jobs/scheduler.server";
import { registerAllJobs } from "../../app/jobs/all-jobs.server";
import { registeredJobHandlers } from "../../app/jobs/scheduler.server";
import { bookSlot, openSlotsFor } from "../../app/models/walk-booking.server";
import { moveOccasion, seriesOverview } from "../../app/models/walk-hosting.server";
import { staffProgress } from "../../app/models/walk-leadership.server";
import { purgeOldBookingNotes } from "../../app/models/walk-retention.server";
import { dutyDays } from "../../app/models/duty.server";
import { actorFor, db, organisationId, personId, SEED_NOW, useFreshDatabase } from "./db";
import { WALK_SERIES } from "./forms";
import { args, get, post, respond, sessionCookie } from "./http";

// The clock is Tuesday 1 December 2026, 10.00. The seed publishes Anna Berg's series at
// Vällingbyskolan (Wednesdays from 9 December), Sara Lindqvist's for högstadiet and Leila
// Haddad's group walks at Gröna diamanten, with three bookings.

const firstOpenSlot = (email: string, host = "Anna Berg") => openSlotsFor(actorFor(email), SEED_NOW).find((s) => s.hostName === host)!;
const book = async (email: string, slotId: number, fields: Record<string, string> = {}) =>
  respond(async () => bookAction(args(post(`/walk-and-talk/tider/${slotId}`, fields, await sessionCookie(email)), { slotId: String(slotId) })));
const activeBookings = () => db.select().from(walkBookings).where(isNull(walkBookings.cancelledAt)).all();

describe("booking a walk-and-talk", () => {
  useFreshDatabase();

  it("a teacher sees the own school's open times, the own group's first", () => {
    const slots = openSlotsFor(actorFor("lars.ek@vallingbyskolan.example"), SEED_NOW);
    expect(slots[0]).toMatchObject({ hostName: "Sara Lindqvist", rank: 0 });
    expect(new Set(slots.map((s) => s.organisationName))).toEqual(new Set(["Vällingbyskolan"]));
    expect(openSlotsFor(actorFor("larare@grimstaskolan.example"), SEED_NOW)).toEqual([]);
  });

  it("books with a topic, sends a confirmation with a calendar invitation and schedules a reminder", async () => {
    const slot = firstOpenSlot("larare@vallingbyskolan.example");
    const response = await book("larare@vallingbyskolan.example", slot.slotId, { topic: "guardians", note: "Hur börjar jag samtalet?" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/walk-and-talk?sparat=bokad");
    const booking = activeBookings().find((b) => b.personId === personId("larare@vallingbyskolan.example"))!;
    expect(booking).toMatchObject({ slotId: slot.slotId, topic: "guardians", note: "Hur börjar jag samtalet?" });
    expect(db.select().from(walkSlots).where(eq(walkSlots.id, slot.slotId)).get()!.booked).toBe(1);

    const mail = db.select().from(outbox).where(eq(outbox.toAddress, "larare@vallingbyskolan.example")).get()!;
    expect(mail.subject).toBe("Bokad: walk-and-talk onsdag 9 december kl. 14.30–15.00");
    expect(mail.textBody).toContain("Utanför huvudentrén, Vällingbyskolan");
    expect(mail.textBody).not.toContain("Hur börjar jag samtalet"); // never the note
    expect(mail.icsMethod).toBe("REQUEST");
    const event = Object.values(ical.sync.parseICS(mail.ics!)).find((e) => e?.type === "VEVENT") as unknown as { uid: string; start: Date; sequence: string };
    expect(event.uid).toBe(`walk-booking-${booking.id}@samverkansportalen`);
    expect(event.start.toISOString()).toBe("2026-12-09T13:30:00.000Z");
    expect(mail.ics).toContain("METHOD:REQUEST");

    const reminder = db
      .select()
      .from(jobs)
      .where(eq(jobs.key, `walk-reminder:${booking.id}:2026-12-09`))
      .get()!;
    expect(reminder.runAt.toISOString()).toBe("2026-12-08T08:00:00.000Z"); // Tuesday 09.00, the working day before
  });

  it("the reminder job mails the booker once", async () => {
    const slot = firstOpenSlot("larare@vallingbyskolan.example");
    await book("larare@vallingbyskolan.example", slot.slotId);
    registerAllJobs();
    await runDueJobs(new Date("2026-12-08T08:05:00Z"), registeredJobHandlers());
    await runDueJobs(new Date("2026-12-08T09:05:00Z"), registeredJobHandlers());
    const reminders = db
      .select()
      .from(outbox)
      .all()
      .filter((m) => m.subject.startsWith("Påminnelse"));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.toAddress).toBe("larare@vallingbyskolan.example");
  });

  it("refuses a second booking of the same occasion, and a full slot", async () => {
    const slot = firstOpenSlot("larare@vallingbyskolan.example");
    await book("larare@vallingbyskolan.example", slot.slotId);
    const again = await book("larare@vallingbyskolan.example", slot.slotId);
    expect(again.status).toBe(400);
    expect((await again.json()).fieldErrors.form).toBe("Du har redan en bokad tid vid det här tillfället. Se Mina bokningar.");

    const full = await book("rektor@vallingbyskolan.example", slot.slotId, { note: "kvar" });
    expect(full.status).toBe(409);
    const body = await full.json();
    expect(body.fieldErrors.form).toBe("Tiden hann bli bokad av någon annan.");
    expect(body.values.note).toBe("kvar");
    expect(body.alternatives.length).toBeGreaterThan(0);
    expect(body.alternatives.map((s: { slotId: number }) => s.slotId)).not.toContain(slot.slotId);
    expect(activeBookings().filter((b) => b.slotId === slot.slotId)).toHaveLength(1);
  });

  it("the database refuses overbooking even if the code forgot to check", () => {
    const slot = firstOpenSlot("larare@vallingbyskolan.example");
    db.update(walkSlots).set({ booked: 1 }).where(eq(walkSlots.id, slot.slotId)).run();
    expect(() => db.update(walkSlots).set({ booked: 2 }).where(eq(walkSlots.id, slot.slotId)).run()).toThrow(/CHECK/);
  });

  it("another organisation's slot answers 404", async () => {
    const slot = firstOpenSlot("larare@vallingbyskolan.example");
    const cookie = await sessionCookie("larare@grimstaskolan.example");
    const page = await respond(() => bookLoader(args(get(`/walk-and-talk/tider/${slot.slotId}`, cookie), { slotId: String(slot.slotId) })));
    expect(page.status).toBe(404);
    expect((await book("larare@grimstaskolan.example", slot.slotId)).status).toBe(404);
    expect((await book("larare@tenstaskolan.example", slot.slotId)).status).toBe(404);
    expect(activeBookings()).toHaveLength(3); // the seed's
  });

  it("refuses a booking after the deadline and of a cancelled occasion", () => {
    const slot = firstOpenSlot("larare@vallingbyskolan.example");
    const late = bookSlot(actorFor("larare@vallingbyskolan.example"), slot.slotId, { topic: null, note: null }, new Date("2026-12-08T11:00:00Z"));
    expect(late).toMatchObject({ ok: false, reason: "closed" });
    db.update(walkOccasions).set({ cancelledAt: SEED_NOW }).where(eq(walkOccasions.id, slot.occasionId)).run();
    const cancelled = bookSlot(actorFor("larare@vallingbyskolan.example"), slot.slotId, { topic: null, note: null }, SEED_NOW);
    expect(cancelled).toMatchObject({ ok: false, reason: "cancelled" });
  });

  it.each([
    ["an unknown topic", { topic: "gossip" }, "topic", "Välj ett av ämnena, eller inget."],
    ["a note over 200 characters", { note: "x".repeat(201) }, "note", "Skriv högst 200 tecken."],
  ])("refuses %s and keeps the input", async (_label, fields, field, message) => {
    const slot = firstOpenSlot("larare@vallingbyskolan.example");
    const response = await book("larare@vallingbyskolan.example", slot.slotId, fields);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fieldErrors[field]).toBe(message);
    expect(body.values[field]).toBe(fields[field as keyof typeof fields]);
    expect(activeBookings()).toHaveLength(3);
  });
});

describe("cancelling", () => {
  useFreshDatabase();

  const cancel = async (email: string, bookingId: number) =>
    respond(async () => walkAction(args(post("/walk-and-talk", { intent: "cancel-booking", bookingId: String(bookingId) }, await sessionCookie(email)))));

  it("cancels the own booking before the deadline with a CANCEL invitation of the same UID and a higher SEQUENCE", async () => {
    const slot = firstOpenSlot("larare@vallingbyskolan.example");
    const { bookingId } = bookSlot(actorFor("larare@vallingbyskolan.example"), slot.slotId, { topic: null, note: null }, SEED_NOW) as { bookingId: number };
    const response = await cancel("larare@vallingbyskolan.example", bookingId);
    expect(response.status).toBe(302);
    expect(db.select().from(walkSlots).where(eq(walkSlots.id, slot.slotId)).get()!.booked).toBe(0);
    const [request, cancellation] = db.select().from(outbox).where(eq(outbox.toAddress, "larare@vallingbyskolan.example")).all();
    expect(cancellation!.icsMethod).toBe("CANCEL");
    const parse = (ics: string) => Object.values(ical.sync.parseICS(ics)).find((e) => e?.type === "VEVENT") as unknown as { uid: string; sequence: string };
    expect(parse(cancellation!.ics!).uid).toBe(parse(request!.ics!).uid);
    expect(Number(parse(cancellation!.ics!).sequence)).toBeGreaterThan(Number(parse(request!.ics!).sequence));
    expect(cancellation!.ics).toContain("METHOD:CANCEL");
    expect(cancellation!.ics).toContain("STATUS:CANCELLED");
    expect(
      db
        .select()
        .from(jobs)
        .all()
        .filter((j) => j.key.startsWith(`walk-reminder:${bookingId}:`)),
    ).toHaveLength(0);
  });

  it("does not cancel someone else's booking", async () => {
    const booking = db
      .select()
      .from(walkBookings)
      .where(eq(walkBookings.personId, personId("lars.ek@vallingbyskolan.example")))
      .get()!;
    const response = await cancel("larare@vallingbyskolan.example", booking.id);
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors.form).toBe("Bokningen finns inte.");
    expect(db.select().from(walkBookings).where(eq(walkBookings.id, booking.id)).get()!.cancelledAt).toBeNull();
  });
});

describe("publishing", () => {
  useFreshDatabase();

  const seriesFields = WALK_SERIES;
  const publish = async (email: string, fields: Record<string, string>) =>
    respond(async () => newSeriesAction(args(post("/walk-and-talk/ny", fields, await sessionCookie(email)))));

  it("creates occasions, skipping holidays and the host's duty days", async () => {
    const response = await publish("socialsekreterare@hv.example", {
      ...seriesFields,
      weekday: "2",
      organisationId: String(organisationId("Vällingbyskolan")),
    });
    expect(response.status).toBe(302);
    const seriesId = Number(response.headers.get("Location")!.match(/serier\/(\d+)/)![1]);
    const dates = db
      .select()
      .from(walkOccasions)
      .where(eq(walkOccasions.seriesId, seriesId))
      .all()
      .map((o) => o.date);
    // Tuesdays every other week from 7 December: 8 Dec, 22 Dec, 5 Jan (an eve, still a working day), 19 Jan.
    const annasDutyDays = new Set(
      dutyDays(actorFor("samordnare@hv.example"), "2026-12-07", "2027-01-31")
        .filter((d) => d.personId === personId("socialsekreterare@hv.example"))
        .map((d) => d.date),
    );
    expect(annasDutyDays.has("2026-12-22")).toBe(true); // so the rule is really exercised
    expect(dates).toEqual(["2026-12-08", "2027-01-05", "2027-01-19"]);
    const overview = seriesOverview(actorFor("socialsekreterare@hv.example"), seriesId, SEED_NOW)!;
    expect(overview.refused).toEqual([{ date: "2026-12-22", reason: "duty", suggestion: "2026-12-23" }]);
    const slots = db
      .select()
      .from(walkSlots)
      .innerJoin(walkOccasions, eq(walkOccasions.id, walkSlots.occasionId))
      .where(eq(walkOccasions.seriesId, seriesId))
      .all();
    expect(slots.map((s) => s.walk_slots.startsAt.toISOString()).slice(0, 2)).toEqual(["2026-12-08T09:00:00.000Z", "2026-12-08T09:30:00.000Z"]);
  });

  it.each([
    ["a first date in the past", { firstDate: "2026-11-30" }, "firstDate", "Första datum har redan varit. Välj i dag eller senare."],
    ["a last date before the first", { lastDate: "2026-12-01" }, "lastDate", "Sista datum måste vara samma dag som första datum eller senare."],
    ["slots of 0 minutes", { slotMinutes: "0" }, "slotMinutes", "Skriv hur lång varje tid är, mellan 10 och 180 minuter."],
    ["slots of 600 minutes", { slotMinutes: "600" }, "slotMinutes", "Skriv hur lång varje tid är, mellan 10 och 180 minuter."],
    [
      "a time that has passed today",
      { weekday: "2", firstDate: "2026-12-01", firstSlotAt: "9.00" },
      "firstSlotAt",
      "Den tiden har redan varit i dag. Välj en senare tid eller ett senare första datum.",
    ],
    ["no meeting point", { meetingPoint: " " }, "meetingPoint", "Skriv var ni möts, till exempel Utanför huvudentrén."],
    ["a map link that is not https", { mapUrl: "javascript:alert(1)" }, "mapUrl", "Skriv en hel länk som börjar med https://, eller lämna fältet tomt."],
  ])("refuses %s and keeps the input", async (_label, change, field, message) => {
    const before = db.select().from(walkSeries).all().length;
    const response = await publish("socialsekreterare@hv.example", { ...seriesFields, organisationId: String(organisationId("Vällingbyskolan")), ...change });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fieldErrors[field]).toBe(message);
    expect(body.values.meetingPoint).toBe((change as { meetingPoint?: string }).meetingPoint ?? seriesFields.meetingPoint);
    expect(db.select().from(walkSeries).all()).toHaveLength(before);
  });

  it("only for organisations the contact person covers", async () => {
    const response = await publish("socialsekreterare@hv.example", { ...seriesFields, organisationId: String(organisationId("Grimstaskolan")) });
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors.organisationId).toBe("Välj en verksamhet som du är kontaktperson för.");
    expect((await publish("larare@vallingbyskolan.example", seriesFields)).status).toBe(403);
  });

  it("cancelling an occasion tells everyone who booked", async () => {
    const booking = db
      .select()
      .from(walkBookings)
      .where(eq(walkBookings.personId, personId("elevhalsa@vallingbyskolan.example")))
      .get()!;
    const cookie = await sessionCookie("socialsekreterare@hv.example");
    const response = await respond(() =>
      walkAction(args(post("/walk-and-talk", { intent: "cancel-occasion", occasionId: String(booking.occasionId) }, cookie))),
    );
    expect(response.status).toBe(302);
    expect(db.select().from(walkBookings).where(eq(walkBookings.id, booking.id)).get()!.cancelledAt).not.toBeNull();
    const mail = db.select().from(outbox).where(eq(outbox.toAddress, "elevhalsa@vallingbyskolan.example")).all().at(-1)!;
    expect(mail.subject).toMatch(/^Avbokad: walk-and-talk/);
    expect(mail.textBody).toContain("har tyvärr fått ställa in");
    expect(mail.icsMethod).toBe("CANCEL");
  });

  it("moving an occasion sends an updated invitation; a host cannot touch another host's occasion", async () => {
    const booking = db
      .select()
      .from(walkBookings)
      .where(eq(walkBookings.personId, personId("elevhalsa@vallingbyskolan.example")))
      .get()!;
    const other = await respond(async () =>
      walkAction(
        args(post("/walk-and-talk", { intent: "cancel-occasion", occasionId: String(booking.occasionId) }, await sessionCookie("sara.lindqvist@hv.example"))),
      ),
    );
    expect(other.status).toBe(400);
    const cookie = await sessionCookie("socialsekreterare@hv.example");
    const occasion = db.select().from(walkOccasions).where(eq(walkOccasions.id, booking.occasionId)).get()!;
    const target = occasion.date === "2026-12-09" ? "2026-12-11" : "2026-12-10";
    const response = await respond(() =>
      walkAction(args(post("/walk-and-talk", { intent: "move-occasion", occasionId: String(booking.occasionId), date: target }, cookie))),
    );
    if (response.status === 400) {
      // The target happened to be Anna's duty day: the message says so.
      expect((await response.json()).fieldErrors.form).toBe("Du har jour den dagen. Välj en annan dag.");
      return;
    }
    expect(response.status).toBe(302);
    expect(db.select().from(walkOccasions).where(eq(walkOccasions.id, booking.occasionId)).get()!.date).toBe(target);
    const mail = db.select().from(outbox).where(eq(outbox.toAddress, "elevhalsa@vallingbyskolan.example")).all().at(-1)!;
    expect(mail.subject).toMatch(/^Ny tid: walk-and-talk/);
    expect(mail.icsMethod).toBe("REQUEST");
    expect(db.select().from(walkBookings).where(eq(walkBookings.id, booking.id)).get()!.icsSequence).toBe(1);
  });
});

describe("leadership", () => {
  useFreshDatabase();

  it("the preschool head sees which pedagogues have booked, never what about", async () => {
    const progress = staffProgress(actorFor("forskolechef@gronadiamanten.example"), "2026-HT")!;
    const everyone = progress.flatMap((g) => g.people);
    expect(everyone.find((p) => p.name === "Ahmed Yusuf")).toMatchObject({ booked: true, attended: false });
    expect(progress.find((g) => g.group === "arbetslag Smaragden")?.people.map((p) => p.name)).toEqual(["Ahmed Yusuf"]);
    expect(JSON.stringify(progress)).not.toMatch(/guardians|topic|note/);
  });

  it("is refused to staff and other organisations' leaders see only their own staff", async () => {
    expect(staffProgress(actorFor("pedagog@gronadiamanten.example"), "2026-HT")).toBeNull();
    const rektor = staffProgress(actorFor("rektor@vallingbyskolan.example"), "2026-HT")!;
    expect(rektor.flatMap((g) => g.people).map((p) => p.name)).not.toContain("Ahmed Yusuf");
    const forbidden = await respond(async () => csvLoader(args(get("/walk-and-talk/personal.csv", await sessionCookie("larare@vallingbyskolan.example")))));
    expect(forbidden.status).toBe(403);
  });

  it("downloads the list as CSV with Swedish characters", async () => {
    const response = await respond(async () => csvLoader(args(get("/walk-and-talk/personal.csv", await sessionCookie("rektor@vallingbyskolan.example")))));
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte order mark Excel needs
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\r\n")[0]).toBe('"Grupp";"Namn";"Bokat";"Gått"');
    expect(text).toContain('"Högstadiet";"Lars Ek";"Ja";"Nej"');
  });

  it("staff who have not booked see a banner when leadership expects a walk this term", async () => {
    const view = async (email: string) => (await walkLoader(args(get("/walk-and-talk", await sessionCookie(email))))) as { showBanner: boolean };
    expect((await view("pedagog@ekorren.example")).showBanner).toBe(false);
    expect((await view("pedagog@gronadiamanten.example")).showBanner).toBe(false); // Ahmed has booked
    const head = await sessionCookie("rektor@vallingbyskolan.example");
    await respond(() => walkAction(args(post("/walk-and-talk", { intent: "set-expected", expected: "yes" }, head))));
    expect((await view("larare@vallingbyskolan.example")).showBanner).toBe(true);
    expect((await view("lars.ek@vallingbyskolan.example")).showBanner).toBe(false);
    const teacher = await sessionCookie("larare@vallingbyskolan.example");
    const refused = await respond(() => walkAction(args(post("/walk-and-talk", { intent: "set-expected", expected: "no" }, teacher))));
    expect(refused.status).toBe(403);
    expect(
      db
        .select()
        .from(walkSeries)
        .where(and(eq(walkSeries.organisationId, organisationId("Vällingbyskolan"))))
        .all().length,
    ).toBe(2);
  });
});

describe("changing a series", () => {
  useFreshDatabase();

  it("replaces only coming occasions nobody has booked, and keeps the booked ones as they were", async () => {
    // Anna's seeded series: Wednesdays 14.30 from 9 December; Nadia Karimi has booked one slot on the first occasion.
    const series = db
      .select()
      .from(walkSeries)
      .where(eq(walkSeries.hostPersonId, personId("socialsekreterare@hv.example")))
      .get()!;
    const before = db
      .select()
      .from(walkOccasions)
      .where(and(eq(walkOccasions.seriesId, series.id), isNull(walkOccasions.replacedAt)))
      .all();
    const bookedOccasion = db
      .select()
      .from(walkBookings)
      .where(eq(walkBookings.personId, personId("elevhalsa@vallingbyskolan.example")))
      .get()!.occasionId;
    const cookie = await sessionCookie("socialsekreterare@hv.example");
    const fields = {
      intent: "update-series",
      organisationId: String(series.organisationId),
      meetingPoint: "Vid skolgårdens klätterställning",
      weekday: "3",
      firstSlotAt: "8.30",
      slotMinutes: "20",
      slotsPerOccasion: "2",
      everyWeeks: "2",
      firstDate: "2026-12-02",
      lastDate: series.lastDate,
      placesPerSlot: "1",
      deadlineDaysBefore: "1",
      deadlineAt: "12.00",
    };
    const response = await respond(() => seriesAction(args(post(`/walk-and-talk/serier/${series.id}`, fields, cookie), { seriesId: String(series.id) })));
    expect(response.status).toBe(302);
    const [, replaced, created, kept] = /andrad=(\d+)-(\d+)-(\d+)/.exec(response.headers.get("Location")!)!.map(Number);
    expect(kept).toBe(1);
    expect(replaced).toBe(before.length - 1);
    const after = db
      .select()
      .from(walkOccasions)
      .where(and(eq(walkOccasions.seriesId, series.id), isNull(walkOccasions.replacedAt)))
      .all();
    expect(after).toHaveLength(created! + 1);
    // The booked occasion keeps its 14.30 slots; a new one starts at 8.30.
    const keptSlots = db.select().from(walkSlots).where(eq(walkSlots.occasionId, bookedOccasion)).all();
    expect(keptSlots.map((s) => s.startsAt.toISOString())[0]).toBe("2026-12-09T13:30:00.000Z");
    const newOccasion = after.find((o) => o.id !== bookedOccasion)!;
    expect(db.select().from(walkSlots).where(eq(walkSlots.occasionId, newOccasion.id)).all()[0]!.startsAt.toISOString()).toMatch(/T07:30:00.000Z$/);
    // Replaced occasions are gone from the open times.
    expect(
      openSlotsFor(actorFor("larare@vallingbyskolan.example"), SEED_NOW).every(
        (s) => s.meetingPoint !== "Utanför huvudentrén, Vällingbyskolan" || s.occasionId === bookedOccasion,
      ),
    ).toBe(true);
  });

  it("another host's series answers 404", async () => {
    const series = db
      .select()
      .from(walkSeries)
      .where(eq(walkSeries.hostPersonId, personId("socialsekreterare@hv.example")))
      .get()!;
    const cookie = await sessionCookie("sara.lindqvist@hv.example");
    const response = await respond(() =>
      seriesAction(args(post(`/walk-and-talk/serier/${series.id}`, { intent: "update-series" }, cookie), { seriesId: String(series.id) })),
    );
    expect(response.status).toBe(404);
  });
});

describe("moving occasions and keeping notes", () => {
  useFreshDatabase();

  it("an occasion cannot be moved to a date far in the future: a field error, not a 500 or a hang", async () => {
    const occasion = db.select().from(walkOccasions).get()!;
    const host = await sessionCookie("socialsekreterare@hv.example");
    for (const date of ["9999-12-29", "2031-01-07"]) {
      const moved = await respond(() => walkAction(args(post("/walk-and-talk", { intent: "move-occasion", occasionId: String(occasion.id), date }, host))));
      expect(moved.status).toBe(400);
    }
  });

  it("a past occasion cannot be moved", () => {
    const booking = db
      .select()
      .from(walkBookings)
      .where(eq(walkBookings.personId, personId("elevhalsa@vallingbyskolan.example")))
      .get()!;
    const later = new Date("2026-12-10T10:00:00Z");
    expect(moveOccasion(actorFor("socialsekreterare@hv.example"), booking.occasionId, "2026-12-14", later)).toMatchObject({
      ok: false,
      message: "Tillfället har redan varit och kan inte flyttas.",
    });
  });

  it("a booking note with a phone number is refused, and old notes are deleted", async () => {
    const slot = openSlotsFor(actorFor("larare@vallingbyskolan.example"), SEED_NOW)[0]!;
    const cookie = await sessionCookie("larare@vallingbyskolan.example");
    const refused = await respond(() =>
      bookAction(args(post(`/walk-and-talk/tider/${slot.slotId}`, { note: "Ring pappan 070-174 06 99" }, cookie), { slotId: String(slot.slotId) })),
    );
    expect(refused.status).toBe(400);
    expect((await refused.json()).fieldErrors.note).toMatch(/^Ta bort personnummer, telefonnummer/);
    await respond(() =>
      bookAction(args(post(`/walk-and-talk/tider/${slot.slotId}`, { note: "En fråga om rutiner" }, cookie), { slotId: String(slot.slotId) })),
    );
    const endsAt = db.select().from(walkSlots).where(eq(walkSlots.id, slot.slotId)).get()!.endsAt;
    expect(purgeOldBookingNotes(SCHEDULER, new Date(endsAt.getTime() + 89 * 86_400_000), 90)).toBe(0);
    expect(purgeOldBookingNotes(SCHEDULER, new Date(endsAt.getTime() + 91 * 86_400_000), 90)).toBe(1);
    expect(db.select().from(walkBookings).where(eq(walkBookings.slotId, slot.slotId)).get()!.note).toBeNull();
  });
});
