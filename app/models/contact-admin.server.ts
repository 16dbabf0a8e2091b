import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { contactAssignmentParts, contactAssignments, people, schoolParts } from "../../db/schema";
import { can, type Actor } from "../auth/permissions";
import { atomic, getDb } from "../db.server";
import { recordAccessRequested } from "./access-approval.server";
import type { Outcome } from "./duty-admin.server";
import { getOrganisation } from "./organisations.server";

/**
 * The coordinator names contact persons for organisations of the own district. A new
 * assignment waits for the head of unit's approval before any question reaches the person
 * through it (four eyes; see access-approval.server.ts).
 */

/** Only the coordinator names contact persons: checked here too, so a route that forgets cannot. */
const NOT_ALLOWED: Outcome = { ok: false, field: "form", message: "Bara samordnaren kan ändra kontaktpersoner." };

export function contactCandidates(actor: Actor) {
  if (!can(actor, "district:manage")) return [];
  return getDb()
    .select({ personId: people.id, name: people.name, role: people.role })
    .from(people)
    .where(and(eq(people.districtId, actor.districtId), inArray(people.role, ["social_worker", "parent_adviser"]), isNull(people.deactivatedAt)))
    .orderBy(asc(people.name))
    .all();
}

export type NewAssignment = { organisationId: number; personId: number; scopeLabel: string; schoolPartIds: number[] };

export const addContactAssignment = atomic(function addContactAssignment(actor: Actor, input: NewAssignment): Outcome {
  if (!can(actor, "district:manage")) return NOT_ALLOWED;
  const organisation = getOrganisation(actor, input.organisationId);
  if (!organisation) return { ok: false, field: "organisationId", message: "Välj en verksamhet i stadsdelen." };
  if (!contactCandidates(actor).some((c) => c.personId === input.personId)) {
    return { ok: false, field: "personId", message: "Välj en socialsekreterare eller föräldrarådgivare i teamet." };
  }
  const validParts = new Set(organisation.schoolParts.map((p) => p.id));
  if (input.schoolPartIds.some((id) => !validParts.has(id))) {
    return { ok: false, field: "schoolPartIds", message: "Välj bara stadier som finns på den här skolan." };
  }
  if (organisation.contacts.some((c) => c.personId === input.personId && c.organisationId === input.organisationId)) {
    return { ok: false, field: "personId", message: "Personen är redan kontaktperson för verksamheten." };
  }
  const id = getDb().transaction((tx) => {
    const assignment = tx
      .insert(contactAssignments)
      .values({
        districtId: actor.districtId,
        organisationId: input.organisationId,
        personId: input.personId,
        scopeLabel: input.scopeLabel,
        sortOrder: organisation.contacts.length,
      })
      .returning()
      .get();
    for (const schoolPartId of input.schoolPartIds) {
      tx.insert(contactAssignmentParts).values({ assignmentId: assignment.id, organisationId: input.organisationId, schoolPartId }).run();
    }
    return assignment.id;
  });
  recordAccessRequested(actor, { type: "contact_assignment", id });
  return { ok: true };
});

export function removeContactAssignment(actor: Actor, assignmentId: number): Outcome {
  if (!can(actor, "district:manage")) return NOT_ALLOWED;
  const db = getDb();
  const removed = db.transaction((tx) => {
    const assignment = tx
      .select()
      .from(contactAssignments)
      .where(and(eq(contactAssignments.id, assignmentId), eq(contactAssignments.districtId, actor.districtId)))
      .get();
    if (!assignment) return false;
    tx.delete(contactAssignmentParts).where(eq(contactAssignmentParts.assignmentId, assignment.id)).run();
    tx.delete(contactAssignments).where(eq(contactAssignments.id, assignment.id)).run();
    return true;
  });
  return removed ? { ok: true } : { ok: false, field: "assignmentId", message: "Uppdraget finns inte längre." };
}

/** School parts of an organisation, for the add form. */
export function schoolPartsOf(actor: Actor, organisationId: number) {
  return getOrganisation(actor, organisationId)
    ? getDb().select().from(schoolParts).where(eq(schoolParts.organisationId, organisationId)).orderBy(asc(schoolParts.id)).all()
    : [];
}
