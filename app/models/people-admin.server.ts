import { and, asc, eq, gt, inArray, isNull, like, notInArray, or } from "drizzle-orm";
import { CITY_ROLES, meetings, organisations, people, schoolParts, staffTeams, walkOccasions, walkSeries, walkSlots } from "../../db/schema";
import { schoolStageLabel } from "../format/labels";
import { appointedByTheCity, can, type Actor } from "../auth/permissions";
import { atomic, getDb, isRefusedByTrigger } from "../db.server";
import { isContentRole, recordAccessRequested } from "./access-approval.server";
import { INVITATION_MAILS_PER_HOUR, linkMailsLastHour, mailInvitation } from "./accounts.server";
import { recordAudit } from "./audit.server";
import type { InviteInput, PersonInput } from "./people-admin";
import { fail, type Failure } from "./failure";

/**
 * The coordinator runs the district's people: invites them (they choose their own password
 * from a link), changes role, organisation and title, and deactivates them. Nobody is
 * deleted: a deactivated person cannot log in, and their history stays. Everything is scoped
 * to the coordinator's district (another district's person is 404) and audited.
 *
 * City-level accounts (the city's administrator) have a home district only for the login:
 * they are outside every district's administration, so they are never listed here and every
 * action on them answers as for a person who does not exist.
 *
 * The coordinator does not give the head of unit's role (ADMIN_ROLES leaves it out) nor take
 * it away: the head of unit approves what the coordinator asks for (four eyes), so a
 * coordinator who could make a head of unit could approve their own requests.
 */

export function canRunPeople(actor: Actor): boolean {
  return can(actor, "district:manage");
}

/** The people a district's coordinator runs: the district's own, never a city-level account. */
function inAdministration(actor: Actor) {
  return and(eq(people.districtId, actor.districtId), notInArray(people.role, [...CITY_ROLES]))!;
}

/**
 * Whether a person of the coordinator's district already has this address. Only the district's
 * own people count: whether anyone else (another district, a city-level account) has it is
 * none of the coordinator's business, and inviting such an address works like any other
 * invitation (decision 012, one login per address).
 */
export function addressInDistrict(actor: Actor, email: string): boolean {
  if (!canRunPeople(actor)) return false;
  return (
    getDb()
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.email, email), inAdministration(actor)))
      .get() !== undefined
  );
}

export function districtPeople(actor: Actor, query: string) {
  if (!canRunPeople(actor)) return [];
  const q = query.trim().toLowerCase().replace(/[%_]/g, "");
  return getDb()
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      title: people.title,
      role: people.role,
      organisationName: organisations.name,
      deactivatedAt: people.deactivatedAt,
      hasPassword: people.passwordHash,
      accessApprovedAt: people.accessApprovedAt,
    })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(and(inAdministration(actor), q ? or(like(people.name, `%${q}%`), like(people.email, `%${q}%`), like(organisations.name, `%${q}%`)) : undefined))
    .orderBy(asc(people.name))
    .limit(500)
    .all()
    .map(({ accessApprovedAt, ...p }) => ({ ...p, hasPassword: p.hasPassword !== null, accessPending: isContentRole(p.role) && accessApprovedAt === null }));
}

/** The district's open organisations a person can belong to. */
export function organisationChoices(actor: Actor) {
  if (!canRunPeople(actor)) return [];
  return getDb()
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.districtId, actor.districtId), isNull(organisations.closedAt)))
    .orderBy(asc(organisations.name))
    .all();
}

/** The school parts and staff teams of the district's open organisations, for the person form. */
export function unitChoices(actor: Actor) {
  if (!canRunPeople(actor)) return [];
  const db = getDb();
  const open = and(eq(organisations.districtId, actor.districtId), isNull(organisations.closedAt));
  const parts = db
    .select({ id: schoolParts.id, organisationId: organisations.id, organisationName: organisations.name, stage: schoolParts.stage })
    .from(schoolParts)
    .innerJoin(organisations, eq(organisations.id, schoolParts.organisationId))
    .where(open)
    .all();
  const teams = db
    .select({ id: staffTeams.id, organisationId: organisations.id, organisationName: organisations.name, name: staffTeams.name })
    .from(staffTeams)
    .innerJoin(organisations, eq(organisations.id, staffTeams.organisationId))
    .where(open)
    .all();
  return [
    ...parts.map((p) => ({
      value: `part:${p.id}`,
      label: `${p.organisationName}, ${schoolStageLabel[p.stage].toLowerCase()}`,
      organisationId: p.organisationId,
    })),
    ...teams.map((t) => ({ value: `team:${t.id}`, label: `${t.organisationName}, arbetslag ${t.name}`, organisationId: t.organisationId })),
  ].sort((a, b) => a.label.localeCompare(b.label, "sv"));
}

/** The school part or staff team columns for a person, or a failure if it is not of their organisation. */
function unitColumns(actor: Actor, input: PersonInput): { schoolPartId: number | null; staffTeamId: number | null } | Failure {
  if (!input.unit) return { schoolPartId: null, staffTeamId: null };
  const value = `${input.unit.kind}:${input.unit.id}`;
  if (!unitChoices(actor).some((u) => u.value === value && u.organisationId === input.organisationId))
    return fail("unit", "Välj ett stadium eller arbetslag i personens verksamhet.");
  return input.unit.kind === "part" ? { schoolPartId: input.unit.id, staffTeamId: null } : { schoolPartId: null, staffTeamId: input.unit.id };
}

export function personForAdmin(actor: Actor, id: number, now: Date) {
  if (!canRunPeople(actor)) return null;
  const db = getDb();
  const person = db
    .select({ person: people, organisationName: organisations.name })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(and(eq(people.id, id), inAdministration(actor)))
    .get();
  if (!person) return null;
  // What someone must take over when this person leaves: their coming walk-and-talk occasions and meetings.
  const walks = db
    .select({ date: walkOccasions.date, organisationName: organisations.name, seriesId: walkSeries.id })
    .from(walkOccasions)
    .innerJoin(walkSeries, eq(walkSeries.id, walkOccasions.seriesId))
    .innerJoin(organisations, eq(organisations.id, walkSeries.organisationId))
    .where(
      and(
        eq(walkSeries.hostPersonId, id),
        isNull(walkOccasions.cancelledAt),
        isNull(walkOccasions.replacedAt),
        inArray(walkOccasions.id, db.select({ id: walkSlots.occasionId }).from(walkSlots).where(gt(walkSlots.startsAt, now))),
      ),
    )
    .orderBy(asc(walkOccasions.date))
    .all();
  const coming = db
    .select({ id: meetings.id, kind: meetings.kind, startsAt: meetings.startsAt, state: meetings.state })
    .from(meetings)
    .where(and(eq(meetings.hostPersonId, id), inArray(meetings.state, ["proposed", "confirmed"]), or(isNull(meetings.startsAt), gt(meetings.startsAt, now))))
    .orderBy(asc(meetings.startsAt))
    .all();
  return { ...person, walks, meetings: coming };
}

function checkOrganisation(actor: Actor, organisationId: number | null): Failure | null {
  if (organisationId === null) return null;
  return organisationChoices(actor).some((o) => o.id === organisationId) ? null : fail("organisationId", "Välj en verksamhet i ert stadsdelsområde.");
}

/**
 * Invites: a new account without a password, and a mail with a link to choose one. An address
 * another district (or the city) already has is invited like any other: the district gets its
 * row, its outbox its mail and its audit log the invitation, so nothing it sees differs. When
 * the mail goes out, the owner is told to log in with the account they have (account-mails.ts);
 * the link is never made, and no link of this account can set a password while the address
 * has a password elsewhere.
 */
export const invitePerson = atomic(function invitePerson(actor: Actor, input: InviteInput, now: Date): { ok: true; id: number } | Failure {
  if (!canRunPeople(actor)) return fail("form", "Bara samordnaren bjuder in.");
  const wrongOrganisation = checkOrganisation(actor, input.organisationId);
  if (wrongOrganisation) return wrongOrganisation;
  const unit = unitColumns(actor, input);
  if ("ok" in unit) return unit;
  if (addressInDistrict(actor, input.email)) return fail("email", "Det finns redan ett konto med den adressen.");
  const partner = input.organisationId !== null;
  const id = getDb().transaction((tx) => {
    const row = tx
      .insert(people)
      .values({
        districtId: actor.districtId,
        name: input.name,
        email: input.email,
        title: input.title,
        role: input.role,
        organisationId: input.organisationId,
        ...unit,
        teamId: partner ? null : actor.teamId,
        createdAt: now,
      })
      .returning({ id: people.id })
      .get();
    mailInvitation(tx, { id: row.id, districtId: actor.districtId, name: input.name, email: input.email }, actor.name);
    return row.id;
  });
  recordAudit(actor, "person.invited", { type: "person", id });
  if (isContentRole(input.role)) recordAccessRequested(actor, { type: "person", id });
  return { ok: true, id };
});

export function resendInvitation(actor: Actor, id: number, now: Date): { ok: true } | Failure {
  const found = personForAdmin(actor, id, now);
  if (!found) return fail("form", "Personen finns inte.");
  const p = found.person;
  if (appointedByTheCity(p)) return fail("form", RUN_BY_THE_CITY);
  if (p.deactivatedAt) return fail("form", "Kontot är avstängt. Aktivera det först.");
  // A new invitation sets a password: only for an account that never chose one, or the link
  // would replace the password of someone already using the portal.
  if (p.passwordHash !== null)
    return fail(
      "form",
      "Personen har redan valt ett lösenord, så en ny inbjudan behövs inte. Har hen glömt lösenordet? Be hen välja Glömt lösenord på inloggningssidan.",
    );
  if (linkMailsLastHour(p.id, "invite", now) >= INVITATION_MAILS_PER_HOUR)
    return fail("form", "Inbjudan har redan skickats flera gånger den senaste timmen. Vänta en stund innan du skickar den igen.");
  getDb().transaction((tx) => mailInvitation(tx, { id: p.id, districtId: p.districtId, name: p.name, email: p.email }, actor.name));
  recordAudit(actor, "person.invited", { type: "person", id });
  return { ok: true };
}

/**
 * The head of unit approves what the coordinator asks for (four eyes), so her account is run by
 * the city's administrator, who appointed her: a coordinator who could change, lock out or
 * bring back the head of unit could leave their own requests with nobody to refuse them.
 */
const RUN_BY_THE_CITY = "Enhetschefens konto ändras av stadens administratör.";

/** Changes role, organisation and title. The person's sessions end, so the new role applies at once. */
export function changePerson(actor: Actor, id: number, input: PersonInput, now: Date): { ok: true; roleChanged: boolean; accessRequested: boolean } | Failure {
  const found = personForAdmin(actor, id, now);
  if (!found) return fail("form", "Personen finns inte.");
  const wrongOrganisation = checkOrganisation(actor, input.organisationId);
  if (wrongOrganisation) return wrongOrganisation;
  const before = found.person;
  if (before.id === actor.personId && input.role !== before.role) return fail("role", "Du kan inte ändra din egen roll. Be en annan samordnare.");
  if (appointedByTheCity(before)) return fail("form", RUN_BY_THE_CITY);
  const partner = input.organisationId !== null;
  const unit = unitColumns(actor, input);
  if ("ok" in unit) return unit;
  const teamId = partner ? null : (before.teamId ?? actor.teamId);
  try {
    getDb()
      .update(people)
      .set({
        name: input.name,
        title: input.title,
        role: input.role,
        organisationId: input.organisationId,
        teamId,
        ...unit,
      })
      .where(eq(people.id, id))
      .run();
  } catch (error) {
    if (isRefusedByTrigger(error, "remove the contact assignments")) {
      return fail("role", "Personen är kontaktperson eller har jourdagar. Ta bort uppdragen och jourplatsen först, sedan kan du byta roll.");
    }
    throw error;
  }
  recordAudit(actor, "person.changed", { type: "person", id });
  // A new role or team is new access: the database has cleared the approval (0014).
  const accessRequested = isContentRole(input.role) && (input.role !== before.role || teamId !== before.teamId);
  if (accessRequested) recordAccessRequested(actor, { type: "person", id });
  return { ok: true, roleChanged: input.role !== before.role || input.organisationId !== before.organisationId, accessRequested };
}

/** Deactivates: no more logins, history kept. Returns what others must take over. */
export function deactivatePerson(actor: Actor, id: number, now: Date): { ok: true } | Failure {
  const found = personForAdmin(actor, id, now);
  if (!found) return fail("form", "Personen finns inte.");
  // Four eyes: the coordinator must not be able to switch off (or on) the one who approves their requests.
  if (id === actor.personId) return fail("form", "Du kan inte stänga av ditt eget konto.");
  if (appointedByTheCity(found.person)) return fail("form", RUN_BY_THE_CITY);
  if (found.person.deactivatedAt) return fail("form", "Kontot är redan avstängt.");
  getDb().update(people).set({ deactivatedAt: now }).where(eq(people.id, id)).run();
  recordAudit(actor, "person.deactivated", { type: "person", id });
  return { ok: true };
}

export function reactivatePerson(actor: Actor, id: number, now: Date): { ok: true } | Failure {
  const found = personForAdmin(actor, id, now);
  if (!found) return fail("form", "Personen finns inte.");
  if (appointedByTheCity(found.person)) return fail("form", RUN_BY_THE_CITY);
  if (!found.person.deactivatedAt) return fail("form", "Kontot är redan aktivt.");
  getDb().update(people).set({ deactivatedAt: null }).where(eq(people.id, id)).run();
  recordAudit(actor, "person.reactivated", { type: "person", id });
  // An account the head of unit refused comes back only as a new request.
  if (isContentRole(found.person.role) && found.person.accessApprovedAt === null) recordAccessRequested(actor, { type: "person", id });
  return { ok: true };
}
