import { z } from "zod";
import { addDays, instantAt, isLocalDate, localDateOf, parseClock, type LocalDate } from "../time/stockholm";

/**
 * A contact person's availability. The stored status expires by itself: "busy until"
 * an instant, "away through" a Stockholm date. On a duty day the person answers the
 * duty phone instead of their own.
 */
export type StoredStatus = { kind: "busy"; busyUntil: Date; setAt: Date } | { kind: "away"; awayThrough: LocalDate; setAt: Date };

export type Availability = { state: "available" } | { state: "busy"; until: Date } | { state: "away"; through: LocalDate } | { state: "on-duty" };

/** Is the person away on that date, according to a status set before it? */
export function isAwayOn(status: StoredStatus | null, date: LocalDate): boolean {
  if (!status || status.kind !== "away") return false;
  return date >= localDateOf(status.setAt) && date <= status.awayThrough;
}

export function availabilityAt(status: StoredStatus | null, now: Date, onDutyToday: boolean): Availability {
  const today = localDateOf(now);
  if (isAwayOn(status, today) && status?.kind === "away") return { state: "away", through: status.awayThrough };
  if (onDutyToday) return { state: "on-duty" };
  if (status?.kind === "busy" && now < status.busyUntil && localDateOf(status.busyUntil) === today) {
    return { state: "busy", until: status.busyUntil };
  }
  return { state: "available" };
}

/** The same, with the instant as an ISO string, as loaders send it to the page. */
export type AvailabilityView = { state: "available" } | { state: "busy"; until: string } | { state: "away"; through: LocalDate } | { state: "on-duty" };

export function availabilityView(a: Availability): AvailabilityView {
  return a.state === "busy" ? { state: "busy", until: a.until.toISOString() } : a;
}

/**
 * Reads the status form (status: available | busy | away, busyUntil "14.30",
 * awayThrough "2026-12-03") at an instant. Errors are in Swedish, keyed by field.
 */
export function statusChangeSchema(now: Date) {
  const today = localDateOf(now);
  return z
    .object({
      status: z.enum(["available", "busy", "away"], { error: "Välj om du är tillgänglig, upptagen eller borta." }),
      busyUntil: z.string().trim().max(10, "Skriv till vilket klockslag du är upptagen, till exempel 14.30.").optional(),
      awayThrough: z.string().trim().max(20, "Skriv sista dagen du är borta, till exempel 2026-12-03.").optional(),
    })
    .transform((input, ctx): { kind: "available" } | { kind: "busy"; until: Date } | { kind: "away"; through: LocalDate } => {
      if (input.status === "busy") {
        const clock = parseClock(input.busyUntil ?? "");
        if (!clock) {
          ctx.addIssue({ code: "custom", path: ["busyUntil"], message: "Skriv till vilket klockslag du är upptagen, till exempel 14.30." });
          return z.NEVER;
        }
        const until = instantAt(today, clock);
        if (until <= now) {
          ctx.addIssue({ code: "custom", path: ["busyUntil"], message: "Klockslaget har redan passerat. Skriv en tid senare i dag." });
          return z.NEVER;
        }
        return { kind: "busy", until };
      }
      if (input.status === "away") {
        const through = input.awayThrough ?? "";
        if (!isLocalDate(through)) {
          ctx.addIssue({ code: "custom", path: ["awayThrough"], message: "Skriv sista dagen du är borta, till exempel 2026-12-03." });
          return z.NEVER;
        }
        if (through < today) {
          ctx.addIssue({ code: "custom", path: ["awayThrough"], message: "Datumet har redan varit. Skriv i dag eller ett senare datum." });
          return z.NEVER;
        }
        if (through > addDays(today, 366)) {
          ctx.addIssue({ code: "custom", path: ["awayThrough"], message: "Skriv ett datum inom ett år." });
          return z.NEVER;
        }
        return { kind: "away", through };
      }
      return { kind: "available" };
    });
}
