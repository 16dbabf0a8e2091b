import { and, asc, eq, inArray, isNotNull, isNull, notInArray, or } from "drizzle-orm";
import { CITY_ROLES, contactAssignmentParts, contactAssignments, districts, dutyOverrides, dutyRotaMembers, outbox, people, teams } from "../../db/schema";
import { can, type Actor } from "../auth/permissions";
import { endOpenLinks } from "../auth/one-time-links.server";
import { atomic, getDb, isRefusedByTrigger, type TxOrDb } from "../db.server";
import { mailInvitation } from "./accounts.server";
import { recordAudit } from "./audit.server";
import { slugOf, type DistrictInput, type UnitHeadInput } from "./districts";
import { type Failure } from "./failure";

/**
 * The answer when the address of a new account is already in use. It does not say where:
 * the city's administrator works above the districts and sees none of their people, so the
 * answer is the same for an address held by any district or by a city-level account. It has
 * to refuse (a district without its first coordinator, or a head of unit who was never made,
 * reported as done, would be worse), which does tell that the address is in use somewhere in
 * the portal; the city's administrator is the one who sorts out such a conflict anyway.
 */
/** What the district's outbox says of its invitation the city's appointment replaced. */
const REPLACED_BY_THE_CITY = "Skickades inte: stadens administratör har bjudit in personen som enhetschef.";

const ADDRESS_IN_USE = "Den adressen går inte att använda för ett nytt konto. Skriv en annan e-postadress i jobbet.";

/**
 * Whether the address is taken for a new account in `districtId` (none for a district being
 * added): it logs in already, it is a city-level account's, or that district has it. An
 * invitation another district sent and nobody took up does not hold it (decision 012):
 * otherwise a coordinator could keep the city from appointing the head of unit who approves
 * the coordinator's own requests, by inviting her address first.
 */
function addressInUse(email: string, districtId: number | null): boolean {
  const holds = or(isNotNull(people.passwordHash), inArray(people.role, [...CITY_ROLES]), districtId === null ? undefined : eq(people.districtId, districtId));
  return (
    getDb()
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.email, email), holds))
      .get() !== undefined
  );
}

/**
 * The city's administrator adds a district: the district, its social services team and the
 * first coordinator, who is invited by mail and runs the district from there.
 */
export const addDistrict = atomic(function addDistrict(actor: Actor, input: DistrictInput, now: Date): { ok: true; id: number } | Failure {
  if (!can(actor, "city:admin")) return { ok: false, field: "form", message: "Bara stadens administratör lägger till stadsdelsområden." };
  const db = getDb();
  const slug = slugOf(input.name);
  if (
    db
      .select({ id: districts.id })
      .from(districts)
      .where(or(eq(districts.slug, slug), eq(districts.name, input.name)))
      .get()
  ) {
    return { ok: false, field: "name", message: "Det stadsdelsområdet finns redan." };
  }
  if (addressInUse(input.coordinatorEmail, null)) return { ok: false, field: "coordinatorEmail", message: ADDRESS_IN_USE };
  const id = db.transaction((tx) => {
    const district = tx.insert(districts).values({ slug, name: input.name, createdAt: now }).returning({ id: districts.id }).get();
    const team = tx.insert(teams).values({ districtId: district.id, name: "Barn och unga", office: input.office }).returning({ id: teams.id }).get();
    invitePersonOfTeam(
      tx,
      { districtId: district.id, teamId: team.id, name: input.coordinatorName, email: input.coordinatorEmail, title: "Samordnare", role: "coordinator" },
      actor,
      now,
    );
    return district.id;
  });
  recordAudit({ personId: actor.personId, districtId: id }, "district.added", { type: "district", id });
  return { ok: true, id };
});

/** A social-services account made by the city (a district's first coordinator, a head of unit), invited by mail. */
function invitePersonOfTeam(
  tx: TxOrDb,
  person: { districtId: number; teamId: number; name: string; email: string; title: string; role: "coordinator" | "unit_head" },
  actor: Actor,
  now: Date,
): number {
  const { id } = tx
    .insert(people)
    .values({ ...person, createdAt: now })
    .returning({ id: people.id })
    .get();
  mailInvitation(tx, { id, districtId: person.districtId, name: person.name, email: person.email }, actor.name);
  return id;
}

/** Every district, for the city's administrator's choices. */
export function districtChoices(actor: Actor) {
  if (!can(actor, "city:admin")) return [];
  return getDb().select({ id: districts.id, name: districts.name }).from(districts).orderBy(asc(districts.name)).all();
}

/**
 * The city's administrator appoints a head of unit, who approves what the district's
 * coordinator asks for (four eyes). Not the coordinator: a coordinator who could make a head
 * of unit could approve their own requests. The head of unit joins the district's first team.
 */
export const appointUnitHead = atomic(function appointUnitHead(actor: Actor, input: UnitHeadInput, now: Date): { ok: true; id: number } | Failure {
  if (!can(actor, "city:admin")) return { ok: false, field: "form", message: "Bara stadens administratör utser enhetschefer." };
  const db = getDb();
  const team = db.select({ id: teams.id }).from(teams).where(eq(teams.districtId, input.districtId)).orderBy(asc(teams.id)).get();
  if (!team) return { ok: false, field: "districtId", message: "Välj stadsdelsområde." };
  const head = { districtId: input.districtId, teamId: team.id, name: input.name, email: input.email, title: "Enhetschef", role: "unit_head" as const };
  // The district's own invitation of the address, never taken up, becomes the head of unit's:
  // the district's coordinator cannot block the appointment by inviting her address first.
  const invited = db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.email, input.email), eq(people.districtId, input.districtId), isNull(people.passwordHash), notInArray(people.role, [...CITY_ROLES])))
    .get();
  if (addressInUse(input.email, invited ? null : input.districtId)) return { ok: false, field: "email", message: ADDRESS_IN_USE };
  let id: number;
  try {
    id = db.transaction((tx) => {
      if (!invited) return invitePersonOfTeam(tx, head, actor, now);
      // What the coordinator gave the account, which never logged in, goes with the invitation:
      // assignments, rota place and days, and the invitation mail not sent yet. A head of unit
      // has none of them, and they must not let the coordinator block the appointment.
      const own = tx
        .select({ id: contactAssignments.id })
        .from(contactAssignments)
        .where(eq(contactAssignments.personId, invited.id))
        .all()
        .map((a) => a.id);
      if (own.length) tx.delete(contactAssignmentParts).where(inArray(contactAssignmentParts.assignmentId, own)).run();
      tx.delete(contactAssignments).where(eq(contactAssignments.personId, invited.id)).run();
      tx.delete(dutyRotaMembers).where(eq(dutyRotaMembers.personId, invited.id)).run();
      tx.delete(dutyOverrides).where(eq(dutyOverrides.personId, invited.id)).run();
      tx.update(outbox)
        .set({ status: "failed", lastError: REPLACED_BY_THE_CITY })
        .where(and(eq(outbox.linkPersonId, invited.id), eq(outbox.status, "pending")))
        .run();
      tx.update(people)
        .set({ ...head, organisationId: null, schoolPartId: null, staffTeamId: null, deactivatedAt: null })
        .where(eq(people.id, invited.id))
        .run();
      endOpenLinks(tx, invited.id, now);
      mailInvitation(tx, { id: invited.id, districtId: input.districtId, name: input.name, email: input.email }, actor.name);
      return invited.id;
    });
  } catch (error) {
    // The invited account already has contact assignments or rota places: it is in use.
    if (isRefusedByTrigger(error, "remove the contact assignments")) return { ok: false, field: "email", message: ADDRESS_IN_USE };
    throw error;
  }
  recordAudit({ personId: actor.personId, districtId: input.districtId }, "unit_head.appointed", { type: "person", id });
  return { ok: true, id };
});
