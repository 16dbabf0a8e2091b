import type { Availability } from "./availability";
import { dutyPhoneState, type DutyLine } from "./duty";

/**
 * "Vem ringer jag?" — the one answer the portal gives everywhere: for an instant and an
 * organisation, the ordered list of whom to call.
 * - While the duty phone is open: the named contact persons who are available, then the
 *   duty phone with the name of today's duty person.
 * - When it is closed (evenings, weekends, holidays): socialjouren.
 * - 112 always comes last, for a child in acute danger.
 */
export type CallOption =
  | { kind: "contact"; personId: number; name: string; phone: string }
  | { kind: "duty"; phone: string; dutyPersonName: string | null; closesAt: string }
  | { kind: "after-hours"; phone: string; opensNext: { date: string; opensAt: string } | null }
  | { kind: "emergency"; phone: "112" };

export type CallableContact = { personId: number; name: string; phone: string | null; availability: Availability };

export type WhoToCallInput = {
  now: Date;
  /** The organisation's contact persons, in the order the viewer should see them. */
  contacts: CallableContact[];
  line: Pick<DutyLine, "phone" | "afterHoursPhone" | "hours" | "eveClosesAt"> | null;
  dutyPersonName: string | null;
};

export function whoToCall({ now, contacts, line, dutyPersonName }: WhoToCallInput): CallOption[] {
  const emergency: CallOption = { kind: "emergency", phone: "112" };
  if (!line) {
    // No duty line configured: the contact persons are all there is to offer.
    return [...availableContacts(contacts), emergency];
  }
  const state = dutyPhoneState(line, now);
  if (!state.open) return [{ kind: "after-hours", phone: line.afterHoursPhone, opensNext: state.opensNext }, emergency];
  return [...availableContacts(contacts), { kind: "duty", phone: line.phone, dutyPersonName, closesAt: state.closesAt }, emergency];
}

/** Available contacts with a phone, each person once (someone can be named for a unit and a preschool). */
function availableContacts(contacts: CallableContact[]): CallOption[] {
  const seen = new Set<number>();
  return contacts
    .filter((c): c is CallableContact & { phone: string } => c.availability.state === "available" && c.phone !== null)
    .filter((c) => !seen.has(c.personId) && seen.add(c.personId) !== undefined)
    .map((c) => ({ kind: "contact", personId: c.personId, name: c.name, phone: c.phone }));
}
