/**
 * Login throttling, the pure rules. Throttle the guesser, not the owner (OWASP ASVS V2.2):
 * five wrong passwords typed by someone else must never keep a person out of her account.
 *
 * Failures are counted under two keys, and a try waits when either says so:
 * - the account together with the client's address ("pair"): 5 free failures within an
 *   hour, then 30 seconds after the fifth and twice as long after every one more, at most
 *   15 minutes (counted from the latest failure). This is what slows down guessing one
 *   account, and it touches nobody at another address: the owner, at her own computer,
 *   still gets in with the right password.
 * - the client's address across all accounts ("address"): 20 free failures within an hour,
 *   then the same waits. This slows down one address trying a likely password on many
 *   accounts (spraying). It is higher than the pair's because a school, a preschool or a
 *   police station reaches the portal through one shared address, and several people there
 *   mistyping on a Monday morning must not lock the building out.
 *
 * The account-wide safeguard, against one account guessed from many addresses (a botnet
 * gets five free tries per address): when the account has had 10 or more failures within a
 * day from other addresses than this one, this address gets the stricter "under attack"
 * budget for the account: 2 free failures, counted over a day instead of an hour, waits up
 * to an hour. The owner is still let in with the right password from an address that has
 * not been failing (her first or second try goes through), while every guessing address
 * gets two tries a day and then ever longer waits instead of five fresh tries every hour.
 * Her own mistypes count only under her own pair, never as "other addresses".
 */
import { countOf } from "../format/count";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type Budget = { freeTries: number; windowMs: number; longestWaitMs: number };

/** One account from one address. */
export const PAIR_BUDGET: Budget = { freeTries: 5, windowMs: HOUR, longestWaitMs: 15 * MINUTE };
/** One address, all accounts together. */
export const ADDRESS_BUDGET: Budget = { freeTries: 20, windowMs: HOUR, longestWaitMs: 15 * MINUTE };
/** One account from one address while the account is being guessed from elsewhere. */
export const UNDER_ATTACK_PAIR_BUDGET: Budget = { freeTries: 2, windowMs: DAY, longestWaitMs: HOUR };
/** Failures on an account from other addresses, within `UNDER_ATTACK_WINDOW_MS`, that make it "under attack". */
export const UNDER_ATTACK_FAILURES = 10;
export const UNDER_ATTACK_WINDOW_MS = DAY;
/** No rule looks further back than this: older failures may be deleted. */
export const LONGEST_WINDOW_MS = DAY;

const FIRST_WAIT_MS = 30_000;

/** How long from `now` the next try must wait under a budget (0: it may go ahead). */
export function waitBeforeNextTry(failures: Date[], now: Date, budget: Budget = PAIR_BUDGET): number {
  const recent = failures.filter((f) => now.getTime() - f.getTime() < budget.windowMs);
  if (recent.length < budget.freeTries) return 0;
  const latest = Math.max(...recent.map((f) => f.getTime()));
  const wait = Math.min(FIRST_WAIT_MS * 2 ** Math.min(recent.length - budget.freeTries, 30), budget.longestWaitMs);
  return Math.max(0, latest + wait - now.getTime());
}

/** The failures that bear on one login try. */
export type LoginFailures = {
  /** This account from this address. */
  pair: Date[];
  /** This account from every other address. */
  otherAddresses: Date[];
  /** This address, every account; null when the address is unknown (see throttle.server.ts). */
  address: Date[] | null;
};

/** Whether an account is being guessed from elsewhere, seen from one address. */
export function underAttack(otherAddresses: Date[], now: Date): boolean {
  return otherAddresses.filter((f) => now.getTime() - f.getTime() < UNDER_ATTACK_WINDOW_MS).length >= UNDER_ATTACK_FAILURES;
}

/** How long from `now` a login try must wait (0: the password may be checked). */
export function loginWait(f: LoginFailures, now: Date): number {
  const pairBudget = underAttack(f.otherAddresses, now) ? UNDER_ATTACK_PAIR_BUDGET : PAIR_BUDGET;
  return Math.max(waitBeforeNextTry(f.pair, now, pairBudget), f.address ? waitBeforeNextTry(f.address, now, ADDRESS_BUDGET) : 0);
}

/** "Vänta 2 minuter och försök igen." */
export function waitMessage(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const span = seconds < 60 ? countOf(seconds, "sekund", "sekunder") : countOf(Math.ceil(seconds / 60), "minut", "minuter");
  return `För många misslyckade inloggningar. Vänta ${span} och försök igen. Har du glömt lösenordet kan du be om ett nytt.`;
}
