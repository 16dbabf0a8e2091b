import { and, asc, eq, gte, inArray, lt, or } from "drizzle-orm";
import { loginFailures } from "../../db/schema";
import { getDb } from "../db.server";
import { normaliseEmail } from "../models/people.server";
import { throttledLogins } from "../ops/metrics.server";
import { ADDRESS_BUDGET, LONGEST_WINDOW_MS, loginWait, type LoginFailures } from "./throttle";

/**
 * The client an address stands for, as a throttling key part, or null when it tells nothing:
 * no address, or a loopback address, which is the reverse proxy in front of the portal and
 * not a client (counting it would make everyone wait for one person's typing). Behind a
 * proxy TRUST_PROXY must be set, or every client is null and the pair key falls back to
 * the account alone (see README). An IPv4 address is itself (also when written as IPv6,
 * `::ffff:203.0.113.9`); an IPv6 address counts by its /64, the network one subscriber
 * gets, or one guesser would have 2^64 addresses to rotate through.
 */
export function clientOf(address: unknown): string | null {
  if (typeof address !== "string" || address === "") return null;
  if (/^(127\.|::1$|::ffff:127\.)/i.test(address)) return null;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (address.includes(":")) return ipv6Network(address) ?? address.slice(0, 64);
  return address.slice(0, 64);
}

/** "2001:db8:a:b:1:2:3:4" → "2001:db8:a:b::/64"; null for what is no IPv6 address. */
function ipv6Network(address: string): string | null {
  const parts = address.split("%")[0]!.toLowerCase().split("::");
  if (parts.length > 2) return null;
  const groups = (s: string | undefined) => (s ? s.split(":") : []);
  const width = (g: string[]) => g.reduce((n, x) => n + (x.includes(".") ? 2 : 1), 0);
  const head = groups(parts[0]);
  const tail = groups(parts[1]);
  const missing = 8 - width(head) - width(tail);
  if (parts.length === 1 ? missing !== 0 : missing < 1) return null;
  const first = [...head, ...Array<string>(parts.length === 1 ? 0 : missing).fill("0"), ...tail].slice(0, 4);
  if (!first.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return `${first.map((g) => g.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

/**
 * The keys of a login try: the account together with the client ("pair:<email>|<client>",
 * "pair:<email>|" when the client is unknown) and the client alone ("address:<client>").
 * The account's failures from every address are the pair keys with its prefix, read as a
 * key range (one index, no LIKE): nothing else is written per try.
 */
export type LoginKeys = { account: string; pair: string; address: string | null };

export function throttleKeys(email: string, address: unknown): LoginKeys {
  const account = normaliseEmail(email).slice(0, 254);
  const client = clientOf(address);
  return { account, pair: `pair:${account}|${client ?? ""}`, address: client === null ? null : `address:${client}` };
}

const ago = (now: Date, ms: number) => new Date(now.getTime() - ms);

function failuresOf(keys: LoginKeys, now: Date): LoginFailures {
  // Every pair key of the account sorts between "pair:<email>|" and "pair:<email>}" ("}" follows "|").
  const first = `pair:${keys.account}|`;
  const after = `pair:${keys.account}}`;
  const rows = getDb()
    .select({ key: loginFailures.key, at: loginFailures.at })
    .from(loginFailures)
    .where(
      or(
        and(gte(loginFailures.key, first), lt(loginFailures.key, after), gte(loginFailures.at, ago(now, LONGEST_WINDOW_MS))),
        keys.address === null ? undefined : and(eq(loginFailures.key, keys.address), gte(loginFailures.at, ago(now, ADDRESS_BUDGET.windowMs))),
      ),
    )
    .all();
  return {
    pair: rows.filter((r) => r.key === keys.pair).map((r) => r.at),
    otherAddresses: rows.filter((r) => r.key !== keys.pair && r.key !== keys.address).map((r) => r.at),
    address: keys.address === null ? null : rows.filter((r) => r.key === keys.address).map((r) => r.at),
  };
}

export type LoginAttempt = { wait: number } | { wait: 0; attemptIds: number[] };

/**
 * Before the password is checked: either the wait still to keep, or the attempt written down
 * for every key as a failure, in the same transaction as the check. The password check is
 * asynchronous, so many guesses sent at once would otherwise all pass the check before the
 * first failure was written. A successful login takes its attempt back (`loginSucceeded`).
 */
export function beginLoginAttempt(keys: LoginKeys, now: Date): LoginAttempt {
  return getDb().transaction((tx) => {
    const wait = loginWait(failuresOf(keys, now), now);
    if (wait > 0) {
      throttledLogins.inc();
      return { wait };
    }
    const attemptIds = [keys.pair, ...(keys.address === null ? [] : [keys.address])].map((key) => {
      tx.delete(loginFailures)
        .where(and(eq(loginFailures.key, key), lt(loginFailures.at, ago(now, LONGEST_WINDOW_MS))))
        .run();
      return tx.insert(loginFailures).values({ key, at: now }).returning({ id: loginFailures.id }).get().id;
    });
    return { wait: 0, attemptIds };
  });
}

/**
 * The password was right: the attempt was no failure, and this client's earlier failures on
 * the account are forgiven (her own mistypes). The address keeps its failures on other
 * accounts, and other addresses keep theirs on this one: the owner logging in says nothing
 * about who else is guessing.
 */
export function loginSucceeded(keys: LoginKeys, attemptIds: number[]): void {
  getDb()
    .delete(loginFailures)
    .where(or(inArray(loginFailures.id, attemptIds), eq(loginFailures.key, keys.pair)))
    .run();
}

/** For the nightly job: failures older than any rule looks back (keys never tried again keep their rows otherwise). */
export function purgeOldLoginFailures(now: Date): number {
  return getDb()
    .delete(loginFailures)
    .where(lt(loginFailures.at, ago(now, LONGEST_WINDOW_MS)))
    .run().changes;
}

/**
 * A request budget for other throttles (the password reset page, per client and per
 * address asked for): counts one request under `key` unless `limit` requests were counted
 * within `windowMs`, in one transaction, so that requests sent at once cannot all slip
 * under the limit. Returns 0 when the request was counted and may go ahead, else the
 * milliseconds until one leaves the window (for `Retry-After`). Keys share the login
 * failures' table: give them an own prefix ("reset-client:<clientOf(...)>"), never "pair:"
 * or "address:". Skip the per-client count when `clientOf` is null (the proxy). The nightly
 * purge deletes rows older than a day, so `windowMs` is at most a day.
 */
export function countRequest(key: string, limit: number, windowMs: number, now: Date): number {
  if (/^(pair|address):/.test(key) || windowMs > LONGEST_WINDOW_MS || limit < 1)
    throw new Error(`countRequest: key ${key} or window ${windowMs} ms is not allowed`);
  return getDb().transaction((tx) => {
    const times = tx
      .select({ at: loginFailures.at })
      .from(loginFailures)
      .where(and(eq(loginFailures.key, key), gte(loginFailures.at, ago(now, windowMs - 1))))
      .orderBy(asc(loginFailures.at))
      .all()
      .map((r) => r.at.getTime());
    if (times.length >= limit) return Math.max(1, times[times.length - limit]! + windowMs - now.getTime());
    tx.delete(loginFailures)
      .where(and(eq(loginFailures.key, key), lt(loginFailures.at, ago(now, LONGEST_WINDOW_MS))))
      .run();
    tx.insert(loginFailures).values({ key, at: now }).run();
    return 0;
  });
}
