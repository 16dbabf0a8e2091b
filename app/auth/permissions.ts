import type { OrganisationKind, Role } from "../../db/schema";

/**
 * Who the acting person is, and the pure rules of what they may see and do.
 * Loaders and actions get an Actor from `requireActor` and pass it to the model
 * functions, which scope every query with the helpers below.
 */
export type Actor = {
  personId: number;
  districtId: number;
  districtName: string;
  name: string;
  email: string;
  title: string;
  role: Role;
  /** Partners only: their own organisation (a school, a preschool, …). */
  organisationId: number | null;
  organisationName: string | null;
  organisationKind: OrganisationKind | null;
  /**
   * Partners only: the organisation whose family they belong to. For a preschool in a
   * preschool unit this is the unit; otherwise the organisation itself.
   */
  homeOrganisationId: number | null;
  schoolPartId: number | null;
  staffTeamId: number | null;
  /** Social services only. */
  teamId: number | null;
};

export type Capability =
  /** Work as a partner: see one's contact persons, book walk-and-talks, ask questions, plan meetings, ask for support. */
  | "partner:work"
  /** Partner leadership: see the own organisations' bookings and staff, set expectations, ask for staff-team visits. */
  | "organisation:lead"
  /** Social services: see every organisation of the district and who covers it. */
  | "district:organisations"
  /** Start and host a standing group (the consultation forum, a collaboration group): social services who write. */
  | "groups:start"
  /** See the named contact persons of one's own organisation. */
  | "contacts:see-own"
  /** See all organisations of the district and who covers each. */
  | "district:overview"
  /** See the organisations one is contact person for. */
  | "contacts:see-assigned"
  /** Set one's own availability status and take duty days. */
  | "availability:set-own"
  /** Edit the duty rota, the duty line and contact assignments of the district; run its people and organisations. */
  | "district:manage"
  /** Read the district's follow-up figures (the coordinator and the head of unit). */
  | "district:statistics"
  /** Add districts and compare the follow-up of every district, never their content. */
  | "city:admin"
  /**
   * Change anything in the portal: ask, book, answer, plan, mark, manage. Everyone but the head
   * of unit, who reads the figures and writes nothing (her one write, approving access, is a
   * capability of its own). One's own password and phone number are not covered: they are the
   * account, not the portal's content.
   */
  | "portal:write"
  /** Read the family's details of the support requests sent to one's own team, and mark them handled. */
  | "support-requests:handle"
  /**
   * Four eyes: approve (or refuse) what the coordinator asked for that gives access to
   * consultation content: a social-worker or parent-adviser account, its team, a contact
   * assignment. The head of unit only, so that the coordinator never approves their own request.
   */
  | "access:approve";

function isPartner(actor: Pick<Actor, "role">): boolean {
  return actor.role === "partner_staff" || actor.role === "partner_leadership";
}

function isSocialServices(actor: Pick<Actor, "role">): boolean {
  return actor.role === "social_worker" || actor.role === "parent_adviser" || actor.role === "coordinator" || actor.role === "unit_head";
}

export function can(actor: Pick<Actor, "role">, capability: Capability): boolean {
  switch (capability) {
    case "partner:work":
      return isPartner(actor);
    case "organisation:lead":
      return actor.role === "partner_leadership";
    case "district:organisations":
      return isSocialServices(actor);
    case "groups:start":
      return isSocialServices(actor) && actor.role !== "unit_head";
    case "contacts:see-own":
      return isPartner(actor);
    case "district:overview":
      return actor.role === "coordinator" || actor.role === "unit_head";
    case "contacts:see-assigned":
    case "availability:set-own":
      return actor.role === "social_worker" || actor.role === "parent_adviser";
    case "district:manage":
      return actor.role === "coordinator";
    case "district:statistics":
      return actor.role === "coordinator" || actor.role === "unit_head";
    case "city:admin":
      return actor.role === "city_admin";
    case "portal:write":
      return actor.role !== "unit_head";
    case "support-requests:handle":
      return actor.role === "social_worker" || actor.role === "parent_adviser";
    case "access:approve":
      return actor.role === "unit_head";
  }
}

/** What a model function answers the head of unit when she tries to change something. */
export const READ_ONLY_MESSAGE = "Du kan läsa uppgifterna här men inte ändra dem.";

export type OrganisationRef = { id: number; districtId: number; parentId: number | null };

/**
 * Social services see every organisation of their own district. A partner sees their
 * own organisation's family: the organisation, its preschool unit and that unit's
 * preschools. Nobody sees anything of another district.
 */
export function canSeeOrganisation(actor: Actor, organisation: OrganisationRef): boolean {
  if (organisation.districtId !== actor.districtId) return false;
  if (isSocialServices(actor)) return true;
  const home = actor.homeOrganisationId;
  return home !== null && (organisation.id === home || organisation.parentId === home);
}

/**
 * A partner's own organisations, narrower than those they may see: their organisation, its
 * preschool unit, and (for someone placed at the unit itself) the unit's preschools, never a
 * sibling preschool. Their contact persons, walk-and-talks and, for leadership, staff and
 * meetings come from these.
 */
export function isOwnOrganisation(actor: Actor, organisation: OrganisationRef): boolean {
  if (!isPartner(actor) || actor.organisationId === null || organisation.districtId !== actor.districtId) return false;
  const own = actor.organisationId;
  return organisation.id === own || organisation.id === actor.homeOrganisationId || organisation.parentId === own;
}

/** The accounts the city appoints and runs, never a district's coordinator: the head of unit and the city's administrator. */
export function appointedByTheCity(person: Pick<Actor, "role">): boolean {
  return person.role === "unit_head" || person.role === "city_admin";
}

/** How a contact person is presented: as a parent adviser, or else as a social worker. */
export function contactRoleOf(person: Pick<Actor, "role">): "parent_adviser" | "social_worker" {
  return person.role === "parent_adviser" ? "parent_adviser" : "social_worker";
}

/**
 * The portal itself, running its scheduled jobs (retention purges, reminders) across every
 * district. Not a person: it has no district, signs in nowhere and holds no capability of the
 * table above; a job function takes it instead of an `Actor` and refuses anything else, so a
 * route cannot run a job by accident.
 */
export type SystemActor = { readonly system: "scheduler" };

export const SCHEDULER: SystemActor = Object.freeze({ system: "scheduler" });

/** The first line of every job function: only the scheduler runs it. */
export function assertScheduler(actor: SystemActor): void {
  if (actor !== SCHEDULER) throw new Error("Only the scheduler runs the portal's jobs.");
}
