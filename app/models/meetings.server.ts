import { approvedAssignment, approvedPerson } from "./access-approval.server";
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, or, type SQL } from "drizzle-orm";
import {
  contactAssignments,
  meetingAgendaPoints,
  meetingAttendance,
  meetingEvents,
  meetingGroupMembers,
  meetingGroups,
  meetingProposals,
  meetings,
  organisations,
  people,
  staffTeams,
} from "../../db/schema";
import { can, READ_ONLY_MESSAGE, type Actor } from "../auth/permissions";
import { atomic, getDb, type TxOrDb } from "../db.server";
import { portalUrl } from "../env.server";
import { meetingNotice, reportMeetingProposal, staffTeamVisitRequest, type MeetingChange } from "../mail/meeting-mails";
import { enqueueMail } from "../mail/outbox.server";
import { localDateOf } from "../time/stockholm";
import { forumCasesCancelled, forumCasesMoved } from "./consultations.server";
import { dutyCheckBetween, isOnDuty } from "./duty.server";
import { meetingKindLabel, meetingTitle, overlaps, planningDates, type Interval } from "./meetings";
import type { PlanningSeriesInput, ReportMeetingInput, SeriesInput, StaffTeamMeetingInput } from "./meeting-forms";
import { addDays, instantAt } from "../time/stockholm";
import { coveredOrganisationIds, ownOrganisationIds, visibleMeetings } from "./scope.server";
import { fail, type Failure } from "./failure";

/**
 * Meetings between partners and their contact persons. Report meetings first: the partner
 * proposes times, the contact person confirms one (never on a duty day or on top of another
 * meeting) or proposes another, and either side can cancel. Every change raises the
 * calendar sequence and mails both with an invitation Outlook accepts.
 *
 * Who sees what: the partner who planned it; the contact persons of the organisation
 * (those they host and those of organisations they cover); another organisation's meeting
 * answers 404. Titles name the organisation and the kind only, never the child.
 *
 * Seeing that a meeting exists is not reading it: its notes, agenda and attendance are for
 * its participants only, the people it invites (participantsOf). The coordinator who sees
 * the district's groups, a contact person who covers the organisation and a partner who
 * sees the forum's times to book a place get the meeting's facts, never its content.
 * Notes belong to planning and collaboration meetings; a forum case is answered in the case.
 */

const meetingUrl = (id: number) => portalUrl(`/moten/${id}`);

/** The social workers a partner can plan a meeting with: their organisation's contact persons. */
export function meetingHostsFor(actor: Actor) {
  if (!can(actor, "partner:work")) return [];
  const orgIds = ownOrganisationIds(actor);
  const rows = getDb()
    .select({ personId: people.id, name: people.name })
    .from(contactAssignments)
    .innerJoin(people, eq(people.id, contactAssignments.personId))
    // Four eyes: a contact person whose assignment or access waits for approval hosts nothing yet.
    .where(
      and(
        inArray(contactAssignments.organisationId, orgIds),
        eq(contactAssignments.districtId, actor.districtId),
        approvedAssignment(),
        approvedPerson(),
        isNull(people.deactivatedAt),
      ),
    )
    .orderBy(asc(people.name))
    .all();
  return rows.filter((r, i) => rows.findIndex((x) => x.personId === r.personId) === i);
}

/** What a list of meetings shows: the facts, never the notes or who comes from the school. */
const listColumns = {
  meeting: {
    id: meetings.id,
    kind: meetings.kind,
    state: meetings.state,
    startsAt: meetings.startsAt,
    endsAt: meetings.endsAt,
    createdAt: meetings.createdAt,
    organisationId: meetings.organisationId,
    groupId: meetings.groupId,
    hostPersonId: meetings.hostPersonId,
  },
  organisationName: organisations.name,
  groupName: meetingGroups.name,
  hostName: people.name,
};

/** A meeting's title: the organisation met, or the group's name. */
export function titleOf(row: { meeting: { kind: keyof typeof meetingKindLabel }; organisationName: string | null; groupName: string | null }): string {
  return row.groupName ?? meetingTitle(row.meeting.kind, row.organisationName ?? "");
}

export function meetingsFor(actor: Actor) {
  return getDb()
    .select(listColumns)
    .from(meetings)
    .leftJoin(organisations, eq(organisations.id, meetings.organisationId))
    .leftJoin(meetingGroups, eq(meetingGroups.id, meetings.groupId))
    .innerJoin(people, eq(people.id, meetings.hostPersonId))
    .where(visibleMeetings(actor))
    .orderBy(desc(meetings.createdAt), asc(meetings.startsAt))
    .all()
    .map((row) => ({ ...row, title: titleOf(row) }));
}

export function meetingFor(actor: Actor, id: number) {
  const db = getDb();
  const row = db
    .select({
      meeting: meetings,
      organisationName: organisations.name,
      groupName: meetingGroups.name,
      hostName: people.name,
      hostEmail: people.email,
      caseMinutes: meetingGroups.caseMinutes,
    })
    .from(meetings)
    .leftJoin(organisations, eq(organisations.id, meetings.organisationId))
    .leftJoin(meetingGroups, eq(meetingGroups.id, meetings.groupId))
    .innerJoin(people, eq(people.id, meetings.hostPersonId))
    .where(and(eq(meetings.id, id), visibleMeetings(actor)))
    .get();
  if (!row) return null;
  const proposer = db.select({ name: people.name, email: people.email, title: people.title }).from(people).where(eq(people.id, row.meeting.proposedBy)).get()!;
  const proposals = db.select().from(meetingProposals).where(eq(meetingProposals.meetingId, id)).orderBy(asc(meetingProposals.startsAt)).all();
  const events = db
    .select({ action: meetingEvents.action, at: meetingEvents.at, name: people.name })
    .from(meetingEvents)
    .innerJoin(people, eq(people.id, meetingEvents.personId))
    .where(eq(meetingEvents.meetingId, id))
    .orderBy(asc(meetingEvents.at), asc(meetingEvents.id))
    .all();
  const members = row.meeting.groupId === null ? [] : membersOf(row.meeting.groupId, id);
  const isParticipant = participantsOf(db, row.meeting).some((p) => p.id === actor.personId);
  return {
    ...row,
    // The notes, the agenda and the attendance are the participants' own.
    meeting: isParticipant ? row.meeting : { ...row.meeting, notes: null },
    title: titleOf(row),
    proposer,
    proposals,
    events,
    members: isParticipant ? members : [],
    agenda: isParticipant && hasSharedAgenda(row.meeting.kind) ? agendaOf(id) : [],
    isHost: row.meeting.hostPersonId === actor.personId,
    isProposer: row.meeting.proposedBy === actor.personId,
    isMember: members.some((m) => m.personId === actor.personId),
    isParticipant,
  };
}

/** A meeting the actor may act on, or null: as meetingFor, and never for the head of unit, who writes nothing. */
function meetingToChange(actor: Actor, id: number) {
  return can(actor, "portal:write") ? meetingFor(actor, id) : null;
}

/** A group's members with their organisation, and whether they came to this meeting (null: not marked). */
function membersOf(groupId: number, meetingId: number) {
  const db = getDb();
  const rows = db
    .select({ personId: people.id, name: people.name, title: people.title, organisationName: organisations.name })
    .from(meetingGroupMembers)
    .innerJoin(people, eq(people.id, meetingGroupMembers.personId))
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(eq(meetingGroupMembers.groupId, groupId))
    .orderBy(asc(people.name))
    .all();
  const marked = new Map(
    db
      .select()
      .from(meetingAttendance)
      .where(eq(meetingAttendance.meetingId, meetingId))
      .all()
      .map((a) => [a.personId, a.present]),
  );
  return rows.map((r) => ({ ...r, organisationName: r.organisationName ?? "Socialtjänsten", present: marked.get(r.personId) ?? null }));
}

export function createReportMeeting(actor: Actor, input: ReportMeetingInput, now: Date): { ok: true; id: number } | Failure {
  if (!can(actor, "partner:work") || !can(actor, "portal:write") || actor.organisationId === null)
    return fail("form", "Bara personal i skola och förskola planerar anmälningsmöten här.");
  if (!meetingHostsFor(actor).some((h) => h.personId === input.hostPersonId)) return fail("hostPersonId", "Välj en av era kontaktpersoner.");
  const db = getDb();
  const id = db.transaction((tx) => {
    const { times, ...fields } = input;
    const row = tx
      .insert(meetings)
      .values({ ...fields, districtId: actor.districtId, organisationId: actor.organisationId!, kind: "report", proposedBy: actor.personId, createdAt: now })
      .returning({ id: meetings.id })
      .get();
    for (const t of times)
      tx.insert(meetingProposals)
        .values({ meetingId: row.id, ...t, proposedBy: actor.personId })
        .run();
    tx.insert(meetingEvents).values({ meetingId: row.id, personId: actor.personId, action: "proposed", at: now }).run();
    const host = tx.select({ name: people.name, email: people.email }).from(people).where(eq(people.id, input.hostPersonId)).get()!;
    enqueueMail(
      {
        districtId: actor.districtId,
        ...reportMeetingProposal({ host, proposerName: actor.name, organisationName: actor.organisationName, url: meetingUrl(row.id) }),
      },
      tx,
    );
    return row.id;
  });
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
  if (!targets.some((t) => t.organisationId === input.organisationId && t.staffTeamId === input.staffTeamId)) {
    return fail("target", "Välj ett arbetslag eller en förskola i er verksamhet.");
  }
  if (!meetingHostsFor(actor).some((h) => h.personId === input.hostPersonId)) return fail("hostPersonId", "Välj en av era kontaktpersoner.");
  const id = getDb().transaction((tx) => {
    const row = tx
      .insert(meetings)
      .values({
        districtId: actor.districtId,
        organisationId: input.organisationId,
        kind: "staff_team",
        hostPersonId: input.hostPersonId,
        proposedBy: actor.personId,
        place: "school",
        guardiansTold: false,
        staffTeamId: input.staffTeamId,
        theme: input.theme,
        createdAt: now,
      })
      .returning({ id: meetings.id })
      .get();
    for (const t of input.times)
      tx.insert(meetingProposals)
        .values({ meetingId: row.id, ...t, proposedBy: actor.personId })
        .run();
    tx.insert(meetingEvents).values({ meetingId: row.id, personId: actor.personId, action: "proposed", at: now }).run();
    const host = tx.select({ name: people.name, email: people.email }).from(people).where(eq(people.id, input.hostPersonId)).get()!;
    enqueueMail(
      {
        districtId: actor.districtId,
        ...staffTeamVisitRequest({ host, requesterName: actor.name, organisationName: actor.organisationName, theme: input.theme, url: meetingUrl(row.id) }),
      },
      tx,
    );
    return row.id;
  });
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

/** A time conflicts with the host's duty day or with another confirmed meeting of theirs. */
function hostConflict(actor: Actor, hostPersonId: number, meetingId: number, time: Interval): string | null {
  if (isOnDuty({ personId: hostPersonId, districtId: actor.districtId }, localDateOf(time.startsAt))) {
    return "Kontaktpersonen har jour den dagen och har inga möten då. Välj en annan tid.";
  }
  const others = getDb()
    .select({ startsAt: meetings.startsAt, endsAt: meetings.endsAt })
    .from(meetings)
    .where(and(eq(meetings.hostPersonId, hostPersonId), eq(meetings.state, "confirmed"), ne(meetings.id, meetingId)))
    .all()
    .filter((m) => m.startsAt && m.endsAt);
  const clash = others.some((m) => overlaps(time, { startsAt: m.startsAt!, endsAt: m.endsAt! }));
  return clash ? "Kontaktpersonen har redan ett möte då. Välj en annan tid." : null;
}

/**
 * Everyone a meeting's mail goes to: the host and the partner who planned it; for planning
 * meetings the preschool's leadership; for a group, every member.
 */
function participantsOf(tx: TxOrDb, m: typeof meetings.$inferSelect) {
  const who = [eq(people.id, m.hostPersonId), eq(people.id, m.proposedBy)];
  if (m.groupId !== null)
    who.push(inArray(people.id, tx.select({ id: meetingGroupMembers.personId }).from(meetingGroupMembers).where(eq(meetingGroupMembers.groupId, m.groupId))));
  if (m.kind === "planning" && m.organisationId !== null) {
    const org = tx.select({ id: organisations.id, parentId: organisations.parentId }).from(organisations).where(eq(organisations.id, m.organisationId)).get()!;
    const family = [org.id, ...(org.parentId === null ? [] : [org.parentId])];
    who.push(and(eq(people.role, "partner_leadership"), inArray(people.organisationId, family))!);
  }
  return tx
    .select({ id: people.id, name: people.name, email: people.email })
    .from(people)
    .where(and(eq(people.districtId, m.districtId), isNull(people.deactivatedAt), or(...who)))
    .all();
}

/** Mails every participant the meeting as it now is, with a calendar part that updates or removes it. */
function mailParticipants(tx: TxOrDb, meetingId: number, change: MeetingChange, now: Date) {
  const m = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
  if (!m.startsAt) return;
  const org =
    m.organisationId === null ? null : tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, m.organisationId)).get()!;
  const group = m.groupId === null ? null : tx.select({ name: meetingGroups.name }).from(meetingGroups).where(eq(meetingGroups.id, m.groupId)).get()!;
  const title = titleOf({ meeting: m, organisationName: org?.name ?? null, groupName: group?.name ?? null });
  const host = tx.select({ name: people.name, email: people.email }).from(people).where(eq(people.id, m.hostPersonId)).get()!;
  const facts = { meetingId: m.id, sequence: m.icsSequence, title, place: m.place, startsAt: m.startsAt, endsAt: m.endsAt!, host, url: meetingUrl(m.id), now };
  for (const person of participantsOf(tx, m)) enqueueMail({ districtId: m.districtId, ...meetingNotice(change, facts, person) }, tx);
}

/** Confirms one of the proposed times: the host confirms the partner's, the partner the host's. */
export const confirmMeeting = atomic(function confirmMeeting(actor: Actor, meetingId: number, proposalId: number, now: Date): { ok: true } | Failure {
  const found = meetingToChange(actor, meetingId);
  if (!found) return fail("form", "Mötet finns inte.");
  const m = found.meeting;
  if (m.state === "cancelled") return fail("form", "Mötet är inställt.");
  if (m.state === "confirmed") return fail("form", "Mötet är redan bekräftat.");
  const proposal = found.proposals.find((p) => p.id === proposalId);
  if (!proposal) return fail("proposalId", "Välj en av de föreslagna tiderna.");
  if (proposal.proposedBy === actor.personId) return fail("proposalId", "Den andra parten bekräftar en tid som du har föreslagit.");
  if (!found.isHost && !found.isProposer) return fail("form", "Bara de som ska vara med kan bekräfta mötet.");
  if (proposal.startsAt <= now) return fail("proposalId", "Tiden har redan varit. Föreslå en ny tid.");
  const conflict = hostConflict(actor, m.hostPersonId, m.id, proposal);
  if (conflict) return fail("proposalId", conflict);
  getDb().transaction((tx) => {
    tx.update(meetings)
      .set({ state: "confirmed", startsAt: proposal.startsAt, endsAt: proposal.endsAt, icsSequence: m.icsSequence + 1 })
      .where(and(eq(meetings.id, m.id), eq(meetings.state, "proposed")))
      .run();
    tx.insert(meetingEvents).values({ meetingId: m.id, personId: actor.personId, action: "confirmed", at: now }).run();
    mailParticipants(tx, m.id, "confirmed", now);
  });
  return { ok: true };
});

/** Proposes another time, which the other side then confirms. */
export const counterPropose = atomic(function counterPropose(actor: Actor, meetingId: number, time: Interval, now: Date): { ok: true } | Failure {
  const found = meetingToChange(actor, meetingId);
  if (!found || (!found.isHost && !found.isProposer)) return fail("form", "Mötet finns inte.");
  if (found.meeting.state !== "proposed") return fail("date", "Mötet är redan bekräftat eller inställt.");
  if (time.startsAt <= now) return fail("date", "Tiden har redan varit. Föreslå en senare tid.");
  if (found.proposals.some((p) => p.startsAt.getTime() === time.startsAt.getTime())) return fail("date", "Den tiden är redan föreslagen.");
  const conflict = hostConflict(actor, found.meeting.hostPersonId, meetingId, time);
  if (conflict) return fail("date", conflict);
  getDb().transaction((tx) => {
    tx.insert(meetingProposals)
      .values({ meetingId, ...time, proposedBy: actor.personId })
      .run();
    tx.insert(meetingEvents).values({ meetingId, personId: actor.personId, action: "counter_proposed", at: now }).run();
  });
  return { ok: true };
});

/** Who may change a meeting's time or cancel it: the host, and for two-party meetings the partner who planned it. */
function mayChange(found: NonNullable<ReturnType<typeof meetingToChange>>): boolean {
  return found.isHost || (found.meeting.groupId === null && found.isProposer);
}

/** Moves a confirmed meeting to another time; everyone gets the update in their calendar. */
export const moveMeeting = atomic(function moveMeeting(actor: Actor, meetingId: number, startsAt: Date, now: Date): { ok: true } | Failure {
  const found = meetingToChange(actor, meetingId);
  if (!found || !mayChange(found)) return fail("form", "Mötet finns inte.");
  const m = found.meeting;
  if (m.state === "cancelled") return fail("date", "Mötet är inställt och kan inte flyttas. Planera ett nytt möte i stället.");
  if (m.state !== "confirmed" || !m.startsAt || !m.endsAt) return fail("date", "Mötet har ingen bestämd tid än. Föreslå en annan tid i stället.");
  if (startsAt <= now) return fail("date", "Tiden har redan varit. Välj en senare tid.");
  if (localDateOf(startsAt) > addDays(localDateOf(now), 366)) return fail("date", "Välj en dag inom ett år.");
  if (startsAt.getTime() === m.startsAt.getTime()) return fail("date", "Mötet ligger redan på den tiden.");
  const time = { startsAt, endsAt: new Date(startsAt.getTime() + (m.endsAt.getTime() - m.startsAt.getTime())) };
  const conflict = hostConflict(actor, m.hostPersonId, m.id, time);
  if (conflict) return fail("date", conflict);
  getDb().transaction((tx) => {
    tx.update(meetings)
      .set({ ...time, icsSequence: m.icsSequence + 1 })
      .where(and(eq(meetings.id, m.id), eq(meetings.state, "confirmed")))
      .run();
    tx.insert(meetingEvents).values({ meetingId: m.id, personId: actor.personId, action: "moved", at: now }).run();
    if (m.kind === "forum") forumCasesMoved(tx, actor, m.id, time.endsAt);
    mailParticipants(tx, m.id, "moved", now);
  });
  return { ok: true };
});

export const cancelMeeting = atomic(function cancelMeeting(actor: Actor, meetingId: number, now: Date): { ok: true } | Failure {
  const found = meetingToChange(actor, meetingId);
  if (!found || !mayChange(found)) return fail("form", "Mötet finns inte.");
  if (found.meeting.state === "cancelled") return fail("form", "Mötet är redan inställt.");
  getDb().transaction((tx) => {
    tx.update(meetings)
      .set({ state: "cancelled", icsSequence: found.meeting.icsSequence + 1 })
      .where(eq(meetings.id, meetingId))
      .run();
    tx.insert(meetingEvents).values({ meetingId, personId: actor.personId, action: "cancelled", at: now }).run();
    if (found.meeting.startsAt) mailParticipants(tx, meetingId, "cancelled", now);
    if (found.meeting.kind === "forum") forumCasesCancelled(tx, actor, meetingId, now);
  });
  return { ok: true };
});

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
 * duty days, and invites every participant to each. Returns the ids, or null if no date was free.
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
    mailParticipants(tx, row.id, "invited", now);
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

/** A meeting's agenda points; only meetingFor reads them, for the participants. */
function agendaOf(meetingId: number) {
  return getDb()
    .select({ id: meetingAgendaPoints.id, text: meetingAgendaPoints.text, author: people.name, createdAt: meetingAgendaPoints.createdAt })
    .from(meetingAgendaPoints)
    .innerJoin(people, eq(people.id, meetingAgendaPoints.authorPersonId))
    .where(eq(meetingAgendaPoints.meetingId, meetingId))
    .orderBy(asc(meetingAgendaPoints.createdAt), asc(meetingAgendaPoints.id))
    .all();
}

/**
 * Meetings with a shared agenda that participants add points to before the meeting, and
 * notes the host writes after it. Nowhere else: a forum's cases are answered in each case (for
 * its asker and the forum's members), and a report meeting's note is the school's, from planning it.
 */
export const hasSharedAgenda = (kind: (typeof meetings.$inferSelect)["kind"]) => kind === "planning" || kind === "collaboration";

/** A participant adds a point to a coming planning or collaboration meeting's agenda. */
export const addAgendaPoint = atomic(function addAgendaPoint(actor: Actor, meetingId: number, text: string, now: Date): { ok: true } | Failure {
  const found = meetingToChange(actor, meetingId);
  if (!found) return fail("form", "Mötet finns inte.");
  if (!hasSharedAgenda(found.meeting.kind) || found.meeting.state !== "confirmed") return fail("text", "Det här mötet har ingen gemensam dagordning.");
  if (!found.isParticipant) return fail("text", "Bara mötets deltagare lägger till punkter.");
  if (found.meeting.startsAt && found.meeting.startsAt <= now) return fail("text", "Mötet har redan börjat. Skriv i stället i anteckningarna.");
  getDb().insert(meetingAgendaPoints).values({ meetingId, authorPersonId: actor.personId, text, createdAt: now }).run();
  return { ok: true };
});

/** The host writes short notes after a planning or collaboration meeting. */
export const saveMeetingNotes = atomic(function saveMeetingNotes(actor: Actor, meetingId: number, notes: string, now: Date): { ok: true } | Failure {
  const found = meetingToChange(actor, meetingId);
  if (!found) return fail("form", "Mötet finns inte.");
  if (!hasSharedAgenda(found.meeting.kind)) return fail("notes", "Det här mötet har inga anteckningar. Svaret på ett ärende skrivs i ärendet.");
  if (!found.isHost) return fail("notes", "Den som håller i mötet skriver anteckningarna.");
  if (found.meeting.state !== "confirmed" || !found.meeting.startsAt || found.meeting.startsAt > now)
    return fail("notes", "Skriv anteckningarna när mötet har börjat.");
  getDb().update(meetings).set({ notes }).where(eq(meetings.id, meetingId)).run();
  return { ok: true };
});

/** After a group meeting the host marks who came; members not ticked were away. */
export const saveAttendance = atomic(function saveAttendance(actor: Actor, meetingId: number, presentIds: number[], now: Date): { ok: true } | Failure {
  const found = meetingToChange(actor, meetingId);
  if (!found) return fail("form", "Mötet finns inte.");
  if (!found.isHost || found.meeting.groupId === null) return fail("present", "Den som håller i mötet fyller i närvaron.");
  if (found.meeting.state !== "confirmed" || !found.meeting.startsAt || found.meeting.startsAt > now)
    return fail("present", "Fyll i närvaron när mötet har börjat.");
  const members = new Set(found.members.map((m) => m.personId));
  if (presentIds.some((id) => !members.has(id))) return fail("present", "Välj bland gruppens deltagare.");
  getDb().transaction((tx) => {
    tx.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId)).run();
    for (const personId of members)
      tx.insert(meetingAttendance)
        .values({ meetingId, personId, present: presentIds.includes(personId) })
        .run();
  });
  return { ok: true };
});
