import Holidays from "date-holidays";
import { addDays, isoWeekday, type LocalDate } from "./stockholm";

/**
 * Swedish public holidays and eves from the maintained `date-holidays` tables.
 * - closed: Saturdays, Sundays, public holidays (type "public") and midsummer eve,
 *   Christmas eve and New Year's eve (type "bank", whole days off in practice);
 * - eve: a weekday that is not closed but comes before a public holiday, or is one of
 *   the half-day eves (type "optional": trettondagsafton, valborgsmässoafton,
 *   allhelgonaafton). The duty phone closes early on eves.
 */
export type DayKind = "weekend" | "holiday" | "eve" | "workday";

// Built on first use, not at import. date-holidays with its tables is about 230 kB of
// gzipped JavaScript: no code the browser runs may call dayKind or holidayName (loaders
// work such dates out and send them to the page). See docs/decisions/017-what-reaches-the-browser.md.
let swedish: Holidays | null = null;
const byYear = new Map<number, Map<LocalDate, { types: Set<string>; names: string[] }>>();

function holidaysOf(year: number) {
  let map = byYear.get(year);
  if (!map) {
    map = new Map();
    swedish ??= new Holidays("SE");
    for (const h of swedish.getHolidays(year)) {
      const date = h.date.slice(0, 10);
      const entry = map.get(date) ?? { types: new Set<string>(), names: [] };
      entry.types.add(h.type);
      entry.names.push(h.name);
      map.set(date, entry);
    }
    byYear.set(year, map);
  }
  return map;
}

function entryOf(date: LocalDate) {
  return holidaysOf(Number(date.slice(0, 4))).get(date);
}

const isPublicHoliday = (date: LocalDate) => entryOf(date)?.types.has("public") ?? false;

export function dayKind(date: LocalDate): DayKind {
  const entry = entryOf(date);
  if (entry && (entry.types.has("public") || entry.types.has("bank"))) return "holiday";
  if (isoWeekday(date) >= 6) return "weekend";
  if (entry?.types.has("optional") || isPublicHoliday(addDays(date, 1))) return "eve";
  return "workday";
}

/** The Swedish name of a holiday or eve on that date, if any ("julafton"). */
export function holidayName(date: LocalDate): string | null {
  const entry = entryOf(date);
  if (!entry || !(entry.types.has("public") || entry.types.has("bank") || entry.types.has("optional"))) return null;
  return entry.names[0] ?? null;
}
