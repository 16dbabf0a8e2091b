import { and, eq, gte, inArray, lt, or } from "drizzle-orm";
import { loginFailures } from "../../db/schema";
import { getDb } from "../db.server";
import { normaliseEmail } from "../models/people.server";
import { WINDOW_MS, waitBeforeNextTry } from "./throttle";

/**
 * The throttling keys of a login: the account tried, and the address it came from. A loopback
 * address is the reverse proxy, not a client (set TRUST_PROXY to see the client's): counting it
 * would make every user wait for one person's typing, so it is left out.
 */
export function throttleKeys(email: string, address: string): string[] {
  const keys = [`account:${normaliseEmail(email).slice(0, 254)}`];
  const loopback = /^(127\.|::1$|::ffff:127\.)/.test(address);
  if (address && !loopback) keys.push(`address:${address.slice(0, 64)}`);
  return keys;
}

/** The longest wait any of the keys must keep, in milliseconds. */
function loginWait(keys: string[], now: Date): number {
  const rows = getDb()
    .select({ key: loginFailures.key, at: loginFailures.at })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, keys), gte(loginFailures.at, new Date(now.getTime() - WINDOW_MS))))
    .all();
  return Math.max(0, ...keys.map((key) => waitBeforeNextTry(rows.filter((r) => r.key === key).map((r) => r.at), now)));
}

export type LoginAttempt = { wait: number } | { wait: 0; attemptIds: number[] };

/**
 * Before the password is checked: either the wait still to keep, or the attempt written down
 * for every key as a failure, in the same transaction as the check. The password check is
 * asynchronous, so many guesses sent at once would otherwise all pass the check before the
 * first failure was written. A successful login takes its attempt back (`loginSucceeded`).
 */
export function beginLoginAttempt(keys: string[], now: Date): LoginAttempt {
  return getDb().transaction((tx) => {
    const wait = loginWait(keys, now);
    if (wait > 0) return { wait };
    const attemptIds = keys.map((key) => {
      tx.delete(loginFailures).where(and(eq(loginFailures.key, key), lt(loginFailures.at, new Date(now.getTime() - 24 * WINDOW_MS)))).run();
      return tx.insert(loginFailures).values({ key, at: now }).returning({ id: loginFailures.id }).get().id;
    });
    return { wait: 0, attemptIds };
  });
}

/** The password was right: the attempt was no failure, and the account's earlier failures are cleared (the address keeps its own). */
export function loginSucceeded(keys: string[], attemptIds: number[]): void {
  getDb().delete(loginFailures).where(or(inArray(loginFailures.id, attemptIds), inArray(loginFailures.key, keys.filter((k) => k.startsWith("account:"))))).run();
}
