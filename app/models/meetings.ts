import { formatDate } from "../format/dates";
import { dayKind, holidayName } from "../time/holidays";
import { addDays, localDateOf, type LocalDate } from "../time/stockholm";
import { nearestFreeDay } from "./walk-and-talk";

/**
 * Pure rules of meetings: labels, overlaps, places on the forum, and when the family hears back.
 * No zod here: the browser imports this module for its labels. The forms are in meeting-forms.ts.
 * getBackBy and planningDates read the holiday tables: call them on the server (loaders, actions).
 */

export const meetingKindLabel = {
  report: "Anmälningsmöte",
  staff_team: "Besök på arbetslagsmöte",
  planning: "Planeringsmöte",
  forum: "Konsultationsforum",
  collaboration: "Samverkansmöte",
} as const;

/** A meeting's title: the kind and the organisation, never anything about a child. */
export function meetingTitle(kind: keyof typeof meetingKindLabel, organisationName: string): string {
  return `${meetingKindLabel[kind]}, ${organisationName}`;
}

/**
 * A meeting's title: the organisation met, or the group's name. A staff-team visit names the
 * staff team the preschool asked for (null: the whole preschool), so the contact person knows
 * whom she meets.
 */
export function titleOf(row: {
  meeting: { kind: keyof typeof meetingKindLabel };
  organisationName: string | null;
  groupName: string | null;
  staffTeamName: string | null;
}): string {
  if (row.groupName !== null) return row.groupName;
  const title = meetingTitle(row.meeting.kind, row.organisationName ?? "");
  if (row.meeting.kind !== "staff_team") return title;
  return row.staffTeamName === null ? `${title}, hela förskolan` : `${title}, arbetslag ${row.staffTeamName}`;
}

/**
 * Meetings with a shared agenda that participants add points to before the meeting, and
 * notes the host writes after it. Nowhere else: a forum's cases are answered in each case (for
 * its asker and the forum's members), and a report meeting's note is the school's, from planning it.
 */
export const hasSharedAgenda = (kind: keyof typeof meetingKindLabel) => kind === "planning" || kind === "collaboration";

export const placeLabel = { school: "I skolan eller förskolan", office: "På socialtjänstens kontor, Tegelhögen", digital: "Digitalt" } as const;

export type Interval = { startsAt: Date; endsAt: Date };

export function overlaps(a: Interval, b: Interval): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** After a report meeting the social worker gets back within three working days. */
export function getBackBy(meetingStart: Date): LocalDate {
  let date = localDateOf(meetingStart);
  for (let found = 0; found < 3;) {
    date = addDays(date, 1);
    if (dayKind(date) === "workday" || dayKind(date) === "eve") found++;
  }
  return date;
}

/**
 * A proposed day nobody works (a public holiday, midsummer, Christmas or New Year's eve, a
 * weekend), in words: "fredag 1 januari 2027 är en helgdag (nyårsdagen)". Null for a working day.
 * The walk-and-talk series skips such days; a proposed meeting time is only warned about.
 */
export function offDayNote(date: LocalDate, today: LocalDate): string | null {
  const kind = dayKind(date);
  if (kind === "holiday") {
    const name = holidayName(date);
    return `${formatDate(date, today)} är en helgdag${name ? ` (${name})` : ""}`;
  }
  if (kind === "weekend") return `${formatDate(date, today)} är en helg`;
  return null;
}

export const STAFF_TEAM_THEMES = ["Vad socialtjänsten gör", "Varningstecken att lägga märke till", "Att förbereda svåra samtal med vårdnadshavare"] as const;

/**
 * Planning meetings with preschool leadership every six weeks: a date for each meeting,
 * moved to the nearest free day when it falls on a holiday or the host's duty day.
 */
export function planningDates(first: LocalDate, everyWeeks: number, count: number, isDuty: (date: LocalDate) => boolean, today: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let i = 0; i < count; i++) {
    const date = addDays(first, i * everyWeeks * 7);
    const kind = dayKind(date);
    const free = (kind === "workday" || kind === "eve") && !isDuty(date);
    const chosen = free ? date : nearestFreeDay(date, isDuty, today);
    if (chosen && !dates.includes(chosen)) dates.push(chosen);
  }
  return dates;
}

export const groupKindLabel = { forum: "Konsultationsforum", collaboration: "Samverkansgrupp" } as const;

/** How many cases fit in a forum meeting: its length over the minutes per case, at most 12. */
export function forumPlaces(minutes: number, caseMinutes: number): number {
  return Math.min(12, Math.floor(minutes / caseMinutes));
}

/** When a forum case's turn starts: place 1 at the start, then one case length each. */
export function caseStartsAt(meetingStart: Date, place: number, caseMinutes: number): Date {
  return new Date(meetingStart.getTime() + (place - 1) * caseMinutes * 60_000);
}

/** Work emails, one per line (commas and semicolons also split), lower-cased and without twins. */
export function emailList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}
