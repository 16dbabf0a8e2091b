/// <reference types="vite/client" />
/**
 * The head of unit reads the figures and writes nothing: every action of every route, posted
 * as a head of unit with a form that would be saved for someone allowed, is refused, and the
 * whole database is the same afterwards (every table, row count and a hash of its rows).
 *
 * Two heads of unit, as involved as a head of unit gets: Birgitta Norén (enhetschef@hv.example)
 * sits in the team "Barn och unga", which has a family's support request waiting, and is a member
 * of a collaboration group; Anna Berg, a social worker who became head of unit (the coordinator
 * took away her contact assignments and rota place, as the portal asks before a change of role),
 * still hosts a walk-and-talk series, a report meeting and a group of her own.
 *
 * A route with an action but no cases here fails the test. The only actions left out are those
 * of one's own login and account (logging in and out, one's own password and phone number).
 *
 * Clock: Tuesday 1 December 2026, 10.00 (tests/vitest.config.ts).
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  availabilityStatuses,
  consultations,
  contactAssignmentParts,
  contactAssignments,
  dutyRotaMembers,
  meetingGroups,
  meetingProposals,
  meetings,
  people,
  supportRequests,
  teams,
  walkBookings,
  walkOccasions,
  walkSeries,
  walkSlots,
} from "../../db/schema";
import { setOwnStatus } from "../../app/models/availability.server";
import { addMessage, bookForumPlace, closeConsultation, createConsultation, takeConsultation } from "../../app/models/consultations.server";
import {
  addRotaMember,
  moveRotaMember,
  removeOverride,
  removeRotaMember,
  replaceDutyDay,
  saveDutyLine,
  swapDutyDays,
} from "../../app/models/duty-admin.server";
import { createGroupSeries } from "../../app/models/meeting-groups.server";
import type { ConsultationInput } from "../../app/models/consultations";
import { groupSeriesSchema, planningSeriesSchema, reportMeetingSchema } from "../../app/models/meeting-forms";
import { createPlanningSeries, createReportMeeting } from "../../app/models/meeting-creation.server";
import {
  addAgendaPoint,
  cancelMeeting,
  confirmMeeting,
  counterPropose,
  moveMeeting,
  saveAttendance,
  saveMeetingNotes,
} from "../../app/models/meeting-lifecycle.server";
import { archiveOffer, markRequestHandled, requestContact, saveOffer } from "../../app/models/support.server";
import { requestSchema } from "../../app/models/support";
import { seriesFormSchema, termOf } from "../../app/models/walk-and-talk";
import { bookSlot, cancelBooking } from "../../app/models/walk-booking.server";
import { addOccasion, cancelOccasion, createSeries, markSlotOutcome, moveOccasion, updateSeries } from "../../app/models/walk-hosting.server";
import { setWalkExpected } from "../../app/models/walk-leadership.server";
import { validateForm } from "../../app/http/forms";
import { instantAt } from "../../app/time/stockholm";
import { actorFor, db, organisationId, personId, SEED_NOW, useFreshDatabase } from "./db";
import { QUESTION, REPORT_MEETING, WALK_SERIES } from "./forms";
import { BASE, respond, sessionCookie } from "./http";
import { changedTables, OWN_ACCOUNT, routePath, tableFingerprints } from "./routes";

const HEADS = ["enhetschef@hv.example", "socialsekreterare@hv.example"] as const;
const HOUR = 3_600_000;

type World = Awaited<ReturnType<typeof buildWorld>>;
type Case = { label: string; params?: Record<string, string>; form: Record<string, string | string[] | undefined>; expect?: number };
const s = String;

const modules = import.meta.glob("../../app/routes/*.{ts,tsx}");
type RouteModule = { action?: (args: unknown) => unknown };

/** Every action, with forms that a person allowed to would have saved. 403 unless `expect` says otherwise. */
const CASES: Record<string, (w: World) => Case[]> = {
  "_index.tsx": () => [
    { label: "set own status", form: { intent: "set-status", status: "busy", busyUntil: "14.30" } },
    { label: "renew calendar address", form: { intent: "renew-feed" } },
  ],
  "admin.import.tsx": () => [
    {
      label: "import people",
      form: { intent: "import", csv: "namn;e-post;titel;roll;verksamhet\nNy Person;ny@skolan.example;Lärare;personal;Vällingbyskolan" },
    },
  ],
  "admin.personer._index.tsx": (w) => [
    {
      label: "invite",
      form: { name: "Ny Person", title: "Lärare", role: "partner_staff", email: "ny.person@skolan.example", organisationId: s(w.vbs), unit: "" },
    },
  ],
  "admin.personer.$personId.tsx": (w) => [{ label: "deactivate Maria", params: { personId: s(w.maria) }, form: { intent: "deactivate" } }],
  "admin.verksamheter._index.tsx": () => [{ label: "add organisation", form: { kind: "school", name: "Nya skolan" } }],
  // The coordinator's pages answer 403 to every other role (decision 023).
  "admin.verksamheter.$organisationId.tsx": (w) => [
    { label: "rename", params: { organisationId: s(w.vbs) }, form: { intent: "rename", name: "Nya skolan" }, expect: 403 },
  ],
  "jour.tsx": (w) => [{ label: "add to the rota", form: { intent: "add-member", personId: s(w.jonas) } }],
  "kontaktpersoner.tsx": (w) => [{ label: "name a contact person", form: { organisationId: s(w.vbs), personId: s(w.jonas), scopeLabel: "Hela skolan" } }],
  "konsultation.$consultationId.tsx": (w) => [
    { label: "take the forum case", params: { consultationId: s(w.forumCase) }, form: { intent: "take" } },
    { label: "answer the forum case", params: { consultationId: s(w.forumCase) }, form: { intent: "message", body: "Ett svar utan namn." } },
    { label: "close the forum case", params: { consultationId: s(w.forumCase) }, form: { intent: "close", outcome: "advice" } },
  ],
  "konsultation.ny.tsx": () => [{ label: "ask a question", form: QUESTION }],
  "moten.$meetingId.tsx": (w) => [
    { label: "confirm the report meeting", params: { meetingId: s(w.report) }, form: { intent: "confirm", proposalId: s(w.reportProposal) } },
    { label: "propose another time", params: { meetingId: s(w.report) }, form: { intent: "propose", date: w.freeDay, time: "10.00" } },
    { label: "cancel the report meeting", params: { meetingId: s(w.report) }, form: { intent: "cancel" } },
    { label: "move the group meeting", params: { meetingId: s(w.ownGroupNext) }, form: { intent: "move", date: w.freeDay, time: "13.00" } },
    { label: "cancel the group meeting", params: { meetingId: s(w.ownGroupNext) }, form: { intent: "cancel" } },
    { label: "agenda of her own group", params: { meetingId: s(w.ownGroupNext) }, form: { intent: "agenda", text: "Läget inför sommarlovet" } },
    { label: "agenda of the group she is in", params: { meetingId: s(w.memberGroupNext) }, form: { intent: "agenda", text: "Läget inför sommarlovet" } },
    { label: "notes of her group", params: { meetingId: s(w.ownGroupBegun) }, form: { intent: "notes", notes: "Vi ses igen i januari." } },
    { label: "attendance of her group", params: { meetingId: s(w.ownGroupBegun) }, form: { intent: "attendance", present: w.ownGroupMembers.map(s) } },
  ],
  "moten.$meetingId_.arende.tsx": (w) => [
    {
      label: "bring a case to the forum",
      params: { meetingId: s(w.forum) },
      form: {
        purpose: "unsure_report",
        mode: "anonymous",
        ageBand: "10-12",
        concerns: ["home"],
        question: "Hur kan vi stötta en elev som är ledsen efter helger?",
      },
    },
  ],
  "moten.arbetslag.tsx": (w) => [
    {
      label: "ask for a staff-team visit",
      form: { target: `${w.gd}:`, hostPersonId: s(w.leila), theme: "Vad socialtjänsten gör", date1: w.freeDay, time1: "15.00", minutes: "60" },
    },
  ],
  "moten.grupp.tsx": () => [
    {
      label: "start a group",
      form: {
        kind: "collaboration",
        name: "Ny grupp",
        members: "tobias.ek@hv.example",
        firstDate: "2026-12-08",
        time: "9.00",
        minutes: "90",
        everyWeeks: "4",
        count: "3",
        place: "office",
      },
    },
  ],
  "moten.ny.tsx": (w) => [{ label: "plan a report meeting", form: { ...REPORT_MEETING, hostPersonId: s(w.jonas) } }],
  "moten.planering.tsx": (w) => [
    {
      label: "plan a series",
      form: { organisationId: s(w.gd), firstDate: "2026-12-09", time: "13.00", minutes: "90", everyWeeks: "6", count: "3", place: "school" },
    },
  ],
  // The city's page: a head of unit is not the city, so it does not exist for her.
  "stad.tsx": () => [
    {
      label: "add a district",
      form: { name: "Rinkeby-Kista", office: "Rinkeby centrum", coordinatorName: "Kim Test", coordinatorEmail: "kim@rk.example" },
      expect: 403,
    },
  ],
  "stod._index.tsx": (w) => [
    { label: "mark the family's request handled", form: { intent: "handled", id: s(w.request) } },
    { label: "archive an offer", form: { intent: "archive", id: s(w.offer) } },
  ],
  "stod.$offerId.kontakt.tsx": (w) => [
    {
      label: "ask the team to contact a family",
      params: { offerId: s(w.offer) },
      form: { guardianName: "Fatima Testsson", guardianPhone: "070-174 06 98", consentGivenBy: "mamma", consentGivenOn: "2026-11-30" },
    },
  ],
  "stod.redigera.$offerId.tsx": (w) => [
    {
      label: "change an offer",
      params: { offerId: s(w.offer) },
      form: {
        name: "Familjestöd",
        forWhom: "Familjer",
        whatItGives: "Samtal.",
        howToContact: "Ring.",
        phone: "",
        email: "",
        teamId: s(w.team),
        sortOrder: "1",
      },
    },
  ],
  "walk-and-talk._index.tsx": (w) => [
    { label: "cancel a booking", form: { intent: "cancel-booking", bookingId: s(w.booking) } },
    { label: "expect staff to walk", form: { intent: "set-expected", expected: "yes" } },
    { label: "cancel an occasion", form: { intent: "cancel-occasion", occasionId: s(w.occasion) } },
    { label: "move an occasion", form: { intent: "move-occasion", occasionId: s(w.occasion), date: w.freeDay } },
    { label: "mark a slot held", form: { intent: "mark-outcome", slotId: s(w.slotBegun), outcome: "held" } },
  ],
  "walk-and-talk.ny.tsx": (w) => [{ label: "publish a series", form: { ...WALK_SERIES, organisationId: s(w.vbs) } }],
  "walk-and-talk.serier.$seriesId.tsx": (w) => [
    { label: "change her series", params: { seriesId: s(w.series) }, form: { ...WALK_SERIES, intent: "update-series", organisationId: s(w.vbs) } },
    { label: "add an occasion", params: { seriesId: s(w.series) }, form: { intent: "add-occasion", date: w.freeDay } },
  ],
  "walk-and-talk.tider.$slotId.tsx": (w) => [{ label: "book a slot", params: { slotId: s(w.freeSlot) }, form: { topic: "general" } }],
};

async function buildWorld() {
  const hvTeam = db.select().from(teams).where(eq(teams.name, "Barn och unga")).orderBy(asc(teams.id)).get()!.id;
  const anna = personId("socialsekreterare@hv.example");
  const vbs = organisationId("Vällingbyskolan");
  const gd = organisationId("Gröna diamanten");

  // A request for a family, sent to the team the head of unit sits in.
  const offer = saveOffer(actorFor("samordnare@hv.example"), null, {
    name: "Familjestöd i hemmet",
    forWhom: "Familjer",
    whatItGives: "Samtal.",
    howToContact: "Ring.",
    phone: null,
    email: null,
    teamId: hvTeam,
    sortOrder: 5,
  });
  if (!offer.ok) throw new Error(offer.message);
  const sent = await respond(async () => {
    const { action } = await import("../../app/routes/stod.$offerId.kontakt");
    const body = new URLSearchParams({
      guardianName: "Fatima Testsson",
      guardianPhone: "070-174 06 98",
      consentGivenBy: "mamma",
      consentGivenOn: "2026-11-30",
    });
    return action({
      request: new Request(`${BASE}/stod/${offer.id}/kontakt`, {
        method: "POST",
        body,
        headers: { Cookie: await sessionCookie("larare@vallingbyskolan.example") },
      }),
      params: { offerId: String(offer.id) },
      context: {},
    });
  });
  if (sent.status !== 302) throw new Error(`The request was not sent: ${sent.status}`);

  // Groups: one Omar starts with the head of unit as a member, one Anna starts herself.
  const { action: groupAction } = await import("../../app/routes/moten.grupp");
  const startGroup = async (email: string, name: string, members: string) => {
    const body = new URLSearchParams({
      kind: "collaboration",
      name,
      members,
      firstDate: "2026-12-08",
      time: "9.00",
      minutes: "90",
      everyWeeks: "4",
      count: "3",
      place: "office",
    });
    const response = await respond(async () =>
      groupAction({
        request: new Request(`${BASE}/moten/grupp`, { method: "POST", body, headers: { Cookie: await sessionCookie(email) } }),
        params: {},
        context: {},
      }),
    );
    if (response.status !== 302) throw new Error(`${name} was not started: ${response.status}`);
    const group = db.select().from(meetingGroups).where(eq(meetingGroups.name, name)).get()!;
    return db.select().from(meetings).where(eq(meetings.groupId, group.id)).orderBy(asc(meetings.startsAt)).all();
  };
  const memberGroup = await startGroup("omar.lind@hv.example", "Samverkan kring Råcksta centrum", "enhetschef@hv.example, polis@vallingby.polisen.example");
  const ownGroup = await startGroup(
    "socialsekreterare@hv.example",
    "Elevhälsa och socialtjänst, Vällingby",
    "rektor@vallingbyskolan.example, jonas.ekholm@hv.example",
  );
  // Her group's first meeting began an hour ago: notes and attendance would be accepted from its host.
  const begunAt = new Date(SEED_NOW.getTime() - HOUR);
  db.update(meetings)
    .set({ startsAt: begunAt, endsAt: new Date(begunAt.getTime() + HOUR / 2) })
    .where(eq(meetings.id, ownGroup[0]!.id))
    .run();

  // Anna's walk-and-talk series: a slot that has begun, a free slot, Nadia's booking.
  const series = db.select().from(walkSeries).where(eq(walkSeries.hostPersonId, anna)).get()!;
  const occasions = db.select().from(walkOccasions).where(eq(walkOccasions.seriesId, series.id)).orderBy(asc(walkOccasions.date)).all();
  const slots = db
    .select()
    .from(walkSlots)
    .where(
      inArray(
        walkSlots.occasionId,
        occasions.map((o) => o.id),
      ),
    )
    .orderBy(asc(walkSlots.startsAt))
    .all();
  const slotBegun = slots[0]!.id;
  db.update(walkSlots)
    .set({ startsAt: begunAt, endsAt: new Date(begunAt.getTime() + HOUR / 2) })
    .where(eq(walkSlots.id, slotBegun))
    .run();
  const freeSlot = slots.find((x) => x.booked === 0 && x.id !== slotBegun)!.id;
  const booking = db
    .select()
    .from(walkBookings)
    .where(
      and(
        inArray(
          walkBookings.slotId,
          slots.map((x) => x.id),
        ),
        isNull(walkBookings.cancelledAt),
      ),
    )
    .get()!.id;

  // Anna becomes head of unit: the coordinator first takes away her contact assignments and rota place.
  const assignments = db
    .select({ id: contactAssignments.id })
    .from(contactAssignments)
    .where(eq(contactAssignments.personId, anna))
    .all()
    .map((a) => a.id);
  db.delete(contactAssignmentParts).where(inArray(contactAssignmentParts.assignmentId, assignments)).run();
  db.delete(contactAssignments).where(eq(contactAssignments.personId, anna)).run();
  db.delete(dutyRotaMembers).where(eq(dutyRotaMembers.personId, anna)).run();
  db.delete(availabilityStatuses).where(eq(availabilityStatuses.personId, anna)).run();
  db.update(people).set({ role: "unit_head", title: "Enhetschef" }).where(eq(people.id, anna)).run();

  const report = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.kind, "report"), eq(meetings.hostPersonId, anna)))
    .get()!;
  const occasionDates = new Set(occasions.map((o) => o.date));
  const freeDay = ["2026-12-14", "2026-12-15", "2026-12-16", "2026-12-17", "2026-12-18"].find((d) => !occasionDates.has(d))!;
  return {
    team: hvTeam,
    vbs,
    gd,
    maria: personId("larare@vallingbyskolan.example"),
    jonas: personId("jonas.ekholm@hv.example"),
    leila: personId("leila.haddad@hv.example"),
    offer: offer.id,
    request: db.select().from(supportRequests).get()!.id,
    report: report.id,
    reportProposal: db.select().from(meetingProposals).where(eq(meetingProposals.meetingId, report.id)).get()!.id,
    memberGroupNext: memberGroup[0]!.id,
    ownGroupBegun: ownGroup[0]!.id,
    ownGroupNext: ownGroup[1]!.id,
    ownGroupMembers: [anna, personId("rektor@vallingbyskolan.example"), personId("jonas.ekholm@hv.example")],
    forum: db.select().from(meetings).where(eq(meetings.kind, "forum")).orderBy(asc(meetings.startsAt)).get()!.id,
    forumCase: db.select().from(consultations).get()!.id,
    series: series.id,
    occasion: occasions[1]!.id,
    slotBegun,
    freeSlot,
    booking,
    freeDay,
  };
}

describe("the head of unit writes nothing", () => {
  useFreshDatabase();

  it("has cases for every route action but those of one's own account", async () => {
    const actions: string[] = [];
    for (const [path, load] of Object.entries(modules)) if (((await load()) as RouteModule).action) actions.push(path.split("/").pop()!);
    expect(actions.filter((file) => !OWN_ACCOUNT.includes(file)).sort()).toEqual(Object.keys(CASES).sort());
  });

  it("every action, posted as a head of unit with a form that would be saved for someone allowed, answers 403 and changes nothing", async () => {
    const world = await buildWorld();
    const cookies = new Map<string, string>();
    for (const email of HEADS) cookies.set(email, await sessionCookie(email));
    expect(actorFor("socialsekreterare@hv.example").role).toBe("unit_head");

    const problems: string[] = [];
    for (const email of HEADS) {
      for (const [file, cases] of Object.entries(CASES)) {
        const { action } = (await modules[`../../app/routes/${file}`]!()) as Required<RouteModule>;
        for (const c of cases(world)) {
          const params = c.params ?? {};
          const body = new URLSearchParams();
          for (const [key, value] of Object.entries(c.form)) for (const v of [value ?? []].flat()) body.append(key, v);
          const before = tableFingerprints(db.$client);
          const request = new Request(`${BASE}${routePath(file, params)}`, { method: "POST", body, headers: { Cookie: cookies.get(email)! } });
          const response = await respond(async () => action({ request, params, context: {} }));
          const changed = changedTables(before, tableFingerprints(db.$client));
          const expected = c.expect ?? 403;
          if (response.status !== expected)
            problems.push(`${email} ${file} ${c.label}: answered ${response.status} ${response.headers.get("Location") ?? ""}, expected ${expected}`);
          if (changed.length) problems.push(`${email} ${file} ${c.label}: wrote ${changed.join("; ")}`);
        }
      }
    }
    expect(problems.join("\n")).toBe("");
  });

  it("every write function of the models refuses a head of unit, whatever route calls it", async () => {
    const w = await buildWorld();
    const parsed = <T>(result: { ok: true; data: T } | { ok: false; fieldErrors: Record<string, string> }): T => {
      if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
      return result.data;
    };
    const series = parsed(validateForm({ ...WALK_SERIES, organisationId: s(w.vbs) }, seriesFormSchema(SEED_NOW)));
    const group = parsed(
      validateForm(
        {
          kind: "collaboration",
          name: "Ny grupp",
          members: "tobias.ek@hv.example",
          firstDate: "2026-12-08",
          time: "9.00",
          minutes: "90",
          everyWeeks: "4",
          count: "3",
          place: "office",
        },
        groupSeriesSchema(SEED_NOW),
      ),
    );
    const planning = parsed(
      validateForm(
        { organisationId: s(w.gd), firstDate: "2026-12-09", time: "13.00", minutes: "90", everyWeeks: "6", count: "3", place: "school" },
        planningSeriesSchema(SEED_NOW),
      ),
    );
    const report = parsed(validateForm({ ...REPORT_MEETING, hostPersonId: s(w.jonas) }, reportMeetingSchema(SEED_NOW))).meeting;
    const family = requestSchema(SEED_NOW).parse({
      guardianName: "Fatima Testsson",
      guardianPhone: "070-174 06 98",
      consentGivenBy: "mamma",
      consentGivenOn: "2026-11-30",
    });
    const question: ConsultationInput = {
      purpose: "unsure_report",
      mode: "anonymous",
      ageBand: "6-9",
      concerns: ["home"],
      question: "Hur kan vi stötta en elev som är trött?",
      urgency: "few_days",
      answerBy: "portal",
      callbackPhone: null,
      consentGivenBy: null,
      consentGivenOn: null,
      childDetails: null,
    };
    const at = SEED_NOW;
    const nextTime = { startsAt: instantAt(w.freeDay, "10:00"), endsAt: instantAt(w.freeDay, "11:00") };
    const line = { phone: "+46850812345", afterHoursPhone: "+46850812346", eveClosesAt: "13:00", hours: [{ weekday: 1, opensAt: "08:00", closesAt: "16:00" }] };
    const eva = personId("eva.sjoberg@hv.example");
    const omar = personId("omar.lind@hv.example");

    const calls: [string, (actor: ReturnType<typeof actorFor>) => unknown][] = [
      ["markRequestHandled", (a) => markRequestHandled(a, w.request, at)],
      [
        "saveOffer",
        (a) =>
          saveOffer(a, w.offer, {
            name: "Ändrat",
            forWhom: "Familjer",
            whatItGives: "Samtal.",
            howToContact: "Ring.",
            phone: null,
            email: null,
            teamId: w.team,
            sortOrder: 1,
          }),
      ],
      ["archiveOffer", (a) => archiveOffer(a, w.offer, at)],
      ["requestContact", (a) => requestContact(a, w.offer, family)],
      ["confirmMeeting", (a) => confirmMeeting(a, w.report, w.reportProposal, at)],
      ["counterPropose", (a) => counterPropose(a, w.report, nextTime, at)],
      ["moveMeeting", (a) => moveMeeting(a, w.ownGroupNext, nextTime.startsAt, at)],
      ["cancelMeeting", (a) => cancelMeeting(a, w.ownGroupNext, at)],
      ["addAgendaPoint (own group)", (a) => addAgendaPoint(a, w.ownGroupNext, "Läget inför sommarlovet", at)],
      ["addAgendaPoint (member)", (a) => addAgendaPoint(a, w.memberGroupNext, "Läget inför sommarlovet", at)],
      ["saveMeetingNotes", (a) => saveMeetingNotes(a, w.ownGroupBegun, "Vi ses igen i januari.", at)],
      ["saveAttendance", (a) => saveAttendance(a, w.ownGroupBegun, w.ownGroupMembers, at)],
      ["createPlanningSeries", (a) => createPlanningSeries(a, planning, at)],
      ["createReportMeeting", (a) => createReportMeeting(a, report, at)],
      ["createGroupSeries", (a) => createGroupSeries(a, group, at)],
      ["createSeries", (a) => createSeries(a, series, at)],
      ["updateSeries", (a) => updateSeries(a, w.series, series, at)],
      ["addOccasion", (a) => addOccasion(a, w.series, w.freeDay, at)],
      ["cancelOccasion", (a) => cancelOccasion(a, w.occasion, at)],
      ["moveOccasion", (a) => moveOccasion(a, w.occasion, w.freeDay, at)],
      ["markSlotOutcome", (a) => markSlotOutcome(a, w.slotBegun, "held", at)],
      ["cancelBooking", (a) => cancelBooking(a, w.booking, at)],
      ["bookSlot", (a) => bookSlot(a, w.freeSlot, { topic: "general", note: null }, at)],
      ["setWalkExpected", (a) => setWalkExpected(a, termOf("2026-12-01"), true)],
      ["setOwnStatus", (a) => setOwnStatus(a, { kind: "away", through: "2026-12-04" }, at)],
      ["addRotaMember", (a) => addRotaMember(a, eva)],
      ["removeRotaMember", (a) => removeRotaMember(a, omar)],
      ["moveRotaMember", (a) => moveRotaMember(a, omar, "up")],
      ["replaceDutyDay", (a) => replaceDutyDay(a, w.freeDay, eva, "2026-12-01")],
      ["swapDutyDays", (a) => swapDutyDays(a, "2026-12-14", "2026-12-15", "2026-12-01")],
      ["removeOverride", (a) => removeOverride(a, "2026-12-14", "2026-12-01")],
      ["saveDutyLine", (a) => saveDutyLine(a, line, "2026-12-01")],
      ["createConsultation", (a) => createConsultation(a, question, at)],
      ["bookForumPlace", (a) => bookForumPlace(a, w.forum, question, at)],
      ["takeConsultation", (a) => takeConsultation(a, w.forumCase, at)],
      ["addMessage", (a) => addMessage(a, w.forumCase, "Ett svar utan namn.", at)],
      ["closeConsultation", (a) => closeConsultation(a, w.forumCase, "advice", at)],
    ];
    const problems: string[] = [];
    for (const email of HEADS) {
      const head = actorFor(email);
      for (const [name, call] of calls) {
        const before = tableFingerprints(db.$client);
        const result = call(head);
        const changed = changedTables(before, tableFingerprints(db.$client));
        if (result === true || (typeof result === "object" && result !== null && "ok" in result && result.ok))
          problems.push(`${email} ${name}: answered ${JSON.stringify(result)}`);
        if (changed.length) problems.push(`${email} ${name}: wrote ${changed.join("; ")}`);
      }
    }
    expect(problems.join("\n")).toBe("");
  });
});
