import { and, asc, eq, gte, inArray, isNotNull, isNull } from "drizzle-orm";
import {
  contactAssignmentParts,
  contactAssignments,
  organisations,
  people,
  schoolParts,
  staffTeams,
  walkBookings,
  walkOccasions,
  walkSeries,
  walkSlots,
  type WalkTopic,
} from "../../db/schema";
import { can, READ_ONLY_MESSAGE, type Actor } from "../auth/permissions";
import { atomic, getDb, isUniqueViolation, type TxOrDb } from "../db.server";
import { dayKind } from "../time/holidays";
import { addDays, clockOfMinutes, instantAt, localDateOf, localMinutesOf, type LocalDate } from "../time/stockholm";
import { approvedAssignment, hasApprovedAccess } from "./access-approval.server";
import { dutyCheckBetween, isOnDuty } from "./duty.server";
import { planOccasion, planSeries, readOnly, type Refusal, type SeriesInput, type SeriesRule } from "./walk-and-talk";
import { cancelBookingIn, moveBookingsIn, slotQuery } from "./walk-booking.server";
import { fail, type Failure } from "./failure";

/**
 * Walk-and-talk for the contact person who hosts it: publishing a series of outdoor
 * consultation times for an organisation they cover, changing it, adding, cancelling and
 * moving single occasions, the agenda of who booked, and afterwards whether a time was held.
 * Every function takes the host and reaches only the host's own series; what the bookers are
 * told when an occasion changes is sent by walk-booking.server.ts.
 */

const localClockOf = (instant: Date) => clockOfMinutes(localMinutesOf(instant));

// ---------------------------------------------------------------------------
// Publishing.

/**
 * The organisations the acting contact person covers, with the school parts she covers there
 * (every part when her assignment names none) and their staff teams. A series for one school
 * part is for one of hers only. Four eyes: only approved assignments of a person whose access
 * is approved, since the bookings of a walk carry what the staff want to talk about.
 */
export function hostableOrganisations(actor: Actor) {
  if (!can(actor, "availability:set-own") || !hasApprovedAccess(actor)) return [];
  const db = getDb();
  const orgs = db
    .select({ id: organisations.id, name: organisations.name, assignmentId: contactAssignments.id })
    .from(contactAssignments)
    .innerJoin(organisations, eq(organisations.id, contactAssignments.organisationId))
    .where(and(eq(contactAssignments.personId, actor.personId), eq(contactAssignments.districtId, actor.districtId), approvedAssignment()))
    .orderBy(asc(organisations.name))
    .all();
  const ids = orgs.map((o) => o.id);
  const parts = ids.length ? db.select().from(schoolParts).where(inArray(schoolParts.organisationId, ids)).orderBy(asc(schoolParts.id)).all() : [];
  const teams = ids.length ? db.select().from(staffTeams).where(inArray(staffTeams.organisationId, ids)).orderBy(asc(staffTeams.name)).all() : [];
  const covered = ids.length
    ? db
        .select()
        .from(contactAssignmentParts)
        .where(
          inArray(
            contactAssignmentParts.assignmentId,
            orgs.map((o) => o.assignmentId),
          ),
        )
        .all()
    : [];
  return orgs.map(({ assignmentId, ...o }) => {
    const mine = new Set(covered.filter((c) => c.assignmentId === assignmentId).map((c) => c.schoolPartId));
    return {
      ...o,
      schoolParts: parts.filter((p) => p.organisationId === o.id && (mine.size === 0 || mine.has(p.id))),
      staffTeams: teams.filter((t) => t.organisationId === o.id),
    };
  });
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

/** A series meant for one school part or staff team must name one of the organisation's own. */
function groupProblem(
  organisation: { schoolParts: { id: number }[]; staffTeams: { id: number }[] },
  input: Pick<SeriesInput, "schoolPartId" | "staffTeamId">,
): Failure | null {
  if (input.schoolPartId !== null && !organisation.schoolParts.some((p) => p.id === input.schoolPartId)) {
    return fail("schoolPartId", "Välj ett stadium som du är kontaktperson för, eller inget.");
  }
  if (input.staffTeamId !== null && !organisation.staffTeams.some((t) => t.id === input.staffTeamId)) {
    return fail("staffTeamId", "Välj ett arbetslag på den här förskolan, eller inget.");
  }
  return null;
}

export function createSeries(actor: Actor, input: SeriesInput, now: Date): { ok: true; seriesId: number; created: number; refused: Refusal[] } | Failure {
  if (readOnly(actor)) return fail("form", READ_ONLY_MESSAGE);
  const organisation = hostableOrganisations(actor).find((o) => o.id === input.organisationId);
  if (!organisation) return fail("organisationId", "Välj en verksamhet som du är kontaktperson för.");
  const wrongGroup = groupProblem(organisation, input);
  if (wrongGroup) return wrongGroup;
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
  const wrongGroup = groupProblem(organisation, input);
  if (wrongGroup) return wrongGroup;
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
// The host's agenda.

/** One occasion of the host's agenda, with its slots and who booked each. */
export type AgendaOccasion = {
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
};

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
  return [...occasions.values()] as AgendaOccasion[];
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
      moveBookingsIn(tx, occasionId, found.occasion.date, date, now);
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
