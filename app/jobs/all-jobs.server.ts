import { now } from "../clock.server";
import { sendReminder } from "../models/walk-and-talk.server";
import { registerJobHandler, startScheduler } from "./scheduler.server";

/**
 * Every kind of scheduled job and its handler, registered by an explicit call (not by a
 * side-effect import: package.json says `"sideEffects": false`). Safe to call more than once.
 */
export function registerAllJobs(): void {
  // "walk-reminder:<bookingId>:<date>": the working day before a walk-and-talk.
  registerJobHandler("walk.reminder", (job) => {
    const bookingId = Number(job.key.split(":")[1]);
    if (Number.isSafeInteger(bookingId)) sendReminder(bookingId, now());
  });
}

/** Registers the handlers and starts the in-process scheduler (once per process). */
export function startBackgroundWork(): void {
  registerAllJobs();
  startScheduler();
}
