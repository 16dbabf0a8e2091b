import { and, asc, eq, inArray, isNotNull, isNull, notInArray, or, type SQL } from "drizzle-orm";
import { CONTENT_ROLES, contactAssignmentParts, contactAssignments, organisations, people, teams, type Role } from "../../db/schema";
import { can, type Actor } from "../auth/permissions";
import { atomic, getDb } from "../db.server";
import { recordAudit } from "./audit.server";
import { fail, type Failure } from "./failure";

/**
 * Four eyes on access to consultation content. The coordinator asks (invites a social worker
 * or parent adviser, changes someone's role or team, names a contact person); the head of unit
 * of the same district approves or refuses. Until then the access does not exist: the person
 * logs in but sees no question and receives none, and the assignment routes nothing.
 *
 * The database holds the rule too (migration 0014): only an active head of unit of the
 * district can be written as the approver, and a new role or team clears the approval.
 * Every step is in the audit log: access.requested, access.approved, access.refused.
 *
 * Refusing an assignment deletes it: it never existed as access. Refusing a person
 * deactivates the account. A refused account kept open and pending would stay on the head of
 * unit's list forever (there is no "refused" state to keep) and remain a logged-in account
 * with a social-worker role; deactivated, the coordinator sees "Avstängt", and asking again is
 * an explicit, audited step (reactivating puts it back on the head of unit's list).
 */

export function isContentRole(role: Role): boolean {
  return (CONTENT_ROLES as readonly Role[]).includes(role);
}

/** On `people`: someone whose access to consultation content is approved. */
export function approvedPerson(): SQL {
  return isNotNull(people.accessApprovedAt);
}

/** On `contact_assignments`: an assignment the head of unit has approved. */
export function approvedAssignment(): SQL {
  return isNotNull(contactAssignments.approvedAt);
}

/** On `people`: someone a notice of a question may go to (not a social worker or parent adviser waiting for approval). */
export function mayBeToldOfQuestions(): SQL {
  return or(notInArray(people.role, [...CONTENT_ROLES]), approvedPerson())!;
}

/** Whether the acting social worker or parent adviser may read consultations: their access is approved. */
export function hasApprovedAccess(actor: Actor): boolean {
  if (!isContentRole(actor.role)) return false;
  const row = getDb()
    .select({ at: people.accessApprovedAt })
    .from(people)
    .where(and(eq(people.id, actor.personId), eq(people.districtId, actor.districtId), inArray(people.role, [...CONTENT_ROLES]), isNull(people.deactivatedAt)))
    .get();
  return row?.at != null;
}

/** The coordinator asked for access to consultation content: the first of the four eyes. */
export function recordAccessRequested(actor: Actor, object: { type: "person" | "contact_assignment"; id: number }): void {
  recordAudit(actor, "access.requested", object);
}

/** Whether the district has an active head of unit who can approve. */
export function districtHasUnitHead(actor: Pick<Actor, "districtId">): boolean {
  const districtId = actor.districtId;
  return (
    getDb()
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.districtId, districtId), eq(people.role, "unit_head"), isNull(people.deactivatedAt)))
      .get() !== undefined
  );
}

/** What waits for the head of unit: accounts and contact assignments, oldest first. Null for anyone else. */
export function pendingApprovals(actor: Actor) {
  if (!can(actor, "access:approve")) return null;
  const db = getDb();
  const persons = db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      title: people.title,
      role: people.role,
      teamId: people.teamId,
      teamName: teams.name,
      createdAt: people.createdAt,
    })
    .from(people)
    .innerJoin(teams, eq(teams.id, people.teamId))
    .where(
      and(eq(people.districtId, actor.districtId), inArray(people.role, [...CONTENT_ROLES]), isNull(people.accessApprovedAt), isNull(people.deactivatedAt)),
    )
    .orderBy(asc(people.createdAt), asc(people.id))
    .all()
    .map((p) => ({ ...p, role: p.role as (typeof CONTENT_ROLES)[number], teamId: p.teamId! }));
  const assignments = db
    .select({
      id: contactAssignments.id,
      personId: people.id,
      personName: people.name,
      personRole: people.role,
      personApproved: people.accessApprovedAt,
      organisationName: organisations.name,
      scopeLabel: contactAssignments.scopeLabel,
      createdAt: contactAssignments.createdAt,
    })
    .from(contactAssignments)
    .innerJoin(people, eq(people.id, contactAssignments.personId))
    .innerJoin(organisations, eq(organisations.id, contactAssignments.organisationId))
    .where(and(eq(contactAssignments.districtId, actor.districtId), isNull(contactAssignments.approvedAt), isNull(people.deactivatedAt)))
    .orderBy(asc(contactAssignments.createdAt), asc(contactAssignments.id))
    .all()
    .map((a) => ({ ...a, personApproved: a.personApproved !== null }));
  return { people: persons, assignments };
}

/** How many requests of the district wait for the head of unit: for the coordinator's pages. */
export function pendingCount(actor: Actor): number {
  if (!can(actor, "district:overview")) return 0;
  const db = getDb();
  const persons = db
    .select({ id: people.id })
    .from(people)
    .where(
      and(eq(people.districtId, actor.districtId), inArray(people.role, [...CONTENT_ROLES]), isNull(people.accessApprovedAt), isNull(people.deactivatedAt)),
    )
    .all().length;
  const assignments = db
    .select({ id: contactAssignments.id })
    .from(contactAssignments)
    .innerJoin(people, eq(people.id, contactAssignments.personId))
    .where(and(eq(contactAssignments.districtId, actor.districtId), isNull(contactAssignments.approvedAt), isNull(people.deactivatedAt)))
    .all().length;
  return persons + assignments;
}

/**
 * One request as the head of unit saw it. A person's request names the role and team on the
 * page, so an approval never covers a role or team changed after the page was shown.
 */
export type ApprovalItem = { kind: "person"; id: number; role: (typeof CONTENT_ROLES)[number]; teamId: number } | { kind: "assignment"; id: number };

/** The person's request exactly as the head of unit saw it: same role and team, still waiting, still active. */
function stillPending(actor: Actor, item: Extract<ApprovalItem, { kind: "person" }>): SQL {
  return and(
    eq(people.id, item.id),
    eq(people.districtId, actor.districtId),
    eq(people.role, item.role),
    eq(people.teamId, item.teamId),
    isNull(people.accessApprovedAt),
    isNull(people.deactivatedAt),
  )!;
}

const GONE = "Det här väntar inte längre på godkännande, eller har ändrats sedan du öppnade sidan. Titta på listan igen.";

export const approveAccess = atomic(function approveAccess(actor: Actor, item: ApprovalItem, now: Date): { ok: true } | Failure {
  if (!can(actor, "access:approve")) return fail("form", "Bara enhetschefen godkänner behörigheter.");
  const db = getDb();
  if (item.kind === "person") {
    const changed = db.update(people).set({ accessApprovedAt: now, accessApprovedBy: actor.personId }).where(stillPending(actor, item)).run().changes;
    if (changed === 0) return fail("form", GONE);
    recordAudit(actor, "access.approved", { type: "person", id: item.id });
    return { ok: true };
  }
  const pending = pendingAssignment(actor, item.id);
  if (!pending) return fail("form", GONE);
  db.update(contactAssignments).set({ approvedAt: now, approvedBy: actor.personId }).where(eq(contactAssignments.id, item.id)).run();
  recordAudit(actor, "access.approved", { type: "contact_assignment", id: item.id });
  return { ok: true };
});

/** Refuses: an assignment is deleted, a person's account deactivated (see the module's comment). */
export const refuseAccess = atomic(function refuseAccess(actor: Actor, item: ApprovalItem, now: Date): { ok: true; deactivated: number | null } | Failure {
  if (!can(actor, "access:approve")) return fail("form", "Bara enhetschefen nekar behörigheter.");
  const db = getDb();
  if (item.kind === "person") {
    const changed = db.update(people).set({ deactivatedAt: now }).where(stillPending(actor, item)).run().changes;
    if (changed === 0) return fail("form", GONE);
    recordAudit(actor, "access.refused", { type: "person", id: item.id });
    return { ok: true, deactivated: item.id };
  }
  if (!pendingAssignment(actor, item.id)) return fail("form", GONE);
  db.delete(contactAssignmentParts).where(eq(contactAssignmentParts.assignmentId, item.id)).run();
  db.delete(contactAssignments).where(eq(contactAssignments.id, item.id)).run();
  recordAudit(actor, "access.refused", { type: "contact_assignment", id: item.id });
  return { ok: true, deactivated: null };
});

function pendingAssignment(actor: Actor, id: number) {
  return getDb()
    .select({ id: contactAssignments.id })
    .from(contactAssignments)
    .innerJoin(people, eq(people.id, contactAssignments.personId))
    .where(
      and(
        eq(contactAssignments.id, id),
        eq(contactAssignments.districtId, actor.districtId),
        isNull(contactAssignments.approvedAt),
        isNull(people.deactivatedAt),
      ),
    )
    .get();
}
