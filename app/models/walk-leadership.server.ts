import { and, asc, desc, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import { organisations, people, schoolParts, staffTeams, walkBookings, walkExpectations, walkOccasions, walkSlots } from "../../db/schema";
import { can, type Actor } from "../auth/permissions";
import { getDb } from "../db.server";
import { schoolStageLabel } from "../format/labels";
import { readOnly, termRange } from "./walk-and-talk";
import { fail, type Failure } from "./failure";
import { ownOrganisationIds } from "./scope.server";

/**
 * Walk-and-talk for the partner's leadership: whether their organisation expects its staff
 * to walk this term, and which of their own staff have booked or walked (names only, never
 * topics or notes). The staff's own check of the expectation is here too.
 */

export function walkExpected(actor: Actor, term: string): boolean {
  const home = actor.homeOrganisationId;
  if (home === null) return false;
  const ids = [...new Set([home, actor.organisationId ?? home])];
  return (
    getDb()
      .select()
      .from(walkExpectations)
      .where(and(inArray(walkExpectations.organisationId, ids), eq(walkExpectations.term, term)))
      .all().length > 0
  );
}

export function setWalkExpected(actor: Actor, term: string, expected: boolean): { ok: true } | Failure {
  if (!can(actor, "organisation:lead") || readOnly(actor) || actor.organisationId === null) return fail("form", "Bara ledningen kan ändra det här.");
  const db = getDb();
  if (expected) {
    db.insert(walkExpectations).values({ organisationId: actor.organisationId, term, setBy: actor.personId }).onConflictDoNothing().run();
  } else {
    db.delete(walkExpectations)
      .where(and(eq(walkExpectations.organisationId, actor.organisationId), eq(walkExpectations.term, term)))
      .run();
  }
  return { ok: true };
}

/** Has the person an active booking or a held walk this term? */
export function hasBookedThisTerm(actor: Actor, term: string): boolean {
  const { from, to } = termRange(term);
  return (
    getDb()
      .select({ id: walkBookings.id })
      .from(walkBookings)
      .innerJoin(walkOccasions, eq(walkOccasions.id, walkBookings.occasionId))
      .where(and(eq(walkBookings.personId, actor.personId), isNull(walkBookings.cancelledAt), gte(walkOccasions.date, from), lte(walkOccasions.date, to)))
      .get() !== undefined
  );
}

export type StaffProgressGroup = { group: string; people: { personId: number; name: string; booked: boolean; attended: boolean }[] };

/**
 * For leadership: per school part or staff team, which of their own staff have booked or
 * attended a walk-and-talk this term. Names only: never topics or notes.
 */
export function staffProgress(actor: Actor, term: string): StaffProgressGroup[] | null {
  if (!can(actor, "organisation:lead") || actor.organisationId === null) return null;
  const db = getDb();
  const orgIds = ownOrganisationIds(actor);
  const staff = db
    .select({
      personId: people.id,
      name: people.name,
      organisationName: organisations.name,
      stage: schoolParts.stage,
      staffTeam: staffTeams.name,
    })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.organisationId))
    .leftJoin(schoolParts, eq(schoolParts.id, people.schoolPartId))
    .leftJoin(staffTeams, eq(staffTeams.id, people.staffTeamId))
    .where(and(inArray(people.organisationId, orgIds), isNull(people.deactivatedAt), eq(people.districtId, actor.districtId)))
    .orderBy(asc(people.name))
    .all();
  const { from, to } = termRange(term);
  const ids = staff.map((s) => s.personId);
  const bookings = ids.length
    ? db
        .select({ personId: walkBookings.personId, outcome: walkSlots.outcome })
        .from(walkBookings)
        .innerJoin(walkSlots, eq(walkSlots.id, walkBookings.slotId))
        .innerJoin(walkOccasions, eq(walkOccasions.id, walkBookings.occasionId))
        .where(and(inArray(walkBookings.personId, ids), isNull(walkBookings.cancelledAt), gte(walkOccasions.date, from), lte(walkOccasions.date, to)))
        .orderBy(desc(walkSlots.startsAt))
        .all()
    : [];
  const groups = new Map<string, StaffProgressGroup>();
  for (const s of staff) {
    const label = s.staffTeam
      ? `${orgIds.length > 1 ? `${s.organisationName}, ` : ""}arbetslag ${s.staffTeam}`
      : s.stage
        ? schoolStageLabel[s.stage]
        : orgIds.length > 1
          ? `${s.organisationName}, övriga`
          : "Övriga";
    const group = groups.get(label) ?? { group: label, people: [] };
    const own = bookings.filter((b) => b.personId === s.personId);
    group.people.push({ personId: s.personId, name: s.name, booked: own.length > 0, attended: own.some((b) => b.outcome === "held") });
    groups.set(label, group);
  }
  return [...groups.values()].sort((a, b) => a.group.localeCompare(b.group, "sv"));
}
