import { and, asc, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import {
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
import type { Actor } from "../auth/permissions";
import { getDb, type TxOrDb } from "../db.server";
import { hasSharedAgenda, titleOf } from "./meetings";
import { visibleMeetings } from "./scope.server";

/**
 * Who sees which meeting. The partner who planned it; the contact persons of the organisation
 * (those they host and those of organisations they cover); another organisation's meeting
 * answers 404 (the condition is `visibleMeetings` in scope.server.ts). Titles name the
 * organisation and the kind only, never the child.
 *
 * Seeing that a meeting exists is not reading it: its notes, agenda and attendance are for
 * its participants only, the people it invites (participantsOf). The coordinator who sees
 * the district's groups, a contact person who covers the organisation and a partner who
 * sees the forum's times to book a place get the meeting's facts, never its content.
 * Notes belong to planning and collaboration meetings; a forum case is answered in the case.
 */

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
    proposedBy: meetings.proposedBy,
  },
  organisationName: organisations.name,
  groupName: meetingGroups.name,
  staffTeamName: staffTeams.name,
  hostName: people.name,
};

const proposers = alias(people, "proposers");

/**
 * The actor's meetings, each with whom the actor meets (`withWhom`): the contact person for
 * everyone else, but for the host herself the partner who asked and the organisation ("Lena
 * Falk, Gröna diamanten"), and null for the host of a group (she meets the group).
 */
export function meetingsFor(actor: Actor) {
  return getDb()
    .select({ ...listColumns, proposerName: proposers.name })
    .from(meetings)
    .leftJoin(organisations, eq(organisations.id, meetings.organisationId))
    .leftJoin(meetingGroups, eq(meetingGroups.id, meetings.groupId))
    .leftJoin(staffTeams, eq(staffTeams.id, meetings.staffTeamId))
    .innerJoin(people, eq(people.id, meetings.hostPersonId))
    .innerJoin(proposers, eq(proposers.id, meetings.proposedBy))
    .where(visibleMeetings(actor))
    .orderBy(desc(meetings.createdAt), asc(meetings.startsAt))
    .all()
    .map(({ proposerName, ...row }) => ({ ...row, title: titleOf(row), withWhom: withWhom(actor, row, proposerName) }));
}

function withWhom(
  actor: Actor,
  row: { meeting: { hostPersonId: number; proposedBy: number; groupId: number | null }; organisationName: string | null; hostName: string },
  proposerName: string,
): string | null {
  if (row.meeting.hostPersonId !== actor.personId) return row.hostName;
  if (row.meeting.groupId !== null) return null;
  // A series the host laid out herself is with the organisation.
  return row.meeting.proposedBy === actor.personId ? row.organisationName : `${proposerName}, ${row.organisationName}`;
}

export function meetingFor(actor: Actor, id: number) {
  const db = getDb();
  const row = db
    .select({
      meeting: meetings,
      organisationName: organisations.name,
      groupName: meetingGroups.name,
      staffTeamName: staffTeams.name,
      hostName: people.name,
      hostEmail: people.email,
      caseMinutes: meetingGroups.caseMinutes,
    })
    .from(meetings)
    .leftJoin(organisations, eq(organisations.id, meetings.organisationId))
    .leftJoin(meetingGroups, eq(meetingGroups.id, meetings.groupId))
    .leftJoin(staffTeams, eq(staffTeams.id, meetings.staffTeamId))
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

/**
 * Everyone a meeting's mail goes to: the host and the partner who planned it; for planning
 * meetings the preschool's leadership; for a group, every member.
 */
export function participantsOf(tx: TxOrDb, m: typeof meetings.$inferSelect) {
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
