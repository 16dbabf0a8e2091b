import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { cellText, type Table } from "../../app/models/statistics";
import { districtStatistics } from "../../app/models/statistics.server";
import { StatisticsTable } from "../../app/components/statistics/StatisticsTable";
import { actorFor, SEED_NOW, useFreshDatabase } from "./db";

// The seeded rota starts on Monday 30 November 2026; the follow-up covers the twelve months before.
const dutyTable = () => districtStatistics(actorFor("samordnare@hv.example"), SEED_NOW).tables.find((t) => t.id === "jourdagar-per-manad")!;
const cells = (table: Table, month: string) => {
  const row = table.rows.find((r) => r.month === month)!;
  return Object.fromEntries(table.columns.map((c) => [c.key, cellText(row[c.key] ?? null, c.kind)]));
};

describe("duty days per month in the follow-up", () => {
  useFreshDatabase();

  it("shows no figure, not 0 % covered, for months before the rota existed", () => {
    expect(cells(dutyTable(), "oktober 2026")).toEqual({ month: "oktober 2026", days: "–", covered: "–", share: "–" });
    // November has one day of the rota (the 30th), too few to print.
    expect(cells(dutyTable(), "november 2026")).toMatchObject({ days: "färre än 5", covered: "färre än 5" });
  });

  it("tells a screen reader why a month has no figure", () => {
    const html = renderToStaticMarkup(createElement(StatisticsTable, { table: dutyTable(), csvHref: "/statistik.csv?tabell=jourdagar-per-manad" }));
    expect(html).toContain('<span aria-hidden="true">–</span><span class="sr-only">ingen jourlista då</span>');
  });
});
