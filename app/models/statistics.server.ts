import { and, eq, gte, inArray, isNull, lt, lte } from "drizzle-orm";
import { consultationConcerns, consultations, districts, meetings, organisations, people, walkBookings, walkOccasions, walkSeries, walkSlots } from "../../db/schema";
import { concernLabel, outcomeLabel } from "../format/consultation";
import { meetingKindLabel } from "./meetings";
import { getDb } from "../db.server";
import { addDays, instantAt, localDateOf, type LocalDate } from "../time/stockholm";
import { dutyDays } from "./duty.server";
import { monthLabel, monthsBack, monthsBetween, medianOf, share, type Row, type Table } from "./statistics";
import { termOf, termRange } from "./walk-and-talk";

/**
 * The pilot's follow-up figures for one district, computed from what the portal already
 * holds (no child data): consultations, walk-and-talks, meetings and duty days, per month
 * for the last twelve months and per organisation. Content never enters: only categories,
 * dates and counts. The small-count rule is applied when a table is shown (statistics.ts).
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
  const concerns = rows.length ? db.select().from(consultationConcerns).where(inArray(consultationConcerns.consultationId, rows.map((r) => r.id))).all() : [];
  return { rows, concerns };
}

/** Consultations per month: how many, anonymous or with consent, how fast the first answer came. */
function consultationsByMonth(rows: ReturnType<typeof consultationRows>["rows"], period: Period): Row[] {
  return period.months.map((month) => {
    const inMonth = rows.filter((r) => monthOf(r.createdAt) === month);
    const answered = inMonth.filter((r) => r.firstAnswerAt !== null);
    return {
      month: monthLabel(month),
      total: inMonth.length,
      anonymous: inMonth.filter((r) => r.mode === "anonymous").length,
      consent: inMonth.filter((r) => r.mode === "consent").length,
      medianHours: medianOf(answered.map((r) => (r.firstAnswerAt!.getTime() - r.createdAt.getTime()) / HOUR)),
      inTime: share(answered.filter((r) => r.firstAnswerAt! <= r.dueAt).length, inMonth.length),
    };
  });
}

function byOrganisation<T extends { organisationId: number; organisationName: string }>(rows: T[], make: (own: T[]) => Row): Row[] {
  const names = new Map(rows.map((r) => [r.organisationId, r.organisationName]));
  return [...names.entries()]
    .sort((a, b) => a[1].localeCompare(b[1], "sv"))
    .map(([id, name]) => ({ organisation: name, ...make(rows.filter((r) => r.organisationId === id)) }));
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
    .where(and(eq(walkSeries.districtId, districtId), isNull(walkOccasions.replacedAt), gte(walkSlots.startsAt, period.from), lt(walkSlots.startsAt, period.to)))
    .all()
    .filter((r) => r.cancelledAt === null);
}

/** Per organisation: how many of its staff met their contact person on a walk this term. */
function staffWhoWalked(districtId: number, today: LocalDate): Row[] {
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
      .where(and(isNull(walkBookings.cancelledAt), eq(walkSlots.outcome, "held"), gte(walkSlots.startsAt, instantAt(from, "00:00")), lt(walkSlots.startsAt, instantAt(addDays(to, 1), "00:00"))))
      .all()
      .map((b) => b.personId),
  );
  return byOrganisation(staff, (own) => {
    const met = own.filter((p) => walked.has(p.id)).length;
    return { staff: own.length, met, share: share(met, own.length) };
  });
}

function meetingsHeld(districtId: number, period: Period): Row[] {
  const held = getDb()
    .select({ kind: meetings.kind, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.districtId, districtId), eq(meetings.state, "confirmed"), gte(meetings.startsAt, period.from), lt(meetings.startsAt, period.to)))
    .all();
  return period.months.map((month) => {
    const inMonth = held.filter((m) => monthOf(m.startsAt!) === month);
    const row: Row = { month: monthLabel(month), total: inMonth.length };
    for (const kind of Object.keys(meetingKindLabel) as (keyof typeof meetingKindLabel)[]) row[kind] = inMonth.filter((m) => m.kind === kind).length;
    return row;
  });
}

function dutyCoverage(districtId: number, period: Period): Row[] {
  const days = dutyDays({ districtId }, `${period.months[0]}-01`, period.today);
  return period.months.map((month) => {
    const inMonth = days.filter((d) => d.date.startsWith(month));
    const covered = inMonth.filter((d) => d.personId !== null).length;
    return { month: monthLabel(month), days: inMonth.length, covered, share: share(covered, inMonth.length) };
  });
}

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

/** Every table of the district's follow-up page, each downloadable as CSV by its id. */
export function districtStatistics(districtId: number, now: Date): { tables: Table[]; term: string } {
  return cached(`district:${districtId}`, now, () => computeDistrictStatistics(districtId, now));
}

function computeDistrictStatistics(districtId: number, now: Date): { tables: Table[]; term: string } {
  const period = periodEnding(now);
  const { rows, concerns } = consultationRows(districtId, period);
  const walks = walkRows(districtId, period);
  const walkFigures = (own: typeof walks) => ({
    offered: own.reduce((n, s) => n + s.capacity, 0),
    booked: own.reduce((n, s) => n + s.booked, 0),
    held: own.filter((s) => s.outcome === "held").reduce((n, s) => n + s.booked, 0),
  });
  const tables: Table[] = [
    {
      id: "fragor-per-manad",
      caption: "Frågor till socialtjänsten per månad",
      columns: [text("month", "Månad"), count("total", "Frågor"), count("anonymous", "Anonyma"), count("consent", "Med samtycke"), { key: "medianHours", label: "Tid till första svar (median)", kind: "hours" }, { key: "inTime", label: "Svar i tid", kind: "share" }],
      rows: consultationsByMonth(rows, period),
      chart: { labelKey: "month", valueKey: "total", title: "Frågor per månad" },
    },
    {
      id: "fragor-per-verksamhet",
      caption: "Frågor per verksamhet, de senaste tolv månaderna",
      columns: [text("organisation", "Verksamhet"), count("total", "Frågor"), count("anonymous", "Anonyma"), count("consent", "Med samtycke")],
      rows: byOrganisation(rows, (own) => ({ total: own.length, anonymous: own.filter((r) => r.mode === "anonymous").length, consent: own.filter((r) => r.mode === "consent").length })),
    },
    {
      id: "fragor-per-oro",
      caption: "Vad oron gällde (en fråga kan gälla flera saker)",
      columns: [text("concern", "Oron gällde"), count("total", "Frågor")],
      rows: (Object.keys(concernLabel) as (keyof typeof concernLabel)[]).map((c) => ({ concern: concernLabel[c], total: concerns.filter((x) => x.concern === c).length })),
      chart: { labelKey: "concern", valueKey: "total", title: "Vad oron gällde" },
    },
    {
      id: "fragor-per-resultat",
      caption: "Vad de avslutade frågorna ledde till",
      columns: [text("outcome", "Ledde till"), count("total", "Frågor")],
      rows: (Object.keys(outcomeLabel) as (keyof typeof outcomeLabel)[]).map((o) => ({ outcome: outcomeLabel[o], total: rows.filter((r) => r.outcome === o).length })),
    },
    {
      id: "walk-and-talk-per-manad",
      caption: "Walk-and-talk per månad: platser som erbjöds, bokades och blev av",
      columns: [text("month", "Månad"), count("offered", "Erbjudna platser"), count("booked", "Bokade"), count("held", "Blev av")],
      rows: period.months.map((month) => ({ month: monthLabel(month), ...walkFigures(walks.filter((s) => monthOf(s.startsAt) === month)) })),
      chart: { labelKey: "month", valueKey: "held", title: "Walk-and-talks som blev av per månad" },
    },
    {
      id: "walk-and-talk-per-verksamhet",
      caption: "Walk-and-talk per verksamhet, de senaste tolv månaderna",
      columns: [text("organisation", "Verksamhet"), count("offered", "Erbjudna platser"), count("booked", "Bokade"), count("held", "Blev av")],
      rows: byOrganisation(walks, walkFigures),
    },
    {
      id: "personal-som-traffat",
      caption: "Personal som har träffat sin kontaktperson på en walk-and-talk den här terminen",
      columns: [text("organisation", "Verksamhet"), count("staff", "Personal i portalen"), count("met", "Har träffat"), { key: "share", label: "Andel", kind: "share" }],
      rows: staffWhoWalked(districtId, period.today),
    },
    {
      id: "moten-per-manad",
      caption: "Möten som hållits per månad och sort",
      columns: [text("month", "Månad"), count("total", "Alla"), ...(Object.keys(meetingKindLabel) as (keyof typeof meetingKindLabel)[]).map((k) => count(k, meetingKindLabel[k]))],
      rows: meetingsHeld(districtId, period),
      chart: { labelKey: "month", valueKey: "total", title: "Möten per månad" },
    },
    {
      id: "jourdagar-per-manad",
      caption: "Jourdagar per månad: dagar med jourtelefon och dagar då någon hade jour",
      columns: [text("month", "Månad"), count("days", "Dagar med jourtelefon"), count("covered", "Någon hade jour"), { key: "share", label: "Andel", kind: "share" }],
      rows: dutyCoverage(districtId, period),
    },
  ];
  return { tables, term: termOf(period.today) };
}

/** For the city: each district's key figures for the last twelve months, side by side. Never content. */
export function cityStatistics(now: Date): Table {
  return cached("city", now, () => computeCityStatistics(now));
}

function computeCityStatistics(now: Date): Table {
  const all = getDb().select({ id: districts.id, name: districts.name }).from(districts).orderBy(districts.name).all();
  const figures = all.map((d) => {
    const period = periodEnding(now);
    const { rows } = consultationRows(d.id, period);
    const answered = rows.filter((r) => r.firstAnswerAt !== null);
    const walks = walkRows(d.id, period);
    const held = meetingsHeld(d.id, period).reduce((n, r) => n + Number(r.total), 0);
    const duty = dutyCoverage(d.id, period).reduce<{ days: number; covered: number }>((acc, r) => ({ days: acc.days + Number(r.days), covered: acc.covered + Number(r.covered) }), { days: 0, covered: 0 });
    return {
      district: d.name,
      consultations: rows.length,
      anonymous: rows.filter((r) => r.mode === "anonymous").length,
      medianHours: medianOf(answered.map((r) => (r.firstAnswerAt!.getTime() - r.createdAt.getTime()) / HOUR)),
      inTime: share(answered.filter((r) => r.firstAnswerAt! <= r.dueAt).length, rows.length),
      walkOffered: walks.reduce((n, s) => n + s.capacity, 0),
      walkHeld: walks.filter((s) => s.outcome === "held").reduce((n, s) => n + s.booked, 0),
      meetingsHeld: held,
      dutyCovered: share(duty.covered, duty.days),
    };
  });
  return {
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
    rows: figures,
    chart: { labelKey: "district", valueKey: "consultations", title: "Frågor per stadsdelsområde" },
  };
}
