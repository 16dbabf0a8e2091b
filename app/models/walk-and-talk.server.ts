import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import {
  contactAssignments,
  organisations,
  people,
  schoolParts,
  staffTeams,
  walkBookings,
  walkExpectations,
  walkOccasions,
  walkSeries,
  walkSlots,
  type WalkTopic,
} from "../../db/schema";
import { can, READ_ONLY_MESSAGE, type Actor, assertScheduler, type SystemActor } from "../auth/permissions";
import { atomic, getDb, isUniqueViolation, type TxOrDb } from "../db.server";
import { env, portalUrl } from "../env.server";
import { cancelJob, scheduleJob } from "../jobs/scheduler.server";
import { schoolStageLabel } from "../format/labels";
import { enqueueMail } from "../mail/outbox.server";
import { bookingCancellation, bookingConfirmation, bookingReminder, bookingUpdate, type BookingMailFacts } from "../mail/walk-mails";
import { dayKind } from "../time/holidays";
import { addDays, clockOfMinutes, instantAt, localDateOf, localMinutesOf, type LocalDate } from "../time/stockholm";

const localClockOf = (instant: Date) => clockOfMinutes(localMinutesOf(instant));
import { approvedAssignment, hasApprovedAccess } from "./access-approval.server";
import { dutyCheckBetween, isOnDuty } from "./duty.server";
import { planOccasion, planSeries, termRange, type Refusal, type SeriesInput, type SeriesRule } from "./walk-and-talk";
import { fail, type Failure } from "./failure";
import { ownOrganisationIds } from "./scope.server";

export { termOf } from "./walk-and-talk";

/**
 * Walk-and-talk: contact persons publish series of outdoor consultation times for the
 * organisations they cover; the organisation's staff book them. Every function takes the
 * acting person and scopes its queries to what that person may see.
 */

/** Every function below that changes something refuses the head of unit first: she reads, never writes. */
const readOnly = (actor: Actor) => !can(actor, "portal:write");

export const PORTAL_PATH = "/walk-and-talk";

// ---------------------------------------------------------------------------
// Publishing.

/**
 * The organisations the acting contact person covers, with their school parts and staff teams.
 * Four eyes: only approved assignments of a person whose access is approved, since the
 * bookings of a walk carry what the staff want to talk about.
 */
export function hostableOrganisations(actor: Actor) {
  if (!can(actor, "availability:set-own") || !hasApprovedAccess(actor)) return [];
  const db = getDb();
  const orgs = db
    .select({ id: organisations.id, name: organisations.name })
    .from(contactAssignments)
    .innerJoin(organisations, eq(organisations.id, contactAssignments.organisationId))
    .where(and(eq(contactAssignments.personId, actor.personId), eq(contactAssignments.districtId, actor.districtId), approvedAssignment()))
    .orderBy(asc(organisations.name))
    .all();
  const ids = orgs.map((o) => o.id);
  const parts = ids.length ? db.select().from(schoolParts).where(inArray(schoolParts.organisationId, ids)).orderBy(asc(schoolParts.id)).all() : [];
  const teams = ids.length ? db.select().from(staffTeams).where(inArray(staffTeams.organisationId, ids)).orderBy(asc(staffTeams.name)).all() : [];
  return orgs.map((o) => ({
    ...o,
    schoolParts: parts.filter((p) => p.organisationId === o.id),
    staffTeams: teams.filter((t) => t.organisationId === o.id),
  }));
}

/** The host's duty days over a series' dates, computed once (see dutyCheckBetween). */
const dutyCheck = (actor: Actor, rule?: { firstDate: LocalDate; lastDate: LocalDate }) =>
  rule ? dutyCheckBetween(actor, rule.firstDate, rule.lastDate) : (date: LocalDate) => isOnDuty(actor, date);

function insertOccasion(tx: TxOrDb, seriesId: number, placesPerSlot: number, planned: ReturnType<typeof planOccasion>, movedFrom: LocalDate | null = null) {
  const occasion = tx.insert(walkOccasions).values({ seriesId, date: planned.date, deadline: planned.deadline, movedFrom }).returning().get();
  for (const slot of planned.slots) {
    tx.insert(walkSlots).values({ occasionId: occasion.id, startsAt: slot.startsAt, endsAt: slot.endsAt, capacity: placesPerSlot }).run();
  }
  return occasion.id;
}

export function createSeries(actor: Actor, input: SeriesInput, now: Date): { ok: true; seriesId: number; created: number; refused: Refusal[] } | Failure {
  if (readOnly(actor)) return fail("form", READ_ONLY_MESSAGE);
  const organisation = hostableOrganisations(actor).find((o) => o.id === input.organisationId);
  if (!organisation) return fail("organisationId", "Välj en verksamhet som du är kontaktperson för.");
  if (input.schoolPartId !== null && !organisation.schoolParts.some((p) => p.id === input.schoolPartId)) {
    return fail("schoolPartId", "Välj ett stadium på den här skolan, eller inget.");
  }
  if (input.staffTeamId !== null && !organisation.staffTeams.some((t) => t.id === input.staffTeamId)) {
    return fail("staffTeamId", "Välj ett arbetslag på den här förskolan, eller inget.");
  }
  const rule: SeriesRule = input;
  const plan = planSeries(rule, dutyCheck(actor, rule), localDateOf(now));
  const occasions = plan.occasions.filter((o) => o.slots[0]!.startsAt > now);
  if (occasions.length === 0) {
    return fail("lastDate", "Serien ger inga tillfällen: alla datum är helgdagar eller dina jourdagar. Välj andra datum.");
  }
  const seriesId = getDb().transaction((tx) => {
    const series = tx
      .insert(walkSeries)
      .values({ ...input, districtId: actor.districtId, hostPersonId: actor.personId })
      .returning()
      .get();
    for (const occasion of occasions) insertOccasion(tx, series.id, input.placesPerSlot, occasion);
    return series.id;
  });
  return { ok: true, seriesId, created: occasions.length, refused: plan.refused };
}

/** A series of the acting host with the days it could not have (holidays, duty days) and the occasions it has. */
export function seriesOverview(actor: Actor, seriesId: number, now: Date) {
  const series = ownSeries(actor, seriesId);
  if (!series) return null;
  const occasions = getDb()
    .select({ date: walkOccasions.date, cancelledAt: walkOccasions.cancelledAt })
    .from(walkOccasions)
    .where(and(eq(walkOccasions.seriesId, seriesId), isNull(walkOccasions.replacedAt)))
    .orderBy(asc(walkOccasions.date))
    .all();
  const organisation = getDb().select({ name: organisations.name }).from(organisations).where(eq(organisations.id, series.organisationId)).get();
  const { refused } = planSeries(series, dutyCheck(actor, series), localDateOf(now));
  return { series, organisationName: organisation?.name ?? "", occasions, refused: refused.filter((r) => r.date >= localDateOf(now)) };
}

/**
 * Changes a series. Only coming occasions without bookings are replaced by the new plan;
 * occasions someone has booked stay exactly as they were (the page says how many).
 */
export function updateSeries(
  actor: Actor,
  seriesId: number,
  input: SeriesInput,
  now: Date,
): { ok: true; replaced: number; kept: number; created: number } | Failure {
  if (readOnly(actor)) return fail("form", READ_ONLY_MESSAGE);
  const series = ownSeries(actor, seriesId);
  if (!series) return fail("seriesId", "Serien finns inte.");
  if (input.organisationId !== series.organisationId)
    return fail("organisationId", "En serie kan inte flyttas till en annan verksamhet. Skapa en ny serie i stället.");
  const organisation = hostableOrganisations(actor).find((o) => o.id === series.organisationId);
  if (!organisation) return fail("organisationId", "Du är inte längre kontaktperson för verksamheten.");
  if (input.schoolPartId !== null && !organisation.schoolParts.some((p) => p.id === input.schoolPartId)) {
    return fail("schoolPartId", "Välj ett stadium på den här skolan, eller inget.");
  }
  if (input.staffTeamId !== null && !organisation.staffTeams.some((t) => t.id === input.staffTeamId)) {
    return fail("staffTeamId", "Välj ett arbetslag på den här förskolan, eller inget.");
  }
  const today = localDateOf(now);
  const plan = planSeries(input, dutyCheck(actor, input), today);
  return getDb().transaction((tx) => {
    const { organisationId: _unchanged, ...changes } = input;
    tx.update(walkSeries).set(changes).where(eq(walkSeries.id, seriesId)).run();
    const coming = tx
      .select({ id: walkOccasions.id, date: walkOccasions.date })
      .from(walkOccasions)
      .where(and(eq(walkOccasions.seriesId, seriesId), gte(walkOccasions.date, today), isNull(walkOccasions.cancelledAt), isNull(walkOccasions.replacedAt)))
      .all();
    const booked = new Set(
      coming.length
        ? tx
            .select({ occasionId: walkBookings.occasionId })
            .from(walkBookings)
            .where(
              and(
                inArray(
                  walkBookings.occasionId,
                  coming.map((o) => o.id),
                ),
                isNull(walkBookings.cancelledAt),
              ),
            )
            .all()
            .map((b) => b.occasionId)
        : [],
    );
    // Occasions someone booked stay; days the host has cancelled stay cancelled.
    const cancelledDates = tx
      .select({ date: walkOccasions.date })
      .from(walkOccasions)
      .where(and(eq(walkOccasions.seriesId, seriesId), gte(walkOccasions.date, today), isNotNull(walkOccasions.cancelledAt), isNull(walkOccasions.replacedAt)))
      .all()
      .map((o) => o.date);
    const keptDates = new Set([...coming.filter((o) => booked.has(o.id)).map((o) => o.date), ...cancelledDates]);
    const replace = coming.filter((o) => !booked.has(o.id));
    if (replace.length)
      tx.update(walkOccasions)
        .set({ replacedAt: now })
        .where(
          inArray(
            walkOccasions.id,
            replace.map((o) => o.id),
          ),
        )
        .run();
    let created = 0;
    for (const occasion of plan.occasions) {
      if (keptDates.has(occasion.date) || occasion.slots[0]!.startsAt <= now) continue;
      insertOccasion(tx, seriesId, input.placesPerSlot, occasion);
      created++;
    }
    return { ok: true as const, replaced: replace.length, kept: booked.size, created };
  });
}

function ownSeries(actor: Actor, seriesId: number) {
  return getDb()
    .select()
    .from(walkSeries)
    .where(and(eq(walkSeries.id, seriesId), eq(walkSeries.hostPersonId, actor.personId), eq(walkSeries.districtId, actor.districtId)))
    .get();
}

function occasionDateProblem(actor: Actor, date: LocalDate, now: Date): string | null {
  if (date < localDateOf(now)) return "Dagen har redan varit. Välj en senare dag.";
  if (date > addDays(localDateOf(now), 2 * 366)) return "Välj en dag inom två år.";
  const kind = dayKind(date);
  if (kind === "holiday" || kind === "weekend") return "Den dagen är en helgdag. Välj en vardag.";
  if (dutyCheck(actor)(date)) return "Du har jour den dagen. Välj en annan dag.";
  return null;
}

/** Adds an occasion on another day (for example the free day suggested instead of a duty day). */
export function addOccasion(actor: Actor, seriesId: number, date: LocalDate, now: Date): { ok: true } | Failure {
  if (readOnly(actor)) return fail("form", READ_ONLY_MESSAGE);
  const series = ownSeries(actor, seriesId);
  if (!series) return fail("seriesId", "Serien finns inte.");
  const problem = occasionDateProblem(actor, date, now);
  if (problem) return fail("date", problem);
  const planned = planOccasion(series, date);
  if (planned.slots[0]!.startsAt <= now) return fail("date", "Tiden har redan varit. Välj en senare dag.");
  try {
    getDb().transaction((tx) => insertOccasion(tx, series.id, series.placesPerSlot, planned));
  } catch (error) {
    if (isUniqueViolation(error)) return fail("date", "Det finns redan ett tillfälle den dagen.");
    throw error;
  }
  return { ok: true };
}

// ---------------------------------------------------------------------------
// Booking.

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

function slotQuery(db: TxOrDb) {
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

/** Ends one booking inside a transaction: frees the place, raises the calendar sequence, tells the booker. */
function cancelBookingIn(tx: TxOrDb, bookingId: number, reason: "booker" | "host", now: Date) {
  const row = tx
    .select({ booking: walkBookings, booker: { name: people.name, email: people.email, districtId: people.districtId } })
    .from(walkBookings)
    .innerJoin(people, eq(people.id, walkBookings.personId))
    .where(eq(walkBookings.id, bookingId))
    .get();
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
  const row = db
    .select({ booking: walkBookings, booker: { name: people.name, email: people.email, districtId: people.districtId } })
    .from(walkBookings)
    .innerJoin(people, eq(people.id, walkBookings.personId))
    .where(eq(walkBookings.id, bookingId))
    .get();
  if (!row || row.booking.cancelledAt) return;
  const slot = slotQuery(db).where(eq(walkSlots.id, row.booking.slotId)).get();
  if (!slot || slot.cancelledAt) return;
  const mail = bookingReminder(mailFacts(slot, row.booking, row.booker, now));
  enqueueMail({ districtId: row.booker.districtId, to: mail.to, subject: mail.subject, text: mail.text });
}

// ---------------------------------------------------------------------------
// The host's agenda.

export function agendaFor(actor: Actor, now: Date) {
  const db = getDb();
  // What a booker wrote about their question is for a host whose access is approved (four eyes).
  const readsNotes = hasApprovedAccess(actor);
  const from = addDays(localDateOf(now), -14);
  const slots = slotQuery(db)
    .where(
      and(
        eq(walkSeries.hostPersonId, actor.personId),
        eq(walkSeries.districtId, actor.districtId),
        gte(walkOccasions.date, from),
        isNull(walkOccasions.replacedAt),
      ),
    )
    .orderBy(asc(walkSlots.startsAt))
    .all();
  const slotIds = slots.map((s) => s.slotId);
  const bookings = slotIds.length
    ? db
        .select({
          slotId: walkBookings.slotId,
          bookingId: walkBookings.id,
          name: people.name,
          topic: walkBookings.topic,
          note: walkBookings.note,
        })
        .from(walkBookings)
        .innerJoin(people, eq(people.id, walkBookings.personId))
        .where(and(inArray(walkBookings.slotId, slotIds), isNull(walkBookings.cancelledAt)))
        .all()
    : [];
  const outcomes = slotIds.length
    ? db.select({ id: walkSlots.id, outcome: walkSlots.outcome }).from(walkSlots).where(inArray(walkSlots.id, slotIds)).all()
    : [];
  const occasions = new Map<
    number,
    { occasionId: number; date: string; cancelled: boolean; organisationName: string; meetingPoint: string; seriesId: number; slots: unknown[] }
  >();
  for (const s of slots) {
    const occasion = occasions.get(s.occasionId) ?? {
      occasionId: s.occasionId,
      date: s.date,
      cancelled: s.cancelledAt !== null,
      organisationName: s.organisationName,
      meetingPoint: s.meetingPoint,
      seriesId: s.seriesId,
      slots: [],
    };
    occasion.slots.push({
      slotId: s.slotId,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      capacity: s.capacity,
      outcome: outcomes.find((o) => o.id === s.slotId)?.outcome ?? null,
      past: s.startsAt <= now,
      bookings: bookings.filter((b) => b.slotId === s.slotId).map((b) => (readsNotes ? b : { ...b, note: null })),
    });
    occasions.set(s.occasionId, occasion);
  }
  return [...occasions.values()] as {
    occasionId: number;
    date: string;
    cancelled: boolean;
    organisationName: string;
    meetingPoint: string;
    seriesId: number;
    slots: {
      slotId: number;
      startsAt: Date;
      endsAt: Date;
      capacity: number;
      outcome: "held" | "not_held" | null;
      past: boolean;
      bookings: { bookingId: number; name: string; topic: WalkTopic | null; note: string | null }[];
    }[];
  }[];
}

function ownOccasion(tx: TxOrDb, actor: Actor, occasionId: number) {
  return tx
    .select({ occasion: walkOccasions, series: walkSeries })
    .from(walkOccasions)
    .innerJoin(walkSeries, eq(walkSeries.id, walkOccasions.seriesId))
    .where(
      and(
        eq(walkOccasions.id, occasionId),
        eq(walkSeries.hostPersonId, actor.personId),
        eq(walkSeries.districtId, actor.districtId),
        isNull(walkOccasions.replacedAt),
      ),
    )
    .get();
}

/** Cancels a coming occasion; everyone who booked is told and gets a calendar cancellation. */
export function cancelOccasion(actor: Actor, occasionId: number, now: Date): { ok: true; told: number } | Failure {
  if (readOnly(actor)) return fail("form", READ_ONLY_MESSAGE);
  return getDb().transaction((tx) => {
    const found = ownOccasion(tx, actor, occasionId);
    if (!found) return fail("occasionId", "Tillfället finns inte.");
    if (found.occasion.cancelledAt) return fail("occasionId", "Tillfället är redan inställt.");
    if (found.occasion.date < localDateOf(now)) return fail("occasionId", "Tillfället har redan varit.");
    tx.update(walkOccasions).set({ cancelledAt: now }).where(eq(walkOccasions.id, occasionId)).run();
    const active = tx
      .select({ id: walkBookings.id })
      .from(walkBookings)
      .where(and(eq(walkBookings.occasionId, occasionId), isNull(walkBookings.cancelledAt)))
      .all();
    for (const b of active) cancelBookingIn(tx, b.id, "host", now);
    return { ok: true as const, told: active.length };
  });
}

/** Moves a coming occasion to another day, same times; bookers get an updated invitation. */
export const moveOccasion = atomic(function moveOccasion(actor: Actor, occasionId: number, date: LocalDate, now: Date): { ok: true } | Failure {
  if (readOnly(actor)) return fail("form", READ_ONLY_MESSAGE);
  const found = ownOccasion(getDb(), actor, occasionId);
  if (!found) return fail("occasionId", "Tillfället finns inte.");
  if (found.occasion.cancelledAt) return fail("occasionId", "Tillfället är inställt och kan inte flyttas.");
  if (found.occasion.date < localDateOf(now)) return fail("occasionId", "Tillfället har redan varit och kan inte flyttas.");
  const problem = occasionDateProblem(actor, date, now);
  if (problem) return fail("date", problem);
  const planned = planOccasion(found.series, date);
  if (planned.slots[0]!.startsAt <= now) return fail("date", "Tiden har redan varit. Välj en senare dag.");
  try {
    getDb().transaction((tx) => {
      tx.update(walkOccasions)
        .set({ date, deadline: planned.deadline, movedFrom: found.occasion.movedFrom ?? found.occasion.date })
        .where(eq(walkOccasions.id, occasionId))
        .run();
      // The same wall-clock times on the new day, whatever the series says now.
      const slots = tx.select().from(walkSlots).where(eq(walkSlots.occasionId, occasionId)).orderBy(asc(walkSlots.startsAt)).all();
      for (const slot of slots) {
        tx.update(walkSlots)
          .set({ startsAt: instantAt(date, localClockOf(slot.startsAt)), endsAt: instantAt(date, localClockOf(slot.endsAt)) })
          .where(eq(walkSlots.id, slot.id))
          .run();
      }
      const active = tx
        .select({ booking: walkBookings, booker: { name: people.name, email: people.email, districtId: people.districtId } })
        .from(walkBookings)
        .innerJoin(people, eq(people.id, walkBookings.personId))
        .where(and(eq(walkBookings.occasionId, occasionId), isNull(walkBookings.cancelledAt)))
        .all();
      for (const { booking, booker } of active) {
        const sequence = booking.icsSequence + 1;
        tx.update(walkBookings).set({ icsSequence: sequence }).where(eq(walkBookings.id, booking.id)).run();
        const slot = slotQuery(tx).where(eq(walkSlots.id, booking.slotId)).get()!;
        const mail = bookingUpdate(mailFacts(slot, { id: booking.id, icsSequence: sequence }, booker, now));
        enqueueMail({ districtId: booker.districtId, to: mail.to, subject: mail.subject, text: mail.text, ics: mail.ics }, tx);
        cancelJob(reminderKey(booking.id, found.occasion.date), tx);
        const remindAt = reminderTime(date);
        if (remindAt > now) scheduleJob({ key: reminderKey(booking.id, date), kind: "walk.reminder", runAt: remindAt }, tx);
      }
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("date", "Det finns redan ett tillfälle den dagen.");
    throw error;
  }
  return { ok: true };
});

/** Afterwards: did the slot take place? Feeds the follow-up statistics. */
export function markSlotOutcome(actor: Actor, slotId: number, outcome: "held" | "not_held", now: Date): { ok: true } | Failure {
  if (readOnly(actor)) return fail("form", READ_ONLY_MESSAGE);
  const slot = slotQuery(getDb())
    .where(and(eq(walkSlots.id, slotId), eq(walkSeries.hostPersonId, actor.personId), eq(walkSeries.districtId, actor.districtId)))
    .get();
  if (!slot) return fail("slotId", "Tiden finns inte.");
  if (slot.startsAt > now) return fail("slotId", "Du kan markera tiden först när den har börjat.");
  getDb().update(walkSlots).set({ outcome }).where(eq(walkSlots.id, slotId)).run();
  return { ok: true };
}

// ---------------------------------------------------------------------------
// Leadership.

export function walkExpected(actor: Actor, term: string): boolean {
  const home = actor.homeOrganisationId;
  if (home === null) return false;
  const ids = [...new Set([home, actor.organisationId ?? home])];
  return (
    getDb()
      .select()
      .from(walkExpectations)
      .where(and(inArray(walkExpectations.organisationId, ids), eq(walkExpectations.term, term)))
      .all().length > 0
  );
}

export function setWalkExpected(actor: Actor, term: string, expected: boolean): { ok: true } | Failure {
  if (!can(actor, "organisation:lead") || readOnly(actor) || actor.organisationId === null) return fail("form", "Bara ledningen kan ändra det här.");
  const db = getDb();
  if (expected) {
    db.insert(walkExpectations).values({ organisationId: actor.organisationId, term, setBy: actor.personId }).onConflictDoNothing().run();
  } else {
    db.delete(walkExpectations)
      .where(and(eq(walkExpectations.organisationId, actor.organisationId), eq(walkExpectations.term, term)))
      .run();
  }
  return { ok: true };
}

/** Has the person an active booking or a held walk this term? */
export function hasBookedThisTerm(actor: Actor, term: string): boolean {
  const { from, to } = termRange(term);
  return (
    getDb()
      .select({ id: walkBookings.id })
      .from(walkBookings)
      .innerJoin(walkOccasions, eq(walkOccasions.id, walkBookings.occasionId))
      .where(and(eq(walkBookings.personId, actor.personId), isNull(walkBookings.cancelledAt), gte(walkOccasions.date, from), lte(walkOccasions.date, to)))
      .get() !== undefined
  );
}

export type StaffProgressGroup = { group: string; people: { personId: number; name: string; booked: boolean; attended: boolean }[] };

/**
 * For leadership: per school part or staff team, which of their own staff have booked or
 * attended a walk-and-talk this term. Names only: never topics or notes.
 */
export function staffProgress(actor: Actor, term: string): StaffProgressGroup[] | null {
  if (!can(actor, "organisation:lead") || actor.organisationId === null) return null;
  const db = getDb();
  const orgIds = ownOrganisationIds(actor);
  const staff = db
    .select({
      personId: people.id,
      name: people.name,
      organisationName: organisations.name,
      stage: schoolParts.stage,
      staffTeam: staffTeams.name,
    })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.organisationId))
    .leftJoin(schoolParts, eq(schoolParts.id, people.schoolPartId))
    .leftJoin(staffTeams, eq(staffTeams.id, people.staffTeamId))
    .where(and(inArray(people.organisationId, orgIds), isNull(people.deactivatedAt), eq(people.districtId, actor.districtId)))
    .orderBy(asc(people.name))
    .all();
  const { from, to } = termRange(term);
  const ids = staff.map((s) => s.personId);
  const bookings = ids.length
    ? db
        .select({ personId: walkBookings.personId, outcome: walkSlots.outcome })
        .from(walkBookings)
        .innerJoin(walkSlots, eq(walkSlots.id, walkBookings.slotId))
        .innerJoin(walkOccasions, eq(walkOccasions.id, walkBookings.occasionId))
        .where(and(inArray(walkBookings.personId, ids), isNull(walkBookings.cancelledAt), gte(walkOccasions.date, from), lte(walkOccasions.date, to)))
        .orderBy(desc(walkSlots.startsAt))
        .all()
    : [];
  const groups = new Map<string, StaffProgressGroup>();
  for (const s of staff) {
    const label = s.staffTeam
      ? `${orgIds.length > 1 ? `${s.organisationName}, ` : ""}arbetslag ${s.staffTeam}`
      : s.stage
        ? schoolStageLabel[s.stage]
        : orgIds.length > 1
          ? `${s.organisationName}, övriga`
          : "Övriga";
    const group = groups.get(label) ?? { group: label, people: [] };
    const own = bookings.filter((b) => b.personId === s.personId);
    group.people.push({ personId: s.personId, name: s.name, booked: own.length > 0, attended: own.some((b) => b.outcome === "held") });
    groups.set(label, group);
  }
  return [...groups.values()].sort((a, b) => a.group.localeCompare(b.group, "sv"));
}

/** Deletes the notes of bookings whose walk took place longer ago than the retention period. */
export function purgeOldBookingNotes(system: SystemActor, now: Date, retentionDays = env.CONSULTATION_RETENTION_DAYS): number {
  assertScheduler(system);
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
  const old = getDb()
    .select({ id: walkBookings.id })
    .from(walkBookings)
    .innerJoin(walkSlots, eq(walkSlots.id, walkBookings.slotId))
    .where(and(lt(walkSlots.endsAt, cutoff), isNotNull(walkBookings.note)))
    .all()
    .map((b) => b.id);
  if (old.length === 0) return 0;
  return getDb().update(walkBookings).set({ note: null }).where(inArray(walkBookings.id, old)).run().changes;
}
