import { and, asc, eq, gt, inArray, isNull, notInArray, TransactionRollbackError } from "drizzle-orm";
import { CITY_ROLES, meetingGroupMembers, meetingGroups, meetings, people } from "../../db/schema";
import { can, type Actor } from "../auth/permissions";
import { getDb } from "../db.server";
import type { GroupSeriesInput } from "./meeting-forms";
import { forumPlaces } from "./meetings";
import { forumBookings } from "./consultations.server";
import { insertSeries } from "./meeting-creation.server";
import { fail, type Failure } from "./failure";

/**
 * Standing groups that meet in a series: the consultation forum and the collaboration groups
 * (police and social services, the local 6–16 groups). Social services start a group and
 * host it; members are named by their work email and may come from any organisation of the
 * district. Every member is invited to every meeting.
 */

export function createGroupSeries(actor: Actor, input: GroupSeriesInput, now: Date): { ok: true; ids: number[] } | Failure {
  if (!can(actor, "groups:start")) return fail("form", "Bara socialtjänsten startar forum och samverkansgrupper.");
  const db = getDb();
  const found = input.members.length
    ? db
        .select({ id: people.id, email: people.email })
        .from(people)
        // The district's own people only: another district's address, or a city-level account,
        // answers like an address nobody has.
        .where(
          and(
            eq(people.districtId, actor.districtId),
            notInArray(people.role, [...CITY_ROLES]),
            inArray(people.email, input.members),
            isNull(people.deactivatedAt),
          ),
        )
        .all()
    : [];
  const unknown = input.members.filter((e) => !found.some((p) => p.email.toLowerCase() === e));
  if (unknown.length)
    return fail("members", `Vi hittar ingen i portalen med ${unknown.length === 1 ? "adressen" : "adresserna"} ${unknown.join(", ")}. Kontrollera stavningen.`);
  const memberIds = [...new Set([actor.personId, ...found.map((p) => p.id)])];
  const noFreeDay = fail("firstDate", "Det finns inga lediga dagar nära de datumen. Välj ett annat första datum.");
  try {
    return { ok: true, ids: insertGroup(actor, input, memberIds, now) };
  } catch (error) {
    if (error instanceof TransactionRollbackError) return noFreeDay;
    throw error;
  }
}

function insertGroup(actor: Actor, input: GroupSeriesInput, memberIds: number[], now: Date): number[] {
  return getDb().transaction((tx) => {
    const group = tx
      .insert(meetingGroups)
      .values({
        districtId: actor.districtId,
        kind: input.kind,
        name: input.name,
        hostPersonId: actor.personId,
        caseMinutes: input.kind === "forum" ? input.caseMinutes : null,
        createdAt: now,
      })
      .returning({ id: meetingGroups.id })
      .get();
    for (const personId of memberIds) tx.insert(meetingGroupMembers).values({ groupId: group.id, districtId: actor.districtId, personId }).run();
    const created = insertSeries(
      tx,
      actor,
      input,
      { kind: input.kind, groupId: group.id, places: input.kind === "forum" ? forumPlaces(input.minutes, input.caseMinutes) : null },
      now,
    );
    if (created.length === 0) tx.rollback();
    return created;
  });
}

/** For partners: the district's coming forum meetings, with free places and the partner's own cases. */
export function comingForums(actor: Actor, now: Date, limit = 4) {
  if (!can(actor, "partner:work")) return [];
  const rows = getDb()
    .select({ id: meetings.id, startsAt: meetings.startsAt, places: meetings.places, name: meetingGroups.name })
    .from(meetings)
    .innerJoin(meetingGroups, eq(meetingGroups.id, meetings.groupId))
    .where(and(eq(meetings.districtId, actor.districtId), eq(meetings.kind, "forum"), eq(meetings.state, "confirmed"), gt(meetings.startsAt, now)))
    .orderBy(asc(meetings.startsAt))
    .limit(limit)
    .all();
  const bookings = forumBookings(
    actor,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const { booked, mine } = bookings.get(r.id)!;
    return { id: r.id, name: r.name, startsAt: r.startsAt!, free: r.places! - booked, mine };
  });
}
