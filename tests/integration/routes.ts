/** What the route-wide tests share: a route file's URL, the database's fingerprint, a free day, the seeded meetings. */
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { asc, eq } from "drizzle-orm";
import { meetingGroups, meetingProposals, meetings, walkOccasions, walkSeries, walkSlots } from "../../db/schema";
import { dutyDays } from "../../app/models/duty.server";
import { dayKind } from "../../app/time/holidays";
import { addDays } from "../../app/time/stockholm";
import { actorFor, db, personId } from "./db";

/** Route files whose actions are one's own login and account: they act on nobody else's object and write no portal content. */
export const OWN_ACCOUNT = [
  "logga-in.tsx",
  "logga-in_.sso.$provider.tsx",
  "logga-ut.tsx",
  "konto.tsx",
  "glomt-losenord.tsx",
  "aterstall.$token.tsx",
  "inbjudan.$token.tsx",
];

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

/**
 * The seed's meetings the route-wide tests act on: the report meeting Vällingbyskolan proposed
 * to Anna Berg with a proposed time off her duty days, the staff-team visit Gröna diamanten
 * asked Leila Haddad for and its proposal, the first planning meeting, the first forum and the
 * police collaboration group.
 */
export function seededMeetings() {
  const anna = personId("socialsekreterare@hv.example");
  const report = db.select().from(meetings).where(eq(meetings.kind, "report")).get()!.id;
  const annasDuty = new Set(
    dutyDays(actorFor("samordnare@hv.example"), "2026-12-01", "2027-03-01")
      .filter((d) => d.personId === anna)
      .map((d) => d.date),
  );
  const reportProposal = db
    .select()
    .from(meetingProposals)
    .where(eq(meetingProposals.meetingId, report))
    .orderBy(asc(meetingProposals.startsAt))
    .all()
    .find((p) => !annasDuty.has(p.startsAt.toISOString().slice(0, 10)))!.id;
  const visit = db.select().from(meetings).where(eq(meetings.kind, "staff_team")).get()!.id;
  return {
    report,
    reportProposal,
    visit,
    visitProposal: db.select().from(meetingProposals).where(eq(meetingProposals.meetingId, visit)).get()!.id,
    planning: db.select().from(meetings).where(eq(meetings.kind, "planning")).orderBy(asc(meetings.startsAt)).get()!.id,
    forum: db.select().from(meetings).where(eq(meetings.kind, "forum")).orderBy(asc(meetings.startsAt)).get()!.id,
    policeGroup: db.select().from(meetingGroups).where(eq(meetingGroups.name, "Samverkan polis och socialtjänst, Vällingby")).get()!.id,
  };
}

/** Anna Berg's seeded walk-and-talk series and one of its times, as URL parameters. */
export function annasSeriesAndSlot() {
  const series = db
    .select({ id: walkSeries.id })
    .from(walkSeries)
    .where(eq(walkSeries.hostPersonId, personId("socialsekreterare@hv.example")))
    .get()!;
  const slot = db
    .select({ id: walkSlots.id })
    .from(walkSlots)
    .innerJoin(walkOccasions, eq(walkOccasions.id, walkSlots.occasionId))
    .where(eq(walkOccasions.seriesId, series.id))
    .get()!;
  return { seriesId: String(series.id), slotId: String(slot.id) };
}
