import { and, asc, eq, gt, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import { organisations, people, schoolParts, staffTeams, walkBookings, walkOccasions, walkSeries, walkSlots, type WalkTopic } from "../../db/schema";
import { READ_ONLY_MESSAGE, type Actor, assertScheduler, type SystemActor } from "../auth/permissions";
import { getDb, type TxOrDb } from "../db.server";
import { portalUrl } from "../env.server";
import { cancelJob, scheduleJob } from "../jobs/scheduler.server";
import { enqueueMail } from "../mail/outbox.server";
import { bookingCancellation, bookingConfirmation, bookingReminder, bookingUpdate, type BookingMailFacts } from "../mail/walk-mails";
import { dayKind } from "../time/holidays";
import { addDays, instantAt, type LocalDate } from "../time/stockholm";
import { readOnly } from "./walk-and-talk";
import { fail, type Failure } from "./failure";
import { ownOrganisationIds } from "./scope.server";

/**
 * Walk-and-talk for the partner's staff: the open times of their own organisation, booking
 * and cancelling one, their own bookings, and the reminder the day before. Everything a
 * booker is told (confirmation, update, cancellation, reminder) is sent from here, also when
 * the host cancels or moves an occasion (walk-hosting.server.ts calls the helpers below).
 */

export const PORTAL_PATH = "/walk-and-talk";

const slotColumns = {
  slotId: walkSlots.id,
  startsAt: walkSlots.startsAt,
  endsAt: walkSlots.endsAt,
  capacity: walkSlots.capacity,
  booked: walkSlots.booked,
  occasionId: walkOccasions.id,
  date: walkOccasions.date,
  deadline: walkOccasions.deadline,
  cancelledAt: walkOccasions.cancelledAt,
  seriesId: walkSeries.id,
  meetingPoint: walkSeries.meetingPoint,
  mapUrl: walkSeries.mapUrl,
  schoolPartId: walkSeries.schoolPartId,
  staffTeamId: walkSeries.staffTeamId,
  organisationId: walkSeries.organisationId,
  organisationName: organisations.name,
  hostPersonId: people.id,
  hostName: people.name,
  hostEmail: people.email,
  targetStage: schoolParts.stage,
  targetTeam: staffTeams.name,
};

/** The slots with their occasion, series, organisation and host. Unscoped: every caller narrows it to what its actor may see. */
export function slotQuery(db: TxOrDb) {
  return db
    .select(slotColumns)
    .from(walkSlots)
    .innerJoin(walkOccasions, eq(walkOccasions.id, walkSlots.occasionId))
    .innerJoin(walkSeries, eq(walkSeries.id, walkOccasions.seriesId))
    .innerJoin(organisations, eq(organisations.id, walkSeries.organisationId))
    .innerJoin(people, eq(people.id, walkSeries.hostPersonId))
    .leftJoin(schoolParts, eq(schoolParts.id, walkSeries.schoolPartId))
    .leftJoin(staffTeams, eq(staffTeams.id, walkSeries.staffTeamId));
}

export type SlotRow = ReturnType<ReturnType<typeof slotQuery>["all"]>[number];

/** 0: meant for the viewer's school part or staff team; 1: for everyone; 2: meant for another group. */
export function slotRank(slot: Pick<SlotRow, "schoolPartId" | "staffTeamId">, actor: Pick<Actor, "schoolPartId" | "staffTeamId">): number {
  if (slot.schoolPartId === null && slot.staffTeamId === null) return 1;
  if ((slot.schoolPartId !== null && slot.schoolPartId === actor.schoolPartId) || (slot.staffTeamId !== null && slot.staffTeamId === actor.staffTeamId))
    return 0;
  return 2;
}

/** Bookable slots for a partner: their organisation's, not full, not cancelled, before the deadline, not an occasion they already booked. */
export function openSlotsFor(actor: Actor, now: Date, limit = 60): (SlotRow & { rank: number })[] {
  const orgIds = ownOrganisationIds(actor);
  if (orgIds.length === 0) return [];
  const db = getDb();
  const alreadyBooked = db
    .select({ occasionId: walkBookings.occasionId })
    .from(walkBookings)
    .where(and(eq(walkBookings.personId, actor.personId), isNull(walkBookings.cancelledAt)))
    .all()
    .map((b) => b.occasionId);
  return slotQuery(db)
    .where(
      and(
        inArray(walkSeries.organisationId, orgIds),
        isNull(walkOccasions.cancelledAt),
        isNull(walkOccasions.replacedAt),
        gt(walkOccasions.deadline, now),
        lt(walkSlots.booked, walkSlots.capacity),
      ),
    )
    .orderBy(asc(walkSlots.startsAt))
    .limit(500)
    .all()
    .filter((s) => !alreadyBooked.includes(s.occasionId))
    .map((s) => ({ ...s, rank: slotRank(s, actor) }))
    .sort((a, b) => a.rank - b.rank || a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, limit);
}

/** One slot a partner may book or look at, or null (the page answers 404). */
export function slotForPartner(actor: Actor, slotId: number): SlotRow | null {
  const orgIds = ownOrganisationIds(actor);
  if (orgIds.length === 0) return null;
  return (
    slotQuery(getDb())
      .where(and(eq(walkSlots.id, slotId), inArray(walkSeries.organisationId, orgIds), isNull(walkOccasions.replacedAt)))
      .get() ?? null
  );
}

/** The working day before a date, at 09.00: when the reminder goes out. */
export function reminderTime(date: LocalDate): Date {
  let day = addDays(date, -1);
  while (dayKind(day) === "weekend" || dayKind(day) === "holiday") day = addDays(day, -1);
  return instantAt(day, "09:00");
}

function mailFacts(
  slot: Pick<SlotRow, "hostName" | "hostEmail" | "organisationName" | "meetingPoint" | "startsAt" | "endsAt" | "deadline">,
  booking: { id: number; icsSequence: number },
  booker: { name: string; email: string },
  now: Date,
): BookingMailFacts {
  return {
    bookingId: booking.id,
    sequence: booking.icsSequence,
    booker,
    host: { name: slot.hostName, email: slot.hostEmail },
    organisationName: slot.organisationName,
    meetingPoint: slot.meetingPoint,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    deadline: slot.deadline,
    portalUrl: portalUrl(PORTAL_PATH),
    now,
  };
}

const reminderKey = (bookingId: number, date: LocalDate) => `walk-reminder:${bookingId}:${date}`;

export type BookingFailure = Failure & { reason: "full" | "closed" | "cancelled" | "already" | "missing" };

export function bookSlot(
  actor: Actor,
  slotId: number,
  choice: { topic: WalkTopic | null; note: string | null },
  now: Date,
): { ok: true; bookingId: number } | BookingFailure {
  if (readOnly(actor)) return { ...fail("form", READ_ONLY_MESSAGE), reason: "missing" };
  const orgIds = ownOrganisationIds(actor);
  const db = getDb();
  return db.transaction((tx): { ok: true; bookingId: number } | BookingFailure => {
    const slot = orgIds.length
      ? slotQuery(tx)
          .where(and(eq(walkSlots.id, slotId), inArray(walkSeries.organisationId, orgIds), isNull(walkOccasions.replacedAt)))
          .get()
      : undefined;
    if (!slot) return { ...fail("slotId", "Tiden finns inte."), reason: "missing" };
    if (slot.cancelledAt) return { ...fail("slotId", "Det här tillfället är inställt. Välj en annan tid."), reason: "cancelled" };
    if (slot.deadline <= now) return { ...fail("slotId", "Det går inte att boka den här tiden längre. Välj en senare tid."), reason: "closed" };
    const existing = tx
      .select({ id: walkBookings.id })
      .from(walkBookings)
      .where(and(eq(walkBookings.occasionId, slot.occasionId), eq(walkBookings.personId, actor.personId), isNull(walkBookings.cancelledAt)))
      .get();
    if (existing) return { ...fail("slotId", "Du har redan en bokad tid vid det här tillfället. Se Mina bokningar."), reason: "already" };
    // The capacity check and the increment are one statement; the CHECK constraint is the backstop.
    const taken = tx
      .update(walkSlots)
      .set({ booked: sql`${walkSlots.booked} + 1` })
      .where(and(eq(walkSlots.id, slot.slotId), lt(walkSlots.booked, walkSlots.capacity)))
      .run();
    if (taken.changes === 0) return { ...fail("slotId", "Tiden hann bli bokad av någon annan."), reason: "full" };
    const booking = tx
      .insert(walkBookings)
      .values({ slotId: slot.slotId, occasionId: slot.occasionId, personId: actor.personId, topic: choice.topic, note: choice.note })
      .returning()
      .get();
    const facts = mailFacts(slot, booking, { name: actor.name, email: actor.email }, now);
    const mail = bookingConfirmation(facts);
    enqueueMail({ districtId: actor.districtId, to: mail.to, subject: mail.subject, text: mail.text, ics: mail.ics }, tx);
    const remindAt = reminderTime(slot.date);
    if (remindAt > now) scheduleJob({ key: reminderKey(booking.id, slot.date), kind: "walk.reminder", runAt: remindAt }, tx);
    return { ok: true, bookingId: booking.id };
  });
}

/** Bookings with the name and address of who booked, for the mails they are sent. */
function bookingsWithBooker(db: TxOrDb) {
  return db
    .select({ booking: walkBookings, booker: { name: people.name, email: people.email, districtId: people.districtId } })
    .from(walkBookings)
    .innerJoin(people, eq(people.id, walkBookings.personId));
}

/** Ends one booking inside a transaction: frees the place, raises the calendar sequence, tells the booker. */
export function cancelBookingIn(tx: TxOrDb, bookingId: number, reason: "booker" | "host", now: Date) {
  const row = bookingsWithBooker(tx).where(eq(walkBookings.id, bookingId)).get();
  if (!row || row.booking.cancelledAt) return;
  const sequence = row.booking.icsSequence + 1;
  tx.update(walkBookings).set({ cancelledAt: now, icsSequence: sequence }).where(eq(walkBookings.id, bookingId)).run();
  tx.update(walkSlots)
    .set({ booked: sql`${walkSlots.booked} - 1` })
    .where(eq(walkSlots.id, row.booking.slotId))
    .run();
  const slot = slotQuery(tx).where(eq(walkSlots.id, row.booking.slotId)).get()!;
  const mail = bookingCancellation(mailFacts(slot, { id: bookingId, icsSequence: sequence }, row.booker, now), reason);
  enqueueMail({ districtId: row.booker.districtId, to: mail.to, subject: mail.subject, text: mail.text, ics: mail.ics }, tx);
  cancelJob(reminderKey(bookingId, slot.date), tx);
}

/**
 * Tells everyone who booked an occasion that it moved from one day to another, inside the
 * host's transaction: raises each calendar sequence, sends the updated invitation and moves the reminder.
 */
export function moveBookingsIn(tx: TxOrDb, occasionId: number, from: LocalDate, to: LocalDate, now: Date) {
  const active = bookingsWithBooker(tx)
    .where(and(eq(walkBookings.occasionId, occasionId), isNull(walkBookings.cancelledAt)))
    .all();
  for (const { booking, booker } of active) {
    const sequence = booking.icsSequence + 1;
    tx.update(walkBookings).set({ icsSequence: sequence }).where(eq(walkBookings.id, booking.id)).run();
    const slot = slotQuery(tx).where(eq(walkSlots.id, booking.slotId)).get()!;
    const mail = bookingUpdate(mailFacts(slot, { id: booking.id, icsSequence: sequence }, booker, now));
    enqueueMail({ districtId: booker.districtId, to: mail.to, subject: mail.subject, text: mail.text, ics: mail.ics }, tx);
    cancelJob(reminderKey(booking.id, from), tx);
    const remindAt = reminderTime(to);
    if (remindAt > now) scheduleJob({ key: reminderKey(booking.id, to), kind: "walk.reminder", runAt: remindAt }, tx);
  }
}

export function cancelBooking(actor: Actor, bookingId: number, now: Date): { ok: true } | Failure {
  if (readOnly(actor)) return fail("form", READ_ONLY_MESSAGE);
  return getDb().transaction((tx) => {
    const booking = tx
      .select({ id: walkBookings.id, cancelledAt: walkBookings.cancelledAt, deadline: walkOccasions.deadline })
      .from(walkBookings)
      .innerJoin(walkOccasions, eq(walkOccasions.id, walkBookings.occasionId))
      .where(and(eq(walkBookings.id, bookingId), eq(walkBookings.personId, actor.personId)))
      .get();
    if (!booking) return fail("bookingId", "Bokningen finns inte.");
    if (booking.cancelledAt) return fail("bookingId", "Bokningen är redan avbokad.");
    if (booking.deadline <= now) return fail("bookingId", "Det är för sent att avboka i portalen. Hör av dig direkt till kontaktpersonen.");
    cancelBookingIn(tx, booking.id, "booker", now);
    return { ok: true as const };
  });
}

/** The acting person's own bookings, coming first. */
export function myBookings(actor: Actor, now: Date) {
  return getDb()
    .select({
      bookingId: walkBookings.id,
      topic: walkBookings.topic,
      note: walkBookings.note,
      startsAt: walkSlots.startsAt,
      endsAt: walkSlots.endsAt,
      deadline: walkOccasions.deadline,
      meetingPoint: walkSeries.meetingPoint,
      mapUrl: walkSeries.mapUrl,
      hostName: people.name,
    })
    .from(walkBookings)
    .innerJoin(walkSlots, eq(walkSlots.id, walkBookings.slotId))
    .innerJoin(walkOccasions, eq(walkOccasions.id, walkBookings.occasionId))
    .innerJoin(walkSeries, eq(walkSeries.id, walkOccasions.seriesId))
    .innerJoin(people, eq(people.id, walkSeries.hostPersonId))
    .where(and(eq(walkBookings.personId, actor.personId), isNull(walkBookings.cancelledAt), gte(walkSlots.endsAt, now)))
    .orderBy(asc(walkSlots.startsAt))
    .all();
}

/** Runs a reminder job: mails the booker if the booking still stands. */
export function sendReminder(system: SystemActor, bookingId: number, now: Date) {
  assertScheduler(system);
  const db = getDb();
  const row = bookingsWithBooker(db).where(eq(walkBookings.id, bookingId)).get();
  if (!row || row.booking.cancelledAt) return;
  const slot = slotQuery(db).where(eq(walkSlots.id, row.booking.slotId)).get();
  if (!slot || slot.cancelledAt) return;
  const mail = bookingReminder(mailFacts(slot, row.booking, row.booker, now));
  enqueueMail({ districtId: row.booker.districtId, to: mail.to, subject: mail.subject, text: mail.text });
}
