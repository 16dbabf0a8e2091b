import { and, desc, eq, notInArray, sql } from "drizzle-orm";
import { auditEvents, CITY_ROLES, people } from "../../db/schema";
import { can, type Actor } from "../auth/permissions";
import { getDb } from "../db.server";

export type AuditAction =
  | "session.login"
  | "session.login_sso"
  | "session.logout"
  | "duty.changed"
  | "contact_assignment.added"
  | "contact_assignment.removed"
  | "person.invited"
  | "person.changed"
  | "person.deactivated"
  | "person.reactivated"
  | "account.password_set"
  | "account.password_reset_requested"
  | "account.phone_changed"
  | "organisation.added"
  | "organisation.changed"
  | "organisation.closed"
  | "organisation.reopened"
  | "import.done"
  | "district.added"
  | "unit_head.appointed"
  | "access.requested"
  | "access.approved"
  | "access.refused";

/**
 * Appends to the audit log: who did what to which object. Never pass content here
 * (no consultation text, no names of children): only the object's type and id.
 */
export function recordAudit(actor: Pick<Actor, "personId" | "districtId">, action: AuditAction, object: { type: string; id?: string | number }): void {
  getDb()
    .insert(auditEvents)
    .values({
      districtId: actor.districtId,
      actorPersonId: actor.personId,
      action,
      objectType: object.type,
      objectId: object.id === undefined ? null : String(object.id),
    })
    .run();
}

const cityRoles = sql.raw(CITY_ROLES.map((r) => `'${r}'`).join(", "));

/**
 * The district's audit log for the coordinator, newest first: who, what, when and which
 * object. It holds no content, so showing it shows none. City-level accounts are outside every
 * district's administration: what they did, and what was done to them, is not shown here.
 */
/** Audit objects that are partners' questions and requests to social services. */
export const PARTNER_CONTENT_TYPES = ["consultation", "support_request"] as const;

export function auditLogOf(actor: Actor, page: number, pageSize = 50) {
  if (!can(actor, "district:manage")) return { rows: [], more: false };
  const rows = getDb()
    .select({ at: auditEvents.at, action: auditEvents.action, objectType: auditEvents.objectType, objectId: auditEvents.objectId, who: people.name })
    .from(auditEvents)
    .leftJoin(people, eq(people.id, auditEvents.actorPersonId))
    .where(
      and(
        eq(auditEvents.districtId, actor.districtId),
        // What partners ask and who reads it stays in the database for an investigation, but is not
        // shown: the rows would give exact counts per day and name who asked, which the follow-up's
        // small-count rule hides (decision 013).
        notInArray(auditEvents.objectType, [...PARTNER_CONTENT_TYPES]),
        sql`(${people.role} IS NULL OR ${people.role} NOT IN (${cityRoles}))`,
        sql`NOT (${auditEvents.objectType} = 'person' AND EXISTS (SELECT 1 FROM ${people} AS city WHERE CAST(city.id AS TEXT) = ${auditEvents.objectId} AND city.role IN (${cityRoles})))`,
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(pageSize + 1)
    .offset(page * pageSize)
    .all();
  return { rows: rows.slice(0, pageSize), more: rows.length > pageSize };
}
