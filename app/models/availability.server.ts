import { and, eq, inArray } from "drizzle-orm";
import { availabilityStatuses, people } from "../../db/schema";
import { can, type Actor } from "../auth/permissions";
import { getDb, keptUntilChange } from "../db.server";
import type { StoredStatus } from "./availability";

/** The stored statuses of some people (no entry: available). */
/** The statuses of these people, as far as they work in the actor's district (where statuses are shown). */
export function statusesOf(actor: Pick<Actor, "districtId">, personIds: number[]): Map<number, StoredStatus> {
  if (personIds.length === 0) return new Map();
  const districtId = actor.districtId;
  return keptUntilChange(`statuses:${districtId}:${personIds.join(",")}`, () => readStatuses(districtId, personIds));
}

function readStatuses(districtId: number, personIds: number[]): Map<number, StoredStatus> {
  const map = new Map<number, StoredStatus>();
  const rows = getDb()
    .select({ status: availabilityStatuses })
    .from(availabilityStatuses)
    .innerJoin(people, eq(people.id, availabilityStatuses.personId))
    .where(and(inArray(availabilityStatuses.personId, personIds), eq(people.districtId, districtId)))
    .all()
    .map((r) => r.status);
  for (const row of rows) {
    if (row.kind === "busy" && row.busyUntil) map.set(row.personId, { kind: "busy", busyUntil: row.busyUntil, setAt: row.setAt });
    if (row.kind === "away" && row.awayThrough) map.set(row.personId, { kind: "away", awayThrough: row.awayThrough, setAt: row.setAt });
  }
  return map;
}

export type StatusChange = { kind: "available" } | { kind: "busy"; until: Date } | { kind: "away"; through: string };

/** A contact person sets their own status; only their own. False for anyone else (the head of unit included). */
export function setOwnStatus(actor: Actor, change: StatusChange, setAt: Date): boolean {
  if (!can(actor, "availability:set-own") || !can(actor, "portal:write")) return false;
  const db = getDb();
  db.transaction((tx) => {
    tx.delete(availabilityStatuses).where(eq(availabilityStatuses.personId, actor.personId)).run();
    if (change.kind === "busy") {
      tx.insert(availabilityStatuses).values({ personId: actor.personId, kind: "busy", busyUntil: change.until, setAt }).run();
    }
    if (change.kind === "away") {
      tx.insert(availabilityStatuses).values({ personId: actor.personId, kind: "away", awayThrough: change.through, setAt }).run();
    }
  });
  return true;
}
