import { walkInvitation } from "../calendar/walk-invitation";
import { formatDate, formatTime } from "../format/dates";
import { placeLabel } from "../models/meetings";
import { localDateOf } from "../time/stockholm";

/**
 * The mails of meetings. They carry the title (the organisation or the group, never the
 * child), the time, the place and a link: never the notes, the agenda or a case.
 */
type Recipient = { name: string; email: string };

/** A partner proposes times for a report meeting; the contact person chooses one or proposes another. */
export function reportMeetingProposal(p: { host: Recipient; proposerName: string; organisationName: string | null; url: string }) {
  return {
    to: p.host.email,
    subject: `Förslag på anmälningsmöte: ${p.organisationName}`,
    text: `Hej ${p.host.name}!\n\n${p.proposerName} på ${p.organisationName} föreslår ett anmälningsmöte. Välj en av tiderna eller föreslå en annan:\n${p.url}\n`,
  };
}

/**
 * A preschool's leadership asks the contact person to visit a staff team's meeting.
 * `visited` names the preschool and the staff team ("Gröna diamanten, arbetslag Smaragden").
 */
export function staffTeamVisitRequest(p: { host: Recipient; requesterName: string; visited: string; theme: string; url: string }) {
  return {
    to: p.host.email,
    subject: `Förfrågan om besök på arbetslagsmöte: ${p.visited}`,
    text: `Hej ${p.host.name}!\n\n${p.requesterName} vill att du besöker ett arbetslagsmöte: ${p.visited}. Tema: ${p.theme}.\nVälj en tid eller föreslå en annan:\n${p.url}\n`,
  };
}

/** What happened to a meeting that has a time: each is told to every participant. */
export type MeetingChange = "invited" | "confirmed" | "moved" | "cancelled";

const headline: Record<MeetingChange, (when: string) => string> = {
  invited: (when) => `Inbjudan ${when}`,
  confirmed: (when) => `Bekräftat ${when}`,
  moved: (when) => `Flyttat till ${when}`,
  cancelled: (when) => `Inställt ${when}`,
};

export type MeetingMailFacts = {
  meetingId: number;
  sequence: number;
  title: string;
  place: keyof typeof placeLabel;
  startsAt: Date;
  endsAt: Date;
  host: Recipient;
  url: string;
  now: Date;
};

/** Outlook accepts an update or a cancellation only with the same UID and a higher sequence. */
function invitation(f: MeetingMailFacts, guest: Recipient, method: "REQUEST" | "CANCEL") {
  return {
    method,
    content: walkInvitation({
      uid: `meeting-${f.meetingId}@samverkansportalen`,
      sequence: f.sequence,
      method,
      start: f.startsAt,
      end: f.endsAt,
      title: f.title,
      location: placeLabel[f.place],
      description: `${f.title}. Mer i Samverkansportalen: ${f.url}`,
      organizer: f.host,
      attendee: guest,
    }),
  };
}

/** The meeting as it now is, with a calendar part that adds, updates or removes it. */
export function meetingNotice(change: MeetingChange, f: MeetingMailFacts, to: Recipient) {
  const when = `${formatDate(localDateOf(f.startsAt), localDateOf(f.now))} kl. ${formatTime(f.startsAt)}`;
  const subject = `${headline[change](when)}: ${f.title}`;
  return {
    to: to.email,
    subject,
    text: `Hej ${to.name}!\n\n${subject}. Plats: ${placeLabel[f.place]}.\nMer i Samverkansportalen: ${f.url}\n`,
    ics: invitation(f, to, change === "cancelled" ? "CANCEL" : "REQUEST"),
  };
}

/** A meeting cancelled before anyone confirmed a time: nothing to remove from a calendar. */
export function proposalCancelledNotice(p: { title: string; url: string }, to: Recipient) {
  const subject = `Inställt: ${p.title}`;
  return {
    to: to.email,
    subject,
    text: `Hej ${to.name}!\n\n${p.title} är inställt. Ingen tid var bestämd än, så det finns inget att ta bort ur kalendern.\nMer i Samverkansportalen: ${p.url}\n`,
  };
}

/** A cancelled forum's case goes to the asker's contact persons instead; the asker is told, without content. */
export function forumCancelledNotice(asker: Recipient, caseUrl: string) {
  return {
    to: asker.email,
    subject: "Konsultationsforumet är inställt",
    text: `Hej ${asker.name}!\n\nForumet där din fråga skulle tas upp är inställt. Frågan går i stället till era kontaktpersoner, som svarar inom några dagar:\n${caseUrl}\n`,
  };
}
