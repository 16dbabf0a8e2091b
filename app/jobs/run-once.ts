/**
 * `npm run jobs:run-once`: runs the due jobs and delivers the due mail once, then exits.
 * For cron, typically with `SCHEDULER=off` on the server. Safe to run beside a server whose
 * scheduler is on: jobs and messages are claimed in the database, so none runs twice.
 * Exits non-zero only on an unexpected error; failed jobs and mail are recorded in their rows.
 */
import { now } from "../clock.server";
import { getDb, type DB } from "../db.server";
import { deliverDueMail } from "../mail/outbox.server";
import { closeTransports } from "../mail/transport.server";
import { registerAllJobs } from "./all-jobs.server";
import { registeredJobHandlers, runDueJobs } from "./scheduler.server";

let db: DB | undefined;

async function main(): Promise<void> {
  // Opening the database applies pending migrations; better to fail here than mid-run.
  db = getDb();
  // The same handlers the server's scheduler uses (app/jobs/all-jobs.server.ts).
  registerAllJobs();

  const jobs = await runDueJobs(now(), registeredJobHandlers());
  const mail = await deliverDueMail(now());
  console.log(`jobs: ${jobs.ran} ran, ${jobs.failed} failed`);
  console.log(`mail: ${mail.sent} sent, ${mail.retried} to retry, ${mail.failed} failed, ${mail.kept} kept in the outbox`);
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  closeTransports();
  db?.$client.close();
}
