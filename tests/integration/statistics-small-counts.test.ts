import { and, eq, gte, lt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { meetings, walkSeries, walkSlots, walkOccasions } from "../../db/schema";
import { seedHistory } from "../../db/seed-history";
import { loader as statisticsLoader } from "../../app/routes/statistik";
import { loader as statisticsCsv } from "../../app/routes/statistik[.csv]";
import { loader as cityLoader } from "../../app/routes/stad";
import { loader as cityCsv } from "../../app/routes/stad[.csv]";
import { actorFor, db, organisationId, personId, SEED_NOW, useFreshDatabase } from "./db";
import { args, get, respond, sessionCookie } from "./http";
import { NO_FIGURE, TOO_FEW } from "../../app/models/statistics";
import { closedQuestion } from "./questions";

/**
 * The small-count rule as a reader would attack it: from the CSV files (what the page prints),
 * work out a count shown as "färre än 5" from totals, other cells and percentages.
 */

const HOUR = 3_600_000;
const FEWER = "färre än 5";

/** A CSV as rows of cells, the header included. */
function parse(csv: string): string[][] {
  return csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n")
    .map((line) => line.slice(1, -1).split('";"'));
}

async function csvOf(path: string, email = "samordnare@hv.example"): Promise<string[][]> {
  const response = await respond(async () => (path.startsWith("/stad") ? cityCsv : statisticsCsv)(args(get(path, await sessionCookie(email)))));
  expect(response.status, path).toBe(200);
  return parse(await response.text());
}

/** The row that starts with `label`, as header → cell. */
function row(table: string[][], label: string): Record<string, string> {
  const found = table.find((r) => r[0] === label);
  if (!found) throw new Error(`No row ${label}`);
  return Object.fromEntries(table[0]!.map((h, i) => [h, found[i]!]));
}

/**
 * Every value a reader can give each unknown cell, knowing the sums: a printed number is
 * itself, "färre än 5" is 1–4, "dolt" 5 or more, "?" (a count never printed) 0 or more.
 */
function valuesLeft(cells: Record<string, string>, sums: { total: string[]; parts: string[] }[]): Map<string, Set<number>> {
  const printed = Object.values(cells)
    .filter((v) => /^\d+$/.test(v))
    .map(Number);
  const cap = Math.max(0, ...printed) + 12;
  const range = (shown: string): number[] => {
    if (/^\d+$/.test(shown)) return [Number(shown)];
    const [lo, hi] = shown === FEWER ? [1, 4] : shown === "dolt" ? [5, cap] : [0, cap];
    return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  };
  const unknown = Object.keys(cells).filter((id) => !/^\d+$/.test(cells[id]!));
  const seen = new Map(unknown.map((id) => [id, new Set<number>()]));
  const value = new Map(
    Object.entries(cells)
      .filter(([, v]) => /^\d+$/.test(v))
      .map(([id, v]) => [id, Number(v)]),
  );
  const side = (ids: string[]) => ids.reduce((n, id) => n + value.get(id)!, 0);
  const fill = (i: number) => {
    const open = sums.filter((s) => [...s.total, ...s.parts].some((id) => !value.has(id)));
    if (sums.some((s) => !open.includes(s) && side(s.total) !== side(s.parts))) return;
    if (i === unknown.length) {
      for (const id of unknown) seen.get(id)!.add(value.get(id)!);
      return;
    }
    for (const v of range(cells[unknown[i]!]!)) {
      value.set(unknown[i]!, v);
      fill(i + 1);
    }
    value.delete(unknown[i]!);
  };
  fill(0);
  return seen;
}

/** The "färre än 5" cells a reader can pin down to one value. */
function pinned(cells: Record<string, string>, sums: { total: string[]; parts: string[] }[]): string[] {
  const left = valuesLeft(cells, sums);
  return [...left.entries()].filter(([id, values]) => cells[id] === FEWER && values.size <= 1).map(([id]) => id);
}

describe("no small count can be worked out from the follow-up", () => {
  useFreshDatabase();

  it("a percentage never gives away a small count of duty days", async () => {
    // The seed's rota starts on 30 November: November has one duty day of the rota, and it had someone on duty.
    const duty = await csvOf("/statistik.csv?tabell=jourdagar-per-manad");
    expect(row(duty, "november 2026")).toEqual({ Månad: "november 2026", "Dagar med jourtelefon": FEWER, "Någon hade jour": FEWER, Andel: TOO_FEW });
    for (const line of duty.slice(1)) if (line[2] === FEWER) expect(line[3], line[0]).not.toMatch(/%/);
  });

  it("a month's meetings: a small kind cannot be worked out from the month's total and the other kinds", async () => {
    const host = personId("socialsekreterare@hv.example");
    const proposer = personId("rektor@vallingbyskolan.example");
    const meeting = (kind: "report" | "staff_team", day: number) => {
      const startsAt = new Date(`2026-09-${String(day).padStart(2, "0")}T08:00:00Z`);
      db.insert(meetings)
        .values({
          districtId: actorFor("samordnare@hv.example").districtId,
          organisationId: organisationId("Vällingbyskolan"),
          kind,
          state: "confirmed",
          hostPersonId: host,
          proposedBy: proposer,
          place: "school",
          guardiansTold: true,
          startsAt,
          endsAt: new Date(startsAt.getTime() + HOUR),
        })
        .run();
    };
    for (const day of [1, 2, 3, 7, 8]) meeting("report", day);
    meeting("staff_team", 9);

    const table = await csvOf("/statistik.csv?tabell=moten-per-manad");
    const september = row(table, "september 2026");
    expect(september["Besök på arbetslagsmöte"]).toBe(FEWER);
    const kinds = table[0]!.slice(2);
    expect(pinned(september, [{ total: ["Alla"], parts: kinds }])).toEqual([]);
    for (const line of table.slice(1)) expect(pinned(row(table, line[0]!), [{ total: ["Alla"], parts: kinds }]), line[0]).toEqual([]);
  });

  /** October: five from Vällingbyskolan; November: six from Grimstaskolan; December: the seed's open question from Vällingbyskolan. */
  function aQuietAutumn() {
    for (const day of [5, 6, 7, 8, 9]) closedQuestion(`2026-10-0${day}T09:00:00Z`, { organisation: "Vällingbyskolan" });
    for (const day of [10, 11, 12, 13, 16, 17]) closedQuestion(`2026-11-${day}T09:00:00Z`, { organisation: "Grimstaskolan" });
  }

  it("the year per organisation does not give away a small month", async () => {
    aQuietAutumn();
    const months = await csvOf("/statistik.csv?tabell=fragor-per-manad");
    const organisations = await csvOf("/statistik.csv?tabell=fragor-per-verksamhet");
    expect(row(months, "december 2026").Frågor).toBe(FEWER);

    for (const column of ["Frågor", "Anonyma", "Med samtycke"]) {
      const cells: Record<string, string> = {};
      for (const line of months.slice(1)) cells[`månad ${line[0]}`] = row(months, line[0]!)[column]!;
      for (const line of organisations.slice(1)) cells[`verksamhet ${line[0]}`] = row(organisations, line[0]!)[column]!;
      const monthIds = Object.keys(cells).filter((id) => id.startsWith("månad"));
      const organisationIds = Object.keys(cells).filter((id) => id.startsWith("verksamhet"));
      expect(pinned(cells, [{ total: monthIds, parts: organisationIds }]), column).toEqual([]);
    }
  });

  it("the city's twelve months beside the district's months and organisations do not give away a small month", async () => {
    aQuietAutumn();
    const months = await csvOf("/statistik.csv?tabell=fragor-per-manad");
    const organisations = await csvOf("/statistik.csv?tabell=fragor-per-verksamhet");
    const city = row(await csvOf("/stad.csv", "admin@stockholm.example"), "Hässelby-Vällingby");
    expect(row(months, "december 2026").Frågor).toBe(FEWER);

    for (const [column, cityColumn] of [
      ["Frågor", "Frågor"],
      ["Anonyma", "Varav anonyma"],
    ] as const) {
      const cells: Record<string, string> = { year: city[cityColumn]! };
      for (const line of months.slice(1)) cells[`månad ${line[0]}`] = row(months, line[0]!)[column]!;
      for (const line of organisations.slice(1)) cells[`verksamhet ${line[0]}`] = row(organisations, line[0]!)[column]!;
      const ids = (prefix: string) => Object.keys(cells).filter((id) => id.startsWith(prefix));
      const sums = [
        { total: ["year"], parts: ids("månad") },
        { total: ["year"], parts: ids("verksamhet") },
      ];
      expect(pinned(cells, sums), column).toEqual([]);
    }
  });

  it("the outcomes and the year per organisation do not give away how many questions are still open", async () => {
    aQuietAutumn();
    const organisations = await csvOf("/statistik.csv?tabell=fragor-per-verksamhet");
    const outcomes = await csvOf("/statistik.csv?tabell=fragor-per-resultat");
    // Every question of the year is either closed, with one outcome, or still open ("?").
    const cells: Record<string, string> = { open: "?" };
    for (const line of organisations.slice(1)) cells[`verksamhet ${line[0]}`] = line[1]!;
    for (const line of outcomes.slice(1)) cells[`resultat ${line[0]}`] = line[1]!;
    const ids = (prefix: string) => Object.keys(cells).filter((id) => id.startsWith(prefix));
    const open = valuesLeft(cells, [{ total: ids("verksamhet"), parts: [...ids("resultat"), "open"] }]).get("open")!;
    expect(open.has(1), "the one open question is a possible answer").toBe(true);
    expect(open.size, "how many questions are open").toBeGreaterThan(1);
  });

  it("walk-and-talk: booked places and places held never give away a small number that did not happen", async () => {
    seedHistory(db, SEED_NOW);
    // The made-up year has months where one or two booked walks did not happen.
    const districtId = actorFor("samordnare@hv.example").districtId;
    const slots = db
      .select({ startsAt: walkSlots.startsAt, booked: walkSlots.booked, outcome: walkSlots.outcome })
      .from(walkSlots)
      .innerJoin(walkOccasions, eq(walkOccasions.id, walkSlots.occasionId))
      .innerJoin(walkSeries, eq(walkSeries.id, walkOccasions.seriesId))
      .where(and(eq(walkSeries.districtId, districtId), gte(walkSlots.startsAt, new Date("2026-01-01T00:00:00Z")), lt(walkSlots.startsAt, SEED_NOW)))
      .all();
    const missed = (month: number) => slots.filter((s) => s.startsAt.getUTCMonth() === month && s.outcome !== "held").reduce((n, s) => n + s.booked, 0);
    expect(Array.from({ length: 11 }, (_, m) => missed(m)).some((n) => n > 0 && n < 5)).toBe(true);

    const table = await csvOf("/statistik.csv?tabell=walk-and-talk-per-manad");
    for (const line of table.slice(1)) {
      const cells = row(table, line[0]!);
      const left = valuesLeft({ Bokade: cells.Bokade!, "Blev av": cells["Blev av"]!, notHeld: "?" }, [
        { total: ["Bokade"], parts: ["Blev av", "notHeld"] },
      ]).get("notHeld")!;
      if (left.size === 1) expect([...left][0]! === 0 || [...left][0]! >= 5, `${line[0]}: ${cells.Bokade} booked, ${cells["Blev av"]} held`).toBe(true);
    }
  });

  it("the city's table: a percentage never gives away a small count of duty days", async () => {
    // Hässelby-Vällingby's rota has had someone on duty on two days of the year.
    const city = await csvOf("/stad.csv", "admin@stockholm.example");
    expect(row(city, "Hässelby-Vällingby")["Jourdagar med jour"]).toBe(TOO_FEW);
  });

  it("the page sends the browser no hidden count, in no form", async () => {
    type Sent = { id: string; columns: { key: string; kind: string }[]; rows: Record<string, unknown>[] };
    const page = (await statisticsLoader(args(get("/statistik", await sessionCookie("enhetschef@hv.example"))))) as { tables: Sent[] };
    const city = (await cityLoader(args(get("/stad", await sessionCookie("admin@stockholm.example"))))) as { table: Sent };
    const november = page.tables.find((t) => t.id === "jourdagar-per-manad")!.rows.find((r) => r.month === "november 2026")!;
    expect(november.covered).toEqual({ hidden: "small" });
    for (const table of [...page.tables, city.table]) {
      for (const r of table.rows) {
        // Nothing beside the columns: a figure that is not shown is not sent either.
        expect(Object.keys(r).sort(), table.id).toEqual(table.columns.map((c) => c.key).sort());
        for (const column of table.columns) {
          const cell = r[column.key];
          const where = `${table.id} ${String(r[table.columns[0]!.key])} ${column.key}`;
          // A marker carries no value; a count is 0 or 5 and more; a percentage or a median has no base beside it.
          if (cell !== null && typeof cell === "object") expect(Object.keys(cell), where).toEqual(["hidden"]);
          // "–": no figure at all (a month before the duty rota existed).
          else if (column.kind === "count")
            expect(cell === 0 || cell === NO_FIGURE || (typeof cell === "number" && cell >= 5), `${where}: ${String(cell)}`).toBe(true);
          else if (column.kind !== "text") expect(cell === null || cell === NO_FIGURE || typeof cell === "number", where).toBe(true);
        }
      }
    }
  });
});
