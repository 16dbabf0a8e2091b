import { and, asc, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import { meetingGroups, meetings, organisations, staffTeams, walkBookings, walkOccasions, walkSeries, walkSlots } from "../../db/schema";
import type { Actor } from "../auth/permissions";
import { getDb } from "../db.server";
import { addDays, instantAt, localDateOf, type LocalDate } from "../time/stockholm";
import { dutyDays } from "./duty.server";
import { titleOf } from "./meetings";
import { groupsOf } from "./scope.server";

/**
 * A social worker's week: duty days, walk-and-talks and meetings together, so a conflict is
 * visible before it is made. Also what the personal calendar feed carries.
 */
export type WeekItem =
  | { kind: "duty"; date: LocalDate }
  | {
      kind: "walk";
      date: LocalDate;
      occasionId: number;
      startsAt: Date;
      endsAt: Date;
      organisationName: string;
      meetingPoint: string;
      booked: number;
      places: number;
    }
  | { kind: "meeting"; date: LocalDate; meetingId: number; startsAt: Date; endsAt: Date; title: string; place: (typeof meetings.$inferSelect)["place"] };

export function scheduleOf(actor: Pick<Actor, "personId" | "districtId">, from: LocalDate, to: LocalDate): WeekItem[] {
  const db = getDb();
  const items: WeekItem[] = dutyDays(actor, from, to)
    .filter((d) => d.personId === actor.personId)
    .map((d) => ({ kind: "duty" as const, date: d.date }));
  const occasions = db
    .select({ id: walkOccasions.id, date: walkOccasions.date, organisationName: organisations.name, meetingPoint: walkSeries.meetingPoint })
    .from(walkOccasions)
    .innerJoin(walkSeries, eq(walkSeries.id, walkOccasions.seriesId))
    .innerJoin(organisations, eq(organisations.id, walkSeries.organisationId))
    .where(
      and(
        eq(walkSeries.hostPersonId, actor.personId),
        eq(walkSeries.districtId, actor.districtId),
        gte(walkOccasions.date, from),
        lte(walkOccasions.date, to),
        isNull(walkOccasions.cancelledAt),
        isNull(walkOccasions.replacedAt),
      ),
    )
    .all();
  const slots = occasions.length
    ? db
        .select()
        .from(walkSlots)
        .where(
          inArray(
            walkSlots.occasionId,
            occasions.map((o) => o.id),
          ),
        )
        .orderBy(asc(walkSlots.startsAt))
        .all()
    : [];
  const bookedSlots = slots.length
    ? db
        .select({ slotId: walkBookings.slotId })
        .from(walkBookings)
        .where(
          and(
            inArray(
              walkBookings.slotId,
              slots.map((s) => s.id),
            ),
            isNull(walkBookings.cancelledAt),
          ),
        )
        .all()
    : [];
  for (const o of occasions) {
    const own = slots.filter((s) => s.occasionId === o.id);
    if (own.length === 0) continue;
    items.push({
      kind: "walk",
      date: o.date,
      occasionId: o.id,
      startsAt: own[0]!.startsAt,
      endsAt: own[own.length - 1]!.endsAt,
      organisationName: o.organisationName,
      meetingPoint: o.meetingPoint,
      booked: bookedSlots.filter((b) => own.some((s) => s.id === b.slotId)).length,
      places: own.reduce((n, s) => n + s.capacity, 0),
    });
  }
  const confirmed = db
    .select({ meeting: meetings, organisationName: organisations.name, groupName: meetingGroups.name, staffTeamName: staffTeams.name })
    .from(meetings)
    .leftJoin(organisations, eq(organisations.id, meetings.organisationId))
    .leftJoin(meetingGroups, eq(meetingGroups.id, meetings.groupId))
    .leftJoin(staffTeams, eq(staffTeams.id, meetings.staffTeamId))
    .where(
      and(
        // The person's own meetings and those of the groups they belong to.
        or(eq(meetings.hostPersonId, actor.personId), inArray(meetings.groupId, groupsOf(actor))),
        eq(meetings.districtId, actor.districtId),
        eq(meetings.state, "confirmed"),
        gte(meetings.startsAt, instantAt(from, "00:00")),
        lte(meetings.startsAt, instantAt(addDays(to, 1), "00:00")),
      ),
    )
    .all();
  for (const row of confirmed) {
    const m = row.meeting;
    if (!m.startsAt || !m.endsAt) continue;
    items.push({
      kind: "meeting",
      date: localDateOf(m.startsAt),
      meetingId: m.id,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      title: titleOf(row),
      place: m.place,
    });
  }
  const time = (i: WeekItem) => (i.kind === "duty" ? 0 : i.startsAt.getTime());
  return items.sort((a, b) => a.date.localeCompare(b.date) || time(a) - time(b));
}
