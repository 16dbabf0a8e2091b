import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exposedCells, isSmall, protect, type CountCell, type Hiding, type Sum } from "./disclosure";

const count = (id: string, value: number, extra: Partial<CountCell> = {}): CountCell => ({ id, value, publication: "count", ...extra });
const derived = (id: string, value: number, extra: Partial<CountCell> = {}): CountCell => ({ id, value, publication: "derived", ...extra });
const sum = (total: string | string[], parts: string[]): Sum => ({ total: typeof total === "string" ? [total] : total, parts });
const hiddenOf = (hiding: Map<string, Hiding>) => Object.fromEntries([...hiding.entries()].sort(([a], [b]) => a.localeCompare(b)));

describe("which counts a page hides", () => {
  it.each<[string, CountCell[], Sum[], Record<string, Hiding>]>([
    [
      "a month's meetings: the total that gives away the one small kind is hidden too (5 alone would still give it away)",
      [count("all", 6), count("report", 5), count("staffTeam", 1), count("planning", 0), count("forum", 0)],
      [sum("all", ["report", "staffTeam", "planning", "forum"])],
      { all: "complement", staffTeam: "small" },
    ],
    [
      "duty days: a small covered count beside the month's days needs nothing more, since the uncovered days are never printed",
      [count("days", 21), count("covered", 1), derived("uncovered", 20)],
      [sum("days", ["covered", "uncovered"])],
      { covered: "small" },
    ],
    [
      "two small counts that add up to 2 are not given away by the total",
      [count("total", 7), count("a", 1), count("b", 1), count("c", 5)],
      [sum("total", ["a", "b", "c"])],
      { a: "small", b: "small", total: "complement" },
    ],
    [
      "a small cell in a table with row and column totals: a rectangle of four is hidden",
      [count("a", 1), count("b", 6), count("c", 7), count("d", 8), count("row1", 7), count("row2", 15), count("col1", 8), count("col2", 14), count("all", 22)],
      [
        sum("row1", ["a", "b"]),
        sum("row2", ["c", "d"]),
        sum("col1", ["a", "c"]),
        sum("col2", ["b", "d"]),
        sum("all", ["row1", "row2"]),
        sum("all", ["col1", "col2"]),
      ],
      { a: "small", b: "complement", c: "complement", d: "complement" },
    ],
    [
      "months and organisations add up to the same year: a small month needs a second hidden month",
      [count("jan", 2), count("feb", 10), count("mar", 12), count("schoolA", 12), count("schoolB", 12), derived("year", 24)],
      [sum("year", ["jan", "feb", "mar"]), sum("year", ["schoolA", "schoolB"])],
      { feb: "complement", jan: "small" },
    ],
    [
      "a percentage of a small count is hidden",
      [count("asked", 30), { id: "inTime", value: 3, publication: "share", whole: "asked" }, derived("late", 27)],
      [sum("asked", ["inTime", "late"])],
      { inTime: "small" },
    ],
    [
      "a percentage is hidden when what it leaves out is small (26 asked, 92 % in time: 2 late)",
      [count("asked", 26), { id: "inTime", value: 24, publication: "share", whole: "asked" }, derived("late", 2)],
      [sum("asked", ["inTime", "late"])],
      { inTime: "complement" },
    ],
    [
      "a chart's figure is kept when another cell will do",
      [
        count("offered", 24),
        count("booked", 10, {}),
        count("held", 9, { keep: true }),
        derived("unbooked", 14),
        derived("notHeld", 1),
        count("offeredB", 24),
        count("bookedB", 9),
        count("heldB", 9, { keep: true }),
        derived("unbookedB", 15),
        derived("notHeldB", 0),
      ],
      [
        sum("offered", ["booked", "unbooked"]),
        sum("booked", ["held", "notHeld"]),
        sum("offeredB", ["bookedB", "unbookedB"]),
        sum("bookedB", ["heldB", "notHeldB"]),
      ],
      { booked: "complement" },
    ],
    [
      "zero is printed, and nothing else needs hiding",
      [count("total", 5), count("anonymous", 5), count("consent", 0)],
      [sum("total", ["anonymous", "consent"])],
      {},
    ],
    [
      "a count that describes no group may be worked out",
      [count("questions", 10), count("concernA", 6), count("concernB", 5), derived("extraTicks", 1, { sensitive: false })],
      [sum(["questions", "extraTicks"], ["concernA", "concernB"])],
      {},
    ],
  ])("%s", (_, cells, sums, expected) => {
    const hiding = protect(cells, sums);
    expect(hiddenOf(hiding)).toEqual(expected);
    expect(exposedCells(cells, sums, hiding)).toEqual([]);
  });

  it("says which cells a suppression leaves exposed", () => {
    const cells = [count("all", 6), count("report", 5), count("staffTeam", 1)];
    const sums = [sum("all", ["report", "staffTeam"])];
    expect(exposedCells(cells, sums, new Map([["staffTeam", "small"]]))).toEqual(["staffTeam"]);
    // "dolt" is 5 or more and "färre än 5" is 1–4: with a total of 6 that is still 5 and 1.
    expect(
      exposedCells(
        cells,
        sums,
        new Map<string, Hiding>([
          ["staffTeam", "small"],
          ["report", "complement"],
        ]),
      ),
    ).toEqual(["report", "staffTeam"]);
  });

  it("refuses a sum that does not hold, and two cells with one name", () => {
    expect(() => protect([count("a", 1), count("b", 1)], [sum("a", ["b", "b"])])).toThrow(/twice/);
    expect(() => protect([count("a", 3), count("b", 1)], [sum("a", ["b"])])).toThrow(/does not hold/);
    expect(() => protect([count("a", 3), count("a", 3)], [])).toThrow(/Two cells/);
  });
});

/**
 * The reader's side, written independently of the search in disclosure.ts: from what the page
 * prints (a number, "färre än 5", "dolt", a hidden percentage) and the sums, every whole-number
 * solution is enumerated, and each cell that must stay open has to take two values or more.
 */
function pinnedByBruteForce(cells: CountCell[], sums: Sum[], hiding: ReadonlyMap<string, Hiding>): string[] {
  const byId = new Map(cells.map((c) => [c.id, c]));
  const printed = (c: CountCell): boolean =>
    c.publication === "public" ||
    (c.publication === "count" && !hiding.has(c.id)) ||
    (c.publication === "share" && !hiding.has(c.id) && printed(byId.get(c.whole!)!));
  const cap = Math.max(...cells.map((c) => c.value)) + 3;
  const range = (c: CountCell): number[] => {
    if (printed(c) || (c.publication === "band" && c.value === 0)) return [c.value];
    const [lo, hi] =
      c.publication === "count"
        ? hiding.get(c.id) === "small"
          ? [1, 4]
          : [5, cap]
        : c.publication === "band"
          ? isSmall(c.value)
            ? [1, 4]
            : [5, cap]
          : [0, cap];
    // Nearest first, so that alternatives show early.
    return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i).sort((a, b) => Math.abs(a - c.value) - Math.abs(b - c.value) || a - b);
  };
  const ranges = new Map(cells.map((c) => [c.id, range(c)]));
  const unknown = cells.filter((c) => ranges.get(c.id)!.length > 1 || !printed(c)).map((c) => c.id);
  // A printed small count has one value only, so it shows up here too.
  const mustStayOpen = cells.filter((c) => (c.publication !== "public" && c.sensitive !== false && isSmall(c.value)) || hiding.has(c.id)).map((c) => c.id);

  const feasible = (fixed: Map<string, number>): boolean => {
    const value = new Map(fixed);
    for (const c of cells) if (!unknown.includes(c.id)) value.set(c.id, c.value);
    const holds = (s: Sum) => {
      const side = (ids: string[]) => ids.reduce((n, id) => n + value.get(id)!, 0);
      return side(s.total) === side(s.parts);
    };
    const search = (): boolean => {
      // A sum with one open cell fixes it.
      for (const s of sums) {
        const open = [...s.total, ...s.parts].filter((id) => !value.has(id));
        if (open.length === 0) {
          if (!holds(s)) return false;
          continue;
        }
        if (open.length === 1) {
          const id = open[0]!;
          const sign = s.total.includes(id) ? 1 : -1;
          const rest =
            [...s.total.filter((x) => x !== id)].reduce((n, x) => n + value.get(x)!, 0) -
            s.parts.filter((x) => x !== id).reduce((n, x) => n + value.get(x)!, 0);
          const v = -sign * rest;
          if (!ranges.get(id)!.includes(v)) return false;
          value.set(id, v);
          const ok = search();
          value.delete(id);
          return ok;
        }
      }
      const next = unknown.find((id) => !value.has(id));
      if (next === undefined) return sums.every(holds);
      for (const v of ranges.get(next)!) {
        value.set(next, v);
        if (search()) {
          value.delete(next);
          return true;
        }
        value.delete(next);
      }
      return false;
    };
    return search();
  };
  return mustStayOpen.filter((id) => !ranges.get(id)!.some((v) => v !== byId.get(id)!.value && feasible(new Map([[id, v]]))));
}

type Generated = { cells: CountCell[]; sums: Sum[] };

const value = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 6 }) }, { weight: 1, arbitrary: fc.integer({ min: 7, max: 14 }) });

/** A table with row and column totals (each total printed or never printed), some rows with a percentage. */
const twoWay: fc.Arbitrary<Generated> = fc
  .record({
    grid: fc
      .integer({ min: 1, max: 3 })
      .chain((rows) => fc.array(fc.array(value, { minLength: 2, maxLength: rows === 1 ? 4 : 3 }), { minLength: rows, maxLength: rows })),
    rowTotals: fc.constantFrom<"count" | "derived" | "none">("count", "derived", "none"),
    columnTotals: fc.constantFrom<"count" | "derived" | "none">("count", "derived", "none"),
    grandTotal: fc.constantFrom<"count" | "derived">("count", "derived"),
    shareOfFirstColumn: fc.boolean(),
  })
  .map(({ grid, rowTotals, columnTotals, grandTotal, shareOfFirstColumn }) => {
    const width = Math.min(...grid.map((r) => r.length));
    const cells: CountCell[] = [];
    const sums: Sum[] = [];
    grid.forEach((row, i) =>
      row
        .slice(0, width)
        .forEach((v, j) =>
          cells.push(
            i === 0 && j === 0 && shareOfFirstColumn && rowTotals === "count"
              ? { id: `c${i}${j}`, value: v, publication: "share", whole: `r${i}` }
              : count(`c${i}${j}`, v),
          ),
        ),
    );
    const rowSum = (i: number) => grid[i]!.slice(0, width).reduce((n, v) => n + v, 0);
    const columnSum = (j: number) => grid.reduce((n, r) => n + r[j]!, 0);
    if (rowTotals !== "none") {
      grid.forEach((_, i) => {
        cells.push({ id: `r${i}`, value: rowSum(i), publication: rowTotals });
        sums.push(
          sum(
            `r${i}`,
            Array.from({ length: width }, (_, j) => `c${i}${j}`),
          ),
        );
      });
    }
    if (columnTotals !== "none" && grid.length > 1) {
      for (let j = 0; j < width; j++) {
        cells.push({ id: `k${j}`, value: columnSum(j), publication: columnTotals });
        sums.push(
          sum(
            `k${j}`,
            grid.map((_, i) => `c${i}${j}`),
          ),
        );
      }
    }
    const byRow = rowTotals !== "none";
    const byColumn = columnTotals !== "none" && grid.length > 1;
    if (byRow || byColumn) {
      cells.push({ id: "all", value: grid.reduce((n, _, i) => n + rowSum(i), 0), publication: grandTotal });
      if (byRow)
        sums.push(
          sum(
            "all",
            grid.map((_, i) => `r${i}`),
          ),
        );
      if (byColumn)
        sums.push(
          sum(
            "all",
            Array.from({ length: width }, (_, j) => `k${j}`),
          ),
        );
    }
    return { cells, sums };
  });

/** Two breakdowns of the same never-printed year (months and organisations), as on the follow-up page. */
const twoBreakdowns: fc.Arbitrary<Generated> = fc
  .record({ months: fc.array(value, { minLength: 2, maxLength: 4 }), organisations: fc.array(value, { minLength: 1, maxLength: 3 }) })
  .chain(({ months, organisations }) => {
    const year = months.reduce((n, v) => n + v, 0);
    // The organisations get the same year, split another way.
    return fc.constant({ months, organisations: splitLike(year, organisations) }).map(({ months, organisations }) => ({
      cells: [...months.map((v, i) => count(`m${i}`, v)), ...organisations.map((v, i) => count(`o${i}`, v)), derived("year", year)],
      sums: [
        sum(
          "year",
          months.map((_, i) => `m${i}`),
        ),
        sum(
          "year",
          organisations.map((_, i) => `o${i}`),
        ),
      ],
    }));
  });

function splitLike(total: number, weights: number[]): number[] {
  const weight = weights.reduce((n, w) => n + w + 1, 0);
  const parts = weights.map((w) => Math.floor((total * (w + 1)) / weight));
  parts[0]! += total - parts.reduce((n, v) => n + v, 0);
  return parts;
}

/** Rows of nested counts (places offered, booked, held), the differences never printed, the columns' totals printed or not. */
const nested: fc.Arbitrary<Generated> = fc
  .record({
    rows: fc.array(fc.tuple(value, value, value), { minLength: 1, maxLength: 3 }),
    totals: fc.constantFrom<"count" | "derived" | "none">("count", "derived", "none"),
    keepHeld: fc.boolean(),
  })
  .map(({ rows, totals, keepHeld }) => {
    const cells: CountCell[] = [];
    const sums: Sum[] = [];
    const columns = { offered: [] as string[], booked: [] as string[], held: [] as string[] };
    rows.forEach(([held, notHeld, unbooked], i) => {
      const booked = held + notHeld;
      cells.push(
        count(`offered${i}`, booked + unbooked),
        count(`booked${i}`, booked),
        count(`held${i}`, held, { keep: keepHeld }),
        derived(`unbooked${i}`, unbooked),
        derived(`notHeld${i}`, notHeld),
      );
      sums.push(sum(`offered${i}`, [`booked${i}`, `unbooked${i}`]), sum(`booked${i}`, [`held${i}`, `notHeld${i}`]));
      columns.offered.push(`offered${i}`);
      columns.booked.push(`booked${i}`);
      columns.held.push(`held${i}`);
    });
    if (totals !== "none" && rows.length > 1) {
      for (const [name, ids] of Object.entries(columns)) {
        cells.push({ id: name, value: ids.reduce((n, id) => n + cells.find((c) => c.id === id)!.value, 0), publication: totals });
        sums.push(sum(name, ids));
      }
    }
    return { cells, sums };
  });

describe("the suppression, for any table", () => {
  it("leaves no cell that must stay hidden pinned down by the printed cells and the sums", () => {
    fc.assert(
      fc.property(fc.oneof(twoWay, twoBreakdowns, nested), ({ cells, sums }) => {
        const hiding = protect(cells, sums);
        expect(pinnedByBruteForce(cells, sums, hiding)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("hides every printed count of 1–4, hides only printed cells, and prints every other cell as it is", () => {
    fc.assert(
      fc.property(fc.oneof(twoWay, twoBreakdowns, nested), ({ cells, sums }) => {
        const hiding = protect(cells, sums);
        for (const cell of cells) {
          const printable = cell.publication === "count" || cell.publication === "share";
          if (printable && isSmall(cell.value)) expect(hiding.get(cell.id)).toBe("small");
          if (!printable) expect(hiding.has(cell.id)).toBe(false);
          if (hiding.get(cell.id) === "complement") expect(cell.value).toBeGreaterThanOrEqual(5);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same answer every time", () => {
    fc.assert(
      fc.property(twoWay, ({ cells, sums }) => {
        expect(hiddenOf(protect(cells, sums))).toEqual(hiddenOf(protect(cells, sums)));
      }),
      { numRuns: 50 },
    );
  });

  it("the brute force itself finds the findings' leaks", () => {
    const meetings = [count("all", 6), count("report", 5), count("staffTeam", 1)];
    expect(pinnedByBruteForce(meetings, [sum("all", ["report", "staffTeam"])], new Map([["staffTeam", "small"]]))).toEqual(["staffTeam"]);
    const duty = [count("days", 21), { id: "covered", value: 1, publication: "share", whole: "days" } as CountCell, derived("uncovered", 20)];
    expect(pinnedByBruteForce(duty, [sum("days", ["covered", "uncovered"])], new Map())).toEqual(["covered"]);
  });
});
