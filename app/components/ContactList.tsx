import type { AvailabilityView } from "../models/availability";
import { closeness, type Contact, type Viewer } from "../models/contacts";
import { ContactCard } from "./ContactCard";

type ListedContact = Contact & { availability?: AvailabilityView };

/** Contact cards in the order the viewer needs them; their own contacts are marked. */
export function ContactList({
  contacts,
  viewer,
  heading = "Dina kontaktpersoner",
  dutyPhone,
  today,
  organisationId = viewer.organisationId,
}: {
  contacts: ListedContact[];
  viewer: Viewer;
  heading?: string;
  dutyPhone?: string | null;
  today?: string;
  /** The organisation the list is about; contacts named for another one (its unit) say so. */
  organisationId?: number | null;
}) {
  if (contacts.length === 0) {
    return (
      <div className="notice notice--warn">
        <p>Här finns ingen utsedd kontaktperson ännu. Samordnaren på socialtjänsten ordnar det.</p>
      </div>
    );
  }
  const anyOwn = contacts.some((c) => closeness(c, viewer) === 0);
  return (
    <section aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">{heading}</h2>
      <ul className="cards">
        {contacts.map((contact) => (
          <li key={contact.assignmentId}>
            <ContactCard
              contact={contact}
              availability={contact.availability}
              dutyPhone={dutyPhone}
              today={today}
              own={anyOwn && closeness(contact, viewer) === 0}
              showOrganisation={contact.organisationId !== organisationId}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
