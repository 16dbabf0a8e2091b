/**
 * The follow-up figures' pure rules: months, medians, shares, and how a page of figures is
 * published under the small-count rule.
 *
 * No group smaller than five can be singled out, and none can be worked out from the rest of
 * the page either. A server function drafts a page: every count is a cell (printed, printed
 * only through a percentage, or never printed but there to be worked out), and the sums say
 * how they add up. `publishTables` asks `protect` (disclosure.ts) which cells to hide and
 * turns the draft into the tables that go to the page, the chart and the CSV alike. A hidden
 * cell carries no value at all, so nothing hidden reaches the browser.
 *
 * - A count of 1–4 is "färre än 5".
 * - A count hidden so that no small count can be worked out from it is "dolt".
 * - A percentage is printed only when its count and its base are both printed; it is "för få"
 *   when its base is 1–4, "dolt" when it is hidden for another reason, "–" when there is nothing to count.
 * - A median is printed only when it rests on five or more ("för få" otherwise).
 * - Zero is printed: it says nobody, which singles out nobody.
 */

import { isSmall, protect, type CountCell, type Sum } from "./disclosure";

export const FEWER_THAN_FIVE = "färre än 5";
export const PROTECTED = "dolt";
export const TOO_FEW = "för få";

export type ColumnKind = "text" | "count" | "share" | "hours";
export type Column = { key: string; label: string; kind: ColumnKind };
/** Why a cell is not printed: a count of 1–4, a cell that would give one away, a figure resting on 1–4. */
export type Hidden = { hidden: "small" | "complement" | "few" };
/** A printed cell: text, a count, a share (0–1), hours, "–" (null), or a marker without its value. */
export type Cell = string | number | null | Hidden;
export type Row = Record<string, Cell>;
export type Chart = { labelKey: string; valueKey: string; title: string };
/**
 * `noFigure` says why a cell shows "–" (no figure at all, which is not a zero), for screen
 * readers and under the table; without it a "–" reads "ingen uppgift".
 */
export type Table = { id: string; caption: string; columns: Column[]; rows: Row[]; chart?: Chart; noFigure?: string };

/** A reference to a count of the draft. */
export type Ref = { ref: string };
/** A share of two counts; a median of some hours, with the count of what it is the median of. */
export type DraftCell = string | Ref | { part: string; whole: string } | { median: number | null; base: string };
export type DraftTable = Omit<Table, "rows"> & { rows: Record<string, DraftCell>[] };

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

/**
 * A page's counts and sums, collected while its tables are drafted. Each kind of cell says how
 * the count reaches the reader (disclosure.ts, `Publication`).
 */
export function draftFigures() {
  const cells: CountCell[] = [];
  const sums: Sum[] = [];
  const add = (cell: CountCell): Ref => {
    cells.push(cell);
    return { ref: cell.id };
  };
  const ids = (refs: Ref[]) => refs.map((r) => r.ref);
  return {
    cells,
    sums,
    /** A count printed in a table. */
    count: (id: string, value: number) => add({ id, value, publication: "count" }),
    /** A count never printed but there to be worked out; `sensitive: false` when it counts no group. */
    derived: (id: string, value: number, sensitive = true) => add({ id, value, publication: "derived", ...(sensitive ? {} : { sensitive }) }),
    /** A count printed only through a percentage of `whole`. */
    partOf: (id: string, value: number, whole: Ref) => add({ id, value, publication: "share", whole: whole.ref }),
    /** The count a median rests on: the page tells only whether it is 0, 1–4 or 5 or more. */
    band: (id: string, value: number) => add({ id, value, publication: "band" }),
    /** A count anyone knows whatever the page prints. */
    known: (id: string, value: number) => add({ id, value, publication: "public" }),
    /** The counts in `total` add up to the counts in `parts`. */
    sum: (total: Ref | Ref[], parts: Ref[]) => {
      sums.push({ total: ids([total].flat()), parts: ids(parts) });
    },
  };
}
export type Figures = ReturnType<typeof draftFigures>;

export const shareOf = (part: Ref, whole: Ref): DraftCell => ({ part: part.ref, whole: whole.ref });
export const medianOf = (values: number[], base: Ref): DraftCell => ({ median: median(values), base: base.ref });

/** A row's cell of a column; every column must have one. */
function columnOf(row: Record<string, DraftCell>, key: string, table: string): DraftCell {
  const value = row[key];
  if (value === undefined) throw new Error(`Table ${table}: a row has no ${key}`);
  return value;
}

/**
 * The tables as they may be shown: the cells `protect` hides replaced by markers, every other
 * cell as it is. The figures a chart draws are hidden for protection only when nothing else will do.
 */
export function publishTables(figures: Pick<Figures, "cells" | "sums">, drafts: DraftTable[]): Table[] {
  const byId = new Map(figures.cells.map((c) => [c.id, c]));
  const cell = (id: string) => {
    const found = byId.get(id);
    if (!found) throw new Error(`No figure ${id}`);
    return found;
  };
  for (const draft of drafts) {
    if (!draft.chart) continue;
    for (const row of draft.rows) {
      const value = row[draft.chart.valueKey];
      if (value && typeof value === "object" && "ref" in value) cell(value.ref).keep = true;
    }
  }
  const hiding = protect(figures.cells, figures.sums);
  const publish = (value: DraftCell): Cell => {
    if (typeof value === "string") return value;
    if ("ref" in value) {
      const why = hiding.get(value.ref);
      return why ? { hidden: why } : cell(value.ref).value;
    }
    if ("part" in value) {
      const [part, whole] = [cell(value.part), cell(value.whole)];
      if (whole.value === 0) return null;
      if (isSmall(whole.value)) return { hidden: "few" };
      if (hiding.has(part.id) || hiding.has(whole.id)) return { hidden: "complement" };
      return part.value / whole.value;
    }
    const base = cell(value.base).value;
    if (base === 0 || value.median === null) return null;
    return isSmall(base) ? { hidden: "few" } : value.median;
  };
  // Only the columns leave: a figure a draft row carries for its sums is never sent.
  return drafts.map((draft) => ({
    ...draft,
    rows: draft.rows.map((row) => Object.fromEntries(draft.columns.map(({ key }) => [key, publish(columnOf(row, key, draft.id))]))),
  }));
}

const percent = new Intl.NumberFormat("sv-SE", { style: "percent", maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });

const MARKERS: Record<Hidden["hidden"], string> = { small: FEWER_THAN_FIVE, complement: PROTECTED, few: TOO_FEW };

/** A cell with no figure at all, printed "–": not a zero. */
export const NO_FIGURE = "–";

/** The text of one cell: the same on the page, in the chart and in the CSV. */
export function cellText(value: Cell, kind: ColumnKind): string {
  if (value === null) return NO_FIGURE;
  if (typeof value === "string") return value;
  if (typeof value === "object") return MARKERS[value.hidden];
  if (kind === "share") return percent.format(value);
  if (kind === "hours") return `${decimal.format(value)} tim`;
  return String(value);
}

/** A table as CSV rows: the same cells as the page. */
export function csvRows(table: Table): string[][] {
  return [table.columns.map((c) => c.label), ...table.rows.map((row) => table.columns.map((c) => cellText(row[c.key] ?? null, c.kind)))];
}
