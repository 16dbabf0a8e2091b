import { and, asc, desc, eq, inArray, or } from "drizzle-orm";
import { contactAssignments, meetingAgendaPoints, meetingEvents, meetingProposals, meetings, organisations, people, staffTeams } from "../../db/schema";
import { isPartner, type Actor } from "../auth/permissions";
import { walkInvitation } from "../calendar/walk-invitation";
import { getDb } from "../db.server";
import { env } from "../env.server";
import { formatDate, formatTime } from "../format/dates";
import { enqueueMail } from "../mail/outbox.server";
import { localDateOf } from "../time/stockholm";
import { dutyCheckBetween, isOnDuty } from "./duty.server";
import {
  meetingKindLabel,
  meetingTitle,
  overlaps,
  placeLabel,
  planningDates,
  type Interval,
  type PlanningSeriesInput,
  type ReportMeetingInput,
  type StaffTeamMeetingInput,
} from "./meetings";
import { addDays, instantAt } from "../time/stockholm";
import { coveredOrganisationIds } from "./organisations.server";

/**
 * Meetings between partners and their contact persons. Report meetings first: the partner
 * proposes times, the contact person confirms one (never on a duty day or on top of another
 * meeting) or proposes another, and either side can cancel. Every change raises the
 * calendar sequence and mails both with an invitation Outlook accepts.
 *
 * Who sees what: the partner who planned it; the contact persons of the organisation
 * (those they host and those of organisations they cover); another organisation's meeting
 * answers 404. Titles name the organisation and the kind only, never the child.
 */

type Failure = { ok: false; field: string; message: string };
const fail = (field: string, message: string): Failure => ({ ok: false, field, message });


/** The social workers a partner can plan a meeting with: their organisation's contact persons. */
export function meetingHostsFor(actor: Actor) {
  if (!isPartner(actor)) return [];
  const orgIds = familyOrganisationIds(actor);
  const rows = getDb()
    .select({ personId: people.id, name: people.name })
    .from(contactAssignments)
    .innerJoin(people, eq(people.id, contactAssignments.personId))
    .where(and(inArray(contactAssignments.organisationId, orgIds), eq(contactAssignments.districtId, actor.districtId)))
    .orderBy(asc(people.name))
    .all();
  return rows.filter((r, i) => rows.findIndex((x) => x.personId === r.personId) === i);
}


/** The organisations of a partner's family: their own, its unit, the unit's preschools. */
function familyOrganisationIds(actor: Actor): number[] {
  const home = actor.homeOrganisationId;
  if (home === null) return [];
  return getDb()
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.districtId, actor.districtId), or(eq(organisations.id, home), eq(organisations.parentId, home))))
    .all()
    .map((o) => o.id);
}

function visibleTo(actor: Actor) {
  const inDistrict = eq(meetings.districtId, actor.districtId);
  if (isPartner(actor)) {
    // Leadership sees all of their organisation's staff-team and planning meetings.
    const family = actor.role === "partner_leadership" ? familyOrganisationIds(actor) : [];
    const ownTeamsMeetings = family.length ? [and(inArray(meetings.organisationId, family), inArray(meetings.kind, ["staff_team", "planning"]))!] : [];
    return and(inDistrict, or(eq(meetings.proposedBy, actor.personId), ...ownTeamsMeetings))!;
  }
  const covered = coveredOrganisationIds(actor);
  return and(inDistrict, or(eq(meetings.hostPersonId, actor.personId), ...(covered.length ? [inArray(meetings.organisationId, covered)] : [])))!;
}

export function meetingsFor(actor: Actor) {
  return getDb()
    .select({ meeting: meetings, organisationName: organisations.name, hostName: people.name })
    .from(meetings)
    .innerJoin(organisations, eq(organisations.id, meetings.organisationId))
    .innerJoin(people, eq(people.id, meetings.hostPersonId))
    .where(visibleTo(actor))
    .orderBy(desc(meetings.createdAt))
    .all();
}

export function meetingFor(actor: Actor, id: number) {
  const db = getDb();
  const row = db
    .select({ meeting: meetings, organisationName: organisations.name, hostName: people.name, hostEmail: people.email })
    .from(meetings)
    .innerJoin(organisations, eq(organisations.id, meetings.organisationId))
    .innerJoin(people, eq(people.id, meetings.hostPersonId))
    .where(and(eq(meetings.id, id), visibleTo(actor)))
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
  return { ...row, proposer, proposals, events, isHost: row.meeting.hostPersonId === actor.personId, isProposer: row.meeting.proposedBy === actor.personId };
}

export function createReportMeeting(actor: Actor, input: ReportMeetingInput, now: Date): { ok: true; id: number } | Failure {
  if (!isPartner(actor) || actor.organisationId === null) return fail("form", "Bara personal i skola och förskola planerar anmälningsmöten här.");
  if (!meetingHostsFor(actor).some((h) => h.personId === input.hostPersonId)) return fail("hostPersonId", "Välj en av era kontaktpersoner.");
  const db = getDb();
  const id = db.transaction((tx) => {
    const { times, ...fields } = input;
    const row = tx
      .insert(meetings)
      .values({ ...fields, districtId: actor.districtId, organisationId: actor.organisationId!, kind: "report", proposedBy: actor.personId, createdAt: now })
      .returning({ id: meetings.id })
      .get();
    for (const t of times) tx.insert(meetingProposals).values({ meetingId: row.id, ...t, proposedBy: actor.personId }).run();
    tx.insert(meetingEvents).values({ meetingId: row.id, personId: actor.personId, action: "proposed", at: now }).run();
    const host = tx.select({ name: people.name, email: people.email }).from(people).where(eq(people.id, input.hostPersonId)).get()!;
    enqueueMail(
      {
        districtId: actor.districtId,
        to: host.email,
        subject: `Förslag på anmälningsmöte: ${actor.organisationName}`,
        text: `Hej ${host.name}!\n\n${actor.name} på ${actor.organisationName} föreslår ett anmälningsmöte. Välj en av tiderna eller föreslå en annan:\n${env.APP_URL.replace(/\/$/, "")}/moten/${row.id}\n`,
      },
      tx,
    );
    return row.id;
  });
  return { ok: true, id };
}

/** The staff teams (and whole preschools) a preschool's leadership can ask the contact persons to visit. */
export function visitTargetsFor(actor: Actor) {
  if (actor.role !== "partner_leadership") return [];
  const preschools = getDb()
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(inArray(organisations.id, familyOrganisationIds(actor)), eq(organisations.kind, "preschool")))
    .orderBy(asc(organisations.name))
    .all();
  if (preschools.length === 0) return [];
  const teams = getDb()
    .select({ id: staffTeams.id, name: staffTeams.name, organisationId: staffTeams.organisationId })
    .from(staffTeams)
    .where(inArray(staffTeams.organisationId, preschools.map((p) => p.id)))
    .orderBy(asc(staffTeams.name))
    .all();
  return preschools.flatMap((p) => [
    { value: `${p.id}:`, label: `${p.name}, hela förskolan`, organisationId: p.id, staffTeamId: null as number | null, preschool: p.name, team: null as string | null },
    ...teams.filter((t) => t.organisationId === p.id).map((t) => ({ value: `${p.id}:${t.id}`, label: `${p.name}, arbetslag ${t.name}`, organisationId: p.id, staffTeamId: t.id as number | null, preschool: p.name, team: t.name as string | null })),
  ]);
}

export function createStaffTeamMeeting(actor: Actor, input: StaffTeamMeetingInput, now: Date): { ok: true; id: number } | Failure {
  const targets = visitTargetsFor(actor);
  if (targets.length === 0) return fail("form", "Bara förskolans ledning kan be om besök på arbetslagsmöten.");
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
    for (const t of input.times) tx.insert(meetingProposals).values({ meetingId: row.id, ...t, proposedBy: actor.personId }).run();
    tx.insert(meetingEvents).values({ meetingId: row.id, personId: actor.personId, action: "proposed", at: now }).run();
    const host = tx.select({ name: people.name, email: people.email }).from(people).where(eq(people.id, input.hostPersonId)).get()!;
    enqueueMail(
      {
        districtId: actor.districtId,
        to: host.email,
        subject: `Förfrågan om besök på arbetslagsmöte: ${actor.organisationName}`,
        text: `Hej ${host.name}!\n\n${actor.name} på ${actor.organisationName} vill att du besöker ett arbetslagsmöte. Tema: ${input.theme}.\nVälj en tid eller föreslå en annan:\n${env.APP_URL.replace(/\/$/, "")}/moten/${row.id}\n`,
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
    .where(and(eq(meetings.kind, "staff_team"), eq(meetings.state, "confirmed"), inArray(meetings.organisationId, targets.map((t) => t.organisationId))))
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
    .where(and(eq(meetings.hostPersonId, hostPersonId), eq(meetings.state, "confirmed")))
    .all()
    .filter((m) => m.startsAt && m.endsAt);
  const clash = others.some((m) => overlaps(time, { startsAt: m.startsAt!, endsAt: m.endsAt! }));
  return clash ? "Kontaktpersonen har redan ett möte då. Välj en annan tid." : null;
}

function invite(meeting: typeof meetings.$inferSelect, organisationName: string, host: { name: string; email: string }, guest: { name: string; email: string }, method: "REQUEST" | "CANCEL") {
  return {
    method,
    content: walkInvitation({
      uid: `meeting-${meeting.id}@samverkansportalen`,
      sequence: meeting.icsSequence,
      method,
      start: meeting.startsAt!,
      end: meeting.endsAt!,
      title: meetingTitle(meeting.kind, organisationName),
      location: placeLabel[meeting.place],
      description: `${meetingTitle(meeting.kind, organisationName)}. Mer i Samverkansportalen: ${env.APP_URL.replace(/\/$/, "")}/moten/${meeting.id}`,
      organizer: host,
      attendee: guest,
    }),
  };
}

function mailBoth(tx: Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0], meetingId: number, subject: (when: string) => string, method: "REQUEST" | "CANCEL", now: Date) {
  const m = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
  if (!m.startsAt) return;
  const org = tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, m.organisationId)).get()!;
  const host = tx.select({ name: people.name, email: people.email }).from(people).where(eq(people.id, m.hostPersonId)).get()!;
  const proposer = tx.select({ name: people.name, email: people.email }).from(people).where(eq(people.id, m.proposedBy)).get()!;
  const today = localDateOf(now);
  const when = `${formatDate(localDateOf(m.startsAt), today)} kl. ${formatTime(m.startsAt)}`;
  for (const person of [host, proposer]) {
    enqueueMail(
      {
        districtId: m.districtId,
        to: person.email,
        subject: subject(when),
        text: `Hej ${person.name}!\n\n${subject(when)}. Plats: ${placeLabel[m.place]}.\nMer i Samverkansportalen: ${env.APP_URL.replace(/\/$/, "")}/moten/${m.id}\n`,
        ics: invite(m, org.name, host, person, method),
      },
      tx,
    );
  }
}

/** Confirms one of the proposed times: the host confirms the partner's, the partner the host's. */
export function confirmMeeting(actor: Actor, meetingId: number, proposalId: number, now: Date): { ok: true } | Failure {
  const found = meetingFor(actor, meetingId);
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
    mailBoth(tx, m.id, (when) => `Bekräftat: ${meetingKindLabel[m.kind].toLowerCase()} ${when}`, "REQUEST", now);
  });
  return { ok: true };
}

/** Proposes another time, which the other side then confirms. */
export function counterPropose(actor: Actor, meetingId: number, time: Interval, now: Date): { ok: true } | Failure {
  const found = meetingFor(actor, meetingId);
  if (!found || (!found.isHost && !found.isProposer)) return fail("form", "Mötet finns inte.");
  if (found.meeting.state !== "proposed") return fail("date", "Mötet är redan bekräftat eller inställt.");
  if (time.startsAt <= now) return fail("date", "Tiden har redan varit. Föreslå en senare tid.");
  if (found.proposals.some((p) => p.startsAt.getTime() === time.startsAt.getTime())) return fail("date", "Den tiden är redan föreslagen.");
  const conflict = hostConflict(actor, found.meeting.hostPersonId, meetingId, time);
  if (conflict) return fail("date", conflict);
  getDb().transaction((tx) => {
    tx.insert(meetingProposals).values({ meetingId, ...time, proposedBy: actor.personId }).run();
    tx.insert(meetingEvents).values({ meetingId, personId: actor.personId, action: "counter_proposed", at: now }).run();
  });
  return { ok: true };
}

export function cancelMeeting(actor: Actor, meetingId: number, now: Date): { ok: true } | Failure {
  const found = meetingFor(actor, meetingId);
  if (!found || (!found.isHost && !found.isProposer)) return fail("form", "Mötet finns inte.");
  if (found.meeting.state === "cancelled") return fail("form", "Mötet är redan inställt.");
  getDb().transaction((tx) => {
    tx.update(meetings).set({ state: "cancelled", icsSequence: found.meeting.icsSequence + 1 }).where(eq(meetings.id, meetingId)).run();
    tx.insert(meetingEvents).values({ meetingId, personId: actor.personId, action: "cancelled", at: now }).run();
    if (found.meeting.startsAt) mailBoth(tx, meetingId, (when) => `Inställt: ${meetingKindLabel[found.meeting.kind].toLowerCase()} ${when}`, "CANCEL", now);
  });
  return { ok: true };
}

/** Preschools and preschool units the acting contact person can plan recurring meetings with. */
export function planningOrganisationsFor(actor: Actor) {
  if (isPartner(actor)) return [];
  const covered = coveredOrganisationIds(actor);
  if (covered.length === 0) return [];
  return getDb()
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(inArray(organisations.id, covered), inArray(organisations.kind, ["preschool", "preschool_unit"])))
    .orderBy(asc(organisations.name))
    .all();
}

/** A series of planning meetings with the preschool's leadership, every six weeks by default. */
export function createPlanningSeries(actor: Actor, input: PlanningSeriesInput, now: Date): { ok: true; ids: number[] } | Failure {
  if (!planningOrganisationsFor(actor).some((o) => o.id === input.organisationId)) return fail("organisationId", "Välj en förskola som du är kontaktperson för.");
  const lastDate = addDays(input.firstDate, (input.count - 1) * input.everyWeeks * 7);
  const dates = planningDates(input.firstDate, input.everyWeeks, input.count, dutyCheckBetween(actor, input.firstDate, lastDate), localDateOf(now));
  if (dates.length === 0) return fail("firstDate", "Det finns inga lediga dagar nära de datumen. Välj ett annat första datum.");
  const ids = getDb().transaction((tx) => {
    const created: number[] = [];
    for (const date of dates) {
      const startsAt = instantAt(date, input.time);
      const row = tx
        .insert(meetings)
        .values({
          districtId: actor.districtId,
          organisationId: input.organisationId,
          kind: "planning",
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
      created.push(row.id);
    }
    return created;
  });
  return { ok: true, ids };
}

export function agendaOf(meetingId: number) {
  return getDb()
    .select({ id: meetingAgendaPoints.id, text: meetingAgendaPoints.text, author: people.name, createdAt: meetingAgendaPoints.createdAt })
    .from(meetingAgendaPoints)
    .innerJoin(people, eq(people.id, meetingAgendaPoints.authorPersonId))
    .where(eq(meetingAgendaPoints.meetingId, meetingId))
    .orderBy(asc(meetingAgendaPoints.createdAt), asc(meetingAgendaPoints.id))
    .all();
}

/** Either side adds a point to a coming planning meeting's agenda. */
export function addAgendaPoint(actor: Actor, meetingId: number, text: string, now: Date): { ok: true } | Failure {
  const found = meetingFor(actor, meetingId);
  if (!found) return fail("form", "Mötet finns inte.");
  if (found.meeting.kind !== "planning" || found.meeting.state !== "confirmed") return fail("text", "Det här mötet har ingen gemensam dagordning.");
  if (found.meeting.startsAt && found.meeting.startsAt <= now) return fail("text", "Mötet har redan börjat. Skriv i stället i anteckningarna.");
  getDb().insert(meetingAgendaPoints).values({ meetingId, authorPersonId: actor.personId, text, createdAt: now }).run();
  return { ok: true };
}

/** The host writes short notes after the meeting. */
export function saveMeetingNotes(actor: Actor, meetingId: number, notes: string, now: Date): { ok: true } | Failure {
  const found = meetingFor(actor, meetingId);
  if (!found) return fail("form", "Mötet finns inte.");
  if (!found.isHost) return fail("notes", "Kontaktpersonen skriver anteckningarna.");
  if (!found.meeting.startsAt || found.meeting.startsAt > now) return fail("notes", "Skriv anteckningarna när mötet har börjat.");
  getDb().update(meetings).set({ notes }).where(eq(meetings.id, meetingId)).run();
  return { ok: true };
}
