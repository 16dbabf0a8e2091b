/**
 * A year of made-up history for the demo, so that the follow-up page has something to show:
 * closed questions (their text long since purged), walk-and-talks that were held, and
 * meetings. Deterministic (a fixed pseudo-random sequence), categories and dates only.
 * `npm run demo` adds it; the tests do not, so their figures stay exact.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { DB } from "../app/db.server";
import { dayKind } from "../app/time/holidays";
import { addDays, instantAt, localDateOf, type LocalDate } from "../app/time/stockholm";
import {
  CONCERNS,
  CONSULTATION_OUTCOMES,
  consultationConcerns,
  consultations,
  contactAssignments,
  districts,
  meetingEvents,
  meetings,
  organisations,
  people,
  walkBookings,
  walkOccasions,
  walkSeries,
  walkSlots,
} from "./schema";

const HOUR = 3_600_000;

/** A small linear congruential generator: the same "random" history every time. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export function seedHistory(db: DB, now: Date): void {
  const today = localDateOf(now);
  const next = random(20261201);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const workdays: LocalDate[] = [];
  for (let date = addDays(today, -330); date < addDays(today, -1); date = addDays(date, 1)) if (dayKind(date) === "workday") workdays.push(date);

  db.transaction((tx) => {
    for (const district of tx.select().from(districts).all()) {
      const assignments = tx
        .select({ organisationId: contactAssignments.organisationId, personId: contactAssignments.personId })
        .from(contactAssignments)
        .where(eq(contactAssignments.districtId, district.id))
        .all();
      const partners = tx
        .select({ id: people.id, organisationId: people.organisationId })
        .from(people)
        .where(and(eq(people.districtId, district.id), inArray(people.role, ["partner_staff", "partner_leadership"]), isNull(people.deactivatedAt)))
        .all();
      const covered = [...new Set(assignments.map((a) => a.organisationId))];
      for (const organisationId of covered) {
        const askers = partners.filter((p) => p.organisationId === organisationId);
        const hosts = assignments.filter((a) => a.organisationId === organisationId).map((a) => a.personId);
        if (askers.length === 0 || hosts.length === 0) continue;
        // Questions: a few a week, most answered within hours, some (about one in five) after the
        // promised two days, so that the follow-up has late answers to count; closed, text purged.
        for (const date of workdays) {
          if (next() > 0.35) continue;
          const createdAt = instantAt(date, `${String(8 + Math.floor(next() * 8)).padStart(2, "0")}:${pick(["05", "20", "40"])}`);
          const firstAnswerAt = new Date(createdAt.getTime() + (1 + Math.floor(next() * next() * 110)) * HOUR);
          const consent = next() < 0.2;
          const row = tx
            .insert(consultations)
            .values({
              districtId: district.id,
              organisationId,
              askerPersonId: pick(askers).id,
              purpose: consent ? "known_child" : pick(["unsure_report", "support_without_report", "plan_report"] as const),
              mode: consent ? "consent" : "anonymous",
              ageBand: pick(["1-5", "6-9", "10-12", "13-15"] as const),
              urgency: "few_days",
              answerBy: "portal",
              state: "closed",
              takenBy: pick(hosts),
              takenAt: firstAnswerAt,
              firstAnswerAt,
              closedAt: new Date(firstAnswerAt.getTime() + 24 * HOUR),
              outcome: pick(CONSULTATION_OUTCOMES),
              dueAt: new Date(createdAt.getTime() + 48 * HOUR),
              createdAt,
              purgedAt: new Date(firstAnswerAt.getTime() + 90 * 24 * HOUR),
            })
            .returning({ id: consultations.id })
            .get();
          for (const concern of new Set([pick(CONCERNS), pick(CONCERNS)])) tx.insert(consultationConcerns).values({ consultationId: row.id, concern }).run();
        }
        // Walk-and-talk every other week with the first contact person; most places taken and held.
        const org = tx.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, organisationId)).get()!;
        if (org.kind === "police") continue;
        const first = workdays.find((d) => new Date(`${d}T12:00:00Z`).getUTCDay() === 3)!;
        const series = tx
          .insert(walkSeries)
          .values({
            districtId: district.id,
            organisationId,
            hostPersonId: hosts[0]!,
            meetingPoint: "Vid huvudentrén",
            weekday: 3,
            firstSlotAt: "14:00",
            slotsPerOccasion: 3,
            everyWeeks: 2,
            firstDate: first,
            lastDate: addDays(today, -7),
          })
          .returning({ id: walkSeries.id })
          .get();
        for (let date = first; date < addDays(today, -6); date = addDays(date, 14)) {
          if (dayKind(date) !== "workday") continue;
          const occasion = tx
            .insert(walkOccasions)
            .values({ seriesId: series.id, date, deadline: instantAt(addDays(date, -1), "12:00") })
            .returning({ id: walkOccasions.id })
            .get();
          const walkers = [...askers].sort(() => next() - 0.5);
          for (let i = 0; i < 3; i++) {
            const startsAt = instantAt(date, `${14 + Math.floor(i / 2)}:${i % 2 ? "30" : "00"}`);
            const walker = next() < 0.7 ? walkers[i] : undefined;
            const slot = tx
              .insert(walkSlots)
              .values({
                occasionId: occasion.id,
                startsAt,
                endsAt: new Date(startsAt.getTime() + 30 * 60_000),
                capacity: 1,
                booked: walker ? 1 : 0,
                outcome: walker ? (next() < 0.9 ? "held" : "not_held") : null,
              })
              .returning({ id: walkSlots.id })
              .get();
            if (walker)
              tx.insert(walkBookings)
                .values({
                  slotId: slot.id,
                  occasionId: occasion.id,
                  personId: walker.id,
                  topic: "general",
                  createdAt: new Date(startsAt.getTime() - 5 * 24 * HOUR),
                })
                .run();
          }
        }
        // Report meetings now and then, held.
        for (const date of workdays) {
          if (next() > 0.03) continue;
          const startsAt = instantAt(date, "10:00");
          const host = pick(hosts);
          const meeting = tx
            .insert(meetings)
            .values({
              districtId: district.id,
              organisationId,
              kind: org.kind === "preschool" ? pick(["report", "staff_team"] as const) : "report",
              state: "confirmed",
              hostPersonId: host,
              proposedBy: pick(askers).id,
              place: "school",
              guardiansTold: true,
              startsAt,
              endsAt: new Date(startsAt.getTime() + HOUR),
              createdAt: new Date(startsAt.getTime() - 7 * 24 * HOUR),
            })
            .returning({ id: meetings.id })
            .get();
          tx.insert(meetingEvents)
            .values({ meetingId: meeting.id, personId: host, action: "confirmed", at: new Date(startsAt.getTime() - 5 * 24 * HOUR) })
            .run();
        }
      }
    }
  });
}
