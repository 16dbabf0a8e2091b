import { and, eq, isNull, sql } from "drizzle-orm";
import { districts, organisations, people } from "../../db/schema";
import type { Actor } from "../auth/permissions";
import { getDb, keptUntilChange } from "../db.server";
import { hashPassword, verifyPassword } from "../auth/password.server";
import { recordAudit } from "./audit.server";

/** Work emails are compared case-insensitively and stored in lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Every active account with this email: two districts may each have invited one address. */
export function activeAccountsWithEmail(email: string) {
  return getDb()
    .select({ id: people.id, districtId: people.districtId })
    .from(people)
    .where(and(sql`lower(${people.email}) = ${normaliseEmail(email)}`, isNull(people.deactivatedAt)))
    .orderBy(people.id)
    .all();
}

/**
 * The active person with this email, with what login needs. Two districts may each have
 * invited one address, but at most one account per address has a password (the database
 * says so): that one logs in.
 */
export function findActivePersonByEmail(email: string) {
  return getDb()
    .select({ id: people.id, passwordHash: people.passwordHash, districtId: people.districtId })
    .from(people)
    .where(and(sql`lower(${people.email}) = ${normaliseEmail(email)}`, isNull(people.deactivatedAt)))
    .orderBy(sql`${people.passwordHash} IS NULL`, people.id)
    .get();
}

/** The Actor for a logged-in person, or null if they no longer exist or are deactivated. */
export function loadActor(personId: number): Actor | null {
  return keptUntilChange(`actor:${personId}`, () => readActor(personId));
}

function readActor(personId: number): Actor | null {
  const row = getDb()
    .select({
      person: people,
      districtName: districts.name,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      organisationParentId: organisations.parentId,
    })
    .from(people)
    .innerJoin(districts, eq(districts.id, people.districtId))
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(and(eq(people.id, personId), isNull(people.deactivatedAt)))
    .get();
  if (!row) return null;
  const p = row.person;
  return {
    personId: p.id,
    districtId: p.districtId,
    districtName: row.districtName,
    name: p.name,
    email: p.email,
    title: p.title,
    role: p.role,
    organisationId: p.organisationId,
    organisationName: row.organisationName,
    organisationKind: row.organisationKind,
    homeOrganisationId: p.organisationId === null ? null : (row.organisationParentId ?? p.organisationId),
    schoolPartId: p.schoolPartId,
    staffTeamId: p.staffTeamId,
    teamId: p.teamId,
  };
}

export function ownPhone(actor: Actor): string | null {
  return getDb().select({ phone: people.phone }).from(people).where(eq(people.id, actor.personId)).get()?.phone ?? null;
}

export function changeOwnPhone(actor: Actor, phone: string | null): void {
  getDb().update(people).set({ phone }).where(eq(people.id, actor.personId)).run();
  recordAudit(actor, "account.phone_changed", { type: "person", id: actor.personId });
}

/** Changes one's password after checking the current one. False: the current one was wrong. */
export async function changeOwnPassword(actor: Actor, current: string, next: string): Promise<boolean> {
  const row = getDb().select({ passwordHash: people.passwordHash }).from(people).where(eq(people.id, actor.personId)).get();
  if (!row?.passwordHash || !(await verifyPassword(row.passwordHash, current))) return false;
  const passwordHash = await hashPassword(next);
  // Only over the password that was checked: a reset link used meanwhile wins.
  const changed = getDb()
    .update(people)
    .set({ passwordHash })
    .where(and(eq(people.id, actor.personId), eq(people.passwordHash, row.passwordHash)))
    .run();
  if (changed.changes === 0) return false;
  recordAudit(actor, "account.password_set", { type: "person", id: actor.personId });
  return true;
}
