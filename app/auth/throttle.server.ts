import { and, eq, gte, inArray, lt } from "drizzle-orm";
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
export function loginWait(keys: string[], now: Date): number {
  const rows = getDb()
    .select({ key: loginFailures.key, at: loginFailures.at })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, keys), gte(loginFailures.at, new Date(now.getTime() - WINDOW_MS))))
    .all();
  return Math.max(0, ...keys.map((key) => waitBeforeNextTry(rows.filter((r) => r.key === key).map((r) => r.at), now)));
}

export function recordLoginFailure(keys: string[], now: Date): void {
  getDb().transaction((tx) => {
    for (const key of keys) {
      tx.insert(loginFailures).values({ key, at: now }).run();
      tx.delete(loginFailures).where(and(eq(loginFailures.key, key), lt(loginFailures.at, new Date(now.getTime() - 24 * WINDOW_MS)))).run();
    }
  });
}

/** A successful login clears the account's failures (the address keeps its own). */
export function clearAccountFailures(keys: string[]): void {
  getDb().delete(loginFailures).where(inArray(loginFailures.key, keys.filter((k) => k.startsWith("account:")))).run();
}
