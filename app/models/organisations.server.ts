import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { contactAssignmentParts, contactAssignments, organisations, people, schoolParts, staffTeams } from "../../db/schema";
import { can, contactRoleOf, type Actor } from "../auth/permissions";
import { getDb, keptUntilChange } from "../db.server";
import type { Contact } from "./contacts";
import { ownOrganisationIds, visibleOrganisations } from "./scope.server";

/**
 * A contact assignment counts (questions reach the person, partners see them as theirs) only
 * once the head of unit has approved both the assignment and the person's access (four eyes).
 */
const countingContact = () => and(isNotNull(contactAssignments.approvedAt), isNotNull(people.accessApprovedAt))!;

/**
 * Contact assignments on the given organisations, with the person and the parts covered.
 * The coordinator and the head of unit also see those waiting for approval (`pending`);
 * everyone else sees only those that count.
 */
export function contactsOn(actor: Actor, organisationIds: number[]): (Contact & { pending: boolean })[] {
  if (organisationIds.length === 0) return [];
  const seesPending = can(actor, "district:overview");
  const db = getDb();
  const rows = db
    .select({
      assignmentId: contactAssignments.id,
      personId: people.id,
      name: people.name,
      role: people.role,
      title: people.title,
      phone: people.phone,
      email: people.email,
      scopeLabel: contactAssignments.scopeLabel,
      sortOrder: contactAssignments.sortOrder,
      organisationId: organisations.id,
      organisationName: organisations.name,
      approvedAt: contactAssignments.approvedAt,
      personApprovedAt: people.accessApprovedAt,
    })
    .from(contactAssignments)
    .innerJoin(organisations, eq(organisations.id, contactAssignments.organisationId))
    .innerJoin(people, eq(people.id, contactAssignments.personId))
    .where(and(visibleOrganisations(actor), inArray(organisations.id, organisationIds), seesPending ? undefined : countingContact()))
    .orderBy(asc(contactAssignments.sortOrder), asc(people.name))
    .all();
  const parts = db
    .select()
    .from(contactAssignmentParts)
    .where(
      inArray(
        contactAssignmentParts.assignmentId,
        rows.map((r) => r.assignmentId),
      ),
    )
    .all();
  return rows.map(({ approvedAt, personApprovedAt, ...r }) => ({
    ...r,
    role: contactRoleOf(r),
    schoolPartIds: parts.filter((p) => p.assignmentId === r.assignmentId).map((p) => p.schoolPartId),
    pending: approvedAt === null || personApprovedAt === null,
  }));
}

/**
 * A partner's named contact persons: those of their own organisation, of its preschool
 * unit, and (for someone placed at the unit itself) of the unit's preschools.
 */
export function contactsForPartner(actor: Actor): Contact[] {
  if (actor.organisationId === null) return [];
  const key = `partner-contacts:${actor.districtId}:${actor.organisationId}:${actor.homeOrganisationId}:${can(actor, "district:organisations")}:${can(actor, "district:overview")}`;
  return keptUntilChange(key, () => readContactsForPartner(actor));
}

function readContactsForPartner(actor: Actor): Contact[] {
  return contactsOn(actor, ownOrganisationIds(actor));
}

/** One organisation with its parts, staff teams and contacts, or null if the actor may not see it. */
export function getOrganisation(actor: Actor, organisationId: number) {
  const db = getDb();
  const organisation = db
    .select()
    .from(organisations)
    .where(and(visibleOrganisations(actor), eq(organisations.id, organisationId)))
    .get();
  if (!organisation) return null;
  const children = db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(and(visibleOrganisations(actor), eq(organisations.parentId, organisation.id)))
    .orderBy(asc(organisations.name))
    .all();
  const parent =
    organisation.parentId === null
      ? null
      : (db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(and(visibleOrganisations(actor), eq(organisations.id, organisation.parentId)))
          .get() ?? null);
  return {
    organisation,
    parent,
    children,
    schoolParts: db.select().from(schoolParts).where(eq(schoolParts.organisationId, organisation.id)).orderBy(asc(schoolParts.id)).all(),
    staffTeams: db.select().from(staffTeams).where(eq(staffTeams.organisationId, organisation.id)).orderBy(asc(staffTeams.name)).all(),
    // A preschool in a unit is covered by the unit's contact persons too.
    contacts: contactsOn(actor, organisation.parentId === null ? [organisation.id] : [organisation.id, organisation.parentId]),
  };
}

export type OrganisationSummary = {
  id: number;
  name: string;
  kind: (typeof organisations.$inferSelect)["kind"];
  parentId: number | null;
  contacts: (Pick<Contact, "assignmentId" | "personId" | "name" | "role" | "scopeLabel"> & { pending: boolean })[];
  /** Who answers for it: its own contact persons, those of its preschool unit, or nobody (those waiting for approval answer nothing yet). */
  coverage: "own" | "unit" | "none";
};

/**
 * Every open organisation of the actor's district with who covers it, preschools right
 * after their unit. For the coordinator's overview.
 */
export function districtOrganisations(actor: Actor): OrganisationSummary[] {
  const all = getDb()
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, parentId: organisations.parentId, closedAt: organisations.closedAt })
    .from(organisations)
    .where(visibleOrganisations(actor))
    .orderBy(asc(organisations.name))
    .all()
    .filter((o) => o.closedAt === null);
  const contacts = contactsOn(
    actor,
    all.map((o) => o.id),
  );
  const hasContacts = (id: number | null) => contacts.some((c) => c.organisationId === id && !c.pending);
  const summary = (o: (typeof all)[number]): OrganisationSummary => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    parentId: o.parentId,
    contacts: contacts.filter((c) => c.organisationId === o.id),
    coverage: hasContacts(o.id) ? "own" : hasContacts(o.parentId) ? "unit" : "none",
  });
  const ordered: OrganisationSummary[] = [];
  for (const top of all.filter((o) => o.parentId === null)) {
    ordered.push(summary(top));
    for (const child of all.filter((o) => o.parentId === top.id)) ordered.push(summary(child));
  }
  return ordered;
}

/** The organisations the acting social worker or parent adviser is a named contact person for. */
export function assignedOrganisations(actor: Actor) {
  return getDb()
    .select({
      organisationId: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      scopeLabel: contactAssignments.scopeLabel,
      approvedAt: contactAssignments.approvedAt,
    })
    .from(contactAssignments)
    .innerJoin(organisations, eq(organisations.id, contactAssignments.organisationId))
    .where(and(visibleOrganisations(actor), eq(contactAssignments.personId, actor.personId)))
    .orderBy(asc(organisations.name))
    .all()
    .map(({ approvedAt, ...a }) => ({ ...a, pending: approvedAt === null }));
}
