import { formatDate, formatTime } from "../format/dates";
import { roleLabel } from "../format/labels";
import { initials } from "../format/names";
import { formatPhone, telHref } from "../format/phone";
import type { AvailabilityView } from "../models/availability";
import type { Contact } from "../models/contacts";
import { PhoneLink } from "./CallOptions";

function availabilityText(availability: AvailabilityView, today: string): string {
  switch (availability.state) {
    case "available":
      return "Tillgänglig";
    case "busy":
      return `Upptagen till ${formatTime(new Date(availability.until))}`;
    case "away":
      return `Borta till och med ${formatDate(availability.through, today, { weekday: false })}`;
    case "on-duty":
      return "Har jour idag och svarar i jourtelefonen";
  }
}

/** A named contact person: a face (initials), what they cover, whether they can answer now and how to reach them. */
export function ContactCard({
  contact,
  availability,
  dutyPhone,
  today,
  own = false,
  showOrganisation = false,
}: {
  contact: Contact & { pending?: boolean };
  availability?: AvailabilityView | undefined;
  dutyPhone?: string | null | undefined;
  today?: string | undefined;
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
        {contact.pending ? <p className="badge">Väntar på godkännande av enhetschefen</p> : null}
        {availability && today ? <p className={`status status--${availability.state}`}>{availabilityText(availability, today)}</p> : null}
        {availability && availability.state !== "available" && dutyPhone ? (
          <p>
            Ring jourtelefonen i stället: <PhoneLink phone={dutyPhone} />
          </p>
        ) : null}
        <p>Telefon: {contact.phone ? <a href={telHref(contact.phone)}>{formatPhone(contact.phone)}</a> : "saknas"}</p>
        <p>
          E-post: <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </p>
      </div>
    </article>
  );
}
