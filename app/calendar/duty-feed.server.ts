import { and, eq, isNull } from "drizzle-orm";
import { createEvents, type EventAttributes } from "ics";
import { calendarFeeds, people } from "../../db/schema";
import { can, type Actor } from "../auth/permissions";
import { hashSecret, newSecret } from "../auth/secrets.server";
import { getDb } from "../db.server";
import { dutyLineOf } from "../models/duty.server";
import { placeLabel } from "../models/meetings";
import { scheduleOf } from "../models/week.server";
import { formatPhone } from "../format/phone";
import { escapeIcalText, safeEvent } from "./ical-safe";
import { FEED_PRODUCT_ID } from "./product-id";
import { addDays, localDateOf } from "../time/stockholm";
import { countOf } from "../format/count";

/** Whether the person has a calendar address (its token is stored only as a hash, so it cannot be shown again). */
export function hasFeed(actor: Actor): boolean {
  return getDb().select({ personId: calendarFeeds.personId }).from(calendarFeeds).where(eq(calendarFeeds.personId, actor.personId)).get() !== undefined;
}

/** Creates a new secret address and returns its token, to be shown this once; the old one stops working at once. */
export function renewFeedToken(actor: Actor): string | null {
  if (!can(actor, "availability:set-own")) return null;
  const token = newSecret();
  const tokenHash = hashSecret(token);
  getDb()
    .insert(calendarFeeds)
    .values({ personId: actor.personId, tokenHash })
    .onConflictDoUpdate({ target: calendarFeeds.personId, set: { tokenHash, createdAt: new Date() } })
    .run();
  return token;
}

const FEED_WEEKS_BACK = 2;
const FEED_WEEKS_AHEAD = 26;

/**
 * The iCalendar text of a person's coming duty days, found by the feed token, or null
 * for an unknown token or a deactivated person. All-day events; stable UIDs so that a
 * calendar updates a day instead of duplicating it.
 */
export function dutyFeedFor(token: string, now: Date): string | null {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const person = getDb()
    .select({ id: people.id, districtId: people.districtId, name: people.name })
    .from(calendarFeeds)
    .innerJoin(people, eq(people.id, calendarFeeds.personId))
    .where(and(eq(calendarFeeds.tokenHash, hashSecret(token)), isNull(people.deactivatedAt)))
    .get();
  if (!person) return null;
  const today = localDateOf(now);
  const line = dutyLineOf(person);
  const items = scheduleOf({ personId: person.id, districtId: person.districtId }, addDays(today, -7 * FEED_WEEKS_BACK), addDays(today, 7 * FEED_WEEKS_AHEAD));
  const common = { productId: FEED_PRODUCT_ID, calName: `Jourdagar och möten för ${person.name}` } as const;
  const events: EventAttributes[] = items.map((item): EventAttributes => {
    if (item.kind === "duty") {
      const [y, m, day] = item.date.split("-").map(Number) as [number, number, number];
      const [ny, nm, nday] = addDays(item.date, 1).split("-").map(Number) as [number, number, number];
      return {
        ...common,
        uid: `jour-${person.districtId}-${item.date}-${person.id}@samverkansportalen`,
        start: [y, m, day],
        end: [ny, nm, nday],
        title: "Jour: du svarar i jourtelefonen",
        description: line ? `Jourtelefonen: ${formatPhone(line.phone)}. Inga familjemöten den här dagen.` : undefined,
        busyStatus: "BUSY",
        transp: "OPAQUE",
      };
    }
    const timed = {
      start: item.startsAt.getTime(),
      startInputType: "utc",
      startOutputType: "utc",
      end: item.endsAt.getTime(),
      endInputType: "utc",
      endOutputType: "utc",
    } as const;
    return item.kind === "walk"
      ? {
          ...common,
          ...timed,
          uid: `feed-walk-${item.occasionId}@samverkansportalen`,
          title: `Walk-and-talk, ${item.organisationName}`,
          location: item.meetingPoint,
          description: `${item.booked} av ${countOf(item.places, "plats bokad", "platser bokade")}.`,
        }
      : { ...common, ...timed, uid: `feed-meeting-${item.meetingId}@samverkansportalen`, title: item.title, location: placeLabel[item.place] };
  });
  if (events.length === 0) {
    // An empty calendar is still a valid calendar.
    return [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      `PRODID:${FEED_PRODUCT_ID}`,
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      `X-WR-CALNAME:${escapeIcalText(common.calName)}`,
      "END:VCALENDAR",
      "",
    ].join("\r\n");
  }
  const { error, value } = createEvents(events.map(safeEvent));
  if (error || !value) throw error ?? new Error("Could not build the duty calendar");
  return value;
}
