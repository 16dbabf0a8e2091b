import { and, asc, eq, inArray, isNull, max, sql } from "drizzle-orm";
import { dutyHours, dutyLines, dutyOverrides, dutyRotaMembers, people } from "../../db/schema";
import { can, type Actor } from "../auth/permissions";
import { atomic, getDb, isUniqueViolation } from "../db.server";
import { addDays, isLocalDate, type LocalDate } from "../time/stockholm";
import { isAwayOn } from "./availability";
import { statusesOf } from "./availability.server";
import { isDutyDay } from "./duty";
import { dutyDays, dutyLineOf } from "./duty.server";
import { fail, type Failure } from "./failure";

/**
 * The coordinator's changes to the duty rota and the duty line. Every function is scoped
 * to the coordinator's own district and answers a Swedish field error instead of
 * throwing when the input does not make sense.
 */
export type Outcome = { ok: true } | Failure;
const OK: Outcome = { ok: true };
/** Only the coordinator changes the rota and the duty line (never the head of unit, who writes nothing). */
const NOT_THE_COORDINATOR = fail("form", "Bara samordnaren ändrar jourschemat.");
const manages = (actor: Actor) => can(actor, "district:manage");

/** Social workers and parent advisers of the district who can take duty days. */
export function dutyCandidates(actor: Actor) {
  if (!manages(actor)) return [];
  return getDb()
    .select({ personId: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.districtId, actor.districtId), inArray(people.role, ["social_worker", "parent_adviser"]), isNull(people.deactivatedAt)))
    .orderBy(asc(people.name))
    .all();
}

function isCandidate(actor: Actor, personId: number) {
  return dutyCandidates(actor).some((c) => c.personId === personId);
}

export function addRotaMember(actor: Actor, personId: number): Outcome {
  if (!manages(actor)) return NOT_THE_COORDINATOR;
  if (!isCandidate(actor, personId)) return fail("personId", "Välj en socialsekreterare i teamet.");
  const db = getDb();
  return db.transaction((tx) => {
    const already = tx
      .select()
      .from(dutyRotaMembers)
      .where(and(eq(dutyRotaMembers.districtId, actor.districtId), eq(dutyRotaMembers.personId, personId)))
      .get();
    if (already) return fail("personId", "Personen finns redan i jourschemat.");
    const last = tx
      .select({ value: max(dutyRotaMembers.position) })
      .from(dutyRotaMembers)
      .where(eq(dutyRotaMembers.districtId, actor.districtId))
      .get();
    tx.insert(dutyRotaMembers)
      .values({ districtId: actor.districtId, personId, position: (last?.value ?? -1) + 1 })
      .run();
    return OK;
  });
}

/** Positions 0..n-1 in the current order, after a removal. */
function renumber(tx: Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0], districtId: number) {
  const members = tx.select().from(dutyRotaMembers).where(eq(dutyRotaMembers.districtId, districtId)).orderBy(asc(dutyRotaMembers.position)).all();
  // Move everyone out of the way first: (district, position) is unique.
  tx.update(dutyRotaMembers)
    .set({ position: sql`${dutyRotaMembers.position} + 100000` })
    .where(eq(dutyRotaMembers.districtId, districtId))
    .run();
  members.forEach((m, index) => {
    tx.update(dutyRotaMembers)
      .set({ position: index })
      .where(and(eq(dutyRotaMembers.districtId, districtId), eq(dutyRotaMembers.personId, m.personId)))
      .run();
  });
}

export function removeRotaMember(actor: Actor, personId: number): Outcome {
  if (!manages(actor)) return NOT_THE_COORDINATOR;
  return getDb().transaction((tx) => {
    const count = tx
      .select({ n: sql<number>`count(*)` })
      .from(dutyRotaMembers)
      .where(eq(dutyRotaMembers.districtId, actor.districtId))
      .get();
    if ((count?.n ?? 0) <= 1) return fail("personId", "Jourschemat behöver minst en person. Lägg till någon annan först.");
    const removed = tx
      .delete(dutyRotaMembers)
      .where(and(eq(dutyRotaMembers.districtId, actor.districtId), eq(dutyRotaMembers.personId, personId)))
      .run();
    if (removed.changes === 0) return fail("personId", "Personen finns inte i jourschemat.");
    renumber(tx, actor.districtId);
    return OK;
  });
}

export function moveRotaMember(actor: Actor, personId: number, direction: "up" | "down"): Outcome {
  if (!manages(actor)) return NOT_THE_COORDINATOR;
  return getDb().transaction((tx) => {
    const members = tx.select().from(dutyRotaMembers).where(eq(dutyRotaMembers.districtId, actor.districtId)).orderBy(asc(dutyRotaMembers.position)).all();
    const index = members.findIndex((m) => m.personId === personId);
    if (index === -1) return fail("personId", "Personen finns inte i jourschemat.");
    const other = members[direction === "up" ? index - 1 : index + 1];
    if (!other) return OK;
    const me = members[index]!;
    const where = (id: number) => and(eq(dutyRotaMembers.districtId, actor.districtId), eq(dutyRotaMembers.personId, id));
    // Park one row outside the range first: (district, position) is unique.
    tx.update(dutyRotaMembers).set({ position: 1_000_000 }).where(where(me.personId)).run();
    tx.update(dutyRotaMembers).set({ position: me.position }).where(where(other.personId)).run();
    tx.update(dutyRotaMembers).set({ position: other.position }).where(where(me.personId)).run();
    return OK;
  });
}

function checkFutureDutyDay(actor: Actor, date: string, today: LocalDate, field: string): Outcome {
  if (!isLocalDate(date)) return fail(field, "Skriv ett datum, till exempel 2026-12-03.");
  if (date < today) return fail(field, "Dagen har redan varit. Välj i dag eller en senare dag.");
  if (date > addDays(today, 366)) return fail(field, "Välj en dag inom ett år.");
  const line = dutyLineOf(actor);
  if (!line) return fail(field, "Jourtelefonen är inte inlagd ännu.");
  if (!isDutyDay(line, date)) return fail(field, "Jourtelefonen är stängd den dagen, så ingen har jour då.");
  const existing = getDb()
    .select()
    .from(dutyOverrides)
    .where(and(eq(dutyOverrides.districtId, actor.districtId), eq(dutyOverrides.date, date)))
    .get();
  if (existing) return fail(field, "Den dagen är redan ändrad. Ta bort ändringen först.");
  return OK;
}

/** Gives one duty day to someone else. */
export const replaceDutyDay = atomic(function replaceDutyDay(actor: Actor, date: string, personId: number, today: LocalDate): Outcome {
  if (!manages(actor)) return NOT_THE_COORDINATOR;
  const day = checkFutureDutyDay(actor, date, today, "date");
  if (!day.ok) return day;
  if (!isCandidate(actor, personId)) return fail("personId", "Välj en socialsekreterare i teamet.");
  if (isAwayOn(statusesOf(actor, [personId]).get(personId) ?? null, date)) return fail("personId", "Personen är borta den dagen. Välj någon annan.");
  return insertOverrides(actor, [{ date, personId }], "date");
});

/** Two people trade their duty days. */
export const swapDutyDays = atomic(function swapDutyDays(actor: Actor, first: string, second: string, today: LocalDate): Outcome {
  if (!manages(actor)) return NOT_THE_COORDINATOR;
  const a = checkFutureDutyDay(actor, first, today, "first");
  if (!a.ok) return a;
  const b = checkFutureDutyDay(actor, second, today, "second");
  if (!b.ok) return b;
  if (first === second) return fail("second", "Välj två olika dagar.");
  const [dayA] = dutyDays(actor, first, first);
  const [dayB] = dutyDays(actor, second, second);
  if (!dayA?.personId) return fail("first", "Ingen har jour den dagen, så det finns inget att byta.");
  if (!dayB?.personId) return fail("second", "Ingen har jour den dagen, så det finns inget att byta.");
  if (dayA.personId === dayB.personId) return fail("second", "Samma person har jour båda dagarna.");
  return insertOverrides(
    actor,
    [
      { date: first, personId: dayB.personId },
      { date: second, personId: dayA.personId },
    ],
    "first",
  );
});

function insertOverrides(actor: Actor, rows: { date: string; personId: number }[], field: string): Outcome {
  try {
    getDb().transaction((tx) => {
      for (const row of rows) {
        tx.insert(dutyOverrides)
          .values({ districtId: actor.districtId, createdBy: actor.personId, ...row })
          .run();
      }
    });
    return OK;
  } catch (error) {
    // Another coordinator changed the same day in between: the unique index said no.
    if (isUniqueViolation(error)) return fail(field, "Den dagen är redan ändrad. Ta bort ändringen först.");
    throw error;
  }
}

export function removeOverride(actor: Actor, date: string, today: LocalDate): Outcome {
  if (!manages(actor)) return NOT_THE_COORDINATOR;
  if (!isLocalDate(date) || date < today) return fail("date", "Ändringar av dagar som har varit finns kvar.");
  const result = getDb()
    .delete(dutyOverrides)
    .where(and(eq(dutyOverrides.districtId, actor.districtId), eq(dutyOverrides.date, date)))
    .run();
  return result.changes === 0 ? fail("date", "Dagen var inte ändrad.") : OK;
}

export type DutyLineInput = {
  phone: string;
  afterHoursPhone: string;
  eveClosesAt: string;
  hours: { weekday: number; opensAt: string; closesAt: string }[];
};

/** Saves the duty number, socialjouren's number and the opening hours, all or nothing. */
export function saveDutyLine(actor: Actor, input: DutyLineInput, today: LocalDate): Outcome {
  if (!manages(actor)) return NOT_THE_COORDINATOR;
  getDb().transaction((tx) => {
    tx.insert(dutyLines)
      .values({ districtId: actor.districtId, phone: input.phone, afterHoursPhone: input.afterHoursPhone, eveClosesAt: input.eveClosesAt, rotaStartsOn: today })
      .onConflictDoUpdate({
        target: dutyLines.districtId,
        set: { phone: input.phone, afterHoursPhone: input.afterHoursPhone, eveClosesAt: input.eveClosesAt },
      })
      .run();
    tx.delete(dutyHours).where(eq(dutyHours.districtId, actor.districtId)).run();
    for (const h of input.hours)
      tx.insert(dutyHours)
        .values({ districtId: actor.districtId, ...h })
        .run();
  });
  return OK;
}
