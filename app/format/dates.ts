import { TIME_ZONE, type LocalDate } from "../time/stockholm";

/** Swedish date and time formats: "tisdag 3 december", "kl. 14.30", "8.00–16.30". */

const weekdayDayMonth = new Intl.DateTimeFormat("sv-SE", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
const dayMonth = new Intl.DateTimeFormat("sv-SE", { day: "numeric", month: "long", timeZone: "UTC" });
const hourMinute = new Intl.DateTimeFormat("sv-SE", { hour: "numeric", minute: "2-digit", hourCycle: "h23", timeZone: TIME_ZONE });

/** The ISO weekdays (1 is Monday) with their Swedish names. */
export const WEEKDAYS = [
  [1, "måndag"],
  [2, "tisdag"],
  [3, "onsdag"],
  [4, "torsdag"],
  [5, "fredag"],
  [6, "lördag"],
  [7, "söndag"],
] as const;

function utcNoon(date: LocalDate): Date {
  return new Date(`${date}T12:00:00Z`);
}

/** "tisdag 3 december", with the year when it is not the year of `today`. */
export function formatDate(date: LocalDate, today: LocalDate, { weekday = true } = {}): string {
  const text = (weekday ? weekdayDayMonth : dayMonth).format(utcNoon(date));
  return date.slice(0, 4) === today.slice(0, 4) ? text : `${text} ${date.slice(0, 4)}`;
}

/** "14.30" in Stockholm time. */
export function formatTime(instant: Date): string {
  return hourMinute.format(instant).replace(":", ".");
}

/** "08:00" → "8.00". */
export function formatClock(time: string): string {
  const [h, m] = time.split(":");
  return `${Number(h)}.${m}`;
}

/** "8.00–16.30" */
export function formatClockRange(from: string, to: string): string {
  return `${formatClock(from)}–${formatClock(to)}`;
}
