import { z } from "zod";
import { MEETING_GROUP_KINDS, MEETING_PLACES } from "../../db/vocabulary";
import { clockField, multiLineText, singleLineText } from "../http/forms";
import { addDays, instantAt, isLocalDate, localDateOf, parseClock, type LocalDate } from "../time/stockholm";
import { emailList, forumPlaces, offDayNote, STAFF_TEAM_THEMES, type Interval } from "./meetings";
import { guardAnonymousText } from "./privacy-guard";

/**
 * The meeting forms (zod schemas with Swedish messages). Only actions import this module:
 * schemas are built at the top level, and a component importing anything from here would
 * bring zod into the browser (docs/decisions/017-what-reaches-the-browser.md).
 */

/** The form fields of one to three proposed times, shared by every kind of meeting. */
const timeFields = {
  minutes: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : 60))
    .refine((n) => Number.isInteger(n) && n >= 15 && n <= 240, "Skriv hur långt mötet är, mellan 15 och 240 minuter."),
  date1: z.string().trim().optional(),
  time1: z.string().trim().optional(),
  date2: z.string().trim().optional(),
  time2: z.string().trim().optional(),
  date3: z.string().trim().optional(),
  time3: z.string().trim().optional(),
  /** "yes": the proposer has seen the warning about a holiday or weekend and keeps the day. */
  confirmOffDay: z.string().optional(),
};

type TimeValues = { [K in "date1" | "time1" | "date2" | "time2" | "date3" | "time3" | "confirmOffDay"]?: string | undefined };

/** The warning about proposed days nobody works; the proposer keeps them by ticking a box. */
export function offDayWarning(dates: string[], today: LocalDate): string | null {
  const notes = [...new Set(dates)].map((d) => offDayNote(d, today)).filter((n) => n !== null);
  if (notes.length === 0) return null;
  const list = notes.join(" och ");
  return `${list.charAt(0).toUpperCase()}${list.slice(1)}. Välj en vardag, eller kryssa i rutan om ni vill ses då ändå.`;
}

/**
 * Checks the proposed times: at least one, real, coming, within a year, no twins; a holiday or
 * weekend only with the proposer's confirmation.
 */
function checkTimes(v: TimeValues, now: Date, issue: (path: string, message: string) => void) {
  const today = localDateOf(now);
  const seen = new Set<number>();
  const offDays: string[] = [];
  let count = 0;
  for (const n of [1, 2, 3] as const) {
    const date = v[`date${n}`];
    const time = v[`time${n}`];
    if (!date && !time) continue;
    const clock = parseClock(time ?? "");
    if (!date || !isLocalDate(date)) {
      issue(`date${n}`, "Skriv ett datum, till exempel 2026-12-10.");
      continue;
    }
    if (!clock) {
      issue(`time${n}`, "Skriv en tid, till exempel 13.30.");
      continue;
    }
    if (date > addDays(today, 366)) {
      issue(`date${n}`, "Välj en dag inom ett år.");
      continue;
    }
    const start = instantAt(date, clock);
    if (start <= now) issue(`date${n}`, "Tiden har redan varit. Föreslå en senare tid.");
    else if (seen.has(start.getTime())) issue(`date${n}`, "Du har redan föreslagit den tiden. Föreslå en annan.");
    else if (offDayNote(date, today)) offDays.push(date);
    seen.add(start.getTime());
    count++;
  }
  if (count === 0) issue("date1", "Föreslå minst en tid.");
  const warning = offDayWarning(offDays, today);
  if (warning && v.confirmOffDay !== "yes") issue("confirmOffDay", warning);
}

function proposedTimes(v: TimeValues & { minutes: number }): Interval[] {
  const times: Interval[] = [];
  for (const n of [1, 2, 3] as const) {
    const date = v[`date${n}`];
    const clock = parseClock(v[`time${n}`] ?? "");
    if (!date || !clock) continue;
    const startsAt = instantAt(date, clock);
    times.push({ startsAt, endsAt: new Date(startsAt.getTime() + v.minutes * 60_000) });
  }
  return times;
}

export type ReportMeetingInput = {
  hostPersonId: number;
  times: Interval[];
  place: (typeof MEETING_PLACES)[number];
  participants: string | null;
  interpreterLanguage: string | null;
  guardiansTold: boolean;
  notes: string | null;
};

/**
 * The report-meeting form. `violence` comes first: when the concern is suspected violence
 * or sexual abuse by someone in the family, the guardians must not be told first and the
 * route sends the person to the phone instead of saving anything.
 */
export function reportMeetingSchema(now: Date) {
  return z
    .object({
      violence: z.enum(["yes", "no"], { error: "Svara på frågan om våld eller övergrepp i familjen." }),
      hostPersonId: z
        .string({ error: "Välj er kontaktperson." })
        .regex(/^[1-9]\d{0,9}$/, "Välj er kontaktperson.")
        .transform(Number),
      ...timeFields,
      place: z.enum(MEETING_PLACES, { error: "Välj var ni ses." }),
      participants: singleLineText({ max: 200 }).optional(),
      interpreter: z.enum(["yes", "no"], { error: "Svara på om ni behöver tolk." }),
      interpreterLanguage: singleLineText({ max: 60 }).optional(),
      guardiansTold: z.enum(["yes", "no"], { error: "Svara på om vårdnadshavarna vet om mötet." }),
      notes: multiLineText({ max: 1000, tooLong: "Skriv högst 1 000 tecken." }).optional(),
      confirmNoName: z.string().optional(),
    })
    .superRefine(
      (v, ctx) => {
        const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
        checkTimes(v, now, issue);
        if (v.interpreter === "yes" && !v.interpreterLanguage) issue("interpreterLanguage", "Skriv vilket språk tolken ska tala.");
        if (typeof v.notes === "string" && v.notes) {
          const guard = guardAnonymousText(v.notes);
          if (guard.refused) issue("notes", guard.refused.replace("en anonym fråga", "mötesanteckningen"));
          else if (guard.nameWarning && v.confirmNoName !== "yes") issue("confirmNoName", guard.nameWarning);
        }
      },
      { when: () => true },
    )
    .transform((v) => {
      const times = proposedTimes(v);
      return {
        violence: v.violence === "yes",
        meeting: {
          hostPersonId: v.hostPersonId,
          times,
          place: v.place,
          participants: v.participants ? v.participants : null,
          interpreterLanguage: v.interpreter === "yes" ? (v.interpreterLanguage ?? null) : null,
          guardiansTold: v.guardiansTold === "yes",
          notes: v.notes ? v.notes : null,
        } satisfies ReportMeetingInput,
      };
    });
}

export type StaffTeamMeetingInput = { hostPersonId: number; organisationId: number; staffTeamId: number | null; theme: string; times: Interval[] };

/**
 * Preschool leadership asks the contact persons to visit a staff meeting: the whole
 * preschool or one staff team ("<organisationId>:<staffTeamId or empty>"), on a theme.
 */
export function staffTeamMeetingSchema(now: Date) {
  return z
    .object({
      hostPersonId: z
        .string({ error: "Välj vem ni vill ska komma." })
        .regex(/^[1-9]\d{0,9}$/, "Välj vem ni vill ska komma.")
        .transform(Number),
      target: z
        .string({ error: "Välj vilket arbetslag eller vilken förskola." })
        .regex(/^[1-9]\d{0,9}:([1-9]\d{0,9})?$/, "Välj vilket arbetslag eller vilken förskola."),
      theme: z.string({ error: "Välj ett tema." }).min(1, "Välj ett tema."),
      ownTheme: singleLineText({ max: 120 }).optional(),
      ...timeFields,
    })
    .superRefine(
      (v, ctx) => {
        const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
        if (v.theme === "own" && !v.ownTheme) issue("ownTheme", "Skriv ert eget tema.");
        if (typeof v.theme === "string" && v.theme !== "own" && !(STAFF_TEAM_THEMES as readonly string[]).includes(v.theme)) issue("theme", "Välj ett tema.");
        checkTimes(v, now, issue);
      },
      { when: () => true },
    )
    .transform((v): StaffTeamMeetingInput => {
      const [organisationId, staffTeamId] = v.target.split(":");
      return {
        hostPersonId: v.hostPersonId,
        organisationId: Number(organisationId),
        staffTeamId: staffTeamId ? Number(staffTeamId) : null,
        theme: v.theme === "own" ? v.ownTheme! : v.theme,
        times: proposedTimes(v),
      };
    });
}

/** The fields of a recurring series (planning meetings, the forum, collaboration groups). */
function seriesFields(defaults: { everyWeeks: number; count: number; maxCount: number }) {
  return {
    firstDate: z.string({ error: "Skriv första datum, till exempel 2026-12-10." }).trim().refine(isLocalDate, "Skriv första datum, till exempel 2026-12-10."),
    time: clockField("Skriv en tid, till exempel 13.30."),
    minutes: timeFields.minutes,
    everyWeeks: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? Number(v) : defaults.everyWeeks))
      .refine((n) => Number.isInteger(n) && n >= 1 && n <= 12, "Skriv hur ofta, mellan varje vecka (1) och var tolfte vecka (12)."),
    count: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? Number(v) : defaults.count))
      .refine((n) => Number.isInteger(n) && n >= 1 && n <= defaults.maxCount, `Skriv hur många möten, mellan 1 och ${defaults.maxCount}.`),
    place: z.enum(MEETING_PLACES, { error: "Välj var ni ses." }),
  };
}

function checkFirstDate(v: { firstDate?: unknown }, today: LocalDate, issue: (path: string, message: string) => void) {
  if (typeof v.firstDate !== "string" || !isLocalDate(v.firstDate)) return;
  if (v.firstDate <= today) issue("firstDate", "Välj ett första datum efter i dag.");
  else if (v.firstDate > addDays(today, 366)) issue("firstDate", "Välj ett första datum inom ett år.");
}

export function planningSeriesSchema(now: Date) {
  const today = localDateOf(now);
  return z
    .object({
      organisationId: z
        .string({ error: "Välj förskola." })
        .regex(/^[1-9]\d{0,9}$/, "Välj förskola.")
        .transform(Number),
      ...seriesFields({ everyWeeks: 6, count: 5, maxCount: 10 }),
    })
    .superRefine((v, ctx) => checkFirstDate(v, today, (path, message) => ctx.addIssue({ code: "custom", path: [path], message })), { when: () => true });
}

/**
 * A standing group and its series: the consultation forum (designated staff meet at fixed
 * times; partners book a place per case) or a collaboration group (police, the 6–16 groups).
 * Members are named by their work email.
 */
export function groupSeriesSchema(now: Date) {
  const today = localDateOf(now);
  return z
    .object({
      kind: z.enum(MEETING_GROUP_KINDS, { error: "Välj vilken sorts grupp." }),
      name: singleLineText({ max: 120, required: "Skriv vad gruppen heter." }),
      members: z
        .string()
        .optional()
        .transform((v) => emailList(v ?? ""))
        .refine((list) => list.length <= 40, "Skriv högst 40 deltagare."),
      caseMinutes: z
        .string()
        .trim()
        .optional()
        .transform((v) => (v ? Number(v) : 20))
        .refine((n) => Number.isInteger(n) && n >= 10 && n <= 120, "Skriv minuter per ärende, mellan 10 och 120."),
      ...seriesFields({ everyWeeks: 2, count: 6, maxCount: 20 }),
    })
    .superRefine(
      (v, ctx) => {
        const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
        checkFirstDate(v, today, issue);
        const bad = Array.isArray(v.members) ? v.members.filter((e) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e)) : [];
        if (bad.length) issue("members", `Det här ser inte ut som e-postadresser: ${bad.slice(0, 3).join(", ")}.`);
        if (v.kind === "forum" && typeof v.minutes === "number" && typeof v.caseMinutes === "number" && forumPlaces(v.minutes, v.caseMinutes) < 1) {
          issue("caseMinutes", "Mötet är kortare än ett ärende. Gör mötet längre eller ärendetiden kortare.");
        }
      },
      { when: () => true },
    );
}

export type GroupSeriesInput = z.output<ReturnType<typeof groupSeriesSchema>>;

/** Moving a confirmed meeting: a new day and time, same length. */
export const moveSchema = z.object({
  date: z.string({ error: "Skriv ett datum, till exempel 2026-12-10." }).trim().refine(isLocalDate, "Skriv ett datum, till exempel 2026-12-10."),
  time: clockField("Skriv en tid, till exempel 13.30."),
});

export type PlanningSeriesInput = z.output<ReturnType<typeof planningSeriesSchema>>;
export type SeriesInput = Pick<PlanningSeriesInput, "firstDate" | "time" | "minutes" | "everyWeeks" | "count" | "place">;

/** An agenda point or the notes after a meeting: plain text, no identifying data (the privacy guard). */
export function meetingTextSchema(field: "text" | "notes", max: number) {
  return z
    .object({
      [field]: multiLineText({ max, required: "Skriv något." }),
      confirmNoName: z.string().optional(),
    })
    .superRefine(
      (v, ctx) => {
        const text = v[field];
        if (typeof text !== "string" || !text) return;
        const guard = guardAnonymousText(text);
        if (guard.refused) ctx.addIssue({ code: "custom", path: [field], message: guard.refused.replace("en anonym fråga", "anteckningar i portalen") });
        else if (guard.nameWarning && v.confirmNoName !== "yes") ctx.addIssue({ code: "custom", path: ["confirmNoName"], message: guard.nameWarning });
      },
      { when: () => true },
    )
    .transform((v) => v[field] as string);
}
