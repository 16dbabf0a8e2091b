import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { accountTokens, people } from "../../db/schema";
import { hashPassword } from "../auth/password.server";
import { getDb } from "../db.server";
import { env } from "../env.server";
import { enqueueMail } from "../mail/outbox.server";
import { recordAudit } from "./audit.server";
import { findActivePersonByEmail } from "./people.server";

/**
 * One-time links for accounts: an invitation to set one's first password (valid 7 days) and
 * a password reset (valid 1 hour). The link carries a random token; only its SHA-256 hash is
 * stored, and using it is one conditional UPDATE, so a link works exactly once.
 */

export const TOKEN_LIFETIME_MS = { invite: 7 * 24 * 3_600_000, reset: 3_600_000 } as const;
type Purpose = keyof typeof TOKEN_LIFETIME_MS;
type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");
const link = (path: string) => `${env.APP_URL.replace(/\/$/, "")}${path}`;

/** A new token for the person; earlier unused tokens of the same purpose stop working. */
export function issueToken(tx: Tx, personId: number, purpose: Purpose, now: Date): string {
  const token = randomBytes(32).toString("base64url");
  tx.update(accountTokens).set({ usedAt: now }).where(and(eq(accountTokens.personId, personId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt))).run();
  tx.insert(accountTokens).values({ personId, purpose, tokenHash: hashOf(token), expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]), createdAt: now }).run();
  return token;
}

export type TokenState = { ok: true; personId: number; name: string; email: string } | { ok: false; reason: "unknown" | "used" | "expired" };

/** What a link is worth right now; never tells more than the person holding it may know. */
export function tokenState(token: string, purpose: Purpose, now: Date): TokenState {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, reason: "unknown" };
  const row = getDb()
    .select({ personId: accountTokens.personId, usedAt: accountTokens.usedAt, expiresAt: accountTokens.expiresAt, name: people.name, email: people.email, deactivatedAt: people.deactivatedAt })
    .from(accountTokens)
    .innerJoin(people, eq(people.id, accountTokens.personId))
    .where(and(eq(accountTokens.tokenHash, hashOf(token)), eq(accountTokens.purpose, purpose)))
    .get();
  if (!row || row.deactivatedAt) return { ok: false, reason: "unknown" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, personId: row.personId, name: row.name, email: row.email };
}

/** Uses the link to set the password. Exactly one of two simultaneous uses succeeds. */
export async function setPasswordWithToken(token: string, purpose: Purpose, password: string, now: Date): Promise<TokenState> {
  const state = tokenState(token, purpose, now);
  if (!state.ok) return state;
  const passwordHash = await hashPassword(password);
  const used = getDb().transaction((tx) => {
    const claimed = tx
      .update(accountTokens)
      .set({ usedAt: now })
      .where(and(eq(accountTokens.tokenHash, hashOf(token)), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)))
      .run();
    if (claimed.changes !== 1) return false;
    tx.update(people).set({ passwordHash }).where(eq(people.id, state.personId)).run();
    return true;
  });
  if (!used) return { ok: false, reason: "used" };
  const person = getDb().select({ districtId: people.districtId }).from(people).where(eq(people.id, state.personId)).get()!;
  recordAudit({ personId: state.personId, districtId: person.districtId }, "account.password_set", { type: "person", id: state.personId });
  return state;
}

/**
 * A reset link by mail to an active person with this email. The caller answers the same
 * whether or not anyone has the address, so nobody learns who has an account.
 */
export function requestPasswordReset(email: string, now: Date): void {
  const person = findActivePersonByEmail(email);
  if (!person) return;
  const row = getDb().select({ name: people.name, email: people.email }).from(people).where(eq(people.id, person.id)).get()!;
  getDb().transaction((tx) => {
    const token = issueToken(tx, person.id, "reset", now);
    enqueueMail(
      {
        districtId: person.districtId,
        to: row.email,
        subject: "Välj ett nytt lösenord till Samverkansportalen",
        text: `Hej ${row.name}!\n\nNågon, förhoppningsvis du, bad om ett nytt lösenord. Välj det här inom en timme:\n${link(`/aterstall/${token}`)}\n\nBad du inte om det? Då kan du strunta i det här mejlet. Ditt lösenord är oförändrat.`,
      },
      tx,
    );
  });
  recordAudit({ personId: person.id, districtId: person.districtId }, "account.password_reset_requested", { type: "person", id: person.id });
}

/** The invitation mail with a link to set one's first password. */
export function mailInvitation(tx: Tx, person: { id: number; districtId: number; name: string; email: string }, invitedBy: string, now: Date): void {
  const token = issueToken(tx, person.id, "invite", now);
  enqueueMail(
    {
      districtId: person.districtId,
      to: person.email,
      subject: "Du är inbjuden till Samverkansportalen",
      text: `Hej ${person.name}!\n\n${invitedBy} har bjudit in dig till Samverkansportalen, där skola, förskola, polis och socialtjänsten samverkar kring barn och unga.\n\nVälj ditt lösenord här inom 7 dagar:\n${link(`/inbjudan/${token}`)}\n\nLänken fungerar en gång.`,
    },
    tx,
  );
}
