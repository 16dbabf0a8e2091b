/** Building blocks of the demo seeds: organisations, people and contact assignments from specs. */
import { sql } from "drizzle-orm";
import type { TxOrDb } from "../app/db.server";
import {
  contactAssignmentParts,
  contactAssignments,
  organisations,
  people,
  schoolParts,
  staffTeams,
  type OrganisationKind,
  type Role,
  type SchoolStage,
} from "./schema";

/** Fictional phone numbers only: 070-174 06 05 – 070-174 06 99 is reserved for fiction. */
export const fictionalPhone = (n: number) => {
  if (n < 5 || n > 99) throw new Error(`070-17406${n} is outside the range reserved for fiction`);
  return `+467017406${String(n).padStart(2, "0")}`;
};

export type OrgSpec = {
  key: string;
  kind: OrganisationKind;
  name: string;
  parent?: string;
  stages?: SchoolStage[];
  staffTeams?: string[];
};

export type PersonSpec = {
  key: string;
  name: string;
  email: string;
  title: string;
  role: Role;
  phone?: number;
  organisation?: string;
  stage?: SchoolStage;
  staffTeam?: string;
  /** Social services staff of the prevention unit; everyone else is in "Barn och unga". */
  prevention?: boolean;
};

export type AssignmentSpec = { person: string; organisation: string; scopeLabel: string; stages?: SchoolStage[] };

export function insertOrganisations(tx: TxOrDb, districtId: number, specs: OrgSpec[]) {
  const orgIds = new Map<string, number>();
  const partIds = new Map<string, number>();
  const staffTeamIds = new Map<string, number>();
  for (const spec of specs) {
    const org = tx
      .insert(organisations)
      .values({ districtId, kind: spec.kind, name: spec.name, parentId: spec.parent ? orgIds.get(spec.parent) : null })
      .returning()
      .get();
    orgIds.set(spec.key, org.id);
    for (const stage of spec.stages ?? []) {
      const part = tx.insert(schoolParts).values({ organisationId: org.id, stage }).returning().get();
      partIds.set(`${spec.key}/${stage}`, part.id);
    }
    for (const name of spec.staffTeams ?? []) {
      const staffTeam = tx.insert(staffTeams).values({ organisationId: org.id, name }).returning().get();
      staffTeamIds.set(`${spec.key}/${name}`, staffTeam.id);
    }
  }
  return { orgIds, partIds, staffTeamIds };
}

/** "Now" by the database's clock, for what the seed sets up as approved. */
const setUpNow = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

export function insertPeople(
  tx: TxOrDb,
  districtId: number,
  specs: PersonSpec[],
  teams: { team: number; prevention?: number },
  ids: { orgIds: Map<string, number>; partIds: Map<string, number>; staffTeamIds: Map<string, number> },
  passwordHash: string,
) {
  const personIds = new Map<string, number>();
  for (const spec of specs) {
    const teamId = spec.organisation || spec.role === "city_admin" ? null : spec.prevention ? (teams.prevention ?? teams.team) : teams.team;
    const person = tx
      .insert(people)
      .values({
        districtId,
        name: spec.name,
        email: spec.email,
        title: spec.title,
        role: spec.role,
        phone: spec.phone === undefined ? null : fictionalPhone(spec.phone),
        organisationId: spec.organisation ? ids.orgIds.get(spec.organisation) : null,
        teamId,
        schoolPartId: spec.stage ? ids.partIds.get(`${spec.organisation}/${spec.stage}`) : null,
        staffTeamId: spec.staffTeam ? ids.staffTeamIds.get(`${spec.organisation}/${spec.staffTeam}`) : null,
        passwordHash,
        // The demo team is set up as approved (four eyes applies to what the coordinator adds later).
        accessApprovedAt: spec.role === "social_worker" || spec.role === "parent_adviser" ? setUpNow : null,
      })
      .returning()
      .get();
    personIds.set(spec.key, person.id);
  }
  return personIds;
}

export function insertAssignments(
  tx: TxOrDb,
  districtId: number,
  specs: AssignmentSpec[],
  ids: { orgIds: Map<string, number>; partIds: Map<string, number>; personIds: Map<string, number> },
) {
  specs.forEach((spec, index) => {
    const organisationId = ids.orgIds.get(spec.organisation)!;
    const assignment = tx
      .insert(contactAssignments)
      .values({ districtId, organisationId, personId: ids.personIds.get(spec.person)!, scopeLabel: spec.scopeLabel, sortOrder: index, approvedAt: setUpNow })
      .returning()
      .get();
    for (const stage of spec.stages ?? []) {
      tx.insert(contactAssignmentParts)
        .values({ assignmentId: assignment.id, organisationId, schoolPartId: ids.partIds.get(`${spec.organisation}/${stage}`)! })
        .run();
    }
  });
}
