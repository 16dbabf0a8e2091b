import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import { dutyHours, dutyLines, dutyOverrides, dutyRotaMembers, people } from "../../db/schema";
import type { Actor } from "../auth/permissions";
import { getDb, keptUntilChange } from "../db.server";
import { addDays, localDateOf, type LocalDate } from "../time/stockholm";
import { isAwayOn } from "./availability";
import { statusesOf } from "./availability.server";
import { dutyDayOn, dutyRota, type DutyDay, type DutyLine, type RotaInput } from "./duty";

/** A district's duty line with its opening hours, or null if none is set up. */
/** The duty line of the actor's district: its numbers are for everyone in the district. */
export function dutyLineOf(actor: Pick<Actor, "districtId">): DutyLine | null {
  const districtId = actor.districtId;
  return keptUntilChange(`duty-line:${districtId}`, () => readDutyLine(districtId));
}

function readDutyLine(districtId: number): DutyLine | null {
  const db = getDb();
  const line = db.select().from(dutyLines).where(eq(dutyLines.districtId, districtId)).get();
  if (!line) return null;
  const hours = db.select().from(dutyHours).where(eq(dutyHours.districtId, districtId)).orderBy(asc(dutyHours.weekday)).all();
  return {
    phone: line.phone,
    afterHoursPhone: line.afterHoursPhone,
    eveClosesAt: line.eveClosesAt,
    rotaStartsOn: line.rotaStartsOn,
    hours: hours.map((h) => ({ weekday: h.weekday, opensAt: h.opensAt, closesAt: h.closesAt })),
  };
}

export type RotaMember = { personId: number; name: string; position: number };

/** Who takes turns on the actor's district's duty rota, in order. */
export function rotaMembersOf(actor: Pick<Actor, "districtId">): RotaMember[] {
  const districtId = actor.districtId;
  return getDb()
    .select({ personId: dutyRotaMembers.personId, name: people.name, position: dutyRotaMembers.position })
    .from(dutyRotaMembers)
    .innerJoin(people, eq(people.id, dutyRotaMembers.personId))
    .where(eq(dutyRotaMembers.districtId, districtId))
    .orderBy(asc(dutyRotaMembers.position))
    .all();
}

function rotaInputOf(districtId: number, line: DutyLine, from: LocalDate, to: LocalDate): RotaInput {
  const members = rotaMembersOf({ districtId }).map((m) => m.personId);
  const overrides = new Map(
    getDb()
      .select({ date: dutyOverrides.date, personId: dutyOverrides.personId })
      .from(dutyOverrides)
      .where(and(eq(dutyOverrides.districtId, districtId), gte(dutyOverrides.date, from), lte(dutyOverrides.date, to)))
      .all()
      .map((o) => [o.date, o.personId] as const),
  );
  const statuses = statusesOf({ districtId }, [...new Set([...members, ...overrides.values()])]);
  return { line, members, overrides, isAway: (personId, date) => isAwayOn(statuses.get(personId) ?? null, date) };
}

export type NamedDutyDay = DutyDay & { personName: string | null };

/** Who is on duty on each working day from `from` to `to`, in the actor's district. */
export function dutyDays(actor: Pick<Actor, "districtId">, from: LocalDate, to: LocalDate, line = dutyLineOf(actor)): NamedDutyDay[] {
  if (!line) return [];
  return keptUntilChange(`duty-days:${actor.districtId}:${from}:${to}`, () => readDutyDays(actor, from, to, line));
}

function readDutyDays(actor: Pick<Actor, "districtId">, from: LocalDate, to: LocalDate, line: DutyLine): NamedDutyDay[] {
  const days = dutyRota(rotaInputOf(actor.districtId, line, from, to), from, to);
  const ids = [...new Set(days.map((d) => d.personId).filter((id): id is number => id !== null))];
  const names = new Map(
    ids.length === 0
      ? []
      : getDb()
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(and(inArray(people.id, ids), eq(people.districtId, actor.districtId)))
          .all()
          .map((p) => [p.id, p.name] as const),
  );
  return days.map((d) => ({ ...d, personName: d.personId === null ? null : (names.get(d.personId) ?? null) }));
}

/** Today's duty day in the actor's district, or null when the duty phone is closed all day. */
export function dutyToday(actor: Pick<Actor, "districtId">, now: Date, line = dutyLineOf(actor)): NamedDutyDay | null {
  const today = localDateOf(now);
  return dutyDays(actor, today, today, line)[0] ?? null;
}

/**
 * "Is this person on duty that day?" for many dates at once: the rota is computed once for
 * the range (a week of margin each side, for nearest-free-day searches) instead of per date.
 */
export function dutyCheckBetween(person: Pick<Actor, "personId" | "districtId">, from: LocalDate, to: LocalDate): (date: LocalDate) => boolean {
  const start = addDays(from, -7);
  const end = addDays(to, 7);
  const mine = new Set(
    dutyDays(person, start, end)
      .filter((d) => d.personId === person.personId)
      .map((d) => d.date),
  );
  return (date) => (date >= start && date <= end ? mine.has(date) : isOnDuty(person, date));
}

/**
 * Is this person on duty that day? Booking features use it to keep duty days free of
 * walk-and-talks and family meetings.
 */
export function isOnDuty(person: Pick<Actor, "personId" | "districtId">, date: LocalDate): boolean {
  const line = dutyLineOf(person);
  if (!line) return false;
  return dutyDayOn(rotaInputOf(person.districtId, line, date, date), date)?.personId === person.personId;
}
