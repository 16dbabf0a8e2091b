import { SCHEDULER } from "../auth/permissions";
import { purgeOldLoginFailures } from "../auth/throttle.server";
import { now } from "../clock.server";
import { log } from "../http/log.js";
import { purgeClosedConsultations } from "../models/consultations.server";
import { purgeHandledRequests } from "../models/support.server";
import { sendReminder } from "../models/walk-booking.server";
import { purgeOldBookingNotes } from "../models/walk-retention.server";
import { addDays, instantAt, localDateOf } from "../time/stockholm";
import { registerJobHandler, scheduleJob, startScheduler } from "./scheduler.server";

/** The nightly purge of old consultation texts, one job per night (its key is the date). */
function scheduleNightlyPurge(date: string) {
  scheduleJob({ key: `consultations.purge:${date}`, kind: "consultations.purge", runAt: instantAt(date, "02:00") });
}

/**
 * Every kind of scheduled job and its handler, registered by an explicit call (not by a
 * side-effect import: package.json says `"sideEffects": false`). Safe to call more than once.
 */
export function registerAllJobs(): void {
  // "walk-reminder:<bookingId>:<date>": the working day before a walk-and-talk.
  registerJobHandler("walk.reminder", (job) => {
    const bookingId = Number(job.key.split(":")[1]);
    if (Number.isSafeInteger(bookingId)) sendReminder(SCHEDULER, bookingId, now());
  });
  // "consultations.purge:<date>": deletes the free text of consultations closed longer ago
  // than the retention period, then books the next night.
  registerJobHandler("consultations.purge", (job) => {
    const purged = purgeClosedConsultations(SCHEDULER, now()) + purgeHandledRequests(SCHEDULER, now()) + purgeOldBookingNotes(SCHEDULER, now());
    if (purged > 0) log.info({ job: "retention", purged }, "purged the free text of old consultations, support requests and booking notes");
    purgeOldLoginFailures(now());
    scheduleNightlyPurge(addDays(job.key.split(":")[1] ?? localDateOf(now()), 1));
  });
}

/** Registers the handlers and starts the in-process scheduler (once per process). */
export function startBackgroundWork(): void {
  registerAllJobs();
  scheduleNightlyPurge(localDateOf(now()));
  startScheduler();
}
