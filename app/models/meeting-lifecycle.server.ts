import { and, eq, ne } from "drizzle-orm";
import {
  meetingAgendaPoints,
  meetingAttendance,
  meetingEvents,
  meetingGroups,
  meetingProposals,
  meetings,
  organisations,
  people,
  staffTeams,
} from "../../db/schema";
import { can, type Actor } from "../auth/permissions";
import { atomic, getDb, type TxOrDb } from "../db.server";
import { portalUrl } from "../env.server";
import { meetingNotice, proposalCancelledNotice, type MeetingChange } from "../mail/meeting-mails";
import { enqueueMail } from "../mail/outbox.server";
import { addDays, localDateOf } from "../time/stockholm";
import { forumCasesCancelled, forumCasesMoved } from "./consultations.server";
import { isOnDuty } from "./duty.server";
import { meetingFor, participantsOf } from "./meeting-reading.server";
import { hasSharedAgenda, overlaps, titleOf, type Interval } from "./meetings";
import { fail, type Failure } from "./failure";

/**
 * A meeting's life. A report meeting or a staff-team visit starts as proposed times: the
 * contact person confirms one (never on a duty day or on top of another meeting) or proposes
 * another, which the partner then confirms. A confirmed meeting can be moved or cancelled.
 * Every change raises the calendar sequence and mails every participant an invitation
 * Outlook accepts. Planning and collaboration meetings have a shared agenda before and the
 * host's notes after; a group meeting has its attendance.
 */

const meetingUrl = (id: number) => portalUrl(`/moten/${id}`);

type Recipient = { name: string; email: string };

/**
 * Inserts a meeting as proposed times and tells the host, who confirms one or proposes another.
 * Only inside the transaction of a function that checked whom the actor may ask.
 */
export function proposeMeeting(
  tx: TxOrDb,
  actor: Pick<Actor, "districtId" | "personId">,
  fields: Omit<typeof meetings.$inferInsert, "districtId" | "proposedBy" | "createdAt">,
  times: Interval[],
  mail: (host: Recipient, url: string) => { to: string; subject: string; text: string },
  now: Date,
): number {
  const row = tx
    .insert(meetings)
    .values({ ...fields, districtId: actor.districtId, proposedBy: actor.personId, createdAt: now })
    .returning({ id: meetings.id })
    .get();
  for (const t of times)
    tx.insert(meetingProposals)
      .values({ meetingId: row.id, ...t, proposedBy: actor.personId })
      .run();
  tx.insert(meetingEvents).values({ meetingId: row.id, personId: actor.personId, action: "proposed", at: now }).run();
  const host = tx.select({ name: people.name, email: people.email }).from(people).where(eq(people.id, fields.hostPersonId)).get()!;
  enqueueMail({ districtId: actor.districtId, ...mail(host, meetingUrl(row.id)) }, tx);
  return row.id;
}

/**
 * Mails every participant the meeting of the actor's district as it now is, with a calendar
 * part that adds, updates or removes it. A meeting without a time yet is in no calendar: only
 * its cancellation is told, in a plain mail, so everyone who was asked hears of it.
 */
export function mailParticipants(tx: TxOrDb, actor: Pick<Actor, "districtId">, meetingId: number, change: MeetingChange, now: Date) {
  const m = tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.districtId, actor.districtId)))
    .get();
  if (!m || (!m.startsAt && change !== "cancelled")) return;
  const org =
    m.organisationId === null ? null : tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, m.organisationId)).get()!;
  const group = m.groupId === null ? null : tx.select({ name: meetingGroups.name }).from(meetingGroups).where(eq(meetingGroups.id, m.groupId)).get()!;
  const team = m.staffTeamId === null ? null : tx.select({ name: staffTeams.name }).from(staffTeams).where(eq(staffTeams.id, m.staffTeamId)).get()!;
  const title = titleOf({ meeting: m, organisationName: org?.name ?? null, groupName: group?.name ?? null, staffTeamName: team?.name ?? null });
  if (!m.startsAt) {
    for (const person of participantsOf(tx, m))
      enqueueMail({ districtId: m.districtId, ...proposalCancelledNotice({ title, url: meetingUrl(m.id) }, person) }, tx);
    return;
  }
  const host = tx.select({ name: people.name, email: people.email }).from(people).where(eq(people.id, m.hostPersonId)).get()!;
  const facts = { meetingId: m.id, sequence: m.icsSequence, title, place: m.place, startsAt: m.startsAt, endsAt: m.endsAt!, host, url: meetingUrl(m.id), now };
  for (const person of participantsOf(tx, m)) enqueueMail({ districtId: m.districtId, ...meetingNotice(change, facts, person) }, tx);
}

/** A meeting the actor may act on, or null: as meetingFor, and never for the head of unit, who writes nothing. */
function meetingToChange(actor: Actor, id: number) {
  return can(actor, "portal:write") ? meetingFor(actor, id) : null;
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
    mailParticipants(tx, actor, m.id, "confirmed", now);
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
    mailParticipants(tx, actor, m.id, "moved", now);
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
    mailParticipants(tx, actor, meetingId, "cancelled", now);
    if (found.meeting.kind === "forum") forumCasesCancelled(tx, actor, meetingId, now);
  });
  return { ok: true };
});

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
