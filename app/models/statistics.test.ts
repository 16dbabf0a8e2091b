import { describe, expect, it } from "vitest";
import { cellText, csvRows, median, monthLabel, monthsBack, monthsBetween, share, shownCount } from "./statistics";
import { csvText } from "../format/csv";

describe("the small-count rule", () => {
  it.each([
    [0, "0"],
    [1, "färre än 5"],
    [4, "färre än 5"],
    [5, "5"],
    [1234, "1234"],
  ])("shows %i as %s", (n, text) => {
    expect(shownCount(n)).toBe(text);
    expect(cellText(n, "count")).toBe(text);
  });

  it("shows a share or a median only when it rests on five or more", () => {
    expect(cellText(share(2, 4), "share")).toBe("för få");
    expect(cellText(share(4, 5), "share")).toMatch(/^80\s%$/);
    expect(cellText(share(0, 0), "share")).toBe("–");
    expect(cellText({ value: 2.25, base: 5 }, "hours")).toBe("2,3 tim");
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
    const table = { id: "t", caption: "T", columns: [{ key: "name", label: "Verksamhet", kind: "text" as const }, { key: "n", label: "Antal", kind: "count" as const }], rows: [{ name: "=HYPERLINK(\"x\")", n: 3 }] };
    expect(csvRows(table)).toEqual([["Verksamhet", "Antal"], ['=HYPERLINK("x")', "färre än 5"]]);
    expect(csvText(csvRows(table))).toBe('\uFEFF"Verksamhet";"Antal"\r\n"\'=HYPERLINK(""x"")";"färre än 5"\r\n');
  });
});
