/**
 * Login throttling, the pure rule: after 5 failed logins within an hour (for one account, or
 * from one address), each further try must wait, 30 seconds after the fifth failure and twice
 * as long after every one more, at most 15 minutes. Counted from the latest failure.
 */

export const FREE_TRIES = 5;
export const WINDOW_MS = 60 * 60_000;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 15 * 60_000;

/** How long from `now` the next try must wait (0: it may go ahead). */
export function waitBeforeNextTry(failures: Date[], now: Date): number {
  const recent = failures.filter((f) => now.getTime() - f.getTime() < WINDOW_MS);
  if (recent.length < FREE_TRIES) return 0;
  const latest = Math.max(...recent.map((f) => f.getTime()));
  const wait = Math.min(FIRST_WAIT_MS * 2 ** (recent.length - FREE_TRIES), LONGEST_WAIT_MS);
  return Math.max(0, latest + wait - now.getTime());
}

/** "Vänta 2 minuter och försök igen." */
export function waitMessage(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  const span = seconds < 60 ? `${seconds} sekunder` : `${Math.ceil(seconds / 60)} ${Math.ceil(seconds / 60) === 1 ? "minut" : "minuter"}`;
  return `För många misslyckade inloggningar. Vänta ${span} och försök igen. Har du glömt lösenordet kan du be om ett nytt.`;
}
