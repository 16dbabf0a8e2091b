import { and, asc, eq, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { auditEvents, people, supportOffers, supportRequests, teams } from "../../db/schema";
import { can, READ_ONLY_MESSAGE, type Actor, assertScheduler, type SystemActor } from "../auth/permissions";
import { atomic, getDb } from "../db.server";
import { env, portalUrl } from "../env.server";
import { enqueueMail } from "../mail/outbox.server";
import { supportRequestNotice } from "../mail/question-mails";
import { type Failure } from "./failure";
import { districtTeams } from "./scope.server";
import type { OfferInput, RequestInput } from "./support";

/**
 * The catalogue of voluntary support a partner can point a family to without a report,
 * and the requests, with the guardians' consent, that the offer's team contact the family.
 * A request belongs to the team it was sent to (pinned in the row when it is sent: moving
 * the offer later hands nothing to the new team). Its family details are for that team's
 * social workers and parent advisers only, approved for the team (four eyes): never the
 * coordinator or the head of unit, even when they sit in the same team. The details are
 * deleted after the retention period once handled.
 */

export function supportOffersOf(actor: Actor) {
  return getDb()
    .select({ offer: supportOffers, teamName: teams.name })
    .from(supportOffers)
    .innerJoin(teams, eq(teams.id, supportOffers.teamId))
    .where(and(eq(supportOffers.districtId, actor.districtId), isNull(supportOffers.archivedAt)))
    .orderBy(asc(supportOffers.sortOrder), asc(supportOffers.name))
    .all()
    .map((r) => ({ ...r.offer, teamName: r.teamName }));
}

export function supportOffer(actor: Actor, id: number) {
  return supportOffersOf(actor).find((o) => o.id === id) ?? null;
}

/** The coordinator adds or changes an offer of the own district. */
export function saveOffer(actor: Actor, id: number | null, input: OfferInput): { ok: true; id: number } | Failure {
  if (!can(actor, "district:manage")) return { ok: false, field: "form", message: "Bara samordnaren kan ändra stödkatalogen." };
  if (!districtTeams(actor).some((t) => t.id === input.teamId)) return { ok: false, field: "teamId", message: "Välj ett team i stadsdelen." };
  const db = getDb();
  if (id === null) {
    const row = db
      .insert(supportOffers)
      .values({ ...input, districtId: actor.districtId })
      .returning({ id: supportOffers.id })
      .get();
    return { ok: true, id: row.id };
  }
  const result = db
    .update(supportOffers)
    .set(input)
    .where(and(eq(supportOffers.id, id), eq(supportOffers.districtId, actor.districtId)))
    .run();
  return result.changes === 0 ? { ok: false, field: "form", message: "Erbjudandet finns inte." } : { ok: true, id };
}

export function archiveOffer(actor: Actor, id: number, now: Date): boolean {
  if (!can(actor, "district:manage")) return false;
  return (
    getDb()
      .update(supportOffers)
      .set({ archivedAt: now })
      .where(and(eq(supportOffers.id, id), eq(supportOffers.districtId, actor.districtId)))
      .run().changes === 1
  );
}

/**
 * The people who may read the family details sent to a team: its active social workers and
 * parent advisers whose place in the team is approved. The notice mail goes to the same people.
 */
function familyDetailReaders(teamId: number, districtId: number) {
  return and(
    eq(people.teamId, teamId),
    eq(people.districtId, districtId),
    inArray(people.role, ["social_worker", "parent_adviser"]),
    isNotNull(people.accessApprovedAt),
    isNull(people.deactivatedAt),
  )!;
}

/** A partner asks the offer's team to contact the family; the team gets a notice without the family's details. */
export const requestContact = atomic(function requestContact(actor: Actor, offerId: number, input: RequestInput): { ok: true } | Failure {
  if (!can(actor, "partner:work") || !can(actor, "portal:write"))
    return { ok: false, field: "form", message: "Bara personal i skola, förskola och polis kan skicka förfrågningar här." };
  const offer = supportOffer(actor, offerId);
  if (!offer) return { ok: false, field: "form", message: "Erbjudandet finns inte." };
  const db = getDb();
  db.transaction((tx) => {
    const row = tx
      .insert(supportRequests)
      // Pinned to the offer's team as it is now, in the same statement (moving the offer later does not move the request).
      .values({
        ...input,
        districtId: actor.districtId,
        offerId,
        teamId: sql`(SELECT ${supportOffers.teamId} FROM ${supportOffers} WHERE ${supportOffers.id} = ${offerId})`,
        askerPersonId: actor.personId,
      })
      .returning({ id: supportRequests.id, teamId: supportRequests.teamId })
      .get();
    const readers = tx.select({ name: people.name, email: people.email }).from(people).where(familyDetailReaders(row.teamId!, actor.districtId)).all();
    for (const m of readers) {
      enqueueMail(
        {
          districtId: actor.districtId,
          ...supportRequestNotice(m, { offerName: offer.name, organisationName: actor.organisationName, url: portalUrl("/stod") }),
        },
        tx,
      );
    }
    tx.insert(auditEvents)
      .values({
        districtId: actor.districtId,
        actorPersonId: actor.personId,
        action: "support_request.created",
        objectType: "support_request",
        objectId: String(row.id),
      })
      .run();
  });
  return { ok: true };
});

/** The team whose requests the actor may read, or null: only its approved social workers and parent advisers. */
function requestTeamOf(actor: Actor): number | null {
  if (!can(actor, "support-requests:handle") || actor.teamId === null) return null;
  const reader = getDb()
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.id, actor.personId), familyDetailReaders(actor.teamId, actor.districtId)))
    .get();
  return reader ? actor.teamId : null;
}

/** Open and recently handled requests sent to the acting person's team (the team pinned in each request). */
export function requestsForTeam(actor: Actor) {
  const teamId = requestTeamOf(actor);
  if (teamId === null) return [];
  return getDb()
    .select({ request: supportRequests, offerName: supportOffers.name, askerTitle: people.title })
    .from(supportRequests)
    .innerJoin(supportOffers, eq(supportOffers.id, supportRequests.offerId))
    .innerJoin(people, eq(people.id, supportRequests.askerPersonId))
    .where(and(eq(supportRequests.teamId, teamId), eq(supportRequests.districtId, actor.districtId), isNull(supportRequests.purgedAt)))
    .orderBy(asc(supportRequests.createdAt))
    .all()
    .map((r) => ({ ...r.request, offerName: r.offerName, askerTitle: r.askerTitle }));
}

type HandledFailure = Failure & { reason: "forbidden" | "missing" | "done" };

/** Marks a request of the acting person's team handled. Another team's request is "missing", as if it did not exist. */
export const markRequestHandled = atomic(function markRequestHandled(actor: Actor, requestId: number, now: Date): { ok: true } | HandledFailure {
  if (!can(actor, "support-requests:handle") || !can(actor, "portal:write"))
    return { ok: false, field: "form", message: READ_ONLY_MESSAGE, reason: "forbidden" };
  const teamId = requestTeamOf(actor);
  const mine = teamId === null ? undefined : requestsForTeam(actor).find((r) => r.id === requestId);
  if (teamId === null || !mine) return { ok: false, field: "form", message: "Förfrågan finns inte.", reason: "missing" };
  if (mine.handledAt !== null) return { ok: false, field: "form", message: "Förfrågan är redan markerad som klar.", reason: "done" };
  getDb()
    .update(supportRequests)
    .set({ handledAt: now, handledBy: actor.personId })
    .where(and(eq(supportRequests.id, requestId), eq(supportRequests.teamId, teamId), isNull(supportRequests.handledAt)))
    .run();
  return { ok: true };
});

/** Deletes the family's details of requests handled longer ago than the retention period. */
export function purgeHandledRequests(system: SystemActor, now: Date, retentionDays = env.CONSULTATION_RETENTION_DAYS): number {
  assertScheduler(system);
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
  return getDb()
    .update(supportRequests)
    .set({ guardianName: null, guardianPhone: null, language: null, consentGivenBy: null, consentGivenOn: null, purgedAt: now })
    .where(and(lt(supportRequests.handledAt, cutoff), isNull(supportRequests.purgedAt)))
    .run().changes;
}
