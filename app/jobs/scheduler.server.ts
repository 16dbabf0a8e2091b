import { and, asc, eq, inArray, isNull, lte, notInArray } from "drizzle-orm";
import { jobs } from "../../db/schema";
import { now } from "../clock.server";
import { getDb } from "../db.server";
import { env } from "../env.server";
import type { TxOrDb } from "../db.server";
import { errorForLog, log } from "../http/log.js";
import { deliverDueMail } from "../mail/outbox.server";
import { jobRuns } from "../ops/metrics.server";

export type ScheduledJob = { id: number; key: string; kind: string; runAt: Date };
export type JobHandler = (job: ScheduledJob) => void | Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

const MINUTE = 60_000;
/** Wait after the 1st … 4th failed attempt; the 5th failure gives up. */
export const JOB_RETRY_DELAYS_MS = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE] as const;
export const MAX_JOB_ATTEMPTS = JOB_RETRY_DELAYS_MS.length + 1;
/**
 * A claimed job's run_at is pushed this far ahead while its handler runs. If the process
 * dies mid-run the job becomes due again after the lease, so handlers should be idempotent.
 */
const CLAIM_LEASE_MS = 10 * MINUTE;

/**
 * Schedules a job once: a second call with the same key changes nothing, even if the first
 * one has already run. To move a job, cancel it and schedule it again.
 */
export function scheduleJob(job: { key: string; kind: string; runAt: Date }, db: TxOrDb = getDb()): void {
  db.insert(jobs).values({ key: job.key, kind: job.kind, runAt: job.runAt }).onConflictDoNothing({ target: jobs.key }).run();
}

/**
 * Cancels a job that has not run yet by deleting its row, so that the same key can be
 * scheduled again later (a booking cancelled and made again). A job that has already run
 * is kept as a record. Returns whether a job was cancelled.
 */
export function cancelJob(key: string, db: TxOrDb = getDb()): boolean {
  return (
    db
      .delete(jobs)
      .where(and(eq(jobs.key, key), isNull(jobs.doneAt)))
      .run().changes === 1
  );
}

const unknownKindsLogged = new Set<string>();

/**
 * Runs every job that is due at `now` and has a handler. Each job is claimed before its
 * handler runs, so two runners (two calls, or the server and `jobs:run-once`) never run
 * it twice. Success sets done_at and clears last_error; a job given up after
 * MAX_JOB_ATTEMPTS failures has done_at and keeps its last_error.
 */
export async function runDueJobs(now: Date, handlers: JobHandlers): Promise<{ ran: number; failed: number }> {
  const db = getDb();
  const kinds = Object.keys(handlers);
  const dueNow = and(isNull(jobs.doneAt), lte(jobs.runAt, now));
  const result = { ran: 0, failed: 0 };

  const unknown = db
    .selectDistinct({ kind: jobs.kind })
    .from(jobs)
    .where(kinds.length > 0 ? and(dueNow, notInArray(jobs.kind, kinds)) : dueNow)
    .all();
  for (const { kind } of unknown) {
    if (unknownKindsLogged.has(kind)) continue;
    unknownKindsLogged.add(kind);
    log.warn({ job: kind }, `no handler for job kind "${kind}"; its jobs are left until one is registered`);
  }
  if (kinds.length === 0) return result;

  const due = db
    .select()
    .from(jobs)
    .where(and(dueNow, inArray(jobs.kind, kinds)))
    .orderBy(asc(jobs.runAt), asc(jobs.id))
    .all();

  for (const row of due) {
    const handler = handlers[row.kind];
    if (!handler) continue;
    // Compare-and-set on what we read: a job another runner claimed, finished or a
    // caller cancelled since is left alone.
    const claimed = db
      .update(jobs)
      .set({ runAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
      .where(and(eq(jobs.id, row.id), isNull(jobs.doneAt), eq(jobs.runAt, row.runAt), eq(jobs.attempts, row.attempts)))
      .run();
    if (claimed.changes !== 1) continue;

    const stillOpen = and(eq(jobs.id, row.id), isNull(jobs.doneAt));
    try {
      await handler({ id: row.id, key: row.key, kind: row.kind, runAt: row.runAt });
      db.update(jobs).set({ doneAt: now, lastError: null }).where(stillOpen).run();
      result.ran++;
      jobRuns.inc({ kind: row.kind, outcome: "done" });
      log.info({ job: row.kind, jobId: row.id }, "job done");
    } catch (error) {
      const attempts = row.attempts + 1;
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 300);
      jobRuns.inc({ kind: row.kind, outcome: "failed" });
      log.error({ job: row.kind, jobId: row.id, attempt: attempts, of: MAX_JOB_ATTEMPTS, err: errorForLog(error) }, "job failed");
      const retryDelay = JOB_RETRY_DELAYS_MS[attempts - 1];
      db.update(jobs)
        .set(
          attempts >= MAX_JOB_ATTEMPTS || retryDelay === undefined
            ? { attempts, lastError, doneAt: now }
            : { attempts, lastError, runAt: new Date(now.getTime() + retryDelay) },
        )
        .where(stillOpen)
        .run();
      result.failed++;
    }
  }
  return result;
}

// The registry and the timer live on globalThis so that evaluating this module again in the
// same process (vitest does it for every test file) neither loses the handlers nor starts a
// second timer.
const globalForJobs = globalThis as unknown as {
  __portalJobHandlers?: Map<string, JobHandler>;
  __portalScheduler?: { stop: () => void };
};

function registry(): Map<string, JobHandler> {
  globalForJobs.__portalJobHandlers ??= new Map();
  return globalForJobs.__portalJobHandlers;
}

/** Feature modules register the handler of each job kind they schedule. */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  registry().set(kind, handler);
}

/** The registered handlers, as `runDueJobs` takes them. */
export function registeredJobHandlers(): JobHandlers {
  return Object.fromEntries(registry());
}

/**
 * Starts the in-process scheduler: every `intervalMs` (SCHEDULER_INTERVAL_MS, a minute by default; and once right away) it runs the due
 * jobs and then delivers the due mail, by the portal's clock. At most one timer per
 * process; the timer does not keep the process alive. `SCHEDULER=off` disables it, for an
 * installation that runs `npm run jobs:run-once` from cron instead. Returns a stop function.
 */
export function startScheduler(handlers: JobHandlers = {}, intervalMs = env.SCHEDULER_INTERVAL_MS): () => void {
  if (env.SCHEDULER === "off") return () => {};
  if (globalForJobs.__portalScheduler) return globalForJobs.__portalScheduler.stop;

  let busy = false;
  const tick = async () => {
    // A slow SMTP server can make one tick outlast the interval; ticks must not pile up.
    if (busy) return;
    busy = true;
    try {
      // Read the registry at every tick: a feature may register after the start.
      await runDueJobs(now(), { ...registeredJobHandlers(), ...handlers });
    } catch (error) {
      log.error({ err: errorForLog(error) }, "running due jobs failed");
    }
    try {
      const mail = await deliverDueMail(now());
      if (mail.sent + mail.kept + mail.retried + mail.failed > 0) log.info({ mail }, "mail delivered");
    } catch (error) {
      log.error({ err: errorForLog(error) }, "delivering due mail failed");
    } finally {
      busy = false;
    }
  };

  const first = setTimeout(() => void tick(), 0);
  const timer = setInterval(() => void tick(), intervalMs);
  first.unref();
  timer.unref();
  const stop = () => {
    clearTimeout(first);
    clearInterval(timer);
    if (globalForJobs.__portalScheduler?.stop === stop) globalForJobs.__portalScheduler = undefined;
  };
  globalForJobs.__portalScheduler = { stop };
  return stop;
}
