import type { OrganisationKind, Role, SchoolStage } from "../../db/schema";

/** The Swedish words users see for the portal's enumerations. */

export const roleLabel: Record<Role, string> = {
  partner_staff: "Personal",
  partner_leadership: "Ledning",
  social_worker: "Socialsekreterare",
  parent_adviser: "Föräldrarådgivare",
  coordinator: "Samordnare",
  unit_head: "Enhetschef",
  city_admin: "Administratör för staden",
};

export const organisationKindLabel: Record<OrganisationKind, string> = {
  school: "Skola",
  preschool_unit: "Förskoleenhet",
  preschool: "Förskola",
  police: "Polis",
  other: "Annan verksamhet",
};

export const schoolStageLabel: Record<SchoolStage, string> = {
  lagstadiet: "Lågstadiet",
  mellanstadiet: "Mellanstadiet",
  hogstadiet: "Högstadiet",
  grundsarskolan: "Grundsärskolan",
};

/** "a, b och c" */
export function swedishList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}
