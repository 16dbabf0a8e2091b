import { auditEvents } from "../../db/schema";
import type { Actor } from "../auth/permissions";
import { getDb } from "../db.server";

export type AuditAction =
  | "session.login"
  | "session.logout"
  | "duty.changed"
  | "contact_assignment.added"
  | "contact_assignment.removed";

/**
 * Appends to the audit log: who did what to which object. Never pass content here
 * (no consultation text, no names of children): only the object's type and id.
 */
export function recordAudit(
  actor: Pick<Actor, "personId" | "districtId">,
  action: AuditAction,
  object: { type: string; id?: string | number },
): void {
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
