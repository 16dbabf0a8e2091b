import { and, eq, exists, gte, inArray, isNull, lt, lte } from "drizzle-orm";
import {
  consultationConcerns,
  consultations,
  districts,
  meetings,
  organisations,
  people,
  walkBookings,
  walkOccasions,
  walkSeries,
  walkSlots,
  teams,
} from "../../db/schema";
import { concernLabel, outcomeLabel } from "../format/consultation";
import { meetingKindLabel } from "./meetings";
import { can, type Actor } from "../auth/permissions";
import { getDb } from "../db.server";
import { addDays, instantAt, localDateOf, type LocalDate } from "../time/stockholm";
import { dutyDays, dutyLineOf } from "./duty.server";
import {
  draftFigures,
  medianOf,
  monthLabel,
  monthsBack,
  monthsBetween,
  NO_FIGURE,
  publishTables,
  shareOf,
  type DraftCell,
  type DraftTable,
  type Figures,
  type Ref,
  type Row,
  type Table,
} from "./statistics";
import { termOf, termRange } from "./walk-and-talk";

/**
 * The pilot's follow-up figures for one district, computed from what the portal already
 * holds (no child data): consultations, walk-and-talks, meetings and duty days, per month
 * for the last twelve months and per organisation. Content never enters: only categories,
 * dates and counts. Each page is drafted as counts and the sums that tie them (statistics.ts),
 * and published under the small-count rule as a whole (disclosure.ts).
 */

const HOUR = 3_600_000;

type Period = { months: string[]; from: Date; to: Date; today: LocalDate };

export function periodEnding(now: Date, count = 12): Period {
  const today = localDateOf(now);
  const last = today.slice(0, 7);
  const months = monthsBetween(monthsBack(last, count), last);
  return { months, from: instantAt(`${months[0]}-01`, "00:00"), to: now, today };
}

const monthOf = (at: Date) => localDateOf(at).slice(0, 7);

function consultationRows(districtId: number, period: Period) {
  const db = getDb();
  const rows = db
    .select({
      id: consultations.id,
      createdAt: consultations.createdAt,
      mode: consultations.mode,
      outcome: consultations.outcome,
      firstAnswerAt: consultations.firstAnswerAt,
      dueAt: consultations.dueAt,
      organisationId: consultations.organisationId,
      organisationName: organisations.name,
    })
    .from(consultations)
    .innerJoin(organisations, eq(organisations.id, consultations.organisationId))
    .where(and(eq(consultations.districtId, districtId), gte(consultations.createdAt, period.from), lte(consultations.createdAt, period.to)))
    .all();
  const concerns = rows.length
    ? db
        .select()
        .from(consultationConcerns)
        .where(
          inArray(
            consultationConcerns.consultationId,
            rows.map((r) => r.id),
          ),
        )
        .all()
    : [];
  return { rows, concerns };
}

type Question = ReturnType<typeof consultationRows>["rows"][number];
const hoursToAnswer = (r: Question) => (r.firstAnswerAt!.getTime() - r.createdAt.getTime()) / HOUR;

/** How many questions, and how many of them anonymous and with consent (printed, or for the city worked out). */
function modeFigures(f: Figures, id: string, questions: Question[], consentPrinted = true) {
  const anonymousCount = questions.filter((r) => r.mode === "anonymous").length;
  const total = f.count(`${id}:total`, questions.length);
  const anonymous = f.count(`${id}:anonymous`, anonymousCount);
  const consent = consentPrinted ? f.count(`${id}:consent`, questions.length - anonymousCount) : f.derived(`${id}:consent`, questions.length - anonymousCount);
  f.sum(total, [anonymous, consent]);
  return { total, anonymous, consent };
}

/**
 * A group of questions with their answers: the median time to a first answer and the share
 * answered in time. The questions answered late or not at all are never printed, but a reader
 * can work them out from the total and the share, so they are figures too.
 */
function questionFigures(f: Figures, id: string, questions: Question[], consentPrinted = true) {
  const modes = modeFigures(f, id, questions, consentPrinted);
  const answered = questions.filter((r) => r.firstAnswerAt !== null);
  const inTimeCount = answered.filter((r) => r.firstAnswerAt! <= r.dueAt).length;
  const answeredRef = f.band(`${id}:answered`, answered.length);
  const unanswered = f.derived(`${id}:unanswered`, questions.length - answered.length);
  const inTime = f.partOf(`${id}:inTime`, inTimeCount, modes.total);
  const answeredLate = f.derived(`${id}:answeredLate`, answered.length - inTimeCount);
  f.sum(modes.total, [answeredRef, unanswered]);
  f.sum(answeredRef, [inTime, answeredLate]);
  f.sum(f.derived(`${id}:notInTime`, questions.length - inTimeCount), [answeredLate, unanswered]);
  return {
    ...modes,
    answered: answeredRef,
    answeredInTime: inTime,
    medianHours: medianOf(answered.map(hoursToAnswer), answeredRef),
    inTime: shareOf(inTime, modes.total),
  };
}

/** The organisations in `rows`, by name. */
function byOrganisation<T extends { organisationId: number; organisationName: string }>(rows: T[]): { id: number; name: string; own: T[] }[] {
  const names = new Map(rows.map((r) => [r.organisationId, r.organisationName]));
  return [...names.entries()]
    .sort((a, b) => a[1].localeCompare(b[1], "sv"))
    .map(([id, name]) => ({ id, name, own: rows.filter((r) => r.organisationId === id) }));
}

/** The year's total of each column, which both breakdowns (per month, per organisation) add up to. */
function sameYear<K extends string>(f: Figures, id: string, keys: readonly K[], breakdowns: Record<K, Ref>[][], value: (key: K) => number): Record<K, Ref> {
  const year = {} as Record<K, Ref>;
  for (const key of keys) {
    year[key] = f.derived(`${id}:${key}`, value(key));
    for (const rows of breakdowns)
      f.sum(
        year[key],
        rows.map((r) => r[key]),
      );
  }
  return year;
}

function walkRows(districtId: number, period: Period) {
  return getDb()
    .select({
      startsAt: walkSlots.startsAt,
      capacity: walkSlots.capacity,
      booked: walkSlots.booked,
      outcome: walkSlots.outcome,
      cancelledAt: walkOccasions.cancelledAt,
      organisationId: walkSeries.organisationId,
      organisationName: organisations.name,
    })
    .from(walkSlots)
    .innerJoin(walkOccasions, eq(walkOccasions.id, walkSlots.occasionId))
    .innerJoin(walkSeries, eq(walkSeries.id, walkOccasions.seriesId))
    .innerJoin(organisations, eq(organisations.id, walkSeries.organisationId))
    .where(
      and(eq(walkSeries.districtId, districtId), isNull(walkOccasions.replacedAt), gte(walkSlots.startsAt, period.from), lt(walkSlots.startsAt, period.to)),
    )
    .all()
    .filter((r) => r.cancelledAt === null);
}
type Walk = ReturnType<typeof walkRows>[number];

const walkCounts = (own: Walk[]) => ({
  offered: own.reduce((n, s) => n + s.capacity, 0),
  booked: own.reduce((n, s) => n + s.booked, 0),
  held: own.filter((s) => s.outcome === "held").reduce((n, s) => n + s.booked, 0),
});

/** Places offered, booked and held; the places left and the bookings that did not happen can be worked out. */
function walkFigures(f: Figures, id: string, own: Walk[]) {
  const n = walkCounts(own);
  const offered = f.count(`${id}:offered`, n.offered);
  const booked = f.count(`${id}:booked`, n.booked);
  const held = f.count(`${id}:held`, n.held);
  f.sum(offered, [booked, f.derived(`${id}:unbooked`, n.offered - n.booked)]);
  f.sum(booked, [held, f.derived(`${id}:notHeld`, n.booked - n.held)]);
  return { offered, booked, held };
}

/** Per organisation: its staff in the portal, and who of them met their contact person on a walk this term. */
function staffWhoWalked(districtId: number, today: LocalDate) {
  const db = getDb();
  const { from, to } = termRange(termOf(today));
  const staff = db
    .select({ id: people.id, organisationId: organisations.id, organisationName: organisations.name })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.organisationId))
    .where(and(eq(people.districtId, districtId), isNull(people.deactivatedAt), isNull(organisations.closedAt)))
    .all();
  const walked = new Set(
    db
      .select({ personId: walkBookings.personId })
      .from(walkBookings)
      .innerJoin(walkSlots, eq(walkSlots.id, walkBookings.slotId))
      .where(
        and(
          isNull(walkBookings.cancelledAt),
          eq(walkSlots.outcome, "held"),
          gte(walkSlots.startsAt, instantAt(from, "00:00")),
          lt(walkSlots.startsAt, instantAt(addDays(to, 1), "00:00")),
        ),
      )
      .all()
      .map((b) => b.personId),
  );
  return byOrganisation(staff).map(({ id, name, own }) => ({ id, name, staff: own.length, met: own.filter((p) => walked.has(p.id)).length }));
}

function meetingsHeld(districtId: number, period: Period) {
  return getDb()
    .select({ kind: meetings.kind, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.districtId, districtId), eq(meetings.state, "confirmed"), gte(meetings.startsAt, period.from), lt(meetings.startsAt, period.to)))
    .all();
}

const MEETING_KINDS = Object.keys(meetingKindLabel) as (keyof typeof meetingKindLabel)[];
const CONCERNS = Object.keys(concernLabel) as (keyof typeof concernLabel)[];
const OUTCOMES = Object.keys(outcomeLabel) as (keyof typeof outcomeLabel)[];

const count = (key: string, label: string) => ({ key, label, kind: "count" as const });
const text = (key: string, label: string) => ({ key, label, kind: "text" as const });

/**
 * The figures change slowly (they are about whole months), and computing them reads a year of
 * a district: they are kept for a few minutes per database and district, so a busy page and
 * its CSV downloads cost one computation.
 */
const CACHE_MS = 5 * 60_000;
const cache = new WeakMap<object, Map<string, { at: number; value: unknown }>>();
function cached<T>(key: string, now: Date, compute: () => T): T {
  const db = getDb();
  let entries = cache.get(db);
  if (!entries) cache.set(db, (entries = new Map()));
  const hit = entries.get(key);
  if (hit && Math.abs(now.getTime() - hit.at) < CACHE_MS) return hit.value as T;
  const value = compute();
  entries.set(key, { at: now.getTime(), value });
  return value;
}

/** Every table of the actor's district's follow-up page, each downloadable as CSV by its id; none for a role that does not follow up. */
export function districtStatistics(actor: Actor, now: Date): { tables: Table[]; term: string } {
  if (!can(actor, "district:statistics")) return { tables: [], term: termOf(localDateOf(now)) };
  const { tables, term } = districtFigures(actor.districtId, now);
  return { tables, term };
}

/**
 * The district's figures, published once for both pages that show them: its own follow-up page
 * and its row on the city's page. The city's twelve-month figures are the sums of the district's
 * months, so a reader holding both pages could subtract the printed months from the city's year
 * and find a hidden one; drafting the city's row with the district's tables and protecting them
 * together leaves nothing to subtract. Both pages read the same kept result, so they agree.
 */
function districtFigures(districtId: number, now: Date): { tables: Table[]; term: string; cityRow: Row } {
  return cached(`district:${districtId}`, now, () => computeDistrictStatistics(districtId, now));
}

/**
 * One page, one suppression: the tables share figures (the months and the organisations add up
 * to the same year; the outcomes and the concerns count the same questions), so the small-count
 * rule is applied to them together, and each table's CSV is cut from the result.
 */
function computeDistrictStatistics(districtId: number, now: Date): { tables: Table[]; term: string; cityRow: Row } {
  const period = periodEnding(now);
  const f = draftFigures();
  const inMonth = <T>(rows: T[], at: (r: T) => Date, month: string) => rows.filter((r) => monthOf(at(r)) === month);

  const { rows, concerns } = consultationRows(districtId, period);
  const questionsByMonth = period.months.map((month) => ({
    month: monthLabel(month),
    ...questionFigures(
      f,
      `fragor:${month}`,
      inMonth(rows, (r) => r.createdAt, month),
    ),
  }));
  const questionsByOrganisation = byOrganisation(rows).map(({ id, name, own }) => ({ organisation: name, ...modeFigures(f, `fragor-verksamhet:${id}`, own) }));
  const anonymous = rows.filter((r) => r.mode === "anonymous").length;
  const { total: yearTotal } = sameYear(f, "fragor:year", ["total", "anonymous", "consent"] as const, [questionsByMonth, questionsByOrganisation], (key) =>
    key === "total" ? rows.length : key === "anonymous" ? anonymous : rows.length - anonymous,
  );

  // Each concern counts some of the year's questions, and every question has one concern or more
  // (the form asks for one), so the concerns add up to the year's questions or more.
  const byConcern = CONCERNS.map((c) => {
    const n = concerns.filter((x) => x.concern === c).length;
    const total = f.count(`oro:${c}`, n);
    f.sum(yearTotal, [total, f.derived(`oro:${c}:without`, rows.length - n)]);
    return { concern: concernLabel[c], total };
  });
  if (concerns.length >= rows.length)
    f.sum(
      [yearTotal, f.derived("oro:more-than-one", concerns.length - rows.length, false)],
      byConcern.map((c) => c.total),
    );

  // Every question of the year either closed with one outcome or is still open.
  const byOutcome = OUTCOMES.map((o) => ({ outcome: outcomeLabel[o], total: f.count(`resultat:${o}`, rows.filter((r) => r.outcome === o).length) }));
  f.sum(yearTotal, [...byOutcome.map((o) => o.total), f.derived("resultat:open", rows.filter((r) => r.outcome === null).length)]);

  const walks = walkRows(districtId, period);
  const walksByMonth = period.months.map((month) => ({
    month: monthLabel(month),
    ...walkFigures(
      f,
      `walk:${month}`,
      inMonth(walks, (s) => s.startsAt, month),
    ),
  }));
  const walksByOrganisation = byOrganisation(walks).map(({ id, name, own }) => ({ organisation: name, ...walkFigures(f, `walk-verksamhet:${id}`, own) }));
  const walkYear = walkCounts(walks);
  const walkYearRefs = sameYear(f, "walk:year", ["offered", "booked", "held"] as const, [walksByMonth, walksByOrganisation], (key) => walkYear[key]);

  const staff = staffWhoWalked(districtId, period.today).map(({ id, name, staff, met }) => {
    const all = f.count(`personal:${id}:staff`, staff);
    const walked = f.count(`personal:${id}:met`, met);
    f.sum(all, [walked, f.derived(`personal:${id}:not-met`, staff - met)]);
    return { organisation: name, staff: all, met: walked, share: shareOf(walked, all) };
  });

  const held = meetingsHeld(districtId, period);
  const meetingsByMonth = period.months.map((month) => {
    const own = inMonth(held, (m) => m.startsAt!, month);
    const total = f.count(`moten:${month}:total`, own.length);
    const kinds = Object.fromEntries(MEETING_KINDS.map((k) => [k, f.count(`moten:${month}:${k}`, own.filter((m) => m.kind === k).length)]));
    f.sum(total, Object.values(kinds));
    return { month: monthLabel(month), total, ...kinds };
  });

  // Days before the rota existed had nobody to cover them: they are no duty days of the rota,
  // and a month wholly before it has no figure at all rather than 0 % covered.
  const rotaStartsOn = dutyLineOf({ districtId })?.rotaStartsOn ?? null;
  const days = dutyDays({ districtId }, `${period.months[0]}-01`, period.today).filter((d) => rotaStartsOn !== null && d.date >= rotaStartsOn);
  const dutyByMonth = period.months.map((month) => {
    const own = days.filter((d) => d.date.startsWith(month));
    const all = f.count(`jour:${month}:days`, own.length);
    const covered = f.count(`jour:${month}:covered`, own.filter((d) => d.personId !== null).length);
    f.sum(all, [covered, f.derived(`jour:${month}:uncovered`, own.filter((d) => d.personId === null).length)]);
    return { month: monthLabel(month), days: all, covered, share: shareOf(covered, all), withRota: rotaStartsOn !== null && rotaStartsOn.slice(0, 7) <= month };
  });

  const drafts: DraftTable[] = [
    {
      id: "fragor-per-manad",
      caption: "Frågor till socialtjänsten per månad",
      columns: [
        text("month", "Månad"),
        count("total", "Frågor"),
        count("anonymous", "Anonyma"),
        count("consent", "Med samtycke"),
        { key: "medianHours", label: "Tid till första svar (median)", kind: "hours" },
        { key: "inTime", label: "Svar i tid", kind: "share" },
      ],
      rows: questionsByMonth,
      chart: { labelKey: "month", valueKey: "total", title: "Frågor per månad" },
    },
    {
      id: "fragor-per-verksamhet",
      caption: "Frågor per verksamhet, de senaste tolv månaderna",
      columns: [text("organisation", "Verksamhet"), count("total", "Frågor"), count("anonymous", "Anonyma"), count("consent", "Med samtycke")],
      rows: questionsByOrganisation,
    },
    {
      id: "fragor-per-oro",
      caption: "Vad oron gällde (en fråga kan gälla flera saker)",
      columns: [text("concern", "Oron gällde"), count("total", "Frågor")],
      rows: byConcern,
      chart: { labelKey: "concern", valueKey: "total", title: "Vad oron gällde" },
    },
    {
      id: "fragor-per-resultat",
      caption: "Vad de avslutade frågorna ledde till",
      columns: [text("outcome", "Ledde till"), count("total", "Frågor")],
      rows: byOutcome,
    },
    {
      id: "walk-and-talk-per-manad",
      caption: "Walk-and-talk per månad: platser som erbjöds, bokades och blev av",
      columns: [text("month", "Månad"), count("offered", "Erbjudna platser"), count("booked", "Bokade"), count("held", "Blev av")],
      rows: walksByMonth,
      chart: { labelKey: "month", valueKey: "held", title: "Walk-and-talks som blev av per månad" },
    },
    {
      id: "walk-and-talk-per-verksamhet",
      caption: "Walk-and-talk per verksamhet, de senaste tolv månaderna",
      columns: [text("organisation", "Verksamhet"), count("offered", "Erbjudna platser"), count("booked", "Bokade"), count("held", "Blev av")],
      rows: walksByOrganisation,
    },
    {
      id: "personal-som-traffat",
      caption: "Personal som har träffat sin kontaktperson på en walk-and-talk den här terminen",
      columns: [
        text("organisation", "Verksamhet"),
        count("staff", "Personal i portalen"),
        count("met", "Har träffat"),
        { key: "share", label: "Andel", kind: "share" },
      ],
      rows: staff,
    },
    {
      id: "moten-per-manad",
      caption: "Möten som hållits per månad och sort",
      columns: [text("month", "Månad"), count("total", "Alla"), ...MEETING_KINDS.map((k) => count(k, meetingKindLabel[k]))],
      rows: meetingsByMonth,
      chart: { labelKey: "month", valueKey: "total", title: "Möten per månad" },
    },
    {
      id: "jourdagar-per-manad",
      caption: "Jourdagar per månad: dagar med jourtelefon och dagar då någon hade jour",
      columns: [
        text("month", "Månad"),
        count("days", "Dagar med jourtelefon"),
        count("covered", "Någon hade jour"),
        { key: "share", label: "Andel", kind: "share" },
      ],
      rows: dutyByMonth.map(({ withRota, ...row }) => (withRota ? row : { month: row.month, days: NO_FIGURE, covered: NO_FIGURE, share: NO_FIGURE })),
      noFigure: "ingen jourlista då",
    },
  ];
  const cityRow = cityRowDraft(f, districtId, {
    questions: { rows, months: questionsByMonth },
    walks: walkYearRefs,
    meetings: meetingsByMonth.map((m) => m.total),
    duty: dutyByMonth,
    read: { walks, meetingsHeld: held.length, dutyDays: days },
  });
  const tables = publishTables(f, [...drafts, { ...CITY_TABLE, rows: [cityRow] }]);
  return { tables: tables.slice(0, -1), term: termOf(period.today), cityRow: tables.at(-1)!.rows[0]! };
}

/**
 * The district's row of the city's table, tied to the district's own figures: the city's year is
 * the sum of the district's months, and the same places, meetings and duty days.
 */
function cityRowDraft(
  f: Figures,
  districtId: number,
  own: {
    questions: { rows: Question[]; months: ReturnType<typeof questionFigures>[] };
    walks: { offered: Ref; held: Ref };
    meetings: Ref[];
    duty: { days: Ref; covered: Ref }[];
    /** The rows the district's tables were drafted from: the city's row counts the same ones, not read again. */
    read: { walks: Walk[]; meetingsHeld: number; dutyDays: { personId: number | null }[] };
  },
): Record<string, DraftCell> {
  const name = getDb().select({ name: districts.name }).from(districts).where(eq(districts.id, districtId)).get()!.name;
  const questions = questionFigures(f, "stad:fragor", own.questions.rows, false);
  f.sum(
    questions.total,
    own.questions.months.map((m) => m.total),
  );
  f.sum(
    questions.anonymous,
    own.questions.months.map((m) => m.anonymous),
  );
  f.sum(
    questions.answered,
    own.questions.months.map((m) => m.answered),
  );
  f.sum(
    questions.answeredInTime,
    own.questions.months.map((m) => m.answeredInTime),
  );

  const walks = walkCounts(own.read.walks);
  const walkOffered = f.count("stad:walk-offered", walks.offered);
  const walkHeld = f.count("stad:walk-held", walks.held);
  f.sum(walkOffered, [own.walks.offered]);
  f.sum(walkHeld, [own.walks.held]);

  const meetings = f.count("stad:meetings", own.read.meetingsHeld);
  f.sum(meetings, own.meetings);

  // Which days have a duty phone follows from the calendar, so the days count as known and the percentage gives away the covered days.
  const days = own.read.dutyDays;
  const dutyDaysRef = f.known("stad:duty-days", days.length);
  const covered = f.partOf("stad:duty-covered", days.filter((x) => x.personId !== null).length, dutyDaysRef);
  f.sum(dutyDaysRef, [covered, f.derived("stad:duty-uncovered", days.filter((x) => x.personId === null).length)]);
  f.sum(
    dutyDaysRef,
    own.duty.map((d) => d.days),
  );
  f.sum(
    covered,
    own.duty.map((d) => d.covered),
  );

  return {
    district: name,
    consultations: questions.total,
    anonymous: questions.anonymous,
    medianHours: questions.medianHours,
    inTime: questions.inTime,
    walkOffered,
    walkHeld,
    meetingsHeld: meetings,
    dutyCovered: shareOf(covered, dutyDaysRef),
  };
}

const CITY_TABLE: Omit<DraftTable, "rows"> = {
  id: "stadsdelsomraden",
  caption: "Stadsdelsområdena sida vid sida, de senaste tolv månaderna",
  columns: [
    text("district", "Stadsdelsområde"),
    count("consultations", "Frågor"),
    count("anonymous", "Varav anonyma"),
    { key: "medianHours", label: "Tid till första svar (median)", kind: "hours" },
    { key: "inTime", label: "Svar i tid", kind: "share" },
    count("walkOffered", "Walk-and-talk, erbjudna platser"),
    count("walkHeld", "Walk-and-talk som blev av"),
    count("meetingsHeld", "Möten som hållits"),
    { key: "dutyCovered", label: "Jourdagar med jour", kind: "share" },
  ],
  chart: { labelKey: "district", valueKey: "consultations", title: "Frågor per stadsdelsområde" },
};

/**
 * For the city: each district's key figures for the last twelve months, side by side. Never
 * content. Each row is the one published with the district's own page (districtFigures).
 */
export function cityStatistics(actor: Actor, now: Date): Table {
  if (!can(actor, "city:admin")) return { ...CITY_TABLE, rows: [] };
  // Districts with a team of social services: the city's own home for its accounts (npm run admin:create) is none.
  const all = getDb()
    .select({ id: districts.id })
    .from(districts)
    .where(exists(getDb().select({ id: teams.id }).from(teams).where(eq(teams.districtId, districts.id))))
    .orderBy(districts.name)
    .all();
  return { ...CITY_TABLE, rows: all.map((d) => districtFigures(d.id, now).cityRow) };
}
