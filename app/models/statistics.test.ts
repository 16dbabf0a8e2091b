import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cellText,
  csvRows,
  draftFigures,
  median,
  medianOf,
  monthLabel,
  monthsBack,
  monthsBetween,
  publishTables,
  shareOf,
  type DraftTable,
  type Table,
} from "./statistics";
import { csvText } from "../format/csv";

const columns = [
  { key: "label", label: "Månad", kind: "text" as const },
  { key: "total", label: "Alla", kind: "count" as const },
  { key: "a", label: "A", kind: "count" as const },
  { key: "b", label: "B", kind: "count" as const },
  { key: "share", label: "Andel A", kind: "share" as const },
];

/** Months of a total split in two, with the share of the first part. */
function monthsOf(values: [number, number][], chart?: "total" | "a"): Table {
  const f = draftFigures();
  const rows = values.map(([a, b], i) => {
    const total = f.count(`${i}:total`, a + b);
    const [ra, rb] = [f.count(`${i}:a`, a), f.count(`${i}:b`, b)];
    f.sum(total, [ra, rb]);
    return { label: `m${i}`, total, a: ra, b: rb, share: shareOf(ra, total) };
  });
  const draft: DraftTable = { id: "t", caption: "T", columns, rows, ...(chart ? { chart: { labelKey: "label", valueKey: chart, title: "Diagram" } } : {}) };
  return publishTables(f, [draft])[0]!;
}

const texts = (table: Table) => table.rows.map((row) => table.columns.slice(1).map((c) => cellText(row[c.key] ?? null, c.kind)));

describe("the small-count rule on a page", () => {
  it.each([
    [
      [0, 0],
      ["0", "0", "0", "–"],
    ],
    [
      [5, 0],
      ["5", "5", "0", "100 %"],
    ],
    [
      [1, 0],
      ["färre än 5", "färre än 5", "0", "för få"],
    ],
    [
      [20, 7],
      ["27", "20", "7", "74 %"],
    ],
    // 3 of 30: the 27 would give the 3 away, and so would 10 %.
    [
      [3, 27],
      ["30", "färre än 5", "dolt", "dolt"],
    ],
  ] as [[number, number], string[]][])("prints %j as %j", (values, expected) => {
    expect(texts(monthsOf([values]))[0]!.map((t) => t.replace(/\s/g, " "))).toEqual(expected);
  });

  it("hides the total too when the other part would give a small one away (6 = 5 + 1)", () => {
    expect(texts(monthsOf([[5, 1]]))[0]).toEqual(["dolt", "5", "färre än 5", "dolt"]);
  });

  it("hides a chart's figure for protection only when nothing else will do", () => {
    // 20 + 2 = 22: either the 20 or the 22 must go, and the cheaper is the 20 unless a chart draws it.
    expect(texts(monthsOf([[20, 2]]))[0]).toEqual(["22", "dolt", "färre än 5", "dolt"]);
    expect(texts(monthsOf([[20, 2]], "a"))[0]).toEqual(["dolt", "20", "färre än 5", "dolt"]);
  });

  it("shows a median only when it rests on five or more, and never sends the browser a hidden value", () => {
    const f = draftFigures();
    const few = f.band("few", 3);
    const many = f.band("many", 5);
    const none = f.band("none", 0);
    const [table] = publishTables(f, [
      {
        id: "m",
        caption: "M",
        columns: [
          { key: "label", label: "", kind: "text" },
          { key: "hours", label: "Tid", kind: "hours" },
        ],
        rows: [
          { label: "få", hours: medianOf([1, 2, 3], few) },
          { label: "många", hours: medianOf([1, 2, 2.25, 3, 4], many) },
          { label: "inga", hours: medianOf([], none) },
        ],
      },
    ]);
    expect(table!.rows.map((r) => cellText(r.hours ?? null, "hours"))).toEqual(["för få", "2,3 tim", "–"]);
    expect(JSON.stringify(monthsOf([[3, 27]]).rows)).not.toMatch(/\b3\b/);
  });

  it("prints every cell it does not hide exactly as counted", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 6 }), (values) => {
        const table = monthsOf(values);
        table.rows.forEach((row, i) => {
          const [a, b] = values[i]!;
          for (const [key, n] of [
            ["total", a + b],
            ["a", a],
            ["b", b],
          ] as const) {
            const cell = row[key];
            if (typeof cell === "number") expect(cell).toBe(n);
            else expect(cell).toEqual({ hidden: n > 0 && n < 5 ? "small" : "complement" });
          }
          if (typeof row.share === "number") expect(row.share).toBe(a / (a + b));
        });
      }),
    );
  });
});

describe("figures", () => {
  it("takes the median of odd and even lists", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("counts months across a new year", () => {
    expect(monthsBetween("2026-11", "2027-02")).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    expect(monthsBack("2027-02", 12)).toBe("2026-03");
    expect(monthLabel("2027-01")).toBe("januari 2027");
  });

  it("writes CSV with the same hidden cells and no formulas", () => {
    const table: Table = {
      id: "t",
      caption: "T",
      columns: [
        { key: "name", label: "Verksamhet", kind: "text" },
        { key: "n", label: "Antal", kind: "count" },
      ],
      rows: [{ name: '=HYPERLINK("x")', n: { hidden: "small" } }],
    };
    expect(csvRows(table)).toEqual([
      ["Verksamhet", "Antal"],
      ['=HYPERLINK("x")', "färre än 5"],
    ]);
    expect(csvText(csvRows(table))).toBe('\uFEFF"Verksamhet";"Antal"\r\n"\'=HYPERLINK(""x"")";"färre än 5"\r\n');
  });
});
