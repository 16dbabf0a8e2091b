import { and, eq, gt, isNotNull, isNull, ne } from "drizzle-orm";
import { accountTokens, people } from "../../db/schema";
import { getDb, type TxOrDb } from "../db.server";
import { portalUrl } from "../env.server";

import { hashSecret, newSecret } from "./secrets.server";

/**
 * One-time links for accounts: an invitation to set one's first password (valid 7 days) and
 * a password reset (valid 1 hour). The link carries a random token; only its hash is stored,
 * and using it is one conditional UPDATE, so a link works exactly once. A token is made only
 * when its mail is sent (`linkForDelivery`), so no page, log or backup ever holds one.
 */

export const TOKEN_LIFETIME_MS = { invite: 7 * 24 * 3_600_000, reset: 3_600_000 } as const;
export type LinkPurpose = keyof typeof TOKEN_LIFETIME_MS;

const PATHS: Record<LinkPurpose, string> = { invite: "/inbjudan/", reset: "/aterstall/" };

/** The full address of a link, as the recipient follows it. */
export function linkUrl(purpose: LinkPurpose, token: string): string {
  return portalUrl(`${PATHS[purpose]}${token}`);
}

/**
 * A new token for the person. Earlier tokens stay valid until they expire or one of them is
 * used: a new request must not void the link someone already has (anyone could otherwise keep
 * a person from ever using theirs).
 */
export function issueToken(tx: TxOrDb, personId: number, purpose: LinkPurpose, now: Date): string {
  const token = newSecret();
  tx.insert(accountTokens)
    .values({ personId, purpose, tokenHash: hashSecret(token), expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]), createdAt: now })
    .run();
  return token;
}

/** Why a link was not made: the recipient no longer needs it or may no longer have it. */
export type LinkRefusal = "deactivated" | "has-password" | "has-account" | "unknown";

/**
 * Whether another account with the person's address has a password, active or deactivated:
 * then the address has its login (one per address), and no link of this account may set one.
 * That happens when a district invites an address another district already has, and is told
 * nothing about it (decision 012): no link of this account may set a password, and the owner
 * of the address is told to log in with the account they have.
 */
export function addressLogsInElsewhere(tx: TxOrDb, personId: number, email: string): boolean {
  return (
    tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.email, email), ne(people.id, personId), isNotNull(people.passwordHash)))
      .get() !== undefined
  );
}

/**
 * The link to put in a mail that is being sent now, or why there is none: a deactivated
 * person gets no link, and an invitation is only for an account that never chose a password.
 */
export function linkForDelivery(tx: TxOrDb, purpose: LinkPurpose, personId: number, now: Date): { ok: true; url: string } | { ok: false; reason: LinkRefusal } {
  const person = tx
    .select({ email: people.email, deactivatedAt: people.deactivatedAt, passwordHash: people.passwordHash })
    .from(people)
    .where(eq(people.id, personId))
    .get();
  if (!person) return { ok: false, reason: "unknown" };
  if (person.deactivatedAt) return { ok: false, reason: "deactivated" };
  if (purpose === "invite" && person.passwordHash !== null) return { ok: false, reason: "has-password" };
  if (addressLogsInElsewhere(tx, personId, person.email)) return { ok: false, reason: "has-account" };
  return { ok: true, url: linkUrl(purpose, issueToken(tx, personId, purpose, now)) };
}

export type TokenState = { ok: true; personId: number; name: string; email: string } | { ok: false; reason: "unknown" | "used" | "expired" | "has-account" };

/** What a link is worth right now; never tells more than the person holding it may know. */
export function tokenState(token: string, purpose: LinkPurpose, now: Date): TokenState {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, reason: "unknown" };
  const row = getDb()
    .select({
      personId: accountTokens.personId,
      usedAt: accountTokens.usedAt,
      expiresAt: accountTokens.expiresAt,
      name: people.name,
      email: people.email,
      deactivatedAt: people.deactivatedAt,
      passwordHash: people.passwordHash,
    })
    .from(accountTokens)
    .innerJoin(people, eq(people.id, accountTokens.personId))
    .where(and(eq(accountTokens.tokenHash, hashSecret(token)), eq(accountTokens.purpose, purpose)))
    .get();
  if (!row || row.deactivatedAt) return { ok: false, reason: "unknown" };
  if (row.usedAt) return { ok: false, reason: "used" };
  // An invitation is for choosing one's first password, never for replacing one.
  if (purpose === "invite" && row.passwordHash !== null) return { ok: false, reason: "used" };
  if (row.expiresAt <= now) return { ok: false, reason: "expired" };
  if (addressLogsInElsewhere(getDb(), row.personId, row.email)) return { ok: false, reason: "has-account" };
  return { ok: true, personId: row.personId, name: row.name, email: row.email };
}

/**
 * Uses the token: true for exactly one of two simultaneous uses. Every other open link of the
 * person ends with it (a password was just chosen; older links are of no use any more).
 */
export function useToken(tx: TxOrDb, token: string, purpose: LinkPurpose, personId: number, now: Date): boolean {
  const claimed = tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(
      and(eq(accountTokens.tokenHash, hashSecret(token)), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)),
    )
    .run();
  if (claimed.changes !== 1) return false;
  endOpenLinks(tx, personId, now);
  return true;
}

/** Ends every link of the person not used yet: after a password is chosen, or when the one who issued a link replaces it. */
export function endOpenLinks(tx: TxOrDb, personId: number, now: Date): void {
  tx.update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.personId, personId), isNull(accountTokens.usedAt)))
    .run();
}
