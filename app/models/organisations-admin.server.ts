import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { organisations, people, schoolParts, staffTeams, type SchoolStage } from "../../db/schema";
import { can, type Actor } from "../auth/permissions";
import { atomic, getDb, isUniqueViolation } from "../db.server";
import { recordAudit } from "./audit.server";
import type { OrganisationInput } from "./organisations-admin";
import { fail, type Failure } from "./failure";

/**
 * The coordinator runs the district's organisations: adds them, renames them, closes them
 * (never deletes: history keeps pointing at them), and keeps their school parts, the
 * preschools of a preschool unit and their staff teams. Another district's organisation is 404.
 */

export function organisationsForAdmin(actor: Actor) {
  if (!can(actor, "district:manage")) return [];
  return getDb()
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      parentId: organisations.parentId,
      closedAt: organisations.closedAt,
      people: sql<number>`(SELECT count(*) FROM ${people} WHERE ${people.organisationId} = ${organisations.id} AND ${people.deactivatedAt} IS NULL)`,
    })
    .from(organisations)
    .where(eq(organisations.districtId, actor.districtId))
    .orderBy(asc(organisations.name))
    .all();
}

export function organisationForAdmin(actor: Actor, id: number) {
  if (!can(actor, "district:manage")) return null;
  const db = getDb();
  const organisation = db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.districtId, actor.districtId)))
    .get();
  if (!organisation) return null;
  return {
    organisation,
    parts: db.select().from(schoolParts).where(eq(schoolParts.organisationId, id)).all(),
    staffTeams: db.select().from(staffTeams).where(eq(staffTeams.organisationId, id)).orderBy(asc(staffTeams.name)).all(),
    preschools: db
      .select({ id: organisations.id, name: organisations.name, closedAt: organisations.closedAt })
      .from(organisations)
      .where(eq(organisations.parentId, id))
      .orderBy(asc(organisations.name))
      .all(),
  };
}

/** Preschool units of the district, which a preschool may belong to. */
export function preschoolUnits(actor: Actor) {
  if (!can(actor, "district:manage")) return [];
  return getDb()
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.districtId, actor.districtId), eq(organisations.kind, "preschool_unit"), isNull(organisations.closedAt)))
    .orderBy(asc(organisations.name))
    .all();
}

export function addOrganisation(actor: Actor, input: OrganisationInput): { ok: true; id: number } | Failure {
  if (!can(actor, "district:manage")) return fail("form", "Bara samordnaren lägger till verksamheter.");
  if (input.parentId !== null) {
    if (input.kind !== "preschool") return fail("parentId", "Bara en förskola kan höra till en förskoleenhet.");
    if (!preschoolUnits(actor).some((u) => u.id === input.parentId)) return fail("parentId", "Välj en förskoleenhet i ert stadsdelsområde.");
  }
  try {
    const row = getDb()
      .insert(organisations)
      .values({ districtId: actor.districtId, name: input.name, kind: input.kind, parentId: input.parentId })
      .returning({ id: organisations.id })
      .get();
    recordAudit(actor, "organisation.added", { type: "organisation", id: row.id });
    return { ok: true, id: row.id };
  } catch (error) {
    if (isUniqueViolation(error)) return fail("name", "Det finns redan en verksamhet med det namnet.");
    throw error;
  }
}

export function renameOrganisation(actor: Actor, id: number, name: string): { ok: true } | Failure {
  if (!organisationForAdmin(actor, id)) return fail("form", "Verksamheten finns inte.");
  try {
    getDb().update(organisations).set({ name }).where(eq(organisations.id, id)).run();
  } catch (error) {
    if (isUniqueViolation(error)) return fail("name", "Det finns redan en verksamhet med det namnet.");
    throw error;
  }
  recordAudit(actor, "organisation.changed", { type: "organisation", id });
  return { ok: true };
}

/** Closing keeps everything that happened; the organisation can no longer be chosen for new people. */
export function setOrganisationClosed(actor: Actor, id: number, closed: boolean, now: Date): { ok: true } | Failure {
  const found = organisationForAdmin(actor, id);
  if (!found) return fail("form", "Verksamheten finns inte.");
  if ((found.organisation.closedAt !== null) === closed) return fail("form", closed ? "Verksamheten är redan stängd." : "Verksamheten är redan öppen.");
  getDb()
    .update(organisations)
    .set({ closedAt: closed ? now : null })
    .where(eq(organisations.id, id))
    .run();
  recordAudit(actor, closed ? "organisation.closed" : "organisation.reopened", { type: "organisation", id });
  return { ok: true };
}

export const addSchoolPart = atomic(function addSchoolPart(actor: Actor, id: number, stage: SchoolStage): { ok: true } | Failure {
  const found = organisationForAdmin(actor, id);
  if (!found) return fail("form", "Verksamheten finns inte.");
  if (found.organisation.kind !== "school") return fail("stage", "Bara skolor har stadier.");
  if (found.parts.some((p) => p.stage === stage)) return fail("stage", "Skolan har redan det stadiet.");
  getDb().insert(schoolParts).values({ organisationId: id, stage }).run();
  recordAudit(actor, "organisation.changed", { type: "organisation", id });
  return { ok: true };
});

export const addStaffTeam = atomic(function addStaffTeam(actor: Actor, id: number, name: string): { ok: true } | Failure {
  const found = organisationForAdmin(actor, id);
  if (!found) return fail("form", "Verksamheten finns inte.");
  if (found.organisation.kind !== "preschool") return fail("name", "Bara förskolor har arbetslag.");
  if (found.staffTeams.some((t) => t.name.toLowerCase() === name.toLowerCase())) return fail("name", "Förskolan har redan ett arbetslag med det namnet.");
  getDb().insert(staffTeams).values({ organisationId: id, name }).run();
  recordAudit(actor, "organisation.changed", { type: "organisation", id });
  return { ok: true };
});
