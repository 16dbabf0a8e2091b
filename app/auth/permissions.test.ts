import { describe, expect, it } from "vitest";
import type { Role } from "../../db/schema";
import { can, canSeeOrganisation, isOwnOrganisation, type Actor, type Capability } from "./permissions";

const base: Actor = {
  personId: 1,
  districtId: 1,
  districtName: "Hässelby-Vällingby",
  name: "Test Person",
  email: "test@example.se",
  title: "Titel",
  role: "partner_staff",
  organisationId: null,
  organisationName: null,
  organisationKind: null,
  homeOrganisationId: null,
  schoolPartId: null,
  staffTeamId: null,
  teamId: null,
};

const partner = (role: Role, organisationId: number, homeOrganisationId = organisationId): Actor => ({
  ...base,
  role,
  organisationId,
  homeOrganisationId,
});
const socialServices = (role: Role): Actor => ({ ...base, role, teamId: 1 });

describe("can", () => {
  const table: [Role, Capability, boolean][] = [
    ["partner_staff", "contacts:see-own", true],
    ["partner_leadership", "contacts:see-own", true],
    ["social_worker", "contacts:see-own", false],
    ["parent_adviser", "contacts:see-own", false],
    ["coordinator", "contacts:see-own", false],
    ["partner_staff", "district:overview", false],
    ["partner_leadership", "district:overview", false],
    ["social_worker", "district:overview", false],
    ["parent_adviser", "district:overview", false],
    ["coordinator", "district:overview", true],
    ["partner_staff", "contacts:see-assigned", false],
    ["partner_leadership", "contacts:see-assigned", false],
    ["social_worker", "contacts:see-assigned", true],
    ["parent_adviser", "contacts:see-assigned", true],
    ["coordinator", "contacts:see-assigned", false],
    ["partner_staff", "availability:set-own", false],
    ["partner_leadership", "availability:set-own", false],
    ["social_worker", "availability:set-own", true],
    ["parent_adviser", "availability:set-own", true],
    ["coordinator", "availability:set-own", false],
    ["partner_staff", "district:manage", false],
    ["partner_leadership", "district:manage", false],
    ["social_worker", "district:manage", false],
    ["parent_adviser", "district:manage", false],
    ["coordinator", "district:manage", true],
    ["unit_head", "district:manage", false],
    ["partner_staff", "portal:write", true],
    ["partner_leadership", "portal:write", true],
    ["social_worker", "portal:write", true],
    ["parent_adviser", "portal:write", true],
    ["coordinator", "portal:write", true],
    ["city_admin", "portal:write", true],
    ["unit_head", "portal:write", false],
    ["partner_staff", "support-requests:handle", false],
    ["partner_leadership", "support-requests:handle", false],
    ["social_worker", "support-requests:handle", true],
    ["parent_adviser", "support-requests:handle", true],
    ["coordinator", "support-requests:handle", false],
    ["unit_head", "support-requests:handle", false],
    ["city_admin", "support-requests:handle", false],
    // Four eyes: only the head of unit approves access to consultation content.
    ["unit_head", "access:approve", true],
    ["coordinator", "access:approve", false],
    ["social_worker", "access:approve", false],
    ["parent_adviser", "access:approve", false],
    ["partner_leadership", "access:approve", false],
    ["city_admin", "access:approve", false],
  ];
  it.each(table)("%s → %s is %s", (role, capability, expected) => {
    expect(can({ role }, capability)).toBe(expected);
  });
});

describe("canSeeOrganisation", () => {
  // District 1: school 10; preschool unit 20 with preschools 21 and 22. District 2: school 30.
  const school = { id: 10, districtId: 1, parentId: null };
  const otherSchool = { id: 11, districtId: 1, parentId: null };
  const unit = { id: 20, districtId: 1, parentId: null };
  const preschool = { id: 21, districtId: 1, parentId: 20 };
  const siblingPreschool = { id: 22, districtId: 1, parentId: 20 };
  const otherDistrictSchool = { id: 30, districtId: 2, parentId: null };

  const teacher = partner("partner_staff", 10);
  const principal = partner("partner_leadership", 10);
  const pedagogue = partner("partner_staff", 21, 20);
  const unitHead = partner("partner_leadership", 20);

  it.each([
    ["teacher, own school", teacher, school, true],
    ["teacher, other school", teacher, otherSchool, false],
    ["teacher, other district", teacher, otherDistrictSchool, false],
    ["principal, own school", principal, school, true],
    ["principal, other school", principal, otherSchool, false],
    ["principal, a preschool", principal, preschool, false],
    ["pedagogue, own preschool", pedagogue, preschool, true],
    ["pedagogue, own unit", pedagogue, unit, true],
    ["pedagogue, preschool in same unit", pedagogue, siblingPreschool, true],
    ["pedagogue, a school", pedagogue, school, false],
    ["unit head, the unit", unitHead, unit, true],
    ["unit head, a preschool of the unit", unitHead, preschool, true],
    ["unit head, a school", unitHead, school, false],
  ] as const)("%s → %s", (_label, actor, organisation, expected) => {
    expect(canSeeOrganisation(actor, organisation)).toBe(expected);
  });

  it.each(["social_worker", "parent_adviser", "coordinator"] as const)("%s sees every organisation of the own district and none of another", (role) => {
    const actor = socialServices(role);
    for (const o of [school, otherSchool, unit, preschool, siblingPreschool]) expect(canSeeOrganisation(actor, o)).toBe(true);
    expect(canSeeOrganisation(actor, otherDistrictSchool)).toBe(false);
  });

  it("a partner without an organisation sees nothing", () => {
    expect(canSeeOrganisation({ ...base }, school)).toBe(false);
  });
});

describe("isOwnOrganisation", () => {
  // District 1: school 10; preschool unit 20 with preschools 21 and 22. District 2: school 30.
  const school = { id: 10, districtId: 1, parentId: null };
  const unit = { id: 20, districtId: 1, parentId: null };
  const preschool = { id: 21, districtId: 1, parentId: 20 };
  const siblingPreschool = { id: 22, districtId: 1, parentId: 20 };
  const otherDistrictSchool = { id: 30, districtId: 2, parentId: null };

  it.each([
    ["teacher, own school", partner("partner_staff", 10), school, true],
    ["teacher, another district's school with the same parent", partner("partner_staff", 10), otherDistrictSchool, false],
    ["pedagogue, own preschool", partner("partner_staff", 21, 20), preschool, true],
    ["pedagogue, own unit", partner("partner_staff", 21, 20), unit, true],
    // Seen (canSeeOrganisation), but not the pedagogue's own: not her contact persons, not her meetings.
    ["pedagogue, a sibling preschool", partner("partner_staff", 21, 20), siblingPreschool, false],
    ["preschool head of one preschool, a sibling preschool", partner("partner_leadership", 21, 20), siblingPreschool, false],
    ["head placed at the unit, a preschool of the unit", partner("partner_leadership", 20), preschool, true],
    ["social worker, any organisation", socialServices("social_worker"), school, false],
  ] as const)("%s → %s", (_label, actor, organisation, expected) => {
    expect(isOwnOrganisation(actor, organisation)).toBe(expected);
  });
});
