import { and, eq, inArray, isNotNull, lt } from "drizzle-orm";
import { walkBookings, walkSlots } from "../../db/schema";
import { assertScheduler, type SystemActor } from "../auth/permissions";
import { getDb } from "../db.server";
import { env } from "../env.server";

/**
 * Walk-and-talk for the scheduler: the retention job that forgets what bookers wrote about
 * their question once the walk is long past. Only the system actor may run it.
 */

/** Deletes the notes of bookings whose walk took place longer ago than the retention period. */
export function purgeOldBookingNotes(system: SystemActor, now: Date, retentionDays = env.CONSULTATION_RETENTION_DAYS): number {
  assertScheduler(system);
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
  const old = getDb()
    .select({ id: walkBookings.id })
    .from(walkBookings)
    .innerJoin(walkSlots, eq(walkSlots.id, walkBookings.slotId))
    .where(and(lt(walkSlots.endsAt, cutoff), isNotNull(walkBookings.note)))
    .all()
    .map((b) => b.id);
  if (old.length === 0) return 0;
  return getDb().update(walkBookings).set({ note: null }).where(inArray(walkBookings.id, old)).run().changes;
}
