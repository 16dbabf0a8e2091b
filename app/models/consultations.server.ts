import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, ne, or, type SQL } from "drizzle-orm";
import {
  auditEvents,
  consultationConcerns,
  consultationMessages,
  consultations,
  contactAssignmentParts,
  contactAssignments,
  meetingGroupMembers,
  meetingGroups,
  meetings,
  organisations,
  people,
  type CONSULTATION_OUTCOMES,
} from "../../db/schema";
import { can, type Actor, assertScheduler, type SystemActor } from "../auth/permissions";
import { atomic, getDb, isRefusedByTrigger, isUniqueViolation, type TxOrDb } from "../db.server";
import { env, portalUrl } from "../env.server";
import { forumCancelledNotice } from "../mail/meeting-mails";
import { enqueueMail } from "../mail/outbox.server";
import { newMessageNotice, newQuestionNotice } from "../mail/question-mails";
import { localDateOf } from "../time/stockholm";
import { hasApprovedAccess, mayBeToldOfQuestions } from "./access-approval.server";
import { availabilityAt } from "./availability";
import { statusesOf } from "./availability.server";
import { answerPromise, type ConsultationInput } from "./consultations";
import { caseStartsAt } from "./meetings";
import { dutyLineOf, dutyToday } from "./duty.server";
import { coveredOrganisationIds, coveringContacts, groupsOf } from "./scope.server";
import { fail, type Failure } from "./failure";
import { whoIsToldOfQuestion, type QuestionCandidate } from "./question-routing";

/**
 * Consultations. Who sees what:
 * - the asker sees their own, and nobody else at the partner sees them (not leadership);
 * - social workers and parent advisers see those of organisations they are contact person
 *   for, those they have taken, and, on their duty day, new ones no contact person could take;
 * - the coordinator sees counts and times only, never content;
 * - four eyes: a social worker's or parent adviser's access, and each contact assignment, count
 *   only once the head of unit has approved them. Until then the person sees no question and
 *   is told of none, and the assignment routes none to them.
 * Every read of a consultation is written to the audit log. Mail notices never carry content.
 */

/** The consultations an actor may read, as a query condition; null: none at all. */
function visibleTo(actor: Actor, now: Date): SQL | null {
  const inDistrict = eq(consultations.districtId, actor.districtId);
  if (can(actor, "partner:work")) return and(inDistrict, eq(consultations.askerPersonId, actor.personId))!;
  if (!can(actor, "availability:set-own")) return null;
  if (!hasApprovedAccess(actor)) return null;
  // Approved assignments only (coveredOrganisationIds).
  const covered = coveredOrganisationIds(actor);
  const onDuty = dutyToday(actor, now)?.personId === actor.personId;
  const conditions: SQL[] = [eq(consultations.takenBy, actor.personId), inArray(consultations.forumMeetingId, forumMeetingsOf(actor))];
  // Cases booked on the consultation forum belong to the forum's members, not the contact persons' queue.
  if (covered.length) conditions.push(and(inArray(consultations.organisationId, covered), isNull(consultations.forumMeetingId))!);
  if (onDuty) conditions.push(and(eq(consultations.viaDuty, true), eq(consultations.state, "new"))!);
  return and(inDistrict, or(...conditions))!;
}

/** The forum meetings of the groups the actor belongs to, as a subquery. */
function forumMeetingsOf(actor: Actor) {
  return getDb()
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.kind, "forum"), inArray(meetings.groupId, groupsOf(actor))));
}

function audit(actor: Actor, action: string, consultationId: number) {
  getDb()
    .insert(auditEvents)
    .values({ districtId: actor.districtId, actorPersonId: actor.personId, action, objectType: "consultation", objectId: String(consultationId) })
    .run();
}

/**
 * The contact persons who may be told of a new consultation: those covering the asker's
 * organisation (approved assignments of approved people), who alone may read it, each
 * assignment with the school parts it covers and whether its person can answer now.
 * Whom of them the portal mails is the rule in question-routing.ts.
 */
function candidatesFor(actor: Actor, now: Date, dutyPersonId: number | null): QuestionCandidate[] {
  const contacts = coveringContacts(actor);
  if (contacts.length === 0) return [];
  const parts = getDb()
    .select()
    .from(contactAssignmentParts)
    .where(
      inArray(
        contactAssignmentParts.assignmentId,
        contacts.map((c) => c.assignmentId),
      ),
    )
    .all();
  const statuses = statusesOf(
    actor,
    contacts.map((c) => c.personId),
  );
  return contacts.map((c) => ({
    personId: c.personId,
    name: c.name,
    email: c.email,
    organisationId: c.organisationId,
    schoolPartIds: parts.filter((p) => p.assignmentId === c.assignmentId).map((p) => p.schoolPartId),
    canAnswerNow: availabilityAt(statuses.get(c.personId) ?? null, now, dutyPersonId === c.personId).state === "available",
  }));
}

export function createConsultation(actor: Actor, input: ConsultationInput, now: Date): { ok: true; id: number } | Failure {
  if (!can(actor, "contacts:see-own") || actor.organisationId === null) return fail("form", "Bara personal i skola, förskola och polis kan ställa frågor här.");
  const today = dutyToday(actor, now);
  const candidates = candidatesFor(actor, now, today?.personId ?? null);
  const line = dutyLineOf(actor);
  const id = getDb().transaction((tx) => {
    // A duty social worker waiting for approval is not told: they could not read it.
    const duty = today?.personId
      ? (tx
          .select({ personId: people.id, name: people.name, email: people.email })
          .from(people)
          .where(and(eq(people.id, today.personId), isNull(people.deactivatedAt), isNotNull(people.accessApprovedAt)))
          .get() ?? null)
      : null;
    const { told, viaDuty } = whoIsToldOfQuestion(candidates, { organisationId: actor.organisationId, schoolPartId: actor.schoolPartId }, duty);
    const row = insertConsultation(tx, actor, input, { dueAt: answerPromise(now, input.urgency, line), viaDuty }, now);
    for (const r of told) noticeOfNewQuestion(tx, actor.districtId, r, row.id);
    return row.id;
  });
  return { ok: true, id };
}

function insertConsultation(
  tx: TxOrDb,
  actor: Actor,
  input: ConsultationInput,
  extra: Pick<typeof consultations.$inferInsert, "dueAt" | "viaDuty" | "forumMeetingId" | "forumPlace">,
  now: Date,
) {
  const { concerns, ...fields } = input;
  const row = tx
    .insert(consultations)
    .values({
      ...fields,
      ...extra,
      districtId: actor.districtId,
      organisationId: actor.organisationId!,
      askerPersonId: actor.personId,
      schoolPartId: actor.schoolPartId,
      createdAt: now,
    })
    .returning({ id: consultations.id })
    .get();
  for (const concern of concerns) tx.insert(consultationConcerns).values({ consultationId: row.id, concern }).run();
  tx.insert(auditEvents)
    .values({
      districtId: actor.districtId,
      actorPersonId: actor.personId,
      action: "consultation.created",
      objectType: "consultation",
      objectId: String(row.id),
    })
    .run();
  return row;
}

function noticeOfNewQuestion(tx: TxOrDb, districtId: number, to: { name: string; email: string }, id: number) {
  enqueueMail({ districtId, ...newQuestionNotice(to, portalUrl(`/konsultation/${id}`)) }, tx);
}

/** A coming forum meeting of the actor's district that partners can bring a case to, or null. */
export function openForumMeeting(actor: Actor, meetingId: number, now: Date) {
  const m = getDb()
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.districtId, actor.districtId), eq(meetings.kind, "forum"), eq(meetings.state, "confirmed")))
    .get();
  if (!m || !m.startsAt || !m.endsAt || m.places === null || m.startsAt <= now) return null;
  const taken = getDb().select({ place: consultations.forumPlace }).from(consultations).where(eq(consultations.forumMeetingId, m.id)).all();
  return { meeting: m, free: m.places - taken.length };
}

/**
 * Books a place on a coming forum meeting for a case: the same form and privacy guard as a
 * question, answered at the forum. The unique place index and a trigger make overbooking
 * impossible even when two partners press at once.
 */
export const bookForumPlace = atomic(function bookForumPlace(
  actor: Actor,
  meetingId: number,
  input: ConsultationInput,
  now: Date,
): { ok: true; id: number } | Failure {
  if (!can(actor, "contacts:see-own") || actor.organisationId === null)
    return fail("form", "Bara personal i skola, förskola och polis kan ta upp ärenden här.");
  const forum = openForumMeeting(actor, meetingId, now);
  if (!forum) return fail("form", "Forumet har redan varit eller är inställt. Välj ett annat datum.");
  const { meeting } = forum;
  try {
    const id = getDb().transaction((tx) => {
      const taken = new Set(
        tx
          .select({ place: consultations.forumPlace })
          .from(consultations)
          .where(eq(consultations.forumMeetingId, meeting.id))
          .all()
          .map((r) => r.place),
      );
      const place = Array.from({ length: meeting.places! }, (_, i) => i + 1).find((p) => !taken.has(p));
      if (place === undefined) return null;
      const row = insertConsultation(
        tx,
        actor,
        { ...input, urgency: "no_hurry", answerBy: "meeting" },
        { dueAt: meeting.endsAt!, viaDuty: false, forumMeetingId: meeting.id, forumPlace: place },
        now,
      );
      const members = tx
        .select({ name: people.name, email: people.email })
        .from(meetingGroupMembers)
        .innerJoin(people, eq(people.id, meetingGroupMembers.personId))
        .where(and(eq(meetingGroupMembers.groupId, meeting.groupId!), isNull(people.deactivatedAt), mayBeToldOfQuestions()))
        .all();
      for (const m of members) noticeOfNewQuestion(tx, actor.districtId, m, row.id);
      return row.id;
    });
    if (id === null) return fail("form", "Forumet är fullbokat. Välj ett annat datum.");
    return { ok: true, id };
  } catch (error) {
    if (isUniqueViolation(error) || isRefusedByTrigger(error, "no such place"))
      return fail("form", "Den sista platsen hann bli bokad av någon annan. Välj ett annat datum.");
    throw error;
  }
});

/** How many places of a forum meeting of the actor's district are booked: a count, never whose. */
export function forumBookedCount(actor: Pick<Actor, "districtId" | "personId">, meetingId: number): number {
  return forumBookings(actor, [meetingId]).get(meetingId)!.booked;
}

/**
 * For each of the given forum meetings of the actor's district: how many places are booked,
 * and how many of them by the actor. Counts, never whose.
 */
export function forumBookings(actor: Pick<Actor, "districtId" | "personId">, meetingIds: number[]): Map<number, { booked: number; mine: number }> {
  const cases = meetingIds.length
    ? getDb()
        .select({ meetingId: consultations.forumMeetingId, askerPersonId: consultations.askerPersonId })
        .from(consultations)
        .where(and(inArray(consultations.forumMeetingId, meetingIds), eq(consultations.districtId, actor.districtId)))
        .all()
    : [];
  return new Map(
    meetingIds.map((id) => {
      const booked = cases.filter((c) => c.meetingId === id);
      return [id, { booked: booked.length, mine: booked.filter((c) => c.askerPersonId === actor.personId).length }];
    }),
  );
}

/**
 * A forum meeting of the actor's district moved: its cases are answered at the new time.
 * Inside moveMeeting's transaction, which checked that the actor may move it.
 */
export function forumCasesMoved(tx: TxOrDb, actor: Pick<Actor, "districtId">, meetingId: number, endsAt: Date) {
  tx.update(consultations)
    .set({ dueAt: endsAt })
    .where(and(eq(consultations.forumMeetingId, meetingId), eq(consultations.districtId, actor.districtId)))
    .run();
}

/**
 * A cancelled forum's cases are not lost: they become ordinary questions to the asker's
 * contact persons, answered within a few days, and each asker is told (without content).
 * Inside cancelMeeting's transaction, which checked that the actor may cancel it.
 */
export function forumCasesCancelled(tx: TxOrDb, actor: Pick<Actor, "districtId">, meetingId: number, now: Date) {
  const cases = tx
    .select({ id: consultations.id, districtId: consultations.districtId, name: people.name, email: people.email })
    .from(consultations)
    .innerJoin(people, eq(people.id, consultations.askerPersonId))
    .where(and(eq(consultations.forumMeetingId, meetingId), eq(consultations.districtId, actor.districtId), ne(consultations.state, "closed")))
    .all();
  for (const c of cases) {
    tx.update(consultations)
      .set({ forumMeetingId: null, forumPlace: null, dueAt: new Date(now.getTime() + 3 * 86_400_000) })
      .where(eq(consultations.id, c.id))
      .run();
    enqueueMail({ districtId: c.districtId, ...forumCancelledNotice(c, portalUrl(`/konsultation/${c.id}`)) }, tx);
  }
}

/**
 * The cases booked on a forum meeting: every case for the forum's members, one's own for a
 * partner. Only categories are listed, never who the child is.
 */
export function forumCasesOf(actor: Actor, meetingId: number, now: Date) {
  const condition = visibleTo(actor, now);
  if (!condition) return [];
  const db = getDb();
  const rows = db
    .select({
      id: consultations.id,
      place: consultations.forumPlace,
      mode: consultations.mode,
      ageBand: consultations.ageBand,
      purpose: consultations.purpose,
      state: consultations.state,
      outcome: consultations.outcome,
      organisationName: organisations.name,
    })
    .from(consultations)
    .innerJoin(organisations, eq(organisations.id, consultations.organisationId))
    .where(and(eq(consultations.forumMeetingId, meetingId), condition))
    .orderBy(asc(consultations.forumPlace))
    .all();
  const concerns = rows.length
    ? db
        .select()
        .from(consultationConcerns)
        .where(
          inArray(
            consultationConcerns.consultationId,
            rows.map((r) => r.id),
          ),
        )
        .all()
    : [];
  return rows.map((r) => ({ ...r, place: r.place!, concerns: concerns.filter((c) => c.consultationId === r.id).map((c) => c.concern) }));
}

const listColumns = {
  id: consultations.id,
  purpose: consultations.purpose,
  mode: consultations.mode,
  ageBand: consultations.ageBand,
  urgency: consultations.urgency,
  state: consultations.state,
  dueAt: consultations.dueAt,
  firstAnswerAt: consultations.firstAnswerAt,
  createdAt: consultations.createdAt,
  takenBy: consultations.takenBy,
  schoolPartId: consultations.schoolPartId,
  organisationName: organisations.name,
};

/** The actor's list: a partner's own questions, or a contact person's queue. Newest first, open ones first. */
export function consultationsFor(actor: Actor, now: Date) {
  const condition = visibleTo(actor, now);
  if (!condition) return [];
  const rows = getDb()
    .select({ ...listColumns, takerName: people.name })
    .from(consultations)
    .innerJoin(organisations, eq(organisations.id, consultations.organisationId))
    .leftJoin(people, eq(people.id, consultations.takenBy))
    .where(condition)
    .orderBy(desc(consultations.createdAt))
    .limit(200)
    .all();
  // A contact person sees first the questions about the school parts they cover.
  const myParts = new Set(
    can(actor, "partner:work")
      ? []
      : getDb()
          .select({ schoolPartId: contactAssignmentParts.schoolPartId })
          .from(contactAssignmentParts)
          .innerJoin(contactAssignments, eq(contactAssignments.id, contactAssignmentParts.assignmentId))
          .where(eq(contactAssignments.personId, actor.personId))
          .all()
          .map((p) => p.schoolPartId),
  );
  const mine = (r: (typeof rows)[number]) => (r.schoolPartId !== null && myParts.has(r.schoolPartId) ? 0 : 1);
  const stateOrder = { new: 0, taken: 1, answered: 2, closed: 3 } as const;
  return rows
    .map((r) => ({ ...r, overdue: r.firstAnswerAt === null && r.state !== "closed" && r.dueAt < now }))
    .sort((a, b) => stateOrder[a.state] - stateOrder[b.state] || mine(a) - mine(b) || b.createdAt.getTime() - a.createdAt.getTime());
}

/** One consultation with its thread, or null (the page answers 404). The read is audited. */
export function readConsultation(actor: Actor, id: number, now: Date) {
  const found = lookupConsultation(actor, id, now);
  if (found) audit(actor, "consultation.read", id);
  return found;
}

/** The same without writing a read to the audit log: for actions, which log what they do. */
export function lookupConsultation(actor: Actor, id: number, now: Date) {
  const condition = visibleTo(actor, now);
  if (!condition) return null;
  const db = getDb();
  const row = db
    .select({ consultation: consultations, organisationName: organisations.name, askerRole: people.title })
    .from(consultations)
    .innerJoin(organisations, eq(organisations.id, consultations.organisationId))
    .innerJoin(people, eq(people.id, consultations.askerPersonId))
    .where(and(eq(consultations.id, id), condition))
    .get();
  if (!row) return null;
  const concerns = db.select({ concern: consultationConcerns.concern }).from(consultationConcerns).where(eq(consultationConcerns.consultationId, id)).all();
  const messages = db
    .select({
      id: consultationMessages.id,
      body: consultationMessages.body,
      createdAt: consultationMessages.createdAt,
      authorId: people.id,
      authorName: people.name,
      authorTitle: people.title,
    })
    .from(consultationMessages)
    .innerJoin(people, eq(people.id, consultationMessages.authorPersonId))
    .where(eq(consultationMessages.consultationId, id))
    .orderBy(asc(consultationMessages.createdAt), asc(consultationMessages.id))
    .all();
  const taker = row.consultation.takenBy ? db.select({ name: people.name }).from(people).where(eq(people.id, row.consultation.takenBy)).get() : undefined;
  const c = row.consultation;
  const forum =
    c.forumMeetingId === null
      ? undefined
      : db
          .select({ startsAt: meetings.startsAt, caseMinutes: meetingGroups.caseMinutes })
          .from(meetings)
          .innerJoin(meetingGroups, eq(meetingGroups.id, meetings.groupId))
          .where(eq(meetings.id, c.forumMeetingId))
          .get();
  const isAsker = c.askerPersonId === actor.personId;
  return {
    consultation: c,
    organisationName: row.organisationName,
    // Social services see the asker's organisation and role, never more.
    askerRole: row.askerRole,
    concerns: concerns.map((x) => x.concern),
    messages: messages.map((m) => ({
      id: m.id,
      body: m.body,
      createdAt: m.createdAt,
      mine: m.authorId === actor.personId,
      author:
        m.authorId === c.askerPersonId ? (isAsker ? "Du" : `${row.askerRole}, ${row.organisationName}`) : m.authorId === actor.personId ? "Du" : m.authorName,
    })),
    takerName: taker?.name ?? null,
    /** A forum case: when its turn on the forum starts. */
    forumTurnAt: forum?.startsAt && forum.caseMinutes && c.forumPlace ? caseStartsAt(forum.startsAt, c.forumPlace, forum.caseMinutes) : null,
    isAsker,
    isTaker: c.takenBy === actor.personId,
    overdue: c.firstAnswerAt === null && c.state !== "closed" && c.dueAt < now,
  };
}

/** Takes a new consultation. When two social workers press at once, exactly one gets it. */
export function takeConsultation(actor: Actor, id: number, now: Date): { ok: true } | Failure {
  if (can(actor, "partner:work") || !lookupConsultation(actor, id, now)) return fail("form", "Frågan finns inte.");
  const result = getDb()
    .update(consultations)
    .set({ state: "taken", takenBy: actor.personId, takenAt: now })
    .where(and(eq(consultations.id, id), eq(consultations.state, "new")))
    .run();
  if (result.changes === 0) return fail("form", "Någon annan hann ta frågan. Du ser den inte längre i din kö om den inte gäller dina verksamheter.");
  audit(actor, "consultation.taken", id);
  return { ok: true };
}

/** A message in the thread, from the asker or the social worker who took it. */
export const addMessage = atomic(function addMessage(actor: Actor, id: number, body: string, now: Date): { ok: true } | Failure {
  const found = lookupConsultation(actor, id, now);
  if (!found) return fail("form", "Frågan finns inte.");
  const c = found.consultation;
  if (c.state === "closed") return fail("body", "Frågan är avslutad. Ställ en ny fråga om du vill fråga något mer.");
  if (!found.isAsker && !found.isTaker) return fail("body", "Ta frågan först, så att den som frågar vet vem som svarar.");
  const db = getDb();
  db.transaction((tx) => {
    tx.insert(consultationMessages).values({ consultationId: id, authorPersonId: actor.personId, body, createdAt: now }).run();
    if (found.isTaker) {
      tx.update(consultations)
        .set({ state: "answered", firstAnswerAt: c.firstAnswerAt ?? now })
        .where(eq(consultations.id, id))
        .run();
    }
    const other = found.isTaker ? c.askerPersonId : c.takenBy;
    const recipient = other
      ? tx
          .select({ name: people.name, email: people.email })
          .from(people)
          .where(and(eq(people.id, other), mayBeToldOfQuestions()))
          .get()
      : undefined;
    if (recipient) {
      enqueueMail({ districtId: actor.districtId, ...newMessageNotice(recipient, found.isTaker, portalUrl(`/konsultation/${id}`)) }, tx);
    }
    tx.insert(auditEvents)
      .values({ districtId: actor.districtId, actorPersonId: actor.personId, action: "consultation.message", objectType: "consultation", objectId: String(id) })
      .run();
  });
  return { ok: true };
});

export const closeConsultation = atomic(function closeConsultation(
  actor: Actor,
  id: number,
  outcome: (typeof CONSULTATION_OUTCOMES)[number],
  now: Date,
): { ok: true } | Failure {
  const found = lookupConsultation(actor, id, now);
  if (!found) return fail("form", "Frågan finns inte.");
  if (!found.isTaker) return fail("outcome", "Bara den som har tagit frågan kan avsluta den.");
  if (found.consultation.state === "closed") return fail("outcome", "Frågan är redan avslutad.");
  getDb().update(consultations).set({ state: "closed", outcome, closedAt: now }).where(eq(consultations.id, id)).run();
  audit(actor, "consultation.closed", id);
  return { ok: true };
});

/** For the coordinator: counts and times, never content. */
export function consultationCounts(actor: Actor, now: Date) {
  if (!can(actor, "district:manage")) return null;
  const rows = getDb()
    .select({ state: consultations.state, dueAt: consultations.dueAt, firstAnswerAt: consultations.firstAnswerAt, createdAt: consultations.createdAt })
    .from(consultations)
    .where(eq(consultations.districtId, actor.districtId))
    .all();
  const open = rows.filter((r) => r.state !== "closed");
  return {
    open: open.length,
    waiting: rows.filter((r) => r.state === "new").length,
    overdue: open.filter((r) => r.firstAnswerAt === null && r.dueAt < now).length,
    answeredInTime: rows.filter((r) => r.firstAnswerAt !== null && r.firstAnswerAt <= r.dueAt).length,
    answered: rows.filter((r) => r.firstAnswerAt !== null).length,
    thisMonth: rows.filter((r) => localDateOf(r.createdAt).slice(0, 7) === localDateOf(now).slice(0, 7)).length,
  };
}

/**
 * Deletes the free text of consultations closed more than `retentionDays` ago: the
 * question, the child's details, the consent note, the callback number and the thread.
 * The categories, dates, age band and outcome stay for the statistics.
 */
export function purgeClosedConsultations(system: SystemActor, now: Date, retentionDays = env.CONSULTATION_RETENTION_DAYS): number {
  assertScheduler(system);
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
  return getDb().transaction((tx) => {
    const due = tx
      .select({ id: consultations.id })
      .from(consultations)
      .where(and(eq(consultations.state, "closed"), lt(consultations.closedAt, cutoff), isNull(consultations.purgedAt)))
      .all()
      .map((r) => r.id);
    if (due.length === 0) return 0;
    tx.update(consultations)
      .set({ question: null, childDetails: null, consentGivenBy: null, consentGivenOn: null, callbackPhone: null, purgedAt: now })
      .where(inArray(consultations.id, due))
      .run();
    tx.update(consultationMessages).set({ body: null }).where(inArray(consultationMessages.consultationId, due)).run();
    return due.length;
  });
}
