import { formatPhone, telHref } from "../format/phone";
import { initials } from "../format/names";
import { roleLabel } from "../format/labels";
import type { Contact } from "../models/contacts";

/** A named contact person: a face (initials), what they cover and how to reach them. */
export function ContactCard({
  contact,
  own = false,
  showOrganisation = false,
}: {
  contact: Contact;
  own?: boolean;
  showOrganisation?: boolean;
}) {
  return (
    <article className={own ? "contact-card contact-card--own" : "contact-card"} aria-label={contact.name}>
      <div className="avatar" aria-hidden="true">
        {initials(contact.name)}
      </div>
      <div className="contact-card__body">
        <h3>{contact.name}</h3>
        <p className="contact-card__role">{roleLabel[contact.role]}</p>
        <p className="contact-card__scope">
          {showOrganisation ? `${contact.organisationName}: ` : null}
          {contact.scopeLabel}
        </p>
        {own ? <p className="badge">Din kontaktperson</p> : null}
        <p>
          Telefon:{" "}
          {contact.phone ? <a href={telHref(contact.phone)}>{formatPhone(contact.phone)}</a> : "saknas"}
        </p>
        <p>
          E-post: <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </p>
      </div>
    </article>
  );
}
