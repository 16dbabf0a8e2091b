import { dayKind } from "../time/holidays";
import { addDays, datesFrom, instantAt, isoWeekday, localDateOf, minutesOf, localMinutesOf, type LocalDate } from "../time/stockholm";

/**
 * Pure rules of the duty phone (jourtelefonen) and its rota. The database is read by
 * duty.server.ts; everything here is decided from plain values and unit-tested.
 */

export type DutyHours = { weekday: number; opensAt: string; closesAt: string };

export type DutyLine = {
  phone: string;
  afterHoursPhone: string;
  eveClosesAt: string;
  rotaStartsOn: LocalDate;
  hours: DutyHours[];
};

/** The hours the duty phone is open on a date, or null when it is closed all day. */
export function openingHoursOn(line: Pick<DutyLine, "hours" | "eveClosesAt">, date: LocalDate): { opensAt: string; closesAt: string } | null {
  const kind = dayKind(date);
  if (kind === "weekend" || kind === "holiday") return null;
  const hours = line.hours.find((h) => h.weekday === isoWeekday(date));
  if (!hours) return null;
  if (kind !== "eve") return { opensAt: hours.opensAt, closesAt: hours.closesAt };
  const closesAt = minutesOf(line.eveClosesAt) < minutesOf(hours.closesAt) ? line.eveClosesAt : hours.closesAt;
  return minutesOf(closesAt) > minutesOf(hours.opensAt) ? { opensAt: hours.opensAt, closesAt } : null;
}

export function isDutyDay(line: Pick<DutyLine, "hours" | "eveClosesAt">, date: LocalDate): boolean {
  return openingHoursOn(line, date) !== null;
}

export type PhoneState = { open: true; closesAt: string; closesAtInstant: Date } | { open: false; opensNext: { date: LocalDate; opensAt: string } | null };

/** Whether the duty phone answers at an instant; when closed, when it opens next. */
export function dutyPhoneState(line: Pick<DutyLine, "hours" | "eveClosesAt">, now: Date): PhoneState {
  const today = localDateOf(now);
  const hours = openingHoursOn(line, today);
  const minutes = localMinutesOf(now);
  if (hours && minutes >= minutesOf(hours.opensAt) && minutes < minutesOf(hours.closesAt)) {
    return { open: true, closesAt: hours.closesAt, closesAtInstant: instantAt(today, hours.closesAt) };
  }
  // Today before opening, or the next day with hours within three weeks.
  if (hours && minutes < minutesOf(hours.opensAt)) return { open: false, opensNext: { date: today, opensAt: hours.opensAt } };
  for (let i = 1; i <= 21; i++) {
    const date = addDays(today, i);
    const next = openingHoursOn(line, date);
    if (next) return { open: false, opensNext: { date, opensAt: next.opensAt } };
  }
  return { open: false, opensNext: null };
}

export type DutyDay = {
  date: LocalDate;
  personId: number | null;
  source: "rota" | "override";
  /** Why nobody is on duty: nobody in the rota is free, or the replacement is away. */
  problem: "nobody" | "override-away" | null;
};

export type RotaInput = {
  line: Pick<DutyLine, "hours" | "eveClosesAt" | "rotaStartsOn">;
  /** Person ids in rota order. */
  members: number[];
  overrides: Map<LocalDate, number>;
  isAway: (personId: number, date: LocalDate) => boolean;
};

/**
 * Who is on duty each working day from `from` to `to`. Working days since the rota
 * started are given out in turn; a person who is away that day is skipped and the next
 * one in the list takes it; a single day can be overridden. Days when the phone is
 * closed have no duty person and are left out.
 */
export function dutyRota(input: RotaInput, from: LocalDate, to: LocalDate): DutyDay[] {
  const { line, members, overrides, isAway } = input;
  const days: DutyDay[] = [];
  // The turn of a day is how many duty days have passed since the rota started.
  let turn = dutyDaysBetween(line, line.rotaStartsOn, from);
  for (const date of datesFrom(from, to)) {
    if (!isDutyDay(line, date)) continue;
    const inRota = date >= line.rotaStartsOn;
    const override = overrides.get(date);
    if (override !== undefined) {
      const away = isAway(override, date);
      days.push({ date, personId: away ? null : override, source: "override", problem: away ? "override-away" : null });
    } else {
      let personId: number | null = null;
      if (inRota) {
        for (let k = 0; k < members.length; k++) {
          const candidate = members[(turn + k) % members.length]!;
          if (!isAway(candidate, date)) {
            personId = candidate;
            break;
          }
        }
      }
      days.push({ date, personId, source: "rota", problem: personId === null ? "nobody" : null });
    }
    if (inRota) turn++;
  }
  return days;
}

const countedDutyDays = new Map<string, number>();

/**
 * How many duty days there are from `start` up to, not including, `end` (0 when `end` is not
 * after `start`). The answer depends only on the opening hours and the calendar, so it is
 * remembered: every page asks for today's duty person, and counting from a rota's start a
 * year back means a year of calendar lookups.
 */
export function dutyDaysBetween(line: Pick<DutyLine, "hours" | "eveClosesAt">, start: LocalDate, end: LocalDate): number {
  if (end <= start) return 0;
  const key = `${line.eveClosesAt}|${line.hours.map((h) => `${h.weekday}:${h.opensAt}-${h.closesAt}`).join(",")}|${start}|${end}`;
  let count = countedDutyDays.get(key);
  if (count === undefined) {
    count = datesFrom(start, addDays(end, -1)).filter((date) => isDutyDay(line, date)).length;
    if (countedDutyDays.size >= 1000) countedDutyDays.clear();
    countedDutyDays.set(key, count);
  }
  return count;
}

/** The duty day on one date, or null when the phone is closed that day. */
export function dutyDayOn(input: RotaInput, date: LocalDate): DutyDay | null {
  return dutyRota(input, date, date)[0] ?? null;
}
