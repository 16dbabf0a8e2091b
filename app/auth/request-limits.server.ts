import { and, count, eq, gte, lt } from "drizzle-orm";
import { loginFailures } from "../../db/schema";
import { atomic, getDb } from "../db.server";

/**
 * A plain count of requests per key in a sliding window, kept in the login_failures table
 * under keys of their own ("reset-from:<address>"), so the nightly clean-up covers them.
 */

/** The client's address as a key, or null for loopback (a reverse proxy: set TRUST_PROXY to see the client). */
export function clientKey(prefix: string, address: string | undefined): string | null {
  if (!address || /^(127\.|::1$|::ffff:127\.)/.test(address)) return null;
  return `${prefix}:${address.slice(0, 64)}`;
}

/** Counts this request under `key` and says whether it is within `limit` per `windowMs`. */
export const withinLimit = atomic(function withinLimit(key: string, limit: number, windowMs: number, now: Date): boolean {
  const db = getDb();
  const since = new Date(now.getTime() - windowMs);
  const used = db.select({ n: count() }).from(loginFailures).where(and(eq(loginFailures.key, key), gte(loginFailures.at, since))).get()!.n;
  if (used >= limit) return false;
  db.delete(loginFailures).where(and(eq(loginFailures.key, key), lt(loginFailures.at, since))).run();
  db.insert(loginFailures).values({ key, at: now }).run();
  return true;
});
