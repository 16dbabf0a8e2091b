import { and, asc, eq, inArray } from "drizzle-orm";
import { meetingEvents, meetings, organisations, staffTeams } from "../../db/schema";
import { can, READ_ONLY_MESSAGE, type Actor } from "../auth/permissions";
import { getDb, type TxOrDb } from "../db.server";
import { reportMeetingProposal, staffTeamVisitRequest } from "../mail/meeting-mails";
import { addDays, instantAt, localDateOf } from "../time/stockholm";
import { dutyCheckBetween } from "./duty.server";
import { planningDates } from "./meetings";
import type { PlanningSeriesInput, ReportMeetingInput, SeriesInput, StaffTeamMeetingInput } from "./meeting-forms";
import { mailParticipants, proposeMeeting } from "./meeting-lifecycle.server";
import { coveredOrganisationIds, coveringContacts, ownOrganisationIds } from "./scope.server";
import { fail, type Failure } from "./failure";

/**
 * Creating the three kinds of meeting between partners and their contact persons: a report
 * meeting a partner plans with one of their contact persons, a visit to a preschool staff
 * team's meeting that the preschool's leadership asks for, and a series of planning meetings
 * a contact person sets up with a preschool. The first two start as proposed times
 * (meeting-lifecycle.server.ts); a series is confirmed at once. The groups' series
 * (meeting-groups.server.ts) are inserted here too.
 */

/** The social workers a partner can plan a meeting with: their organisation's contact persons. */
export function meetingHostsFor(actor: Actor) {
  if (!can(actor, "partner:work")) return [];
  const rows = coveringContacts(actor).map(({ personId, name }) => ({ personId, name }));
  return rows.filter((r, i) => rows.findIndex((x) => x.personId === r.personId) === i);
}

export function createReportMeeting(actor: Actor, input: ReportMeetingInput, now: Date): { ok: true; id: number } | Failure {
  if (!can(actor, "partner:work") || !can(actor, "portal:write") || actor.organisationId === null)
    return fail("form", "Bara personal i skola och förskola planerar anmälningsmöten här.");
  if (!meetingHostsFor(actor).some((h) => h.personId === input.hostPersonId)) return fail("hostPersonId", "Välj en av era kontaktpersoner.");
  const { times, ...fields } = input;
  const id = getDb().transaction((tx) =>
    proposeMeeting(
      tx,
      actor,
      { ...fields, organisationId: actor.organisationId!, kind: "report" },
      times,
      (host, url) => reportMeetingProposal({ host, proposerName: actor.name, organisationName: actor.organisationName, url }),
      now,
    ),
  );
  return { ok: true, id };
}

/** The staff teams (and whole preschools) a preschool's leadership can ask the contact persons to visit. */
export function visitTargetsFor(actor: Actor) {
  if (!can(actor, "organisation:lead")) return [];
  const preschools = getDb()
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(inArray(organisations.id, ownOrganisationIds(actor)), eq(organisations.kind, "preschool")))
    .orderBy(asc(organisations.name))
    .all();
  if (preschools.length === 0) return [];
  const teams = getDb()
    .select({ id: staffTeams.id, name: staffTeams.name, organisationId: staffTeams.organisationId })
    .from(staffTeams)
    .where(
      inArray(
        staffTeams.organisationId,
        preschools.map((p) => p.id),
      ),
    )
    .orderBy(asc(staffTeams.name))
    .all();
  return preschools.flatMap((p) => [
    {
      value: `${p.id}:`,
      label: `${p.name}, hela förskolan`,
      organisationId: p.id,
      staffTeamId: null as number | null,
      preschool: p.name,
      team: null as string | null,
    },
    ...teams
      .filter((t) => t.organisationId === p.id)
      .map((t) => ({
        value: `${p.id}:${t.id}`,
        label: `${p.name}, arbetslag ${t.name}`,
        organisationId: p.id,
        staffTeamId: t.id as number | null,
        preschool: p.name,
        team: t.name as string | null,
      })),
  ]);
}

export function createStaffTeamMeeting(actor: Actor, input: StaffTeamMeetingInput, now: Date): { ok: true; id: number } | Failure {
  const targets = visitTargetsFor(actor);
  if (targets.length === 0 || !can(actor, "portal:write")) return fail("form", "Bara förskolans ledning kan be om besök på arbetslagsmöten.");
  const target = targets.find((t) => t.organisationId === input.organisationId && t.staffTeamId === input.staffTeamId);
  if (!target) return fail("target", "Välj ett arbetslag eller en förskola i er verksamhet.");
  if (!meetingHostsFor(actor).some((h) => h.personId === input.hostPersonId)) return fail("hostPersonId", "Välj en av era kontaktpersoner.");
  const id = getDb().transaction((tx) =>
    proposeMeeting(
      tx,
      actor,
      {
        organisationId: input.organisationId,
        kind: "staff_team",
        hostPersonId: input.hostPersonId,
        place: "school",
        guardiansTold: false,
        staffTeamId: input.staffTeamId,
        theme: input.theme,
      },
      input.times,
      (host, url) => staffTeamVisitRequest({ host, requesterName: actor.name, visited: target.label, theme: input.theme, url }),
      now,
    ),
  );
  return { ok: true, id };
}

/** For leadership: which staff teams have had a visit this year, and which have not yet. */
export function staffTeamVisits(actor: Actor, year: string) {
  const targets = visitTargetsFor(actor);
  if (targets.length === 0) return [];
  const confirmed = getDb()
    .select({ organisationId: meetings.organisationId, staffTeamId: meetings.staffTeamId, startsAt: meetings.startsAt })
    .from(meetings)
    .where(
      and(
        eq(meetings.kind, "staff_team"),
        eq(meetings.state, "confirmed"),
        inArray(
          meetings.organisationId,
          targets.map((t) => t.organisationId),
        ),
      ),
    )
    .all()
    .filter((m) => m.startsAt && localDateOf(m.startsAt).startsWith(year));
  return targets
    .filter((t) => t.staffTeamId !== null)
    .map((t) => {
      const visits = confirmed.filter((m) => m.organisationId === t.organisationId && (m.staffTeamId === t.staffTeamId || m.staffTeamId === null));
      const latest = visits.map((v) => v.startsAt!).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
      return { preschool: t.preschool, team: t.team!, latest };
    });
}

/** Preschools and preschool units the acting contact person can plan recurring meetings with. */
export function planningOrganisationsFor(actor: Actor) {
  if (can(actor, "partner:work")) return [];
  const covered = coveredOrganisationIds(actor);
  if (covered.length === 0) return [];
  return getDb()
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(inArray(organisations.id, covered), inArray(organisations.kind, ["preschool", "preschool_unit"])))
    .orderBy(asc(organisations.name))
    .all();
}

/**
 * Inserts the meetings of a recurring series, on dates moved off holidays and the host's
 * duty days, and invites every participant to each. Returns the ids: none if no date was free.
 */
export function insertSeries(
  tx: TxOrDb,
  actor: Actor,
  input: SeriesInput,
  fields: Pick<typeof meetings.$inferInsert, "kind" | "organisationId" | "groupId" | "places">,
  now: Date,
): number[] {
  const lastDate = addDays(input.firstDate, (input.count - 1) * input.everyWeeks * 7);
  const dates = planningDates(input.firstDate, input.everyWeeks, input.count, dutyCheckBetween(actor, input.firstDate, lastDate), localDateOf(now));
  const created: number[] = [];
  for (const date of dates) {
    const startsAt = instantAt(date, input.time);
    const row = tx
      .insert(meetings)
      .values({
        ...fields,
        districtId: actor.districtId,
        state: "confirmed",
        hostPersonId: actor.personId,
        proposedBy: actor.personId,
        place: input.place,
        guardiansTold: false,
        startsAt,
        endsAt: new Date(startsAt.getTime() + input.minutes * 60_000),
        seriesId: created[0] ?? null,
        createdAt: now,
      })
      .returning({ id: meetings.id })
      .get();
    if (created.length === 0) tx.update(meetings).set({ seriesId: row.id }).where(eq(meetings.id, row.id)).run();
    tx.insert(meetingEvents).values({ meetingId: row.id, personId: actor.personId, action: "confirmed", at: now }).run();
    mailParticipants(tx, actor, row.id, "invited", now);
    created.push(row.id);
  }
  return created;
}

/** A series of planning meetings with the preschool's leadership, every six weeks by default. */
export function createPlanningSeries(actor: Actor, input: PlanningSeriesInput, now: Date): { ok: true; ids: number[] } | Failure {
  if (!can(actor, "portal:write")) return fail("form", READ_ONLY_MESSAGE);
  if (!planningOrganisationsFor(actor).some((o) => o.id === input.organisationId))
    return fail("organisationId", "Välj en förskola som du är kontaktperson för.");
  const ids = getDb().transaction((tx) => insertSeries(tx, actor, input, { kind: "planning", organisationId: input.organisationId }, now));
  if (ids.length === 0) return fail("firstDate", "Det finns inga lediga dagar nära de datumen. Välj ett annat första datum.");
  return { ok: true, ids };
}
