import { now } from "../clock.server";
import { getDb, pendingMigrations } from "../db.server";
import { outboxState } from "./metrics.server";

/** Mail waiting longer than this means delivery has stopped (the scheduler tries every minute). */
export const OUTBOX_STUCK_AFTER_SECONDS = 15 * 60;

/**
 * Whether this server should get requests (/healthz?ready), with what is wrong when not: the
 * database answers, it has every committed migration, and mail is going out. Liveness
 * (/healthz) asks only the first: a restart does not mend a stuck SMTP server. The answer
 * names the kind of problem only, since anyone can ask; the counts are in /metrics.
 */
export function readinessProblems(at: Date = now()): string[] {
  const problems: string[] = [];
  getDb().$client.prepare("SELECT 1").get();
  if (pendingMigrations() > 0) problems.push("migrations not applied");
  if (outboxState(at).oldestAgeSeconds > OUTBOX_STUCK_AFTER_SECONDS) problems.push("mail stuck in the outbox");
  return problems;
}
