/// <reference types="vite/client" />
/**
 * Issue 9: every object id in a URL or a form, tried from the wrong organisation.
 *
 * One row per route × id field × intruder. The intruder is someone who must not reach the
 * object: a person of another organisation in the same district, or of the other district
 * (Spånga-Tensta). Where the id is a form field of a page the sender may use (the other
 * district's coordinator on /jour), the intruder sends an id of someone else's object.
 * Each row asserts, against a freshly seeded database:
 *
 * - the answer is the table's refusal: 404 (not found, or not theirs), 403 (not for this role)
 *   or 400 with the error on the named field ("400:organisationId"); never a 2xx, never a
 *   redirect, never an exception;
 * - nothing in the database changed (every table, row count and a hash of its rows);
 * - the refusal does not show the object's content (the question's text, the meeting's
 *   participants, the family's name...);
 * - and then the control: the same request from its rightful sender (or with the sender's
 *   own id) gets through, so the refusal above was about the object and not a broken form.
 *
 * The id fields are found in the route sources (form fields named …Id, values.…Id, zod keys
 * of the schemas the action imports, URL parameters, ids read from the query string): a
 * field without a row fails, and so does a row for a field that no longer exists.
 *
 * Clock: Tuesday 1 December 2026, 10.00 (tests/vitest.config.ts).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, asc, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  consultations,
  contactAssignments,
  districts,
  meetings,
  people,
  schoolParts,
  staffTeams,
  supportOffers,
  supportRequests,
  teams,
  walkBookings,
  walkOccasions,
  walkSeries,
  walkSlots,
  type SchoolStage,
} from "../../db/schema";
import { db, organisationId, personId, SEED_NOW, useFreshDatabase } from "./db";
import { QUESTION, REPORT_MEETING, offerForm, seriesForm } from "./forms";
import { BASE, respond, sessionCookie } from "./http";
import { freeDayOf, seededMeetings } from "./routes";

// ---------------------------------------------------------------------------
// Who: the rightful senders and the intruders.

const WHO = {
  // Rightful senders (Hässelby-Vällingby).
  "vbs-teacher": "larare@vallingbyskolan.example", // Maria Lund, Vällingbyskolan: asked the question, booked the walk, asked for support
  "vbs-head": "rektor@vallingbyskolan.example", // Peter Strand, Vällingbyskolan: proposed the report meeting
  anna: "socialsekreterare@hv.example", // Anna Berg: Vällingbyskolan's contact person, hosts the report meeting and the walk series
  leila: "leila.haddad@hv.example", // Gröna diamanten's contact person, hosts the planning meetings
  omar: "omar.lind@hv.example", // hosts the police collaboration group
  eva: "eva.sjoberg@hv.example", // prevention team: receives the support requests
  "gd-head": "forskolechef@gronadiamanten.example", // Lena Falk, Gröna diamanten
  "hv-coord": "samordnare@hv.example",
  "hv-head": "enhetschef@hv.example", // Birgitta Norén: approves Hässelby-Vällingby's requests for access (four eyes)
  city: "admin@stockholm.example", // the city's administrator: appoints heads of unit
  // Intruders in the same district: another organisation, or a contact person of other organisations.
  "grimsta-teacher": "larare@grimstaskolan.example", // Sofia Engström, Grimstaskolan
  "grimsta-head": "forskolechef@grimsta.example", // Ingrid Söderberg, Grimsta preschool unit
  karin: "karin.dahl@hv.example", // contact person of Grimstaskolan and the police, not of Vällingbyskolan
  petra: "petra.nystrom@hv.example", // contact person of the Grimsta preschool unit
  // Intruders from the other district (Spånga-Tensta).
  "st-coord": "samordnare@st.example",
  "st-social": "socialsekreterare@st.example", // Amira Hassan: Tenstaskolan and the police
  "st-johan": "johan.lindberg@st.example", // Spångaskolan and Förskolan Solrosen
  "st-teacher": "larare@tenstaskolan.example",
  "st-head": "forskolechef@solrosen.example",
} as const;
type Who = keyof typeof WHO;

// ---------------------------------------------------------------------------
// The table. Expected answers: 404 · 403 · 400:<field with the error> · 200:ignored (a page
// that shows nothing of the foreign id instead of refusing it). Fields that carry ids under
// other names: unit ("part:12"), target ("<organisation>:<staff team>"), present (people),
// members (people, by work email).

//  route                                  kind    field           case                            who              expect
const TABLE = `
# URL parameters
admin.personer.$personId.tsx             loader  personId        maria                           st-coord         404
admin.personer.$personId.tsx             loader  personId        maria                           grimsta-teacher  403
admin.personer.$personId.tsx             action  personId        change-maria                    st-coord         404
admin.personer.$personId.tsx             action  personId        change-maria                    grimsta-teacher  403
admin.personer.$personId.tsx             action  personId        deactivate-maria                st-coord         404
admin.personer.$personId.tsx             action  personId        reactivate-maria                st-coord         404
admin.personer.$personId.tsx             action  personId        resend-maria                    st-coord         404
admin.verksamheter.$organisationId.tsx   loader  organisationId  vbs                             st-coord         404
admin.verksamheter.$organisationId.tsx   loader  organisationId  vbs                             grimsta-teacher  403
admin.verksamheter.$organisationId.tsx   action  organisationId  rename-vbs                      st-coord         404
admin.verksamheter.$organisationId.tsx   action  organisationId  rename-vbs                      grimsta-teacher  403
admin.verksamheter.$organisationId.tsx   action  organisationId  stage-grimstaskolan             st-coord         404
admin.verksamheter.$organisationId.tsx   action  organisationId  staff-team-gd                   st-coord         404
admin.verksamheter.$organisationId.tsx   action  organisationId  close-vbs                       st-coord         404
admin.verksamheter.$organisationId.tsx   action  organisationId  reopen-vbs                      st-coord         404
konsultation.$consultationId.tsx         loader  consultationId  marias-question                 grimsta-teacher  404
konsultation.$consultationId.tsx         loader  consultationId  marias-question                 karin            404
konsultation.$consultationId.tsx         loader  consultationId  marias-question                 st-teacher       404
konsultation.$consultationId.tsx         loader  consultationId  marias-question                 st-social        404
konsultation.$consultationId.tsx         loader  consultationId  marias-question                 st-coord         404
konsultation.$consultationId.tsx         loader  consultationId  forum-case                      karin            404
konsultation.$consultationId.tsx         loader  consultationId  forum-case                      st-social        404
konsultation.$consultationId.tsx         action  consultationId  take                            grimsta-teacher  404
konsultation.$consultationId.tsx         action  consultationId  take                            karin            404
konsultation.$consultationId.tsx         action  consultationId  take                            st-social        404
konsultation.$consultationId.tsx         action  consultationId  take                            st-coord         404
konsultation.$consultationId.tsx         action  consultationId  message                         grimsta-teacher  404
konsultation.$consultationId.tsx         action  consultationId  message                         karin            404
konsultation.$consultationId.tsx         action  consultationId  message                         st-teacher       404
konsultation.$consultationId.tsx         action  consultationId  message                         st-social        404
konsultation.$consultationId.tsx         action  consultationId  close                           karin            404
konsultation.$consultationId.tsx         action  consultationId  close                           st-social        404
moten.$meetingId.tsx                     loader  meetingId       report                          grimsta-teacher  404
moten.$meetingId.tsx                     loader  meetingId       report                          karin            404
moten.$meetingId.tsx                     loader  meetingId       report                          st-teacher       404
moten.$meetingId.tsx                     loader  meetingId       report                          st-social        404
moten.$meetingId.tsx                     loader  meetingId       report                          st-coord         404
moten.$meetingId.tsx                     loader  meetingId       planning                        grimsta-head     404
moten.$meetingId.tsx                     loader  meetingId       planning                        st-head          404
moten.$meetingId.tsx                     loader  meetingId       visit                           grimsta-head     404
moten.$meetingId.tsx                     loader  meetingId       visit                           st-head          404
moten.$meetingId.tsx                     loader  meetingId       forum                           st-teacher       404
moten.$meetingId.tsx                     loader  meetingId       forum                           st-social        404
moten.$meetingId.tsx                     action  meetingId       confirm-report                  grimsta-teacher  404
moten.$meetingId.tsx                     action  meetingId       confirm-report                  karin            404
moten.$meetingId.tsx                     action  meetingId       confirm-report                  st-social        404
moten.$meetingId.tsx                     action  meetingId       propose-report                  grimsta-teacher  404
moten.$meetingId.tsx                     action  meetingId       propose-report                  st-teacher       404
moten.$meetingId.tsx                     action  meetingId       cancel-report                   grimsta-teacher  404
moten.$meetingId.tsx                     action  meetingId       cancel-report                   karin            404
moten.$meetingId.tsx                     action  meetingId       cancel-report                   st-coord         404
moten.$meetingId.tsx                     action  meetingId       move-report                     karin            404
moten.$meetingId.tsx                     action  meetingId       move-report                     st-social        404
moten.$meetingId.tsx                     action  meetingId       agenda-planning                 grimsta-head     404
moten.$meetingId.tsx                     action  meetingId       agenda-planning                 petra            404
moten.$meetingId.tsx                     action  meetingId       agenda-planning                 st-head          404
moten.$meetingId.tsx                     action  meetingId       notes-planning                  petra            404
moten.$meetingId.tsx                     action  meetingId       notes-planning                  st-johan         404
moten.$meetingId.tsx                     action  meetingId       attendance-police               grimsta-teacher  404
moten.$meetingId.tsx                     action  meetingId       attendance-police               st-social        404
moten.$meetingId_.arende.tsx             loader  meetingId       forum                           st-teacher       404
moten.$meetingId_.arende.tsx             loader  meetingId       forum                           st-coord         403
moten.$meetingId_.arende.tsx             loader  meetingId       report-as-forum                 grimsta-teacher  404
moten.$meetingId_.arende.tsx             action  meetingId       forum                           st-teacher       400:form
moten.$meetingId_.arende.tsx             action  meetingId       forum                           st-coord         403
moten.$meetingId_.arende.tsx             action  meetingId       report-as-forum                 grimsta-teacher  400:form
organisationer.$organisationId.tsx       loader  organisationId  vbs                             grimsta-teacher  404
organisationer.$organisationId.tsx       loader  organisationId  vbs                             st-teacher       404
organisationer.$organisationId.tsx       loader  organisationId  vbs                             st-social        404
organisationer.$organisationId.tsx       loader  organisationId  vbs                             st-coord         404
stod.$offerId.blad.tsx                   loader  offerId         hv-offer                        st-teacher       404
stod.$offerId.blad.tsx                   loader  offerId         hv-offer                        st-coord         404
stod.$offerId.kontakt.tsx                loader  offerId         hv-offer                        st-teacher       404
stod.$offerId.kontakt.tsx                loader  offerId         hv-offer                        st-coord         403
stod.$offerId.kontakt.tsx                action  offerId         request-for-family              st-teacher       404
stod.$offerId.kontakt.tsx                action  offerId         request-for-family              st-coord         403
stod.redigera.$offerId.tsx               loader  offerId         hv-offer                        st-coord         404
stod.redigera.$offerId.tsx               loader  offerId         hv-offer                        grimsta-teacher  403
stod.redigera.$offerId.tsx               action  offerId         edit-hv-offer                   st-coord         404
walk-and-talk.serier.$seriesId.tsx       loader  seriesId        annas-series                    karin            404
walk-and-talk.serier.$seriesId.tsx       loader  seriesId        annas-series                    st-social        404
walk-and-talk.serier.$seriesId.tsx       loader  seriesId        annas-series                    grimsta-teacher  403
walk-and-talk.serier.$seriesId.tsx       action  seriesId        update-annas-series             karin            404
walk-and-talk.serier.$seriesId.tsx       action  seriesId        update-annas-series             st-social        404
walk-and-talk.serier.$seriesId.tsx       action  seriesId        add-occasion                    karin            404
walk-and-talk.serier.$seriesId.tsx       action  seriesId        add-occasion                    st-social        404
walk-and-talk.tider.$slotId.tsx          loader  slotId          annas-slot                      grimsta-teacher  404
walk-and-talk.tider.$slotId.tsx          loader  slotId          annas-slot                      st-teacher       404
walk-and-talk.tider.$slotId.tsx          loader  slotId          annas-slot                      st-coord         403
walk-and-talk.tider.$slotId.tsx          action  slotId          book-annas-slot                 grimsta-teacher  404
walk-and-talk.tider.$slotId.tsx          action  slotId          book-annas-slot                 st-teacher       404
# Ids in the query string
kontaktpersoner.tsx                      loader  verksamhet      vbs                             st-coord         200:ignored
# Form fields
_index.tsx                               action  id              approve-st-request              hv-head          400:form
_index.tsx                               action  id              approve-st-request              st-coord         403
_index.tsx                               action  id              refuse-st-assignment            hv-head          400:form
_index.tsx                               action  teamId          approve-with-st-team            hv-head          400:form
admin.personer.$personId.tsx             action  organisationId  move-tove-to-vbs                st-coord         400:organisationId
admin.personer.$personId.tsx             action  unit            tove-into-vbs-part              st-coord         400:unit
admin.personer.$personId.tsx             action  unit            maria-into-grimsta-part         hv-coord         400:unit
admin.personer._index.tsx                action  organisationId  invite-into-vbs                 st-coord         400:organisationId
admin.personer._index.tsx                action  organisationId  invite-into-vbs                 grimsta-teacher  403
admin.personer._index.tsx                action  unit            invite-into-vbs-part            st-coord         400:unit
admin.personer._index.tsx                action  unit            invite-to-grimsta-in-vbs-part   hv-coord         400:unit
admin.verksamheter._index.tsx            action  parentId        under-grimsta-unit              st-coord         400:parentId
admin.verksamheter._index.tsx            action  parentId        under-grimsta-unit              grimsta-teacher  403
jour.tsx                                 action  personId        add-eva                         st-coord         400:personId
jour.tsx                                 action  personId        add-eva                         grimsta-teacher  403
jour.tsx                                 action  personId        remove-anna                     st-coord         400:personId
jour.tsx                                 action  personId        move-up-omar                    st-coord         400:personId
jour.tsx                                 action  personId        move-down-anna                  st-coord         400:personId
jour.tsx                                 action  personId        give-st-day-to-anna             st-coord         400:personId
kontaktpersoner.tsx                      action  organisationId  amira-to-vbs                    st-coord         400:organisationId
kontaktpersoner.tsx                      action  organisationId  amira-to-vbs                    grimsta-teacher  403
kontaktpersoner.tsx                      action  personId        anna-to-spanga                  st-coord         400:personId
kontaktpersoner.tsx                      action  schoolPartIds   spanga-with-vbs-part            st-coord         400:schoolPartIds
kontaktpersoner.tsx                      action  schoolPartIds   grimsta-with-vbs-part           hv-coord         400:schoolPartIds
kontaktpersoner.tsx                      action  assignmentId    remove-anna-from-vbs            st-coord         400:form
moten.$meetingId.tsx                     action  proposalId      confirm-with-visit-proposal     anna             400:proposalId
moten.$meetingId.tsx                     action  present         non-member-present              omar             400:present
moten.$meetingId.tsx                     action  present         other-district-present          omar             400:present
moten.arbetslag.tsx                      action  target          smaragden                       grimsta-head     400:target
moten.arbetslag.tsx                      action  target          smaragden                       st-head          400:target
moten.arbetslag.tsx                      action  hostPersonId    ekorren-with-leila              grimsta-head     400:hostPersonId
moten.arbetslag.tsx                      action  hostPersonId    solrosen-with-leila             st-head          400:hostPersonId
moten.grupp.tsx                          action  members         with-tensta-teacher             anna             400:members
moten.grupp.tsx                          action  members         with-vbs-teacher                st-social        400:members
moten.ny.tsx                             action  hostPersonId    with-anna                       grimsta-teacher  400:hostPersonId
moten.ny.tsx                             action  hostPersonId    with-anna                       st-teacher       400:hostPersonId
moten.planering.tsx                      action  organisationId  gd                              petra            400:organisationId
moten.planering.tsx                      action  organisationId  gd                              st-johan         400:organisationId
stod._index.tsx                          action  id              handled-marias-request          anna             404
stod._index.tsx                          action  id              handled-marias-request          st-social        404
stod._index.tsx                          action  id              handled-marias-request          st-coord         403
stod._index.tsx                          action  id              archive-hv-offer                st-coord         404
stod._index.tsx                          action  id              archive-hv-offer                grimsta-teacher  403
stod.redigera.$offerId.tsx               action  teamId          new-with-prevention-team        st-coord         400:teamId
stod.redigera.$offerId.tsx               action  teamId          hv-offer-with-st-team           hv-coord         400:teamId
stad.tsx                                 action  districtId      unit-head-for-hv                hv-coord         403
walk-and-talk._index.tsx                 action  bookingId       cancel-marias-booking           grimsta-teacher  400:form
walk-and-talk._index.tsx                 action  bookingId       cancel-marias-booking           st-teacher       400:form
walk-and-talk._index.tsx                 action  bookingId       cancel-marias-booking           vbs-head         400:form
walk-and-talk._index.tsx                 action  occasionId      cancel-annas-occasion           karin            400:form
walk-and-talk._index.tsx                 action  occasionId      cancel-annas-occasion           st-social        400:form
walk-and-talk._index.tsx                 action  occasionId      cancel-annas-occasion           grimsta-teacher  403
walk-and-talk._index.tsx                 action  occasionId      move-annas-occasion             karin            400:form
walk-and-talk._index.tsx                 action  occasionId      move-annas-occasion             st-social        400:form
walk-and-talk._index.tsx                 action  slotId          mark-annas-slot                 karin            400:form
walk-and-talk._index.tsx                 action  slotId          mark-annas-slot                 st-social        400:form
walk-and-talk.ny.tsx                     action  organisationId  for-vbs                         karin            400:organisationId
walk-and-talk.ny.tsx                     action  organisationId  for-vbs                         st-social        400:organisationId
walk-and-talk.ny.tsx                     action  schoolPartId    vbs-with-grimsta-part           anna             400:schoolPartId
walk-and-talk.ny.tsx                     action  schoolPartId    tensta-with-vbs-part            st-social        400:schoolPartId
walk-and-talk.ny.tsx                     action  staffTeamId     gd-with-kotten                  leila            400:staffTeamId
walk-and-talk.ny.tsx                     action  staffTeamId     solrosen-with-smaragden         st-johan         400:staffTeamId
walk-and-talk.serier.$seriesId.tsx       action  organisationId  to-grimstaskolan                anna             400:organisationId
walk-and-talk.serier.$seriesId.tsx       action  schoolPartId    with-grimsta-part               anna             400:schoolPartId
walk-and-talk.serier.$seriesId.tsx       action  schoolPartId    with-tensta-part                anna             400:schoolPartId
walk-and-talk.serier.$seriesId.tsx       action  staffTeamId     with-smaragden                  anna             400:staffTeamId
`;

/** Ids under other names than …Id, which the source scan cannot recognise: each must still be a field of the route. */
const IDS_UNDER_OTHER_NAMES = new Set([
  "admin.personer._index.tsx action unit",
  "admin.personer.$personId.tsx action unit",
  "moten.arbetslag.tsx action target",
  "moten.$meetingId.tsx action present",
  "moten.grupp.tsx action members",
]);
/**
 * URL parameters that are not object ids: secret tokens and the configured identity provider's
 * name, tested with their own flows (auth.test.ts, admin.test.ts, duty.test.ts, sso.test.ts).
 */
const NOT_OBJECT_IDS = new Set(["token", "provider"]);

type Kind = "loader" | "action";
type Row = { route: string; kind: Kind; field: string; case: string; who: Who; expect: string; line: string };
const ROWS: Row[] = TABLE.trim()
  .split("\n")
  .filter((line) => line.trim() && !line.startsWith("#"))
  .map((line) => {
    const [route, kind, field, name, who, expected] = line.trim().split(/\s+/) as [string, Kind, string, string, Who, string];
    return { route, kind, field, case: name, who, expect: expected, line: line.trim().replace(/\s+/g, " ") };
  });

// ---------------------------------------------------------------------------
// The world: the seed plus what the rightful users do first (a question, a booking, a
// request for support), and a walk and a group meeting that already took place.

type World = Awaited<ReturnType<typeof buildWorld>>;
type Fields = Record<string, string | string[]>;

const QUESTION_TEXT = "borta mycket och verkar trött";
const BOOKING_NOTE = "Hur börjar jag samtalet?";
const FAMILY = {
  guardianName: "Fatima Testsson",
  guardianPhone: "070-174 06 98",
  language: "arabiska",
  interpreterNeeded: "yes",
  consentGivenBy: "mamma",
  consentGivenOn: "2026-11-30",
};
const FORUM_CASE = {
  purpose: "unsure_report",
  mode: "anonymous",
  ageBand: "10-12",
  concerns: ["behaviour", "home"],
  question: "En elev är ofta arg och ledsen efter helger. Hur kan vi stötta?",
};

const modules = import.meta.glob("../../app/routes/*.{ts,tsx}");
type RouteModule = { loader?: (args: unknown) => unknown; action?: (args: unknown) => unknown };

/** Runs a route's loader or action the way Remix does; an exception is answered as a 500. */
async function call(route: string, kind: Kind, request: Request, params: Record<string, string>): Promise<Response> {
  const module = (await modules[`../../app/routes/${route}`]!()) as RouteModule;
  const fn = module[kind];
  if (!fn) throw new Error(`${route} has no ${kind}`);
  try {
    return await respond(async () => fn({ request, params, context: {} }));
  } catch (error) {
    return new Response(`threw: ${error instanceof Error ? error.stack : String(error)}`, { status: 500 });
  }
}

/** The URL of a flat-routes file name, with its parameters filled in (only for the Request; the route reads `params`). */
function urlOf(route: string, params: Record<string, string>, query = ""): string {
  const path = route
    .replace(/\.(tsx|ts)$/, "")
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => s.replace(/_$/, ""))
    .map((s) => (s.startsWith("$") ? (params[s.slice(1)] ?? s) : s))
    .join("/");
  return `${BASE}/${path}${query ? `?${query}` : ""}`;
}

function requestOf(route: string, kind: Kind, params: Record<string, string>, cookie: string, form: Fields | undefined, query?: string): Request {
  const url = urlOf(route, params, query);
  if (kind === "loader") return new Request(url, { headers: { Cookie: cookie } });
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form ?? {})) for (const v of [value].flat()) body.append(key, v);
  return new Request(url, { method: "POST", body, headers: { Cookie: cookie } });
}

let cookies = new Map<Who, string>();
async function cookieOf(who: Who): Promise<string> {
  if (!cookies.has(who)) cookies.set(who, await sessionCookie(WHO[who]));
  return cookies.get(who)!;
}

async function mustRedirect(what: string, response: Response): Promise<string> {
  if (response.status !== 302) throw new Error(`Setting up the world: ${what} answered ${response.status}: ${await response.text()}`);
  return response.headers.get("Location") ?? "";
}

async function buildWorld() {
  const districtId = (slug: string) => db.select().from(districts).where(eq(districts.slug, slug)).get()!.id;
  const hv = districtId("hasselby-vallingby");
  const st = districtId("spanga-tensta");
  const part = (organisation: number, stage: SchoolStage) =>
    db
      .select()
      .from(schoolParts)
      .where(and(eq(schoolParts.organisationId, organisation), eq(schoolParts.stage, stage)))
      .get()!.id;
  const staffTeam = (organisation: number, name: string) =>
    db
      .select()
      .from(staffTeams)
      .where(and(eq(staffTeams.organisationId, organisation), eq(staffTeams.name, name)))
      .get()!.id;
  const team = (district: number, name: string) =>
    db
      .select()
      .from(teams)
      .where(and(eq(teams.districtId, district), eq(teams.name, name)))
      .get()!.id;

  const vbs = organisationId("Vällingbyskolan");
  const grimstaskolan = organisationId("Grimstaskolan");
  const gd = organisationId("Gröna diamanten");
  const grimstaUnit = organisationId("Grimsta förskoleenhet");
  const ekorren = organisationId("Förskolan Ekorren");
  const tensta = organisationId("Tenstaskolan");
  const spanga = organisationId("Spångaskolan");
  const solrosen = organisationId("Förskolan Solrosen");
  const ids = Object.fromEntries(Object.entries(WHO).map(([who, email]) => [who, personId(email)])) as Record<Who, number>;

  // Anna's walk series at Vällingbyskolan: Nadia has booked a slot on the first occasion; Maria books the second.
  const series = db.select().from(walkSeries).where(eq(walkSeries.hostPersonId, ids.anna)).get()!;
  const occasions = db.select().from(walkOccasions).where(eq(walkOccasions.seriesId, series.id)).orderBy(asc(walkOccasions.date)).all();
  const slotsOf = (occasion: number) => db.select().from(walkSlots).where(eq(walkSlots.occasionId, occasion)).orderBy(asc(walkSlots.startsAt)).all();
  const slot = slotsOf(occasions[0]!.id).find((s) => s.booked === 0)!.id;
  const marias = await cookieOf("vbs-teacher");
  const bookable = slotsOf(occasions[1]!.id)[0]!.id;
  await mustRedirect(
    "Maria's booking",
    await call(
      "walk-and-talk.tider.$slotId.tsx",
      "action",
      requestOf("walk-and-talk.tider.$slotId.tsx", "action", { slotId: String(bookable) }, marias, { topic: "guardians", note: BOOKING_NOTE }),
      { slotId: String(bookable) },
    ),
  );
  const booking = db
    .select()
    .from(walkBookings)
    .where(and(eq(walkBookings.personId, ids["vbs-teacher"]), isNull(walkBookings.cancelledAt)))
    .get()!.id;
  // A walk that took place last Wednesday, for marking whether it was held.
  const pastOccasion = db
    .insert(walkOccasions)
    .values({ seriesId: series.id, date: "2026-11-25", deadline: new Date("2026-11-24T11:00:00Z") })
    .returning()
    .get();
  const pastSlot = db
    .insert(walkSlots)
    .values({ occasionId: pastOccasion.id, startsAt: new Date("2026-11-25T13:30:00Z"), endsAt: new Date("2026-11-25T14:00:00Z"), capacity: 1 })
    .returning()
    .get().id;
  const occasionDates = db
    .select({ date: walkOccasions.date })
    .from(walkOccasions)
    .where(eq(walkOccasions.seriesId, series.id))
    .all()
    .map((o) => o.date);
  const moveOccasionTo = freeDayOf(WHO.anna, occasions[0]!.date, occasionDates);
  const addOccasionOn = freeDayOf(WHO.anna, moveOccasionTo, occasionDates);

  // Maria's question to Vällingbyskolan's contact persons.
  const asked = await mustRedirect(
    "Maria's question",
    await call("konsultation.ny.tsx", "action", requestOf("konsultation.ny.tsx", "action", {}, marias, QUESTION), {}),
  );
  const consultation = Number(/\/konsultation\/(\d+)/.exec(asked)![1]);

  // Maria asks the prevention team to contact a family.
  const offer = db.select().from(supportOffers).where(eq(supportOffers.name, "Föräldrarådgivare")).get()!.id;
  await mustRedirect(
    "Maria's request for support",
    await call("stod.$offerId.kontakt.tsx", "action", requestOf("stod.$offerId.kontakt.tsx", "action", { offerId: String(offer) }, marias, FAMILY), {
      offerId: String(offer),
    }),
  );
  const request = db.select().from(supportRequests).get()!.id;

  // Meetings: the report meeting Vällingbyskolan proposed to Anna, the staff-team visit Gröna
  // diamanten asked Leila for, the first planning meeting with Gröna diamanten, the first forum,
  // and a police collaboration meeting that took place last week.
  const { report, reportProposal, visit, visitProposal, planning, forum, policeGroup } = seededMeetings();
  const forumCase = db.select().from(consultations).where(eq(consultations.forumMeetingId, forum)).get()!.id;
  const pastPolice = db
    .insert(meetings)
    .values({
      districtId: hv,
      groupId: policeGroup,
      kind: "collaboration",
      state: "confirmed",
      hostPersonId: ids.omar,
      proposedBy: ids.omar,
      place: "office",
      guardiansTold: false,
      startsAt: new Date("2026-11-26T09:00:00Z"),
      endsAt: new Date("2026-11-26T10:30:00Z"),
      createdAt: SEED_NOW,
    })
    .returning()
    .get().id;
  const proposeOn = freeDayOf(WHO.anna, "2026-12-10");
  const moveTo = freeDayOf(WHO.anna, proposeOn);

  const assignment = db
    .select()
    .from(contactAssignments)
    .where(and(eq(contactAssignments.personId, ids.anna), eq(contactAssignments.organisationId, vbs)))
    .get()!.id;

  return {
    ids,
    vbs,
    grimstaskolan,
    gd,
    grimstaUnit,
    ekorren,
    tensta,
    spanga,
    solrosen,
    maria: ids["vbs-teacher"],
    tove: ids["st-teacher"],
    amira: ids["st-social"],
    jonas: personId("jonas.ekholm@hv.example"),
    vbsPart: part(vbs, "lagstadiet"),
    grimstaPart: part(grimstaskolan, "mellanstadiet"),
    tenstaPart: part(tensta, "mellanstadiet"),
    spangaPart: part(spanga, "lagstadiet"),
    smaragden: staffTeam(gd, "Smaragden"),
    kotten: staffTeam(ekorren, "Kotten"),
    solen: staffTeam(solrosen, "Solen"),
    preventionTeam: team(hv, "Förebyggande enheten"),
    stTeam: team(st, "Barn och unga"),
    series: series.id,
    seriesLastDate: series.lastDate,
    occasion: occasions[0]!.id,
    slot,
    pastSlot,
    booking,
    moveOccasionTo,
    addOccasionOn,
    consultation,
    offer,
    request,
    report,
    reportProposal,
    visit,
    visitProposal,
    planning,
    forum,
    forumCase,
    pastPolice,
    proposeOn,
    moveTo,
    assignment,
  };
}

// ---------------------------------------------------------------------------
// The requests: what each case sends, and the control that gets through.

type Case = {
  /** The route's URL parameters. */
  params?: (w: World) => Record<string, string>;
  /** A loader's query string. */
  query?: (w: World) => string;
  /** An action's form. */
  form?: (w: World) => Fields;
  /** Done by the rightful users first, to bring the object into the state the request needs. */
  setup?: (w: World) => Promise<void>;
  /** What of the object a refusal must not show. */
  leaks?: (w: World) => string[];
  /** A page that ignores a foreign id: the sign that it did. */
  ignored?: (body: any, w: World) => boolean;
  /** The request from its rightful sender (or with the sender's own id); form and params default to the case's. */
  control: {
    who: Who;
    params?: (w: World) => Record<string, string>;
    form?: (w: World) => Fields;
    query?: (w: World) => string;
    expect: string;
    shows?: (body: any, w: World) => boolean;
  };
};

const s = String;
const as = async (who: Who, route: string, params: Record<string, string>, form: Fields) => {
  const response = await call(route, "action", requestOf(route, "action", params, await cookieOf(who), form), params);
  await mustRedirect(`${who} on ${route}`, response);
};

const maria = (w: World) => ({ personId: s(w.maria) });
const personForm = (w: World, name: string, organisation: number, unit = "", title = "Lärare") => ({
  intent: "change",
  name,
  title,
  role: "partner_staff",
  organisationId: s(organisation),
  unit,
});
const invite = (organisation: number, unit = "", email = "ny.person@skolan.example") => ({
  name: "Ny Person",
  title: "Lärare",
  role: "partner_staff",
  email,
  organisationId: s(organisation),
  unit,
});
const seriesUpdate = (w: World, extra: Fields = {}) => ({
  intent: "update-series",
  ...seriesForm(w.vbs),
  meetingPoint: "Vid klätterställningen",
  weekday: "3",
  firstDate: "2026-12-02",
  lastDate: w.seriesLastDate,
  ...extra,
});
const reportPlan = (host: number) => ({ ...REPORT_MEETING, hostPersonId: s(host) });
const visitRequest = (target: string, host: number) => ({
  target,
  hostPersonId: s(host),
  theme: "Vad socialtjänsten gör",
  date1: "2026-12-15",
  time1: "15.00",
});
const planningSeries = (organisation: number) => ({
  organisationId: s(organisation),
  firstDate: "2026-12-09",
  time: "13.00",
  minutes: "90",
  everyWeeks: "6",
  count: "3",
  place: "school",
});
const group = (members: string) => ({
  kind: "collaboration",
  name: "Samverkan kring fritiden",
  members,
  firstDate: "2026-12-10",
  time: "10.00",
  minutes: "60",
  place: "office",
});
const assignmentForm = (organisation: number, person: number, parts: number[] = []) => ({
  organisationId: s(organisation),
  personId: s(person),
  scopeLabel: "Hela skolan",
  schoolPartIds: parts.map(s),
});

const REPORT_LEAKS = () => ["Rektor och mentor", "arabiska"];
const MARIA_LEAKS = () => ["Maria Lund", "larare@vallingbyskolan.example"];

// Four eyes: what waits for a head of unit, in both districts.
const NEW_SOCIAL_WORKER = { name: "Nils Ny", title: "Socialsekreterare", role: "social_worker", organisationId: "" };
const pendingPeople = async () => {
  await as("st-coord", "admin.personer._index.tsx", {}, { ...NEW_SOCIAL_WORKER, email: "nils.ny@st.example" });
  await as("hv-coord", "admin.personer._index.tsx", {}, { ...NEW_SOCIAL_WORKER, email: "nils.ny@hv.example" });
};
const pendingPerson = (email: string, teamId?: number) => {
  const p = db.select().from(people).where(eq(people.email, email)).get()!;
  return { kind: "person", id: s(p.id), role: p.role, teamId: s(teamId ?? p.teamId) };
};
const assignmentOf = (person: number, organisation: number) =>
  s(
    db
      .select()
      .from(contactAssignments)
      .where(and(eq(contactAssignments.personId, person), eq(contactAssignments.organisationId, organisation)))
      .get()!.id,
  );

const CASES: Record<string, Case> = {
  // The start page: the head of unit approves or refuses what their own district's coordinator asked for.
  "_index.tsx action id approve-st-request": {
    setup: pendingPeople,
    form: () => ({ intent: "approve", ...pendingPerson("nils.ny@st.example") }),
    leaks: () => ["Nils Ny", "nils.ny@st.example"],
    control: { who: "hv-head", form: () => ({ intent: "approve", ...pendingPerson("nils.ny@hv.example") }), expect: "302" },
  },
  "_index.tsx action id refuse-st-assignment": {
    setup: async (w) => {
      await as("st-coord", "kontaktpersoner.tsx", {}, assignmentForm(w.tensta, w.ids["st-johan"]));
      await as("hv-coord", "kontaktpersoner.tsx", {}, assignmentForm(w.vbs, w.ids.karin));
    },
    form: (w) => ({ intent: "refuse", kind: "assignment", id: assignmentOf(w.ids["st-johan"], w.tensta) }),
    leaks: () => ["Johan Lindberg", "Tenstaskolan"],
    control: { who: "hv-head", form: (w) => ({ intent: "refuse", kind: "assignment", id: assignmentOf(w.ids.karin, w.vbs) }), expect: "302" },
  },
  "_index.tsx action teamId approve-with-st-team": {
    setup: pendingPeople,
    form: (w) => ({ intent: "approve", ...pendingPerson("nils.ny@hv.example", w.stTeam) }),
    control: { who: "hv-head", form: () => ({ intent: "approve", ...pendingPerson("nils.ny@hv.example") }), expect: "302" },
  },
  // stad: the city's administrator appoints a head of unit; a district's coordinator cannot.
  "stad.tsx action districtId unit-head-for-hv": {
    form: () => ({
      intent: "unit-head",
      districtId: s(db.select().from(districts).where(eq(districts.slug, "hasselby-vallingby")).get()!.id),
      name: "Ny Chef",
      email: "ny.chef@hv.example",
    }),
    control: { who: "city", expect: "302" },
  },
  // admin.personer.$personId: Maria Lund of Vällingbyskolan, run by Hässelby-Vällingby's coordinator.
  "admin.personer.$personId.tsx loader personId maria": { params: maria, leaks: MARIA_LEAKS, control: { who: "hv-coord", expect: "200" } },
  "admin.personer.$personId.tsx action personId change-maria": {
    params: maria,
    form: (w) => personForm(w, "Maria Lund", w.vbs, `part:${w.vbsPart}`),
    leaks: () => ["larare@vallingbyskolan.example"],
    control: { who: "hv-coord", expect: "302" },
  },
  "admin.personer.$personId.tsx action personId deactivate-maria": {
    params: maria,
    form: () => ({ intent: "deactivate" }),
    leaks: MARIA_LEAKS,
    control: { who: "hv-coord", expect: "302" },
  },
  "admin.personer.$personId.tsx action personId reactivate-maria": {
    params: maria,
    setup: (w) => as("hv-coord", "admin.personer.$personId.tsx", maria(w), { intent: "deactivate" }),
    form: () => ({ intent: "reactivate" }),
    leaks: MARIA_LEAKS,
    control: { who: "hv-coord", expect: "302" },
  },
  "admin.personer.$personId.tsx action personId resend-maria": {
    params: maria,
    // A new invitation is only for an account that never chose a password.
    setup: async (w) => void db.update(people).set({ passwordHash: null }).where(eq(people.id, w.maria)).run(),
    form: () => ({ intent: "resend" }),
    leaks: MARIA_LEAKS,
    control: { who: "hv-coord", expect: "302" },
  },
  // admin.personer: the other district's coordinator moves or invites a person into Vällingbyskolan.
  "admin.personer.$personId.tsx action organisationId move-tove-to-vbs": {
    params: (w) => ({ personId: s(w.tove) }),
    form: (w) => personForm(w, "Tove Lindgren", w.vbs),
    leaks: () => ["Vällingbyskolan"],
    control: { who: "st-coord", form: (w) => personForm(w, "Tove Lindgren", w.tensta), expect: "302" },
  },
  "admin.personer.$personId.tsx action unit tove-into-vbs-part": {
    params: (w) => ({ personId: s(w.tove) }),
    form: (w) => personForm(w, "Tove Lindgren", w.tensta, `part:${w.vbsPart}`),
    leaks: () => ["Vällingbyskolan"],
    control: { who: "st-coord", form: (w) => personForm(w, "Tove Lindgren", w.tensta, `part:${w.tenstaPart}`), expect: "302" },
  },
  "admin.personer.$personId.tsx action unit maria-into-grimsta-part": {
    params: maria,
    form: (w) => personForm(w, "Maria Lund", w.vbs, `part:${w.grimstaPart}`),
    control: { who: "hv-coord", form: (w) => personForm(w, "Maria Lund", w.vbs, `part:${w.vbsPart}`), expect: "302" },
  },
  "admin.personer._index.tsx action organisationId invite-into-vbs": {
    form: (w) => invite(w.vbs),
    leaks: () => ["Vällingbyskolan"],
    control: { who: "hv-coord", expect: "302" },
  },
  "admin.personer._index.tsx action unit invite-into-vbs-part": {
    form: (w) => invite(w.tensta, `part:${w.vbsPart}`),
    leaks: () => ["Vällingbyskolan"],
    control: { who: "st-coord", form: (w) => invite(w.tensta, `part:${w.tenstaPart}`), expect: "302" },
  },
  "admin.personer._index.tsx action unit invite-to-grimsta-in-vbs-part": {
    form: (w) => invite(w.grimstaskolan, `part:${w.vbsPart}`),
    control: { who: "hv-coord", form: (w) => invite(w.grimstaskolan, `part:${w.grimstaPart}`), expect: "302" },
  },
  // admin.verksamheter: Hässelby-Vällingby's organisations.
  "admin.verksamheter.$organisationId.tsx loader organisationId vbs": {
    params: (w) => ({ organisationId: s(w.vbs) }),
    leaks: () => ["Vällingbyskolan"],
    control: { who: "hv-coord", expect: "200" },
  },
  "admin.verksamheter.$organisationId.tsx action organisationId rename-vbs": {
    params: (w) => ({ organisationId: s(w.vbs) }),
    form: () => ({ intent: "rename", name: "Nya skolan" }),
    leaks: () => ["Vällingbyskolan"],
    control: { who: "hv-coord", expect: "302" },
  },
  "admin.verksamheter.$organisationId.tsx action organisationId stage-grimstaskolan": {
    params: (w) => ({ organisationId: s(w.grimstaskolan) }),
    form: () => ({ intent: "stage", stage: "grundsarskolan" }),
    leaks: () => ["Grimstaskolan"],
    control: { who: "hv-coord", expect: "302" },
  },
  "admin.verksamheter.$organisationId.tsx action organisationId staff-team-gd": {
    params: (w) => ({ organisationId: s(w.gd) }),
    form: () => ({ intent: "staffTeam", name: "Opalen" }),
    leaks: () => ["Gröna diamanten", "Smaragden"],
    control: { who: "hv-coord", expect: "302" },
  },
  "admin.verksamheter.$organisationId.tsx action organisationId close-vbs": {
    params: (w) => ({ organisationId: s(w.vbs) }),
    form: () => ({ intent: "close" }),
    leaks: () => ["Vällingbyskolan"],
    control: { who: "hv-coord", expect: "302" },
  },
  "admin.verksamheter.$organisationId.tsx action organisationId reopen-vbs": {
    params: (w) => ({ organisationId: s(w.vbs) }),
    setup: (w) => as("hv-coord", "admin.verksamheter.$organisationId.tsx", { organisationId: s(w.vbs) }, { intent: "close" }),
    form: () => ({ intent: "reopen" }),
    leaks: () => ["Vällingbyskolan"],
    control: { who: "hv-coord", expect: "302" },
  },
  "admin.verksamheter._index.tsx action parentId under-grimsta-unit": {
    form: (w) => ({ name: "Förskolan Nyponet", kind: "preschool", parentId: s(w.grimstaUnit) }),
    leaks: () => ["Grimsta förskoleenhet"],
    control: { who: "hv-coord", expect: "302" },
  },
  // jour: the other district's coordinator names Hässelby-Vällingby's social workers in the own rota.
  "jour.tsx action personId add-eva": {
    form: (w) => ({ intent: "add-member", personId: s(w.ids.eva) }),
    leaks: () => ["Eva Sjöberg"],
    control: { who: "hv-coord", expect: "302" },
  },
  "jour.tsx action personId remove-anna": {
    form: (w) => ({ intent: "remove-member", personId: s(w.ids.anna) }),
    leaks: () => ["Anna Berg"],
    control: { who: "hv-coord", expect: "302" },
  },
  "jour.tsx action personId move-up-omar": {
    form: (w) => ({ intent: "move-up", personId: s(w.ids.omar) }),
    leaks: () => ["Omar Lind"],
    control: { who: "hv-coord", expect: "302" },
  },
  "jour.tsx action personId move-down-anna": {
    form: (w) => ({ intent: "move-down", personId: s(w.ids.anna) }),
    leaks: () => ["Anna Berg"],
    control: { who: "hv-coord", expect: "302" },
  },
  "jour.tsx action personId give-st-day-to-anna": {
    form: (w) => ({ intent: "replace-day", date: "2026-12-02", personId: s(w.ids.anna) }),
    leaks: () => ["Anna Berg"],
    control: { who: "st-coord", form: (w) => ({ intent: "replace-day", date: "2026-12-02", personId: s(w.amira) }), expect: "302" },
  },
  // kontaktpersoner: contact assignments.
  "kontaktpersoner.tsx loader verksamhet vbs": {
    query: (w) => `verksamhet=${w.vbs}`,
    leaks: () => ["Vällingbyskolan", "Anna Berg"],
    ignored: (body) => body.chosen === null,
    control: { who: "hv-coord", expect: "200", shows: (body, w) => body.chosen?.id === w.vbs },
  },
  "kontaktpersoner.tsx action organisationId amira-to-vbs": {
    form: (w) => assignmentForm(w.vbs, w.amira),
    leaks: () => ["Vällingbyskolan", "Anna Berg"],
    control: { who: "st-coord", form: (w) => assignmentForm(w.spanga, w.amira), expect: "302" },
  },
  "kontaktpersoner.tsx action personId anna-to-spanga": {
    form: (w) => assignmentForm(w.spanga, w.ids.anna),
    leaks: () => ["Anna Berg"],
    control: { who: "st-coord", form: (w) => assignmentForm(w.spanga, w.amira), expect: "302" },
  },
  "kontaktpersoner.tsx action schoolPartIds spanga-with-vbs-part": {
    form: (w) => assignmentForm(w.spanga, w.amira, [w.vbsPart]),
    leaks: () => ["Vällingbyskolan"],
    control: { who: "st-coord", form: (w) => assignmentForm(w.spanga, w.amira, [w.spangaPart]), expect: "302" },
  },
  "kontaktpersoner.tsx action schoolPartIds grimsta-with-vbs-part": {
    form: (w) => assignmentForm(w.grimstaskolan, w.jonas, [w.vbsPart]),
    control: { who: "hv-coord", form: (w) => assignmentForm(w.grimstaskolan, w.jonas, [w.grimstaPart]), expect: "302" },
  },
  "kontaktpersoner.tsx action assignmentId remove-anna-from-vbs": {
    form: (w) => ({ intent: "remove", assignmentId: s(w.assignment) }),
    leaks: () => ["Anna Berg", "Vällingbyskolan", "Lågstadiet, mellanstadiet"],
    control: { who: "hv-coord", expect: "302" },
  },
  // konsultation: Maria's anonymous question, for Vällingbyskolan's contact persons.
  "konsultation.$consultationId.tsx loader consultationId marias-question": {
    params: (w) => ({ consultationId: s(w.consultation) }),
    leaks: () => [QUESTION_TEXT, "Vällingbyskolan"],
    control: { who: "anna", expect: "200", shows: (body) => JSON.stringify(body).includes(QUESTION_TEXT) },
  },
  "konsultation.$consultationId.tsx loader consultationId forum-case": {
    params: (w) => ({ consultationId: s(w.forumCase) }),
    leaks: () => ["utan frukost"],
    // The seed's case on the forum: read by the forum's members, not by Vällingbyskolan's other contact persons.
    control: { who: "leila", expect: "200", shows: (body) => JSON.stringify(body).includes("utan frukost") },
  },
  "konsultation.$consultationId.tsx action consultationId take": {
    params: (w) => ({ consultationId: s(w.consultation) }),
    form: () => ({ intent: "take" }),
    leaks: () => [QUESTION_TEXT],
    control: { who: "anna", expect: "302" },
  },
  "konsultation.$consultationId.tsx action consultationId message": {
    params: (w) => ({ consultationId: s(w.consultation) }),
    form: () => ({ intent: "message", body: "Har ni pratat med elevhälsan?" }),
    leaks: () => [QUESTION_TEXT],
    control: { who: "vbs-teacher", expect: "302" },
  },
  "konsultation.$consultationId.tsx action consultationId close": {
    params: (w) => ({ consultationId: s(w.consultation) }),
    setup: (w) => as("anna", "konsultation.$consultationId.tsx", { consultationId: s(w.consultation) }, { intent: "take" }),
    form: () => ({ intent: "close", outcome: "advice" }),
    leaks: () => [QUESTION_TEXT],
    control: { who: "anna", expect: "302" },
  },
  // moten: the report meeting, the planning meeting with Gröna diamanten, the police group's last meeting.
  "moten.$meetingId.tsx loader meetingId report": {
    params: (w) => ({ meetingId: s(w.report) }),
    leaks: REPORT_LEAKS,
    control: { who: "anna", expect: "200", shows: (body) => body.meeting.participants === "Rektor och mentor" },
  },
  "moten.$meetingId.tsx loader meetingId planning": {
    params: (w) => ({ meetingId: s(w.planning) }),
    leaks: () => ["Hur vi tar emot nya familjer i januari"],
    control: { who: "gd-head", expect: "200" },
  },
  "moten.$meetingId.tsx loader meetingId visit": {
    params: (w) => ({ meetingId: s(w.visit) }),
    leaks: () => ["Safiren"],
    control: { who: "gd-head", expect: "200", shows: (body) => body.meeting.theme === "Att förbereda svåra samtal med vårdnadshavare" },
  },
  "moten.$meetingId.tsx loader meetingId forum": {
    params: (w) => ({ meetingId: s(w.forum) }),
    leaks: () => ["Konsultationsforum Hässelby-Vällingby", "Anna Berg"],
    // Every partner of the district sees the forum's times, to bring a case.
    control: { who: "grimsta-teacher", expect: "200" },
  },
  "moten.$meetingId.tsx action meetingId confirm-report": {
    params: (w) => ({ meetingId: s(w.report) }),
    form: (w) => ({ intent: "confirm", proposalId: s(w.reportProposal) }),
    leaks: REPORT_LEAKS,
    control: { who: "anna", expect: "302" },
  },
  "moten.$meetingId.tsx action meetingId propose-report": {
    params: (w) => ({ meetingId: s(w.report) }),
    form: (w) => ({ intent: "propose", date: w.proposeOn, time: "10.00" }),
    leaks: REPORT_LEAKS,
    control: { who: "vbs-head", expect: "302" },
  },
  "moten.$meetingId.tsx action meetingId cancel-report": {
    params: (w) => ({ meetingId: s(w.report) }),
    form: () => ({ intent: "cancel" }),
    leaks: REPORT_LEAKS,
    control: { who: "vbs-head", expect: "302" },
  },
  "moten.$meetingId.tsx action meetingId move-report": {
    params: (w) => ({ meetingId: s(w.report) }),
    setup: (w) => as("anna", "moten.$meetingId.tsx", { meetingId: s(w.report) }, { intent: "confirm", proposalId: s(w.reportProposal) }),
    form: (w) => ({ intent: "move", date: w.moveTo, time: "13.00" }),
    leaks: REPORT_LEAKS,
    control: { who: "anna", expect: "302" },
  },
  "moten.$meetingId.tsx action meetingId agenda-planning": {
    params: (w) => ({ meetingId: s(w.planning) }),
    form: () => ({ intent: "agenda", text: "Hur vi samarbetar kring inskolningen" }),
    leaks: () => ["Hur vi tar emot nya familjer i januari"],
    control: { who: "gd-head", expect: "302" },
  },
  "moten.$meetingId.tsx action meetingId notes-planning": {
    params: (w) => ({ meetingId: s(w.planning) }),
    form: () => ({ intent: "notes", notes: "Vi bokar ett besök på förskolan i januari." }),
    leaks: () => ["Hur vi tar emot nya familjer i januari"],
    // The meeting has not begun: the host is told to wait, which shows the id itself got through.
    control: { who: "leila", expect: "400:notes" },
  },
  "moten.$meetingId.tsx action meetingId attendance-police": {
    params: (w) => ({ meetingId: s(w.pastPolice) }),
    form: (w) => ({ intent: "attendance", present: [s(w.ids.karin)] }),
    leaks: () => ["Samverkan polis och socialtjänst", "Karin Dahl"],
    control: { who: "omar", expect: "302" },
  },
  "moten.$meetingId.tsx action proposalId confirm-with-visit-proposal": {
    params: (w) => ({ meetingId: s(w.report) }),
    form: (w) => ({ intent: "confirm", proposalId: s(w.visitProposal) }),
    leaks: () => ["Gröna diamanten", "Safiren"],
    control: { who: "anna", form: (w) => ({ intent: "confirm", proposalId: s(w.reportProposal) }), expect: "302" },
  },
  "moten.$meetingId.tsx action present non-member-present": {
    params: (w) => ({ meetingId: s(w.pastPolice) }),
    form: (w) => ({ intent: "attendance", present: [s(w.ids.karin), s(w.maria)] }),
    control: { who: "omar", form: (w) => ({ intent: "attendance", present: [s(w.ids.karin)] }), expect: "302" },
  },
  "moten.$meetingId.tsx action present other-district-present": {
    params: (w) => ({ meetingId: s(w.pastPolice) }),
    form: (w) => ({ intent: "attendance", present: [s(w.amira)] }),
    leaks: () => ["Amira Hassan"],
    control: { who: "omar", form: (w) => ({ intent: "attendance", present: [s(w.ids.karin)] }), expect: "302" },
  },
  // moten/:id/arende: the district's consultation forum (open to every partner of the district).
  "moten.$meetingId_.arende.tsx loader meetingId forum": { params: (w) => ({ meetingId: s(w.forum) }), control: { who: "vbs-teacher", expect: "200" } },
  "moten.$meetingId_.arende.tsx loader meetingId report-as-forum": {
    params: (w) => ({ meetingId: s(w.report) }),
    leaks: REPORT_LEAKS,
    // A report meeting is never a forum: the rightful forum answers, the report meeting never does.
    control: { who: "grimsta-teacher", params: (w) => ({ meetingId: s(w.forum) }), expect: "200" },
  },
  "moten.$meetingId_.arende.tsx action meetingId forum": {
    params: (w) => ({ meetingId: s(w.forum) }),
    form: () => FORUM_CASE,
    leaks: () => ["Konsultationsforum", "utan frukost"],
    control: { who: "vbs-teacher", expect: "302" },
  },
  "moten.$meetingId_.arende.tsx action meetingId report-as-forum": {
    params: (w) => ({ meetingId: s(w.report) }),
    form: () => FORUM_CASE,
    leaks: REPORT_LEAKS,
    control: { who: "grimsta-teacher", params: (w) => ({ meetingId: s(w.forum) }), expect: "302" },
  },
  // Meetings planned from a form: hosts, staff teams and preschools of someone else.
  "moten.arbetslag.tsx action target smaragden": {
    form: (w) => visitRequest(`${w.gd}:${w.smaragden}`, w.ids.leila),
    control: { who: "gd-head", expect: "302" },
  },
  "moten.arbetslag.tsx action hostPersonId ekorren-with-leila": {
    form: (w) => visitRequest(`${w.ekorren}:`, w.ids.leila),
    control: { who: "grimsta-head", form: (w) => visitRequest(`${w.ekorren}:`, w.ids.petra), expect: "302" },
  },
  "moten.arbetslag.tsx action hostPersonId solrosen-with-leila": {
    form: (w) => visitRequest(`${w.solrosen}:`, w.ids.leila),
    leaks: () => ["Leila Haddad"],
    control: { who: "st-head", form: (w) => visitRequest(`${w.solrosen}:`, w.ids["st-johan"]), expect: "302" },
  },
  "moten.ny.tsx action hostPersonId with-anna": {
    form: (w) => reportPlan(w.ids.anna),
    leaks: () => ["Anna Berg"],
    control: { who: "vbs-teacher", expect: "302" },
  },
  "moten.planering.tsx action organisationId gd": {
    form: (w) => planningSeries(w.gd),
    leaks: () => ["Gröna diamanten"],
    control: { who: "leila", expect: "302" },
  },
  "moten.grupp.tsx action members with-tensta-teacher": {
    form: () => group("larare@tenstaskolan.example"),
    leaks: () => ["Tove Lindgren", "Tenstaskolan"],
    control: { who: "anna", form: () => group("larare@vallingbyskolan.example"), expect: "302" },
  },
  "moten.grupp.tsx action members with-vbs-teacher": {
    form: () => group("larare@vallingbyskolan.example"),
    leaks: () => ["Maria Lund", "Vällingbyskolan"],
    control: { who: "st-social", form: () => group("larare@tenstaskolan.example"), expect: "302" },
  },
  // organisationer/:id: Vällingbyskolan's page with its contact persons.
  "organisationer.$organisationId.tsx loader organisationId vbs": {
    params: (w) => ({ organisationId: s(w.vbs) }),
    leaks: () => ["Anna Berg", "Vällingbyskolan"],
    control: { who: "vbs-teacher", expect: "200" },
  },
  // stod: Hässelby-Vällingby's catalogue, Maria's request to the prevention team.
  "stod.$offerId.blad.tsx loader offerId hv-offer": {
    params: (w) => ({ offerId: s(w.offer) }),
    leaks: () => ["Enskilda samtal om föräldraskap"],
    control: { who: "grimsta-teacher", expect: "200" },
  },
  "stod.$offerId.kontakt.tsx loader offerId hv-offer": {
    params: (w) => ({ offerId: s(w.offer) }),
    leaks: () => ["Föräldrarådgivare", "Förebyggande enheten"],
    control: { who: "vbs-teacher", expect: "200" },
  },
  "stod.$offerId.kontakt.tsx action offerId request-for-family": {
    params: (w) => ({ offerId: s(w.offer) }),
    form: () => ({ ...FAMILY, guardianName: "Leyla Testsson" }),
    leaks: () => ["Föräldrarådgivare", "Fatima Testsson"],
    control: { who: "vbs-teacher", expect: "302" },
  },
  "stod.redigera.$offerId.tsx loader offerId hv-offer": {
    params: (w) => ({ offerId: s(w.offer) }),
    leaks: () => ["Enskilda samtal om föräldraskap"],
    control: { who: "hv-coord", expect: "200" },
  },
  "stod.redigera.$offerId.tsx action offerId edit-hv-offer": {
    params: (w) => ({ offerId: s(w.offer) }),
    form: (w) => offerForm(w.stTeam),
    leaks: () => ["Enskilda samtal om föräldraskap"],
    control: { who: "hv-coord", form: (w) => offerForm(w.preventionTeam), expect: "302" },
  },
  "stod.redigera.$offerId.tsx action teamId new-with-prevention-team": {
    params: () => ({ offerId: "nytt" }),
    form: (w) => offerForm(w.preventionTeam),
    leaks: () => ["Förebyggande enheten"],
    control: { who: "st-coord", form: (w) => offerForm(w.stTeam), expect: "302" },
  },
  "stod.redigera.$offerId.tsx action teamId hv-offer-with-st-team": {
    params: (w) => ({ offerId: s(w.offer) }),
    form: (w) => offerForm(w.stTeam),
    control: { who: "hv-coord", form: (w) => offerForm(w.preventionTeam), expect: "302" },
  },
  "stod._index.tsx action id handled-marias-request": {
    form: (w) => ({ intent: "handled", id: s(w.request) }),
    leaks: () => ["Fatima Testsson", "070-174 06 98", "+46701740698"],
    control: { who: "eva", expect: "302" },
  },
  "stod._index.tsx action id archive-hv-offer": {
    form: (w) => ({ intent: "archive", id: s(w.offer) }),
    leaks: () => ["Föräldrarådgivare"],
    control: { who: "hv-coord", expect: "302" },
  },
  // walk-and-talk: Anna's series, occasions and slots at Vällingbyskolan, and Maria's booking.
  "walk-and-talk._index.tsx action bookingId cancel-marias-booking": {
    form: (w) => ({ intent: "cancel-booking", bookingId: s(w.booking) }),
    leaks: () => [BOOKING_NOTE, "Utanför huvudentrén"],
    control: { who: "vbs-teacher", expect: "302" },
  },
  "walk-and-talk._index.tsx action occasionId cancel-annas-occasion": {
    form: (w) => ({ intent: "cancel-occasion", occasionId: s(w.occasion) }),
    leaks: () => ["Nadia Karimi", "Utanför huvudentrén"],
    control: { who: "anna", expect: "302" },
  },
  "walk-and-talk._index.tsx action occasionId move-annas-occasion": {
    form: (w) => ({ intent: "move-occasion", occasionId: s(w.occasion), date: w.moveOccasionTo }),
    leaks: () => ["Nadia Karimi", "Utanför huvudentrén"],
    control: { who: "anna", expect: "302" },
  },
  "walk-and-talk._index.tsx action slotId mark-annas-slot": {
    form: (w) => ({ intent: "mark-outcome", slotId: s(w.pastSlot), outcome: "held" }),
    leaks: () => ["Utanför huvudentrén"],
    control: { who: "anna", expect: "302" },
  },
  "walk-and-talk.ny.tsx action organisationId for-vbs": {
    form: (w) => seriesForm(w.vbs),
    leaks: () => ["Vällingbyskolan"],
    control: { who: "anna", expect: "302" },
  },
  "walk-and-talk.ny.tsx action schoolPartId vbs-with-grimsta-part": {
    form: (w) => seriesForm(w.vbs, { schoolPartId: s(w.grimstaPart) }),
    control: { who: "anna", form: (w) => seriesForm(w.vbs, { schoolPartId: s(w.vbsPart) }), expect: "302" },
  },
  "walk-and-talk.ny.tsx action schoolPartId tensta-with-vbs-part": {
    form: (w) => seriesForm(w.tensta, { schoolPartId: s(w.vbsPart) }),
    control: { who: "st-social", form: (w) => seriesForm(w.tensta, { schoolPartId: s(w.tenstaPart) }), expect: "302" },
  },
  "walk-and-talk.ny.tsx action staffTeamId gd-with-kotten": {
    form: (w) => seriesForm(w.gd, { staffTeamId: s(w.kotten) }),
    control: { who: "leila", form: (w) => seriesForm(w.gd, { staffTeamId: s(w.smaragden) }), expect: "302" },
  },
  "walk-and-talk.ny.tsx action staffTeamId solrosen-with-smaragden": {
    form: (w) => seriesForm(w.solrosen, { staffTeamId: s(w.smaragden) }),
    control: { who: "st-johan", form: (w) => seriesForm(w.solrosen, { staffTeamId: s(w.solen) }), expect: "302" },
  },
  "walk-and-talk.serier.$seriesId.tsx loader seriesId annas-series": {
    params: (w) => ({ seriesId: s(w.series) }),
    leaks: () => ["Utanför huvudentrén"],
    control: { who: "anna", expect: "200" },
  },
  "walk-and-talk.serier.$seriesId.tsx action seriesId update-annas-series": {
    params: (w) => ({ seriesId: s(w.series) }),
    form: (w) => seriesUpdate(w),
    leaks: () => ["Utanför huvudentrén"],
    control: { who: "anna", expect: "302" },
  },
  "walk-and-talk.serier.$seriesId.tsx action seriesId add-occasion": {
    params: (w) => ({ seriesId: s(w.series) }),
    form: (w) => ({ intent: "add-occasion", date: w.addOccasionOn }),
    leaks: () => ["Utanför huvudentrén"],
    control: { who: "anna", expect: "302" },
  },
  "walk-and-talk.serier.$seriesId.tsx action organisationId to-grimstaskolan": {
    params: (w) => ({ seriesId: s(w.series) }),
    form: (w) => seriesUpdate(w, { organisationId: s(w.grimstaskolan) }),
    control: { who: "anna", form: (w) => seriesUpdate(w), expect: "302" },
  },
  "walk-and-talk.serier.$seriesId.tsx action schoolPartId with-grimsta-part": {
    params: (w) => ({ seriesId: s(w.series) }),
    form: (w) => seriesUpdate(w, { schoolPartId: s(w.grimstaPart) }),
    control: { who: "anna", form: (w) => seriesUpdate(w, { schoolPartId: s(w.vbsPart) }), expect: "302" },
  },
  "walk-and-talk.serier.$seriesId.tsx action schoolPartId with-tensta-part": {
    params: (w) => ({ seriesId: s(w.series) }),
    form: (w) => seriesUpdate(w, { schoolPartId: s(w.tenstaPart) }),
    control: { who: "anna", form: (w) => seriesUpdate(w, { schoolPartId: s(w.vbsPart) }), expect: "302" },
  },
  "walk-and-talk.serier.$seriesId.tsx action staffTeamId with-smaragden": {
    params: (w) => ({ seriesId: s(w.series) }),
    form: (w) => seriesUpdate(w, { staffTeamId: s(w.smaragden) }),
    // Vällingbyskolan has no staff teams: the control keeps the field empty.
    control: { who: "anna", form: (w) => seriesUpdate(w), expect: "302" },
  },
  "walk-and-talk.tider.$slotId.tsx loader slotId annas-slot": {
    params: (w) => ({ slotId: s(w.slot) }),
    leaks: () => ["Utanför huvudentrén", "Anna Berg"],
    control: { who: "vbs-teacher", expect: "200" },
  },
  "walk-and-talk.tider.$slotId.tsx action slotId book-annas-slot": {
    params: (w) => ({ slotId: s(w.slot) }),
    form: () => ({ topic: "general" }),
    leaks: () => ["Utanför huvudentrén", "Anna Berg"],
    control: { who: "vbs-teacher", expect: "302" },
  },
};

// ---------------------------------------------------------------------------
// The database, table by table: row count and a hash of the rows.

function snapshot(): Map<string, { rows: number; hash: string }> {
  const client = db.$client;
  const tables = client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  const result = new Map<string, { rows: number; hash: string }>();
  for (const { name } of tables) {
    const rows = (client.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
    result.set(name, { rows: rows.length, hash: createHash("sha256").update(rows.join("\n")).digest("hex") });
  }
  return result;
}

function changedTables(before: ReturnType<typeof snapshot>, after: ReturnType<typeof snapshot>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names]
    .filter((n) => before.get(n)?.hash !== after.get(n)?.hash)
    .map((n) => `${n} (${before.get(n)?.rows ?? 0} → ${after.get(n)?.rows ?? 0} rows)`);
}

/** What an answer is, in the table's terms: the status, the field with the error, or where a redirect goes. */
async function answerOf(response: Response): Promise<{ summary: string; text: string; json: any }> {
  const text = await response.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: a plain "Not found" or "Forbidden".
  }
  const errors = json && typeof json === "object" && json.fieldErrors ? Object.keys(json.fieldErrors).filter((k) => json.fieldErrors[k]) : [];
  const location = response.headers.get("Location");
  const summary = location ? `${response.status} → ${location}` : errors.length ? `${response.status}:${errors.join(",")}` : String(response.status);
  return { summary, text, json };
}

function matches(expected: string, response: Response, json: any): boolean {
  const [status, field] = expected.split(":") as [string, string | undefined];
  if (String(response.status) !== status) return false;
  if (status === "302") return !(response.headers.get("Location") ?? "").startsWith("/logga-in");
  if (field && status === "400") return Boolean(json?.fieldErrors?.[field]);
  return true;
}

// ---------------------------------------------------------------------------

describe("every object id, tried from the wrong organisation", () => {
  useFreshDatabase();
  let world: World;
  beforeEach(async () => {
    cookies = new Map();
    world = await buildWorld();
  });

  it.each(ROWS.map((row) => [row.line, row] as const))("%s", async (_line, row) => {
    const key = `${row.route} ${row.kind} ${row.field} ${row.case}`;
    const c = CASES[key];
    if (!c) throw new Error(`No request for "${key}" in CASES`);
    const w = world;
    await c.setup?.(w);
    const params = c.params?.(w) ?? {};
    const form = row.kind === "action" ? (c.form?.(w) ?? {}) : undefined;
    const cookie = await cookieOf(row.who);

    const before = snapshot();
    const response = await call(row.route, row.kind, requestOf(row.route, row.kind, params, cookie, form, c.query?.(w)), params);
    const after = snapshot();
    const { summary, text, json } = await answerOf(response);

    const problems: string[] = [];
    if (row.expect === "200:ignored") {
      if (response.status !== 200 || !c.ignored?.(json, w)) problems.push(`expected the page to ignore the foreign id (200), got ${summary}`);
    } else if (!matches(row.expect, response, json)) {
      problems.push(`expected ${row.expect}, got ${summary}`);
    }
    if (response.status >= 500) problems.push(`a ${response.status}: ${text.slice(0, 300)}`);
    if (/\n\s+at .+:\d+:\d+/.test(text)) problems.push("a stack trace in the answer");
    const changed = changedTables(before, after);
    if (changed.length) problems.push(`the database changed: ${changed.join(", ")}`);
    for (const secret of c.leaks?.(w) ?? []) if (text.includes(secret)) problems.push(`the answer shows "${secret}"`);
    expect(problems, `${row.line}`).toEqual([]);

    // The control: the rightful request gets through, so the refusal above was about the object.
    const control = c.control;
    const controlParams = control.params?.(w) ?? params;
    const controlForm = row.kind === "action" ? (control.form?.(w) ?? form) : undefined;
    const controlResponse = await call(
      row.route,
      row.kind,
      requestOf(row.route, row.kind, controlParams, await cookieOf(control.who), controlForm, (control.query ?? c.query)?.(w)),
      controlParams,
    );
    const controlAnswer = await answerOf(controlResponse);
    expect(
      matches(control.expect, controlResponse, controlAnswer.json),
      `control by ${control.who}: expected ${control.expect}, got ${controlAnswer.summary} ${controlAnswer.text.slice(0, 300)}`,
    ).toBe(true);
    if (control.shows) expect(control.shows(controlAnswer.json, w), `control by ${control.who} does not show the object`).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// The table against the sources: every id in a URL, a query string or an action's form has a row.

const APP = fileURLToPath(new URL("../../app/", import.meta.url));
const read = (file: string) => fs.readFileSync(path.join(APP, file), "utf8");

/** The app file a relative import points at, or null (packages, or outside app/). */
function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`]) {
    const full = path.join(APP, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return candidate;
  }
  return null;
}

const IMPORTS = /import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+"([^"]+)"|import\s+\w+\s+from\s+"([^"]+)"/g;
function importsOf(file: string): { names: string[]; file: string }[] {
  return [...read(file).matchAll(IMPORTS)]
    .map((m) => ({
      names: (m[1] ?? "")
        .split(",")
        .map(
          (n) =>
            n
              .trim()
              .replace(/^type\s+/, "")
              .split(/\s+as\s+/)[0]!,
        )
        .filter(Boolean),
      file: resolve(file, m[2] ?? m[3]!),
    }))
    .filter((i): i is { names: string[]; file: string } => i.file !== null);
}

const ID = String.raw`\w*Ids?`;
/** Id fields in a form's markup or in the action's code. */
const FIELD_PATTERNS = [
  new RegExp(String.raw`name="(${ID}|id)"`, "g"),
  new RegExp(String.raw`\bvalues\.(${ID}|id)\b`, "g"),
  new RegExp(String.raw`getAll\("(${ID})"\)`, "g"),
];
/** Id keys of zod schemas: `organisationId: z.string()…`, `personId: id(…)`, `schoolPartId: optionalId`, `const personId = z…`. */
const SCHEMA_PATTERNS = [new RegExp(String.raw`\b(${ID})\s*:\s*(?:z\s*\.|id\(|optionalId\b)`, "g")];
/** A zod const used as a field under its own name (`z.object({ personId })`), not a helper used as a value (`organisationId: optionalId`). */
const SHORTHAND_CONST = new RegExp(String.raw`\bconst\s+(${ID})\s*=\s*z\b`, "g");
const collect = (text: string, patterns: RegExp[], into: Set<string>) => {
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) into.add(m[1]!);
};
const collectShorthand = (text: string, into: Set<string>) => {
  for (const m of text.matchAll(SHORTHAND_CONST)) if (new RegExp(String.raw`(?<!:\s*)\b${m[1]}\s*[,}]`).test(text)) into.add(m[1]!);
};

/** A top-level definition's text, with the top-level definitions it uses (so `withHome(z.object(personFields))` reaches `personFields`); re-exports are followed. */
function definitionOf(file: string, name: string, depth = 0): string {
  const source = read(file);
  if (!new RegExp(String.raw`^(?:export\s+)?(?:const|function|let)\s+${name}\b`, "m").test(source)) {
    if (depth > 5) return "";
    for (const m of source.matchAll(/^export\s+(?:\{([^}]*)\}|\*)\s+from\s+"([^"]+)"/gm)) {
      const names = m[1]?.split(",").map((n) => n.trim().split(/\s+as\s+/)) ?? null;
      const entry = names?.find((n) => (n[1] ?? n[0]) === name);
      const target = resolve(file, m[2]!);
      if (target && (names === null || entry)) {
        const text = definitionOf(target, entry?.[0] ?? name, depth + 1);
        if (text) return text;
      }
    }
    return "";
  }
  const starts = [...source.matchAll(/^(?:export\s+)?(?:const|function|let)\s+(\w+)/gm)].map((m) => ({ name: m[1]!, at: m.index! }));
  const boundaries = [...source.matchAll(/^(?:export\s|const\s|function\s|let\s|type\s|\/\*\*|\/\/)/gm)].map((m) => m.index!);
  const slice = (at: number) => source.slice(at, boundaries.find((b) => b > at) ?? source.length);
  const wanted = [name];
  const seen = new Set<string>();
  let text = "";
  while (wanted.length) {
    const next = wanted.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const start = starts.find((s) => s.name === next);
    if (!start) continue;
    const body = slice(start.at);
    text += `${body}\n`;
    for (const other of starts) if (!seen.has(other.name) && new RegExp(String.raw`\b${other.name}\b`).test(body)) wanted.push(other.name);
  }
  return text;
}

/** The id fields an action reads: in the route, in the components that render its forms, in the schemas it validates with. */
function formIdFields(route: string): Set<string> {
  const file = `routes/${route}`;
  const found = new Set<string>();
  const source = read(file);
  collect(source, FIELD_PATTERNS, found);
  collect(source, SCHEMA_PATTERNS, found);
  collectShorthand(source, found);
  const components = new Set<string>();
  const queue = importsOf(file)
    .map((i) => i.file)
    .filter((f) => f.startsWith("components/"));
  while (queue.length) {
    const component = queue.pop()!;
    if (components.has(component)) continue;
    components.add(component);
    collect(read(component), FIELD_PATTERNS, found);
    queue.push(
      ...importsOf(component)
        .map((i) => i.file)
        .filter((f) => f.startsWith("components/")),
    );
  }
  for (const { names, file: module } of importsOf(file)) {
    for (const name of names.filter((n) => n.endsWith("Schema"))) {
      const definition = definitionOf(module, name);
      collect(definition, SCHEMA_PATTERNS, found);
      collectShorthand(definition, found);
    }
  }
  return found;
}

/** The text of a route and the components it renders, to check that a field named otherwise is still there. */
function markupOf(route: string): string {
  const file = `routes/${route}`;
  const texts = [read(file)];
  const seen = new Set<string>();
  const queue = importsOf(file)
    .map((i) => i.file)
    .filter((f) => f.startsWith("components/"));
  while (queue.length) {
    const component = queue.pop()!;
    if (seen.has(component)) continue;
    seen.add(component);
    texts.push(read(component));
    queue.push(
      ...importsOf(component)
        .map((i) => i.file)
        .filter((f) => f.startsWith("components/")),
    );
  }
  return texts.join("\n");
}

describe("the table of ids", () => {
  it("has a row for every id in a URL parameter, a query string or an action's form, and no row for an id that is not there", async () => {
    const needed = new Set<string>();
    for (const [modulePath, load] of Object.entries(modules)) {
      const route = modulePath.split("/").pop()!;
      const module = (await load()) as RouteModule;
      const kinds = (["loader", "action"] as const).filter((k) => module[k]);
      const params = [...route.matchAll(/\$(\w+)/g)].map((m) => m[1]!.replace(/_$/, "")).filter((p) => !NOT_OBJECT_IDS.has(p));
      for (const kind of kinds) for (const param of params) needed.add(`${route} ${kind} ${param}`);
      const source = read(`routes/${route}`);
      for (const m of source.matchAll(/parseId\(\s*new URL\(request\.url\)\.searchParams\.get\("(\w+)"\)/g)) needed.add(`${route} loader ${m[1]}`);
      if (module.action) for (const field of formIdFields(route)) needed.add(`${route} action ${field}`);
    }
    const covered = new Set(ROWS.map((r) => `${r.route} ${r.kind} ${r.field}`));
    expect([...needed].filter((n) => !covered.has(n)).sort(), "ids without a row").toEqual([]);
    expect([...covered].filter((c) => !needed.has(c) && !IDS_UNDER_OTHER_NAMES.has(c)).sort(), "rows for ids that are not there").toEqual([]);
    for (const extra of IDS_UNDER_OTHER_NAMES) {
      const [route, , field] = extra.split(" ") as [string, string, string];
      expect(markupOf(route), `${route} no longer has a field "${field}"`).toMatch(new RegExp(String.raw`name="${field}"|\.${field}\b`));
    }
  });

  it("has a request for every case the table names, and every request is used", () => {
    const named = new Set(ROWS.map((r) => `${r.route} ${r.kind} ${r.field} ${r.case}`));
    expect([...named].filter((k) => !CASES[k]).sort(), "rows without a request").toEqual([]);
    expect(
      Object.keys(CASES)
        .filter((k) => !named.has(k))
        .sort(),
      "requests without a row",
    ).toEqual([]);
    for (const row of ROWS) expect(WHO[row.who], `unknown sender in: ${row.line}`).toBeDefined();
  });
});
