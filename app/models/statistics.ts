/**
 * The follow-up figures' pure rules: months, medians, shares, and the small-count rule.
 *
 * No group smaller than five can be singled out: a count of 1–4 is shown as "färre än 5",
 * and a share or a median is shown only when it rests on at least five cases. Zero is
 * shown as zero (it says nothing about anyone). The rule is applied when a table is shown or
 * downloaded, so the CSV says exactly what the page says.
 */

export const SMALL_COUNT = 5;
export const FEWER_THAN_FIVE = "färre än 5";
export const TOO_FEW = "för få";

export type ColumnKind = "text" | "count" | "share" | "hours";
export type Column = { key: string; label: string; kind: ColumnKind };
/** A share or median carries its base, so that it can be hidden when the base is small. */
export type Measured = { value: number | null; base: number };
export type CellValue = string | number | Measured | null;
export type Row = Record<string, CellValue>;
export type Table = { id: string; caption: string; columns: Column[]; rows: Row[]; chart?: { labelKey: string; valueKey: string; title: string } };

/** "2026-11" for every month from `from` to `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split("-").map(Number) as [number, number];
  const [lastYear, lastMonth] = to.split("-").map(Number) as [number, number];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, "0")}`);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

/** The month `count - 1` months before `month`, so that `count` months end with `month`. */
export function monthsBack(month: string, count: number): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const index = year * 12 + (m - 1) - (count - 1);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

const MONTH_NAMES = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

/** "november 2026" */
export function monthLabel(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return `${MONTH_NAMES[m - 1]} ${year}`;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function share(part: number, whole: number): Measured {
  return { value: whole === 0 ? null : part / whole, base: whole };
}

export function medianOf(values: number[]): Measured {
  return { value: median(values), base: values.length };
}

/** A count as it may be shown: zero, five or more, or "färre än 5". */
export function shownCount(n: number): string {
  return n > 0 && n < SMALL_COUNT ? FEWER_THAN_FIVE : String(n);
}

/** A count for a chart: null when it must not be shown. */
export function chartValue(n: number): number | null {
  return n > 0 && n < SMALL_COUNT ? null : n;
}

const percent = new Intl.NumberFormat("sv-SE", { style: "percent", maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });

/** The text of one cell, with the small-count rule applied. */
export function cellText(value: CellValue, kind: ColumnKind): string {
  if (value === null) return "–";
  if (typeof value === "string") return value;
  if (typeof value === "number") return kind === "count" ? shownCount(value) : String(value);
  if (value.base < SMALL_COUNT) return value.base === 0 ? "–" : TOO_FEW;
  if (value.value === null) return "–";
  return kind === "share" ? percent.format(value.value) : `${decimal.format(value.value)} tim`;
}

/** A table as CSV rows: the same cells as the page, small counts hidden the same way. */
export function csvRows(table: Table): string[][] {
  return [table.columns.map((c) => c.label), ...table.rows.map((row) => table.columns.map((c) => cellText(row[c.key] ?? null, c.kind)))];
}
