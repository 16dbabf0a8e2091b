/** What the route-wide tests share: a route file's URL, the database's fingerprint, a free day. */
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { dutyDays } from "../../app/models/duty.server";
import { dayKind } from "../../app/time/holidays";
import { addDays } from "../../app/time/stockholm";
import { actorFor, personId } from "./db";

/** The URL of a flat-routes file name, with its parameters filled in. */
export function routePath(file: string, params: Record<string, string>): string {
  const base = file.replace(/\.(tsx|ts)$/, "").replace("[.csv]", ".csv");
  if (base === "_index") return "/";
  if (base === "$") return "/finns-inte";
  const path = base
    .split(".")
    .filter((segment) => segment !== "_index")
    .map((segment) => segment.replace(/_$/, ""))
    .map((segment) => (segment.startsWith("$") ? params[segment.slice(1)]! : segment))
    .join("/");
  return `/${path.replace(/\/csv$/, ".csv")}`;
}

/** The database, table by table: row count and a hash of the rows. */
export function tableFingerprints(client: Database.Database): Map<string, string> {
  const tables = client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  const result = new Map<string, string>();
  for (const { name } of tables) {
    const rows = (client.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
    result.set(name, `${rows.length} rows, ${createHash("sha256").update(rows.join("\n")).digest("hex")}`);
  }
  return result;
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((n) => before.get(n) !== after.get(n));
}

/** The first working day after `after` that is not one of the person's duty days nor in `avoid`. */
export function freeDayOf(email: string, after: string, avoid: string[] = []): string {
  const me = personId(email);
  const duty = new Set(
    dutyDays(actorFor("samordnare@hv.example"), after, addDays(after, 90))
      .filter((d) => d.personId === me)
      .map((d) => d.date),
  );
  for (let date = addDays(after, 1); ; date = addDays(date, 1)) if (dayKind(date) === "workday" && !duty.has(date) && !avoid.includes(date)) return date;
}
