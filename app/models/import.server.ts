import { eq } from "drizzle-orm";
import { organisations, people } from "../../db/schema";
import { can, type Actor } from "../auth/permissions";
import { atomic, getDb } from "../db.server";
import { isContentRole, recordAccessRequested } from "./access-approval.server";
import { mailInvitation } from "./accounts.server";
import { recordAudit } from "./audit.server";
import { planImport, type ImportPlan } from "./import";
import { addressInDistrict } from "./people-admin.server";

/** The import checked against the district as it is now (nothing saved). */
export function previewImport(actor: Actor, text: string): ImportPlan {
  const db = getDb();
  const existing = db
    .select({ name: organisations.name, kind: organisations.kind, closedAt: organisations.closedAt })
    .from(organisations)
    .where(eq(organisations.districtId, actor.districtId))
    .all();
  return planImport(text, {
    organisations: existing.map((o) => ({ name: o.name, kind: o.kind, closed: o.closedAt !== null })),
    // Only the district's own people: see invitePerson for an address held elsewhere.
    emailTaken: (email) => addressInDistrict(actor, email),
  });
}

/**
 * Saves the import: every organisation and person, or nothing. Each person is invited by mail
 * to choose a password. Checked again here, since the district may have changed since the preview.
 */
export const runImport = atomic(function runImport(
  actor: Actor,
  text: string,
  now: Date,
): { ok: true; organisations: number; people: number } | { ok: false; plan: ImportPlan } {
  if (!can(actor, "district:manage"))
    return { ok: false, plan: { organisations: [], people: [], errors: [{ line: 1, message: "Bara samordnaren importerar." }] } };
  const plan = previewImport(actor, text);
  if (plan.errors.length > 0) return { ok: false, plan };
  const requested: number[] = [];
  getDb().transaction((tx) => {
    const ids = new Map(
      tx
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(eq(organisations.districtId, actor.districtId))
        .all()
        .map((o) => [o.name.toLowerCase(), o.id]),
    );
    for (const o of plan.organisations) {
      const row = tx
        .insert(organisations)
        .values({
          districtId: actor.districtId,
          name: o.name,
          kind: o.kind,
          parentId: o.parentName ? ids.get(o.parentName.toLowerCase())! : null,
          createdAt: now,
        })
        .returning({ id: organisations.id })
        .get();
      ids.set(o.name.toLowerCase(), row.id);
    }
    for (const p of plan.people) {
      const organisationId = p.organisationName ? ids.get(p.organisationName.toLowerCase())! : null;
      const row = tx
        .insert(people)
        .values({
          districtId: actor.districtId,
          name: p.name,
          email: p.email,
          title: p.title,
          role: p.role,
          organisationId,
          teamId: organisationId === null ? actor.teamId : null,
          createdAt: now,
        })
        .returning({ id: people.id })
        .get();
      mailInvitation(tx, { id: row.id, districtId: actor.districtId, name: p.name, email: p.email }, actor.name);
      if (isContentRole(p.role)) requested.push(row.id);
    }
  });
  recordAudit(actor, "import.done", { type: "district", id: actor.districtId });
  for (const id of requested) recordAccessRequested(actor, { type: "person", id });
  return { ok: true, organisations: plan.organisations.length, people: plan.people.length };
});
