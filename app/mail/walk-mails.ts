import { walkInvitation } from "../calendar/walk-invitation";
import { formatDate, formatTime } from "../format/dates";
import { localDateOf } from "../time/stockholm";

/**
 * The mails of a walk-and-talk booking. They carry times and the meeting point only:
 * never the topic or the note the booker wrote.
 */
export type BookingMailFacts = {
  bookingId: number;
  sequence: number;
  booker: { name: string; email: string };
  host: { name: string; email: string };
  organisationName: string;
  meetingPoint: string;
  startsAt: Date;
  endsAt: Date;
  deadline: Date;
  portalUrl: string;
  now: Date;
};

const when = (f: BookingMailFacts) => {
  const today = localDateOf(f.now);
  return `${formatDate(localDateOf(f.startsAt), today)} kl. ${formatTime(f.startsAt)}–${formatTime(f.endsAt)}`;
};

function invitation(f: BookingMailFacts, method: "REQUEST" | "CANCEL") {
  return {
    method,
    content: walkInvitation({
      uid: `walk-booking-${f.bookingId}@samverkansportalen`,
      sequence: f.sequence,
      method,
      start: f.startsAt,
      end: f.endsAt,
      title: `Walk-and-talk med ${f.host.name}`,
      location: f.meetingPoint,
      description: `Walk-and-talk med ${f.host.name}, socialtjänsten. Mötesplats: ${f.meetingPoint}. Ändra eller avboka i portalen: ${f.portalUrl}`,
      organizer: f.host,
      attendee: f.booker,
    }),
  };
}

export function bookingConfirmation(f: BookingMailFacts) {
  const today = localDateOf(f.now);
  return {
    to: f.booker.email,
    subject: `Bokad: walk-and-talk ${when(f)}`,
    text: [
      `Hej ${f.booker.name}!`,
      "",
      `Du har bokat en walk-and-talk med ${f.host.name} från socialtjänsten, ${when(f)}.`,
      `Ni möts här: ${f.meetingPoint}.`,
      "",
      `Kan du inte komma? Avboka senast ${formatDate(localDateOf(f.deadline), today)} kl. ${formatTime(f.deadline)} i portalen: ${f.portalUrl}`,
      "",
      "Inbjudan finns bifogad, så att du kan lägga in tiden i din kalender.",
    ].join("\n"),
    ics: invitation(f, "REQUEST"),
  };
}

export function bookingUpdate(f: BookingMailFacts) {
  return {
    to: f.booker.email,
    subject: `Ny tid: walk-and-talk ${when(f)}`,
    text: [
      `Hej ${f.booker.name}!`,
      "",
      `Din walk-and-talk med ${f.host.name} är flyttad till ${when(f)}.`,
      `Ni möts här: ${f.meetingPoint}.`,
      "",
      `Passar den nya tiden inte? Avboka i portalen: ${f.portalUrl}`,
    ].join("\n"),
    ics: invitation(f, "REQUEST"),
  };
}

export function bookingCancellation(f: BookingMailFacts, reason: "booker" | "host") {
  return {
    to: f.booker.email,
    subject: `Avbokad: walk-and-talk ${when(f)}`,
    text: [
      `Hej ${f.booker.name}!`,
      "",
      reason === "booker"
        ? `Du har avbokat din walk-and-talk med ${f.host.name}, ${when(f)}.`
        : `${f.host.name} har tyvärr fått ställa in walk-and-talk ${when(f)}. Boka gärna en annan tid i portalen: ${f.portalUrl}`,
    ].join("\n"),
    ics: invitation(f, "CANCEL"),
  };
}

export function bookingReminder(f: BookingMailFacts) {
  return {
    to: f.booker.email,
    subject: `Påminnelse: walk-and-talk ${when(f)}`,
    text: [
      `Hej ${f.booker.name}!`,
      "",
      `Påminnelse: du har en walk-and-talk med ${f.host.name} ${when(f)}.`,
      `Ni möts här: ${f.meetingPoint}. Klä dig efter vädret.`,
      "",
      `Kan du inte komma? Se i portalen om det går att avboka: ${f.portalUrl}`,
    ].join("\n"),
  };
}
