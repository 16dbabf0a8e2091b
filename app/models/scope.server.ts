import { and, asc, eq, inArray, isNotNull, isNull, or, type SQL } from "drizzle-orm";
import { contactAssignments, meetingGroupMembers, meetings, organisations, people, teams } from "../../db/schema";
import { can, isOwnOrganisation, type Actor } from "../auth/permissions";
import { getDb } from "../db.server";
import { approvedAssignment, approvedPerson } from "./access-approval.server";

/**
 * What an actor may see, one function per concept: organisations, teams, meetings. Every
 * module that lists or reads these scopes its queries with the functions here, so a rule
 * changes in one place. The pure rules behind them are in `app/auth/permissions.ts`.
 */

/**
 * The organisations an actor may open, as a query condition. Mirrors the pure rule
 * `canSeeOrganisation`: social services see their district, partners their own family.
 */
export function visibleOrganisations(actor: Actor): SQL {
  const inDistrict = eq(organisations.districtId, actor.districtId);
  if (can(actor, "district:organisations")) return inDistrict;
  const home = actor.homeOrganisationId ?? -1;
  return and(inDistrict, or(eq(organisations.id, home), eq(organisations.parentId, home)))!;
}

/**
 * A partner's own organisations (`isOwnOrganisation`): whose contact persons are theirs,
 * whose walk-and-talks they book and whose staff and meetings their leadership sees.
 * Empty for everyone but partners.
 */
export function ownOrganisationIds(actor: Actor): number[] {
  if (!can(actor, "partner:work") || actor.organisationId === null) return [];
  return getDb()
    .select({ id: organisations.id, districtId: organisations.districtId, parentId: organisations.parentId })
    .from(organisations)
    .where(visibleOrganisations(actor))
    .all()
    .filter((o) => isOwnOrganisation(actor, o))
    .map((o) => o.id);
}

/**
 * The organisations the acting contact person covers, with the preschools of a covered unit.
 * Only assignments that count: approved, of a person whose access is approved and who is
 * active. Questions and meetings of an organisation reach its contact persons through this.
 */
export function coveredOrganisationIds(actor: Actor): number[] {
  const db = getDb();
  const direct = db
    .select({ id: contactAssignments.organisationId })
    .from(contactAssignments)
    .innerJoin(people, eq(people.id, contactAssignments.personId))
    .where(
      and(
        eq(contactAssignments.personId, actor.personId),
        eq(contactAssignments.districtId, actor.districtId),
        approvedAssignment(),
        approvedPerson(),
        isNull(people.deactivatedAt),
      ),
    )
    .all()
    .map((r) => r.id);
  if (direct.length === 0) return [];
  const children = db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inArray(organisations.parentId, direct), eq(organisations.districtId, actor.districtId)))
    .all()
    .map((r) => r.id);
  return [...new Set([...direct, ...children])];
}

/**
 * The organisations whose contact persons cover a partner's own organisation: it, and its
 * preschool unit. The mirror of `coveredOrganisationIds`, so a question asked here reaches
 * exactly those who may read it. Narrower than `ownOrganisationIds` for someone placed at a
 * unit: a preschool's own contact person does not cover the unit. Empty for everyone but partners.
 */
export function coveringOrganisationIds(actor: Actor): number[] {
  if (!can(actor, "partner:work") || actor.organisationId === null) return [];
  return [...new Set([actor.organisationId, actor.homeOrganisationId ?? actor.organisationId])];
}

/**
 * The contact assignments that cover a partner's organisation (`coveringOrganisationIds`) and
 * count: approved, of an approved and active person (four eyes). A partner's questions go to
 * these people and report meetings are planned with them. One row per assignment, by name.
 */
export function coveringContacts(actor: Actor) {
  const orgIds = coveringOrganisationIds(actor);
  if (orgIds.length === 0) return [];
  return getDb()
    .select({
      assignmentId: contactAssignments.id,
      organisationId: contactAssignments.organisationId,
      personId: people.id,
      name: people.name,
      email: people.email,
    })
    .from(contactAssignments)
    .innerJoin(people, eq(people.id, contactAssignments.personId))
    .where(
      and(
        inArray(contactAssignments.organisationId, orgIds),
        eq(contactAssignments.districtId, actor.districtId),
        isNull(people.deactivatedAt),
        approvedAssignment(),
        approvedPerson(),
      ),
    )
    .orderBy(asc(people.name))
    .all();
}

/** The social services teams of the actor's district (support offers and requests go to one). */
export function districtTeams(actor: Actor) {
  return getDb().select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.districtId, actor.districtId)).orderBy(teams.name).all();
}

/** The meeting groups (forum, collaboration) the actor is a member of, as a subquery. */
export function groupsOf(actor: Pick<Actor, "personId">) {
  return getDb().select({ id: meetingGroupMembers.groupId }).from(meetingGroupMembers).where(eq(meetingGroupMembers.personId, actor.personId));
}

/**
 * The meetings an actor may see exist, as a query condition: those they host, proposed or are
 * a group member of; for leadership their own organisations' staff-team and planning meetings;
 * for every partner the district's forum times (to bring a case); for a contact person the
 * meetings of the organisations they cover; for the coordinator the district's groups.
 * Seeing that a meeting exists is not reading it: see `participantsOf` in meeting-reading.server.ts.
 */
export function visibleMeetings(actor: Actor): SQL {
  const conditions: SQL[] = [eq(meetings.hostPersonId, actor.personId), eq(meetings.proposedBy, actor.personId), inArray(meetings.groupId, groupsOf(actor))];
  if (can(actor, "partner:work")) {
    const own = can(actor, "organisation:lead") ? ownOrganisationIds(actor) : [];
    if (own.length) conditions.push(and(inArray(meetings.organisationId, own), inArray(meetings.kind, ["staff_team", "planning"]))!);
    conditions.push(eq(meetings.kind, "forum"));
  } else {
    const covered = coveredOrganisationIds(actor);
    if (covered.length) conditions.push(inArray(meetings.organisationId, covered));
    if (can(actor, "district:manage")) conditions.push(isNotNull(meetings.groupId));
  }
  return and(eq(meetings.districtId, actor.districtId), or(...conditions))!;
}
