/**
 * Pure rules about named contact persons (kontaktpersoner). No database here, so the
 * edge cases are unit-tested with plain tables.
 */

export type Contact = {
  assignmentId: number;
  personId: number;
  name: string;
  role: "social_worker" | "parent_adviser";
  title: string;
  phone: string | null;
  email: string;
  scopeLabel: string;
  sortOrder: number;
  /** School parts this assignment covers; empty means the whole organisation. */
  schoolPartIds: number[];
  organisationId: number;
  organisationName: string;
};

export type Viewer = { organisationId: number | null; schoolPartId: number | null };

/**
 * How close a contact is to the viewer: 0 covers the viewer's own school part,
 * 1 covers the viewer's whole organisation, 2 covers another part of it, 3 is named for
 * the preschool unit or another preschool in it.
 */
export function closeness(contact: Pick<Contact, "organisationId" | "schoolPartIds">, viewer: Viewer): number {
  const ownOrganisation = contact.organisationId === viewer.organisationId;
  if (!ownOrganisation) return 3;
  if (viewer.schoolPartId !== null && contact.schoolPartIds.includes(viewer.schoolPartId)) return 0;
  if (contact.schoolPartIds.length === 0) return 1;
  return 2;
}

/** The viewer's own contact persons first, then the coordinator's order, then by name. */
export function orderContactsForViewer(contacts: Contact[], viewer: Viewer): Contact[] {
  return [...contacts].sort((a, b) => closeness(a, viewer) - closeness(b, viewer) || a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "sv"));
}

/**
 * The contacts worth phoning for this viewer: those closest to them (a lower-school
 * teacher calls the lower-school pair, not the upper-school one) plus those covering the
 * whole organisation. Someone with no closer contact (a principal, the school nurse, a
 * preschool in a unit) gets all of them.
 */
export function contactsToCall<C extends Contact>(contacts: C[], viewer: Viewer): C[] {
  if (contacts.length === 0) return [];
  const best = Math.min(...contacts.map((c) => closeness(c, viewer)));
  const limit = Math.max(1, best);
  return contacts.filter((c) => closeness(c, viewer) <= limit);
}
