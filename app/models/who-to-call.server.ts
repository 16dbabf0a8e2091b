import { can, type Actor } from "../auth/permissions";
import { localDateOf } from "../time/stockholm";
import { availabilityAt, availabilityView, type AvailabilityView } from "./availability";
import { statusesOf } from "./availability.server";
import { contactsToCall, orderContactsForViewer, type Contact } from "./contacts";
import { dutyPhoneState } from "./duty";
import { dutyLineOf, dutyToday } from "./duty.server";
import { contactsForPartner } from "./organisations.server";
import { whoToCall, type CallOption } from "./who-to-call";
import { oncePerRequest } from "../http/request-scope.js";

export type ContactWithAvailability = Contact & { availability: AvailabilityView };

export type CallAdvice = {
  today: string;
  options: CallOption[];
  /** The partner's contact persons with their status, own ones first; empty for social services. */
  contacts: ContactWithAvailability[];
  duty: {
    phone: string;
    afterHoursPhone: string;
    open: boolean;
    dutyPersonName: string | null;
  } | null;
};

/**
 * callAdviceFor once per page load: the root's emergency bar and the page (start page, phone
 * list, new question) show the same answer, computed once, at the instant first asked.
 */
export function callAdviceForRequest(request: Request, actor: Actor, now: Date): CallAdvice {
  return oncePerRequest(request, "call-advice", () => callAdviceFor(actor, now));
}

/** Everything the pages need to answer "who do I call right now?" for this person. */
export function callAdviceFor(actor: Actor, now: Date): CallAdvice {
  const line = dutyLineOf(actor);
  const today = line ? dutyToday(actor, now, line) : null;
  const contacts = can(actor, "partner:work")
    ? orderContactsForViewer(contactsForPartner(actor), { organisationId: actor.organisationId, schoolPartId: actor.schoolPartId })
    : [];
  const statuses = statusesOf(
    actor,
    contacts.map((c) => c.personId),
  );
  const withAvailability = contacts.map((c) => {
    const availability = availabilityAt(statuses.get(c.personId) ?? null, now, today?.personId === c.personId);
    return { contact: c, availability };
  });
  const options = whoToCall({
    now,
    line,
    dutyPersonName: today?.personName ?? null,
    contacts: contactsToCall(
      withAvailability.map(({ contact, availability }) => ({ ...contact, availability })),
      { organisationId: actor.organisationId, schoolPartId: actor.schoolPartId },
    ).map((contact) => ({
      personId: contact.personId,
      name: contact.name,
      phone: contact.phone,
      availability: contact.availability,
    })),
  });
  return {
    today: localDateOf(now),
    options,
    contacts: withAvailability.map(({ contact, availability }) => ({ ...contact, availability: availabilityView(availability) })),
    duty: line
      ? {
          phone: line.phone,
          afterHoursPhone: line.afterHoursPhone,
          open: dutyPhoneState(line, now).open,
          dutyPersonName: today?.personName ?? null,
        }
      : null,
  };
}
