import { and, eq, isNull, sql } from "drizzle-orm";
import { districts, organisations, people } from "../../db/schema";
import type { Actor } from "../auth/permissions";
import { getDb, keptUntilChange } from "../db.server";
import { hashPassword, verifyPassword } from "../auth/password.server";
import { recordAudit } from "./audit.server";

/**
 * Work emails are compared case-insensitively and stored in lower case: ASCII letters only, as
 * SQLite's lower() does. Unicode lower-casing turns some other letters into ASCII ones (the
 * Kelvin sign into "k"), so a provider's different address would find a known person's account.
 */
export function normaliseEmail(email: string): string {
  return email.trim().replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
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

/**
 * Why a single sign-on found nobody to log in: nobody in the portal has the address, the
 * person is deactivated, the provider has not verified the address, or several districts
 * invited the address and none of the invitations is taken up yet.
 */
export type SsoRefusal = "unknown" | "deactivated" | "unverified" | "ambiguous";

/**
 * The person a provider's identity logs in as (decision 024). Found by the provider's `sub`
 * once linked; the first time by the verified address, choosing the account that holds the
 * address's login (the one with a password, else the only one), and linked in the same step.
 * An account already linked to another identity at the provider is never taken over.
 */
export function personForSso(issuer: string, subject: string, email: string | null, emailVerified: boolean): { personId: number } | { refused: SsoRefusal } {
  const db = getDb();
  const linked = db
    .select({ id: people.id, deactivatedAt: people.deactivatedAt })
    .from(people)
    .where(and(eq(people.ssoIssuer, issuer), eq(people.ssoSubject, subject)))
    .get();
  if (linked) return linked.deactivatedAt ? { refused: "deactivated" } : { personId: linked.id };
  if (!email) return { refused: "unknown" };
  if (!emailVerified) return { refused: "unverified" };
  const accounts = db
    .select({ id: people.id, deactivatedAt: people.deactivatedAt, hasPassword: sql<number>`${people.passwordHash} IS NOT NULL`, ssoSubject: people.ssoSubject })
    .from(people)
    .where(sql`lower(${people.email}) = ${normaliseEmail(email)}`)
    .all();
  const login = accounts.find((a) => a.hasPassword === 1);
  const active = accounts.filter((a) => a.deactivatedAt === null);
  // A deactivated account that holds the address's login keeps it (decision 012).
  const chosen = login ?? (active.length === 1 ? active[0] : undefined);
  if (!chosen) return { refused: accounts.length === 0 ? "unknown" : active.length === 0 ? "deactivated" : "ambiguous" };
  if (chosen.deactivatedAt) return { refused: "deactivated" };
  if (chosen.ssoSubject !== null) return { refused: "unknown" };
  const taken = db
    .update(people)
    .set({ ssoIssuer: issuer, ssoSubject: subject })
    .where(and(eq(people.id, chosen.id), isNull(people.ssoSubject)))
    .run();
  return taken.changes === 1 ? { personId: chosen.id } : { refused: "unknown" };
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
