import fs from "node:fs";
import path from "node:path";
import { count, eq, min } from "drizzle-orm";
import client from "prom-client";
import { outbox } from "../../db/schema";
import { now } from "../clock.server";
import { getDb, pendingMigrations } from "../db.server";
import { env } from "../env.server";
import { metric } from "../http/metrics.js";

/**
 * The portal's own metrics, beside the server's in app/http/metrics.js (requests, the page
 * queue, the process). Counters count in each process and are added up at /metrics; the
 * gauges below read the database and the disk when /metrics is asked, with `aggregator:
 * "max"` because every process reads the same file. docs/deploy/alerts.yml alerts on them.
 */

export const failedLogins = metric(
  "portal_login_failures_total",
  () => new client.Counter({ name: "portal_login_failures_total", help: "Logins refused for a wrong address or password." }),
);

export const throttledLogins = metric(
  "portal_logins_throttled_total",
  () => new client.Counter({ name: "portal_logins_throttled_total", help: "Login tries told to wait (too many failures from the client or on the account)." }),
);

export const mailSent = metric("portal_mail_sent_total", () => new client.Counter({ name: "portal_mail_sent_total", help: "Mail handed to the SMTP server." }));

export const mailAttemptsFailed = metric(
  "portal_mail_attempts_failed_total",
  () =>
    new client.Counter({
      name: "portal_mail_attempts_failed_total",
      help: "Attempts to hand a mail to the SMTP server that failed (each is retried, up to its last).",
    }),
);

export const jobRuns = metric(
  "portal_job_runs_total",
  () => new client.Counter({ name: "portal_job_runs_total", help: "Scheduled jobs run, by kind and outcome.", labelNames: ["kind", "outcome"] }),
);

const MAX = { aggregator: "max" } as const;

metric(
  "portal_outbox_pending",
  () =>
    new client.Gauge({
      name: "portal_outbox_pending",
      help: "Mail waiting in the outbox to be sent.",
      ...MAX,
      collect() {
        this.set(outboxState().pending);
      },
    }),
);

metric(
  "portal_outbox_oldest_pending_age_seconds",
  () =>
    new client.Gauge({
      name: "portal_outbox_oldest_pending_age_seconds",
      help: "How long the oldest unsent mail has waited (0 when none waits).",
      ...MAX,
      collect() {
        this.set(outboxState().oldestAgeSeconds);
      },
    }),
);

metric(
  "portal_outbox_failed",
  () =>
    new client.Gauge({
      name: "portal_outbox_failed",
      help: "Mail given up on after its last attempt (the coordinator's outbox lists them).",
      ...MAX,
      collect() {
        this.set(getDb().select({ n: count() }).from(outbox).where(eq(outbox.status, "failed")).get()?.n ?? 0);
      },
    }),
);

metric(
  "portal_database_bytes",
  () =>
    new client.Gauge({
      name: "portal_database_bytes",
      help: "Size of the SQLite database file and of its write-ahead log.",
      labelNames: ["file"],
      ...MAX,
      collect() {
        if (env.DATABASE_PATH === ":memory:") return;
        this.set({ file: "database" }, sizeOf(env.DATABASE_PATH));
        this.set({ file: "wal" }, sizeOf(`${env.DATABASE_PATH}-wal`));
      },
    }),
);

metric(
  "portal_data_disk_bytes",
  () =>
    new client.Gauge({
      name: "portal_data_disk_bytes",
      help: "Size and free space of the file system that holds the database (and its backups/).",
      labelNames: ["kind"],
      ...MAX,
      collect() {
        if (env.DATABASE_PATH === ":memory:") return;
        const disk = fs.statfsSync(path.dirname(path.resolve(env.DATABASE_PATH)));
        this.set({ kind: "size" }, disk.blocks * disk.bsize);
        this.set({ kind: "free" }, disk.bavail * disk.bsize);
      },
    }),
);

metric(
  "portal_backup_newest_timestamp_seconds",
  () =>
    new client.Gauge({
      name: "portal_backup_newest_timestamp_seconds",
      help: "When the newest backup in backups/ beside the database was written (npm run backup), in Unix seconds; 0 when there is none.",
      ...MAX,
      collect() {
        this.set((newestBackup() ?? 0) / 1000);
      },
    }),
);

metric(
  "portal_migrations_pending",
  () =>
    new client.Gauge({
      name: "portal_migrations_pending",
      help: "Committed migrations the database has not had (the server applies them at start).",
      ...MAX,
      collect() {
        this.set(pendingMigrations());
      },
    }),
);

/** How many mails wait and how long the oldest has, by the portal's clock. */
export function outboxState(at: Date = now()): { pending: number; oldestAgeSeconds: number } {
  const row = getDb()
    .select({ pending: count(), oldest: min(outbox.createdAt) })
    .from(outbox)
    .where(eq(outbox.status, "pending"))
    .get();
  const oldest = row?.oldest ? new Date(row.oldest).getTime() : null;
  return { pending: row?.pending ?? 0, oldestAgeSeconds: oldest === null ? 0 : Math.max(0, (at.getTime() - oldest) / 1000) };
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** The newest backup's time (ms), or null: the files `npm run backup` writes by default. */
function newestBackup(): number | null {
  const dir = path.join(path.dirname(path.resolve(env.DATABASE_PATH)), "backups");
  let newest: number | null = null;
  try {
    for (const name of fs.readdirSync(dir)) {
      if (!/^portal-.*\.db$/.test(name)) continue;
      const at = fs.statSync(path.join(dir, name)).mtimeMs;
      if (newest === null || at > newest) newest = at;
    }
  } catch {
    return null;
  }
  return newest;
}
