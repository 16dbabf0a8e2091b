import { closeness, type Contact, type Viewer } from "../models/contacts";
import { ContactCard } from "./ContactCard";

/** Contact cards in the order the viewer needs them; their own contacts are marked. */
export function ContactList({ contacts, viewer, heading = "Dina kontaktpersoner" }: { contacts: Contact[]; viewer: Viewer; heading?: string }) {
  if (contacts.length === 0) {
    return (
      <div className="notice notice--warn">
        <p>Din verksamhet har ingen utsedd kontaktperson ännu. Samordnaren på socialtjänsten ordnar det.</p>
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
              own={anyOwn && closeness(contact, viewer) === 0}
              showOrganisation={contact.organisationId !== viewer.organisationId}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
