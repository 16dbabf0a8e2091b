import { now } from "../clock.server";
import { getDb, pendingMigrations } from "../db.server";
import { outboxState } from "./metrics.server";

/** Mail waiting longer than this means delivery has stopped (the scheduler tries every minute). */
export const OUTBOX_STUCK_AFTER_SECONDS = 15 * 60;

/**
 * Whether this server should get requests (/healthz?ready), with what is wrong when not: the
 * database answers, it has every committed migration, and mail is going out. Liveness
 * (/healthz) asks only the first: a restart does not mend a stuck SMTP server.
 */
export function readinessProblems(at: Date = now()): string[] {
  const problems: string[] = [];
  getDb().$client.prepare("SELECT 1").get();
  const pending = pendingMigrations();
  if (pending > 0) problems.push(`${pending} migrations not applied`);
  const mail = outboxState(at);
  if (mail.oldestAgeSeconds > OUTBOX_STUCK_AFTER_SECONDS)
    problems.push(`outbox stuck: ${mail.pending} mails waiting, the oldest for ${Math.round(mail.oldestAgeSeconds / 60)} minutes`);
  return problems;
}
