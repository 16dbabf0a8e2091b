import { z } from "zod";
import { can, type Actor } from "../auth/permissions";
import { dayKind, holidayName } from "../time/holidays";
import { clockField, idField, singleLineText } from "../http/forms";
import { addDays, clockOfMinutes, instantAt, isLocalDate, isoWeekday, localDateOf, minutesOf, type LocalDate } from "../time/stockholm";

/**
 * Pure rules of walk-and-talk series: which dates a series gives, the slots of each
 * occasion in Stockholm time (daylight saving included), and the booking deadline.
 */

/** Every walk-and-talk function that changes something refuses the head of unit first: she reads, never writes. */
export const readOnly = (actor: Actor) => !can(actor, "portal:write");

export type SeriesRule = {
  weekday: number;
  firstSlotAt: string;
  slotMinutes: number;
  slotsPerOccasion: number;
  everyWeeks: number;
  firstDate: LocalDate;
  lastDate: LocalDate;
  deadlineDaysBefore: number;
  deadlineAt: string;
};

export type PlannedOccasion = {
  date: LocalDate;
  deadline: Date;
  slots: { startsAt: Date; endsAt: Date }[];
};

export type Refusal = { date: LocalDate; reason: "holiday"; name: string | null } | { date: LocalDate; reason: "duty"; suggestion: LocalDate | null };

/** The slots of one occasion: consecutive, each `slotMinutes` long, in Stockholm wall-clock time. */
export function slotsOn(rule: Pick<SeriesRule, "firstSlotAt" | "slotMinutes" | "slotsPerOccasion">, date: LocalDate) {
  const first = minutesOf(rule.firstSlotAt);
  return Array.from({ length: rule.slotsPerOccasion }, (_, i) => ({
    startsAt: instantAt(date, clockOfMinutes(first + i * rule.slotMinutes)),
    endsAt: instantAt(date, clockOfMinutes(first + (i + 1) * rule.slotMinutes)),
  }));
}

export function deadlineOf(rule: Pick<SeriesRule, "deadlineDaysBefore" | "deadlineAt">, date: LocalDate): Date {
  return instantAt(addDays(date, -rule.deadlineDaysBefore), rule.deadlineAt);
}

/** The dates of a series: the weekday on or after the first date, then every N weeks, up to the last date. */
export function seriesDates(rule: Pick<SeriesRule, "weekday" | "everyWeeks" | "firstDate" | "lastDate">): LocalDate[] {
  const offset = (rule.weekday - isoWeekday(rule.firstDate) + 7) % 7;
  const dates: LocalDate[] = [];
  for (let date = addDays(rule.firstDate, offset); date <= rule.lastDate; date = addDays(date, 7 * rule.everyWeeks)) dates.push(date);
  return dates;
}

/** The nearest weekday to `date` (after first, then before, up to a week away) that is neither a holiday nor a duty day. */
export function nearestFreeDay(date: LocalDate, isDuty: (date: LocalDate) => boolean, notBefore: LocalDate): LocalDate | null {
  for (let distance = 1; distance <= 7; distance++) {
    for (const candidate of [addDays(date, distance), addDays(date, -distance)]) {
      if (candidate < notBefore) continue;
      if (dayKind(candidate) === "workday" || dayKind(candidate) === "eve") {
        if (!isDuty(candidate)) return candidate;
      }
    }
  }
  return null;
}

/**
 * Plans a series: one occasion per date, except Swedish public holidays (skipped) and the
 * host's duty days (refused, with the nearest free day suggested).
 */
export function planSeries(rule: SeriesRule, isDuty: (date: LocalDate) => boolean, today: LocalDate) {
  const occasions: PlannedOccasion[] = [];
  const refused: Refusal[] = [];
  for (const date of seriesDates(rule)) {
    const kind = dayKind(date);
    if (kind === "holiday" || kind === "weekend") {
      refused.push({ date, reason: "holiday", name: holidayName(date) });
    } else if (isDuty(date)) {
      refused.push({ date, reason: "duty", suggestion: nearestFreeDay(date, isDuty, today) });
    } else {
      occasions.push(planOccasion(rule, date));
    }
  }
  return { occasions, refused };
}

export function planOccasion(rule: SeriesRule, date: LocalDate): PlannedOccasion {
  return { date, deadline: deadlineOf(rule, date), slots: slotsOn(rule, date) };
}

/** "2026-HT" (July–December) or "2027-VT" (January–June). */
export function termOf(date: LocalDate): string {
  return `${date.slice(0, 4)}-${Number(date.slice(5, 7)) >= 7 ? "HT" : "VT"}`;
}

export function termRange(term: string): { from: LocalDate; to: LocalDate } {
  const year = term.slice(0, 4);
  return term.endsWith("HT") ? { from: `${year}-07-01`, to: `${year}-12-31` } : { from: `${year}-01-01`, to: `${year}-06-30` };
}

// ---------------------------------------------------------------------------
// The publishing form.

const whole = (message: string, min: number, max: number) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,4}$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
const dateField = (message: string) => z.string({ error: message }).trim().refine(isLocalDate, message);
const optionalId = z
  .string()
  .optional()
  .transform((v) => (v && /^[1-9]\d{0,9}$/.test(v) ? Number(v) : null));

export function seriesFormSchema(now: Date) {
  const today = localDateOf(now);
  return z
    .object({
      organisationId: idField("Välj verksamhet."),
      meetingPoint: singleLineText({ max: 200, required: "Skriv var ni möts, till exempel Utanför huvudentrén." }),
      mapUrl: singleLineText({ max: 500, tooLong: "Länken är för lång." })
        .optional()
        .transform((v) => (v ? v : null))
        .refine((v) => v === null || /^https:\/\/[^\s]+$/.test(v), "Skriv en hel länk som börjar med https://, eller lämna fältet tomt."),
      weekday: whole("Välj veckodag.", 1, 5),
      firstSlotAt: clockField("Skriv när första tiden börjar, till exempel 14.30."),
      slotMinutes: whole("Skriv hur lång varje tid är, mellan 10 och 180 minuter.", 10, 180),
      slotsPerOccasion: whole("Skriv hur många tider det blir varje gång, mellan 1 och 12.", 1, 12),
      everyWeeks: whole("Skriv hur ofta, mellan varje vecka (1) och var åttonde vecka (8).", 1, 8),
      firstDate: dateField("Skriv första datum, till exempel 2026-12-03."),
      lastDate: dateField("Skriv sista datum, till exempel 2027-06-10."),
      placesPerSlot: whole("Skriv hur många som kan boka samma tid, mellan 1 och 30.", 1, 30),
      deadlineDaysBefore: whole("Skriv hur många dagar innan, mellan 0 och 14.", 0, 14),
      deadlineAt: clockField("Skriv ett klockslag, till exempel 12.00."),
      schoolPartId: optionalId,
      staffTeamId: optionalId,
    })
    .superRefine((v, ctx) => {
      // zod runs this even when a field above failed: check only values that passed their own rule.
      const firstOk = typeof v.firstDate === "string" && isLocalDate(v.firstDate);
      const lastOk = typeof v.lastDate === "string" && isLocalDate(v.lastDate);
      const clockOk = typeof v.firstSlotAt === "string" && /^\d{2}:\d{2}$/.test(v.firstSlotAt);
      const numbersOk = [v.weekday, v.slotMinutes, v.slotsPerOccasion].every((n) => typeof n === "number" && Number.isFinite(n));
      if (firstOk && v.firstDate < today)
        ctx.addIssue({ code: "custom", path: ["firstDate"], message: "Första datum har redan varit. Välj i dag eller senare." });
      if (firstOk && v.firstDate > addDays(today, 366)) ctx.addIssue({ code: "custom", path: ["firstDate"], message: "Välj ett första datum inom ett år." });
      if (firstOk && clockOk && numbersOk && v.firstDate === today && instantAt(today, v.firstSlotAt) <= now && v.weekday === isoWeekday(today)) {
        ctx.addIssue({ code: "custom", path: ["firstSlotAt"], message: "Den tiden har redan varit i dag. Välj en senare tid eller ett senare första datum." });
      }
      if (firstOk && lastOk) {
        if (v.lastDate < v.firstDate)
          ctx.addIssue({ code: "custom", path: ["lastDate"], message: "Sista datum måste vara samma dag som första datum eller senare." });
        else if (v.lastDate > addDays(v.firstDate, 366))
          ctx.addIssue({ code: "custom", path: ["lastDate"], message: "En serie kan vara högst ett år. Välj ett tidigare sista datum." });
      }
      if (clockOk && numbersOk && minutesOf(v.firstSlotAt) + v.slotMinutes * v.slotsPerOccasion > 24 * 60) {
        ctx.addIssue({ code: "custom", path: ["slotsPerOccasion"], message: "Tiderna tar slut efter midnatt. Välj färre eller kortare tider." });
      }
    });
}

export type SeriesInput = z.output<ReturnType<typeof seriesFormSchema>>;
