/**
 * Time in Europe/Stockholm. Instants are stored in UTC; every rule about days and
 * opening hours is decided in Stockholm's local time, daylight saving included.
 */
export const TIME_ZONE = "Europe/Stockholm";

/** A local calendar date, YYYY-MM-DD. */
export type LocalDate = string;

const partsFormatter = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

type LocalFields = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The Stockholm wall clock at an instant, as Intl gives it (slow: a page asks hundreds of times). */
function localFieldsFromIntl(instant: Date): LocalFields {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter.formatToParts(instant)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return parts as LocalFields;
}

const HOUR_MS = 3_600_000;
const offsetByUtcHour = new Map<number, number>();

/**
 * The Stockholm wall clock at an instant. Sweden's clocks change on a whole UTC hour, so the
 * offset is the same through each UTC hour: it is asked of Intl once per hour and kept.
 */
function localFields(instant: Date): LocalFields {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Invalid time value");
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByUtcHour.get(hour);
  if (offset === undefined) {
    const f = localFieldsFromIntl(new Date(hour * HOUR_MS));
    offset = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - hour * HOUR_MS;
    if (offsetByUtcHour.size >= 10_000) offsetByUtcHour.clear();
    offsetByUtcHour.set(hour, offset);
  }
  const local = new Date(ms + offset);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The Stockholm date of an instant. */
export function localDateOf(instant: Date): LocalDate {
  const f = localFields(instant);
  return `${f.year}-${pad(f.month)}-${pad(f.day)}`;
}

/** Minutes since local midnight in Stockholm. */
export function localMinutesOf(instant: Date): number {
  const f = localFields(instant);
  return f.hour * 60 + f.minute;
}

/** A clock time as people type it: "9.05", "14:30". */
export const CLOCK_PATTERN = /^([01]?\d|2[0-3])[.:]([0-5]\d)$/;

/** A clock time as people type it, as "HH:MM", or null. */
export function parseClock(text: string): string | null {
  const match = CLOCK_PATTERN.exec(text.trim());
  return match ? `${match[1]!.padStart(2, "0")}:${match[2]}` : null;
}

/** Minutes since midnight → "HH:MM". */
export function clockOfMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** "HH:MM" → minutes since midnight. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return h! * 60 + m!;
}

/** Offset of Stockholm from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
  const f = localFields(instant);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant when Stockholm's clocks show `time` on `date`. A time skipped by the
 * spring change (02.30 on the last Sunday of March) gives the instant an hour later.
 */
export function instantAt(date: LocalDate, time: string): Date {
  const [y, mo, d] = date.split("-").map(Number);
  const minutes = minutesOf(time);
  const naive = Date.UTC(y!, mo! - 1, d!, 0, minutes);
  let guess = naive - offsetMinutes(new Date(naive)) * 60_000;
  const corrected = naive - offsetMinutes(new Date(guess)) * 60_000;
  guess = corrected;
  return new Date(guess);
}

/** The date `days` days after `date` (negative goes back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = date.split("-").map(Number);
  const t = new Date(Date.UTC(y!, m! - 1, d! + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const [y, m, d] = date.split("-").map(Number);
  const day = new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week a date falls in. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** The ISO 8601 week number (1–53) of a date: Swedish calendars count weeks this way ("vecka 49"). */
export function isoWeekNumber(date: LocalDate): number {
  // The week belongs to the year its Thursday falls in; count from that year's first Thursday's week.
  const thursday = addDays(date, 4 - isoWeekday(date));
  const [y] = thursday.split("-").map(Number);
  const first = `${y}-01-01`;
  const days = (Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000;
  return Math.floor(days / 7) + 1;
}

/** Every date from `from` to `to`, both included. */
export function datesFrom(from: LocalDate, to: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** True for a real calendar date written YYYY-MM-DD, in the years 1900–2199 the portal deals with. */
export function isLocalDate(value: string): boolean {
  if (!/^(19|20|21)\d{2}-\d{2}-\d{2}$/.test(value)) return false;
  return addDays(value, 0) === value;
}
