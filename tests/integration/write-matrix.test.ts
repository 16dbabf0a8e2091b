/// <reference types="vite/client" />
/**
 * Who may write what, inside one district and beyond: every route action × every intent it
 * accepts × objects of one's own team or organisation, another team of the district and the
 * city, posted by every role with a form that would be saved for someone allowed.
 *
 * A cell says W (written: 2xx or a redirect, and the row's tables changed) or how it was
 * refused, and for every refusal the whole database is unchanged (each table's rows, hashed):
 * 403 not for this role · 404 not found, or not theirs · 400 the model refused (the person
 * may see the object but not do this to it, or the form names something not theirs) ·
 * 200 a preview · S sent to /stad (the city's administrator sees no district page). Each row
 * starts from the same database: after a write it is restored from a serialized copy.
 *
 * A route action or an intent in the route's source (`intent === "…"`, `case "…":`, a hidden
 * intent input) without a row fails the coverage check, and so does a row without a case.
 *
 * Left out, on purpose: the actions of one's own login and account (logging in and out, one's
 * own password and phone number, the links in one's own mail), which act on nobody else.
 *
 * The people (columns): Maria Lund, teacher at Vällingbyskolan · Peter Strand, its principal ·
 * Sofia Engström, teacher at Grimstaskolan (another organisation) · Anna Berg, social worker in
 * the team "Barn och unga", contact person for Vällingbyskolan · Eva Sjöberg, parent adviser in
 * the prevention team ("Förebyggande enheten"), contact person for Gröna diamanten and Grimsta,
 * host of the consultation forum · Helena Vik, coordinator · Birgitta Norén, head of unit ·
 * Nina Holmberg, the city's administrator · Kristina Ek, Spånga-Tensta's coordinator.
 *
 * Clock: Tuesday 1 December 2026, 10.00 (tests/vitest.config.ts).
 */
import Database from "better-sqlite3";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { describe, expect, it } from "vitest";
import { setDbForTesting, type DB } from "../../app/db.server";
import { saveOffer } from "../../app/models/support.server";
import * as schema from "../../db/schema";
import {
  consultations,
  contactAssignments,
  districts,
  meetingGroups,
  meetings,
  people,
  supportOffers,
  supportRequests,
  teams,
  walkBookings,
  walkOccasions,
  walkSeries,
  walkSlots,
} from "../../db/schema";
import { actorFor, db, organisationId, personId, SEED_NOW, useFreshDatabase } from "./db";
import { QUESTION, REPORT_MEETING, offerForm, seriesForm } from "./forms";
import { BASE, respond, sessionCookie } from "./http";
import { changedTables, freeDayOf, OWN_ACCOUNT, routePath, seededMeetings, tableFingerprints } from "./routes";

const ROLES = [
  "larare@vallingbyskolan.example", // partner staff (own organisation: Vällingbyskolan)
  "rektor@vallingbyskolan.example", // partner leadership
  "larare@grimstaskolan.example", // another organisation's staff
  "socialsekreterare@hv.example", // social worker, main team
  "eva.sjoberg@hv.example", // parent adviser, prevention team
  "samordnare@hv.example", // coordinator
  "enhetschef@hv.example", // head of unit
  "admin@stockholm.example", // the city's administrator
  "samordnare@st.example", // another district's coordinator
] as const;

/**
 * Intents the source does not spell as `intent === "…"`, `case "…":` or a hidden input: what
 * an action does when the form names no intent ("-").
 */
const DEFAULT_BRANCHES: Record<string, string[]> = {
  "stad.tsx": ["-"], // add a district
  "walk-and-talk.serier.$seriesId.tsx": ["-"], // add an occasion
};

// route file                               intent           object                                  staff lead other social adviser coord head city other-district
const MATRIX = `
_index.tsx                                  set-status       own-status                               403 403 403 W   W   403 403 S 403
_index.tsx                                  renew-feed       own-calendar                             403 403 403 W   W   403 403 S 403
_index.tsx                                  approve          pending-assignment                       403 403 403 403 403 403 W   S 403
_index.tsx                                  refuse           pending-assignment                       403 403 403 403 403 403 W   S 403
admin.import.tsx                            preview          vbs-teacher                              403 403 403 403 403 200 403 S 400
admin.import.tsx                            import           vbs-teacher                              403 403 403 403 403 W   403 S 400
admin.import.tsx                            import           head-of-unit                             403 403 403 403 403 400 403 S 400
admin.personer._index.tsx                   -                vbs-teacher                              403 403 403 403 403 W   403 S 400
admin.personer.$personId.tsx                change           maria                                    403 403 403 403 403 W   403 S 404
admin.personer.$personId.tsx                change           city-admin                               403 403 403 403 403 404 403 S 404
admin.personer.$personId.tsx                change           st-teacher                               403 403 403 403 403 404 403 S W
admin.personer.$personId.tsx                deactivate       maria                                    403 403 403 403 403 W   403 S 404
admin.personer.$personId.tsx                change           head-of-unit                             403 403 403 403 403 400 403 S 404
admin.personer.$personId.tsx                deactivate       head-of-unit                             403 403 403 403 403 400 403 S 404
admin.personer.$personId.tsx                deactivate       city-admin                               403 403 403 403 403 404 403 S 404
admin.personer.$personId.tsx                reactivate       deactivated-lars                         403 403 403 403 403 W   403 S 404
admin.personer.$personId.tsx                resend           invited-person                           403 403 403 403 403 W   403 S 404
admin.personer.$personId.tsx                resend           city-admin                               403 403 403 403 403 404 403 S 404
admin.verksamheter._index.tsx               -                new-school                               403 403 403 403 403 W   403 S W
admin.verksamheter.$organisationId.tsx      rename           vbs                                      403 403 403 403 403 W   403 S 404
admin.verksamheter.$organisationId.tsx      rename           tenstaskolan                             403 403 403 403 403 404 403 S W
admin.verksamheter.$organisationId.tsx      stage            grimstaskolan                            403 403 403 403 403 W   403 S 404
admin.verksamheter.$organisationId.tsx      staffTeam        gd                                       403 403 403 403 403 W   403 S 404
admin.verksamheter.$organisationId.tsx      close            vbs                                      403 403 403 403 403 W   403 S 404
admin.verksamheter.$organisationId.tsx      reopen           closed-school                            403 403 403 403 403 W   403 S 404
jour.tsx                                    add-member       rota+tobias                              403 403 403 403 403 W   403 S 400
jour.tsx                                    add-member       rota+head-of-unit                        403 403 403 403 403 400 403 S 400
jour.tsx                                    add-member       rota+coordinator                         403 403 403 403 403 400 403 S 400
jour.tsx                                    remove-member    rota-omar                                403 403 403 403 403 W   403 S 400
jour.tsx                                    move-up          rota-omar                                403 403 403 403 403 W   403 S 400
jour.tsx                                    move-down        rota-omar                                403 403 403 403 403 W   403 S 400
jour.tsx                                    replace-day      day-to-omar                              403 403 403 403 403 W   403 S 400
jour.tsx                                    swap-days        two-days                                 403 403 403 403 403 W   403 S W
jour.tsx                                    remove-override  override                                 403 403 403 403 403 W   403 S 400
jour.tsx                                    save-line        duty-line                                403 403 403 403 403 W   403 S W
konsultation.$consultationId.tsx            take             marias-question                          400 404 404 W   404 404 403 S 404
konsultation.$consultationId.tsx            take             forum-case                               400 404 404 W   W   404 403 S 404
konsultation.$consultationId.tsx            message          question-taken-by-anna                   W   404 404 W   404 404 403 S 404
konsultation.$consultationId.tsx            message          forum-case-taken-by-eva                  W   404 404 400 W   404 403 S 404
konsultation.$consultationId.tsx            close            question-taken-by-anna                   400 404 404 W   404 404 403 S 404
konsultation.$consultationId.tsx            close            forum-case-taken-by-eva                  400 404 404 400 W   404 403 S 404
konsultation.ny.tsx                         -                own-organisation                         W   W   W   403 403 403 403 S 403
kontaktpersoner.tsx                         add              sara-to-gd                               403 403 403 403 403 W   403 S 400
kontaktpersoner.tsx                         add              coordinator-to-vbs                       403 403 403 403 403 400 403 S 400
kontaktpersoner.tsx                         remove           anna-at-vbs                              403 403 403 403 403 W   403 S 400
moten.$meetingId.tsx                        confirm          report-anna                              404 400 404 W   404 404 403 S 404
moten.$meetingId.tsx                        confirm          visit-leila                              404 404 404 404 400 404 403 S 404
moten.$meetingId.tsx                        propose          report-anna                              404 W   404 W   404 404 403 S 404
moten.$meetingId.tsx                        propose          visit-leila                              404 404 404 404 400 404 403 S 404
moten.$meetingId.tsx                        cancel           report-anna                              404 W   404 W   404 404 403 S 404
moten.$meetingId.tsx                        cancel           visit-leila                              404 404 404 404 400 404 403 S 404
moten.$meetingId.tsx                        cancel           police-next                              404 404 404 404 404 400 403 S 404
moten.$meetingId.tsx                        cancel           group-6-16-next                          404 400 404 404 404 400 403 S 404
moten.$meetingId.tsx                        move             police-next                              404 404 404 404 404 400 403 S 404
moten.$meetingId.tsx                        move             group-6-16-next                          404 400 404 404 404 400 403 S 404
moten.$meetingId.tsx                        move             forum-next                               400 400 400 400 W   400 403 S 404
moten.$meetingId.tsx                        attendance       police-past                              404 404 404 404 404 400 403 S 404
moten.$meetingId.tsx                        agenda           police-next                              404 404 404 404 404 400 403 S 404
moten.$meetingId.tsx                        agenda           group-6-16-next                          404 W   404 404 404 400 403 S 404
moten.$meetingId.tsx                        agenda           planning-gd-next                         404 404 404 404 400 404 403 S 404
moten.$meetingId.tsx                        agenda           forum-next                               400 400 400 400 400 400 403 S 404
moten.$meetingId.tsx                        notes            police-past                              404 404 404 404 404 400 403 S 404
moten.$meetingId.tsx                        notes            forum-past                               400 400 400 400 400 400 403 S 404
moten.$meetingId_.arende.tsx                -                forum-next                               W   W   W   403 403 403 403 S 403
moten.arbetslag.tsx                         -                gd-staff-team                            403 403 403 403 403 403 403 S 403
moten.grupp.tsx                             -                new-group                                403 403 403 W   W   W   403 S W
moten.ny.tsx                                -                report-to-jonas                          W   W   400 403 403 403 403 S 403
moten.ny.tsx                                -                report-to-eva                            400 400 400 403 403 403 403 S 403
moten.planering.tsx                         -                planning-gd                              403 403 403 403 W   403 403 S 403
moten.planering.tsx                         -                planning-grimstaskolan                   403 403 403 403 400 403 403 S 403
stad.tsx                                    -                new-district                             403 403 403 403 403 403 403 W   403
stad.tsx                                    unit-head        st-district                              403 403 403 403 403 403 403 W   403
stod._index.tsx                             handled          request-main-team                        403 403 403 W   404 403 403 S 403
stod._index.tsx                             handled          request-prevention                       403 403 403 404 W   403 403 S 403
stod._index.tsx                             archive          prevention-offer                         403 403 403 403 403 W   403 S 404
stod.$offerId.kontakt.tsx                   -                prevention-offer                         W   W   W   403 403 403 403 S 403
stod.$offerId.kontakt.tsx                   -                main-team-offer                          W   W   W   403 403 403 403 S 403
stod.redigera.$offerId.tsx                  -                prevention-offer                         403 403 403 403 403 W   403 S 404
walk-and-talk._index.tsx                    cancel-booking   marias-booking-anna                      W   400 400 400 400 400 403 S 400
walk-and-talk._index.tsx                    cancel-booking   ahmeds-booking-leila                     400 400 400 400 400 400 403 S 400
walk-and-talk._index.tsx                    set-expected     own-organisation                         403 W   403 403 403 403 403 S 403
walk-and-talk._index.tsx                    cancel-occasion  occasion-anna                            403 403 403 W   400 403 403 S 403
walk-and-talk._index.tsx                    cancel-occasion  occasion-leila                           403 403 403 400 400 403 403 S 403
walk-and-talk._index.tsx                    move-occasion    occasion-anna                            403 403 403 W   400 403 403 S 403
walk-and-talk._index.tsx                    move-occasion    occasion-leila                           403 403 403 400 400 403 403 S 403
walk-and-talk._index.tsx                    mark-outcome     past-slot-anna                           403 403 403 W   400 403 403 S 403
walk-and-talk._index.tsx                    mark-outcome     past-slot-leila                          403 403 403 400 400 403 403 S 403
walk-and-talk.ny.tsx                        -                series-at-vbs                            403 403 403 W   400 403 403 S 403
walk-and-talk.ny.tsx                        -                series-at-grimstaskolan                  403 403 403 400 400 403 403 S 403
walk-and-talk.serier.$seriesId.tsx          update-series    series-anna                              403 403 403 W   404 403 403 S 403
walk-and-talk.serier.$seriesId.tsx          update-series    series-leila                             403 403 403 404 404 403 403 S 403
walk-and-talk.serier.$seriesId.tsx          -                series-anna                              403 403 403 W   404 403 403 S 403
walk-and-talk.serier.$seriesId.tsx          -                series-leila                             403 403 403 404 404 403 403 S 403
walk-and-talk.tider.$slotId.tsx             -                free-slot-anna                           W   W   404 403 403 403 403 S 403
walk-and-talk.tider.$slotId.tsx             -                free-slot-leila                          404 404 404 403 403 403 403 S 403
`;

type Fields = Record<string, string | string[]>;
type World = Awaited<ReturnType<typeof buildWorld>>;
/** What a row posts, and which tables a write must change. */
type Case = { params?: Record<string, string>; form: Fields; writes: string[] };
const s = String;

const FAMILY = { guardianName: "Fatima Testsson", guardianPhone: "070-174 06 98", consentGivenBy: "mamma", consentGivenOn: "2026-11-30" };
const person = (name: string, organisation: number) => ({
  intent: "change",
  name,
  title: "Lärare",
  role: "partner_staff",
  organisationId: s(organisation),
  unit: "",
});
const IMPORT = "typ;namn;sort;hör till;e-post;roll;titel\nperson;Pia Persson;;Vällingbyskolan;pia.persson@skola.example;personal;Lärare";

const CASES: Record<string, (w: World) => Case> = {
  "_index.tsx set-status own-status": () => ({ form: { intent: "set-status", status: "busy", busyUntil: "14.30" }, writes: ["availability_statuses"] }),
  "_index.tsx renew-feed own-calendar": () => ({ form: { intent: "renew-feed" }, writes: ["calendar_feeds"] }),
  "_index.tsx approve pending-assignment": (w) => ({
    form: { intent: "approve", kind: "assignment", id: s(w.pendingAssignment) },
    writes: ["contact_assignments"],
  }),
  "_index.tsx refuse pending-assignment": (w) => ({
    form: { intent: "refuse", kind: "assignment", id: s(w.pendingAssignment) },
    writes: ["contact_assignments"],
  }),
  "admin.import.tsx preview vbs-teacher": () => ({ form: { intent: "preview", text: IMPORT }, writes: [] }),
  "admin.import.tsx import vbs-teacher": () => ({ form: { intent: "import", text: IMPORT }, writes: ["people"] }),
  "admin.import.tsx import head-of-unit": () => ({
    form: { intent: "import", text: "typ;namn;sort;hör till;e-post;roll;titel\nperson;Ny Chef;;;ny.chef@hv.example;enhetschef;Enhetschef" },
    writes: ["people"],
  }),
  "admin.personer._index.tsx - vbs-teacher": (w) => ({
    form: { name: "Ny Person", title: "Lärare", role: "partner_staff", email: "ny.person2@skolan.example", organisationId: s(w.vbs), unit: "" },
    writes: ["people", "outbox"],
  }),
  "admin.personer.$personId.tsx change maria": (w) => ({ params: { personId: s(w.maria) }, form: person("Maria Lund-Ek", w.vbs), writes: ["people"] }),
  "admin.personer.$personId.tsx change city-admin": (w) => ({
    params: { personId: s(w.nina) },
    form: { ...person("Nina Holmberg", w.vbs), role: "unit_head", organisationId: "" },
    writes: ["people"],
  }),
  "admin.personer.$personId.tsx change st-teacher": (w) => ({
    params: { personId: s(w.tove) },
    form: person("Tove Lindgren-Ek", w.tensta),
    writes: ["people"],
  }),
  "admin.personer.$personId.tsx deactivate maria": (w) => ({ params: { personId: s(w.maria) }, form: { intent: "deactivate" }, writes: ["people"] }),
  "admin.personer.$personId.tsx change head-of-unit": (w) => ({ params: { personId: s(w.head) }, form: person("Birgitta Norén", w.vbs), writes: ["people"] }),
  "admin.personer.$personId.tsx deactivate head-of-unit": (w) => ({ params: { personId: s(w.head) }, form: { intent: "deactivate" }, writes: ["people"] }),
  "admin.personer.$personId.tsx deactivate city-admin": (w) => ({ params: { personId: s(w.nina) }, form: { intent: "deactivate" }, writes: ["people"] }),
  "admin.personer.$personId.tsx reactivate deactivated-lars": (w) => ({ params: { personId: s(w.lars) }, form: { intent: "reactivate" }, writes: ["people"] }),
  "admin.personer.$personId.tsx resend invited-person": (w) => ({ params: { personId: s(w.invited) }, form: { intent: "resend" }, writes: ["outbox"] }),
  "admin.personer.$personId.tsx resend city-admin": (w) => ({ params: { personId: s(w.nina) }, form: { intent: "resend" }, writes: ["outbox"] }),
  "admin.verksamheter._index.tsx - new-school": () => ({ form: { kind: "school", name: "Nya skolan" }, writes: ["organisations"] }),
  "admin.verksamheter.$organisationId.tsx rename vbs": (w) => ({
    params: { organisationId: s(w.vbs) },
    form: { intent: "rename", name: "Nya Vällingbyskolan" },
    writes: ["organisations"],
  }),
  "admin.verksamheter.$organisationId.tsx rename tenstaskolan": (w) => ({
    params: { organisationId: s(w.tensta) },
    form: { intent: "rename", name: "Nya Tenstaskolan" },
    writes: ["organisations"],
  }),
  "admin.verksamheter.$organisationId.tsx stage grimstaskolan": (w) => ({
    params: { organisationId: s(w.grimstaskolan) },
    form: { intent: "stage", stage: "grundsarskolan" },
    writes: ["school_parts"],
  }),
  "admin.verksamheter.$organisationId.tsx staffTeam gd": (w) => ({
    params: { organisationId: s(w.gd) },
    form: { intent: "staffTeam", name: "Opalen" },
    writes: ["staff_teams"],
  }),
  "admin.verksamheter.$organisationId.tsx close vbs": (w) => ({ params: { organisationId: s(w.vbs) }, form: { intent: "close" }, writes: ["organisations"] }),
  "admin.verksamheter.$organisationId.tsx reopen closed-school": (w) => ({
    params: { organisationId: s(w.closedSchool) },
    form: { intent: "reopen" },
    writes: ["organisations"],
  }),
  "jour.tsx add-member rota+tobias": (w) => ({ form: { intent: "add-member", personId: s(w.tobias) }, writes: ["duty_rota_members"] }),
  "jour.tsx add-member rota+head-of-unit": (w) => ({ form: { intent: "add-member", personId: s(w.head) }, writes: ["duty_rota_members"] }),
  "jour.tsx add-member rota+coordinator": (w) => ({ form: { intent: "add-member", personId: s(w.coordinator) }, writes: ["duty_rota_members"] }),
  "jour.tsx remove-member rota-omar": (w) => ({ form: { intent: "remove-member", personId: s(w.omar) }, writes: ["duty_rota_members"] }),
  "jour.tsx move-up rota-omar": (w) => ({ form: { intent: "move-up", personId: s(w.omar) }, writes: ["duty_rota_members"] }),
  "jour.tsx move-down rota-omar": (w) => ({ form: { intent: "move-down", personId: s(w.omar) }, writes: ["duty_rota_members"] }),
  "jour.tsx replace-day day-to-omar": (w) => ({ form: { intent: "replace-day", date: "2026-12-04", personId: s(w.omar) }, writes: ["duty_overrides"] }),
  "jour.tsx swap-days two-days": () => ({ form: { intent: "swap-days", first: "2026-12-07", second: "2026-12-08" }, writes: ["duty_overrides"] }),
  "jour.tsx remove-override override": (w) => ({ form: { intent: "remove-override", date: w.overrideDay }, writes: ["duty_overrides"] }),
  "jour.tsx save-line duty-line": () => ({
    form: { intent: "save-line", phone: "08-508 123 45", afterHoursPhone: "070-174 06 06", eveClosesAt: "12.00", opens1: "8.00", closes1: "16.30" },
    writes: ["duty_lines"],
  }),
  "konsultation.$consultationId.tsx take marias-question": (w) => ({
    params: { consultationId: s(w.question) },
    form: { intent: "take" },
    writes: ["consultations"],
  }),
  "konsultation.$consultationId.tsx take forum-case": (w) => ({
    params: { consultationId: s(w.forumCase) },
    form: { intent: "take" },
    writes: ["consultations"],
  }),
  "konsultation.$consultationId.tsx message question-taken-by-anna": (w) => ({
    params: { consultationId: s(w.takenQuestion) },
    form: { intent: "message", body: "Har ni pratat med elevhälsan?" },
    writes: ["consultation_messages"],
  }),
  "konsultation.$consultationId.tsx message forum-case-taken-by-eva": (w) => ({
    params: { consultationId: s(w.takenForumCase) },
    form: { intent: "message", body: "Har ni pratat med elevhälsan?" },
    writes: ["consultation_messages"],
  }),
  "konsultation.$consultationId.tsx close question-taken-by-anna": (w) => ({
    params: { consultationId: s(w.takenQuestion) },
    form: { intent: "close", outcome: "advice" },
    writes: ["consultations"],
  }),
  "konsultation.$consultationId.tsx close forum-case-taken-by-eva": (w) => ({
    params: { consultationId: s(w.takenForumCase) },
    form: { intent: "close", outcome: "advice" },
    writes: ["consultations"],
  }),
  "konsultation.ny.tsx - own-organisation": () => ({ form: QUESTION, writes: ["consultations"] }),
  "kontaktpersoner.tsx add sara-to-gd": (w) => ({
    form: { intent: "add", organisationId: s(w.gd), personId: s(w.sara), scopeLabel: "Hela förskolan" },
    writes: ["contact_assignments"],
  }),
  "kontaktpersoner.tsx add coordinator-to-vbs": (w) => ({
    form: { intent: "add", organisationId: s(w.vbs), personId: s(w.coordinator), scopeLabel: "Hela skolan" },
    writes: ["contact_assignments"],
  }),
  "kontaktpersoner.tsx remove anna-at-vbs": (w) => ({ form: { intent: "remove", assignmentId: s(w.annaAtVbs) }, writes: ["contact_assignments"] }),
  "moten.$meetingId.tsx confirm report-anna": (w) => ({
    params: { meetingId: s(w.report) },
    form: { intent: "confirm", proposalId: s(w.reportProposal) },
    writes: ["meetings"],
  }),
  "moten.$meetingId.tsx confirm visit-leila": (w) => ({
    params: { meetingId: s(w.visit) },
    form: { intent: "confirm", proposalId: s(w.visitProposal) },
    writes: ["meetings"],
  }),
  "moten.$meetingId.tsx propose report-anna": (w) => ({
    params: { meetingId: s(w.report) },
    form: { intent: "propose", date: w.proposeOn, time: "10.00" },
    writes: ["meeting_proposals"],
  }),
  "moten.$meetingId.tsx propose visit-leila": (w) => ({
    params: { meetingId: s(w.visit) },
    form: { intent: "propose", date: w.proposeOn, time: "10.00" },
    writes: ["meeting_proposals"],
  }),
  "moten.$meetingId.tsx cancel report-anna": (w) => ({ params: { meetingId: s(w.report) }, form: { intent: "cancel" }, writes: ["meetings"] }),
  "moten.$meetingId.tsx cancel visit-leila": (w) => ({ params: { meetingId: s(w.visit) }, form: { intent: "cancel" }, writes: ["meetings"] }),
  "moten.$meetingId.tsx cancel police-next": (w) => ({ params: { meetingId: s(w.policeNext) }, form: { intent: "cancel" }, writes: ["meetings"] }),
  "moten.$meetingId.tsx move police-next": (w) => ({
    params: { meetingId: s(w.policeNext) },
    form: { intent: "move", date: w.moveTo, time: "13.00" },
    writes: ["meetings"],
  }),
  "moten.$meetingId.tsx move forum-next": (w) => ({
    params: { meetingId: s(w.forumNext) },
    form: { intent: "move", date: w.moveTo, time: "13.00" },
    writes: ["meetings"],
  }),
  "moten.$meetingId.tsx attendance police-past": (w) => ({
    params: { meetingId: s(w.policePast) },
    form: { intent: "attendance", present: [s(w.karin)] },
    writes: ["meeting_attendance"],
  }),
  "moten.$meetingId.tsx agenda police-next": (w) => ({
    params: { meetingId: s(w.policeNext) },
    form: { intent: "agenda", text: "Läget inför sommarlovet" },
    writes: ["meeting_agenda_points"],
  }),
  "moten.$meetingId.tsx cancel group-6-16-next": (w) => ({ params: { meetingId: s(w.groupNext) }, form: { intent: "cancel" }, writes: ["meetings"] }),
  "moten.$meetingId.tsx move group-6-16-next": (w) => ({
    params: { meetingId: s(w.groupNext) },
    form: { intent: "move", date: w.moveTo, time: "13.00" },
    writes: ["meetings"],
  }),
  "moten.$meetingId.tsx agenda planning-gd-next": (w) => ({
    params: { meetingId: s(w.planningNext) },
    form: { intent: "agenda", text: "Läget inför sommarlovet" },
    writes: ["meeting_agenda_points"],
  }),
  "moten.$meetingId.tsx agenda group-6-16-next": (w) => ({
    params: { meetingId: s(w.groupNext) },
    form: { intent: "agenda", text: "Läget inför sommarlovet" },
    writes: ["meeting_agenda_points"],
  }),
  "moten.$meetingId.tsx agenda forum-next": (w) => ({
    params: { meetingId: s(w.forumNext) },
    form: { intent: "agenda", text: "Läget inför sommarlovet" },
    writes: ["meeting_agenda_points"],
  }),
  "moten.$meetingId.tsx notes police-past": (w) => ({
    params: { meetingId: s(w.policePast) },
    form: { intent: "notes", notes: "Vi ses igen i januari." },
    writes: ["meetings"],
  }),
  "moten.$meetingId.tsx notes forum-past": (w) => ({
    params: { meetingId: s(w.forumPast) },
    form: { intent: "notes", notes: "Vi ses igen i januari." },
    writes: ["meetings"],
  }),
  "moten.$meetingId_.arende.tsx - forum-next": (w) => ({
    params: { meetingId: s(w.forumNext) },
    form: {
      purpose: "unsure_report",
      mode: "anonymous",
      ageBand: "10-12",
      concerns: ["home"],
      question: "Hur kan vi stötta en elev som är ledsen efter helger?",
    },
    writes: ["consultations"],
  }),
  "moten.arbetslag.tsx - gd-staff-team": (w) => ({
    form: { target: `${w.gd}:`, hostPersonId: s(w.leila), theme: "Vad socialtjänsten gör", date1: w.moveTo, time1: "15.00", minutes: "60" },
    writes: ["meetings"],
  }),
  "moten.grupp.tsx - new-group": () => ({
    form: {
      kind: "collaboration",
      name: "Ny grupp",
      members: "",
      firstDate: "2026-12-08",
      time: "9.00",
      minutes: "90",
      everyWeeks: "4",
      count: "3",
      place: "office",
    },
    writes: ["meeting_groups", "meetings"],
  }),
  "moten.ny.tsx - report-to-jonas": (w) => ({ form: { ...REPORT_MEETING, hostPersonId: s(w.jonas) }, writes: ["meetings"] }),
  "moten.ny.tsx - report-to-eva": (w) => ({ form: { ...REPORT_MEETING, hostPersonId: s(w.eva) }, writes: ["meetings"] }),
  "moten.planering.tsx - planning-grimstaskolan": (w) => ({
    form: { organisationId: s(w.grimstaskolan), firstDate: "2026-12-09", time: "13.00", minutes: "90", everyWeeks: "6", count: "3", place: "school" },
    writes: ["meetings"],
  }),
  "moten.planering.tsx - planning-gd": (w) => ({
    form: { organisationId: s(w.gd), firstDate: "2026-12-09", time: "13.00", minutes: "90", everyWeeks: "6", count: "3", place: "school" },
    writes: ["meetings"],
  }),
  "stad.tsx - new-district": () => ({
    form: { name: "Rinkeby-Kista", office: "Rinkeby centrum", coordinatorName: "Kim Test", coordinatorEmail: "kim@rk.example" },
    writes: ["districts"],
  }),
  "stad.tsx unit-head st-district": (w) => ({
    form: { intent: "unit-head", districtId: s(w.st), name: "Ny Chef", email: "ny.chef@st.example" },
    writes: ["people"],
  }),
  "stod._index.tsx handled request-main-team": (w) => ({ form: { intent: "handled", id: s(w.requestMain) }, writes: ["support_requests"] }),
  "stod._index.tsx handled request-prevention": (w) => ({ form: { intent: "handled", id: s(w.requestPrevention) }, writes: ["support_requests"] }),
  "stod._index.tsx archive prevention-offer": (w) => ({ form: { intent: "archive", id: s(w.preventionOffer) }, writes: ["support_offers"] }),
  "stod.$offerId.kontakt.tsx - prevention-offer": (w) => ({ params: { offerId: s(w.preventionOffer) }, form: FAMILY, writes: ["support_requests"] }),
  "stod.$offerId.kontakt.tsx - main-team-offer": (w) => ({ params: { offerId: s(w.mainOffer) }, form: FAMILY, writes: ["support_requests"] }),
  "stod.redigera.$offerId.tsx - prevention-offer": (w) => ({
    params: { offerId: s(w.preventionOffer) },
    form: offerForm(w.preventionTeam),
    writes: ["support_offers"],
  }),
  "walk-and-talk._index.tsx cancel-booking marias-booking-anna": (w) => ({
    form: { intent: "cancel-booking", bookingId: s(w.mariasBooking) },
    writes: ["walk_bookings"],
  }),
  "walk-and-talk._index.tsx cancel-booking ahmeds-booking-leila": (w) => ({
    form: { intent: "cancel-booking", bookingId: s(w.ahmedsBooking) },
    writes: ["walk_bookings"],
  }),
  "walk-and-talk._index.tsx set-expected own-organisation": () => ({ form: { intent: "set-expected", expected: "yes" }, writes: ["walk_expectations"] }),
  "walk-and-talk._index.tsx cancel-occasion occasion-anna": (w) => ({
    form: { intent: "cancel-occasion", occasionId: s(w.anna.occasion) },
    writes: ["walk_occasions"],
  }),
  "walk-and-talk._index.tsx cancel-occasion occasion-leila": (w) => ({
    form: { intent: "cancel-occasion", occasionId: s(w.leila_.occasion) },
    writes: ["walk_occasions"],
  }),
  "walk-and-talk._index.tsx move-occasion occasion-anna": (w) => ({
    form: { intent: "move-occasion", occasionId: s(w.anna.occasion), date: w.anna.moveTo },
    writes: ["walk_occasions"],
  }),
  "walk-and-talk._index.tsx move-occasion occasion-leila": (w) => ({
    form: { intent: "move-occasion", occasionId: s(w.leila_.occasion), date: w.leila_.moveTo },
    writes: ["walk_occasions"],
  }),
  "walk-and-talk._index.tsx mark-outcome past-slot-anna": (w) => ({
    form: { intent: "mark-outcome", slotId: s(w.anna.pastSlot), outcome: "held" },
    writes: ["walk_slots"],
  }),
  "walk-and-talk._index.tsx mark-outcome past-slot-leila": (w) => ({
    form: { intent: "mark-outcome", slotId: s(w.leila_.pastSlot), outcome: "held" },
    writes: ["walk_slots"],
  }),
  "walk-and-talk.ny.tsx - series-at-grimstaskolan": (w) => ({ form: seriesForm(w.grimstaskolan), writes: ["walk_series"] }),
  "walk-and-talk.ny.tsx - series-at-vbs": (w) => ({ form: seriesForm(w.vbs), writes: ["walk_series"] }),
  "walk-and-talk.serier.$seriesId.tsx update-series series-anna": (w) => ({
    params: { seriesId: s(w.anna.series) },
    form: {
      intent: "update-series",
      ...seriesForm(w.vbs),
      meetingPoint: "Vid klätterställningen",
      weekday: "3",
      firstDate: "2026-12-02",
      lastDate: w.anna.lastDate,
    },
    writes: ["walk_series"],
  }),
  "walk-and-talk.serier.$seriesId.tsx update-series series-leila": (w) => ({
    params: { seriesId: s(w.leila_.series) },
    form: { intent: "update-series", ...seriesForm(w.gd), meetingPoint: "Vid sandlådan", weekday: "2", firstDate: "2026-12-02", lastDate: w.leila_.lastDate },
    writes: ["walk_series"],
  }),
  "walk-and-talk.serier.$seriesId.tsx - series-anna": (w) => ({
    params: { seriesId: s(w.anna.series) },
    form: { date: w.anna.addOn },
    writes: ["walk_occasions"],
  }),
  "walk-and-talk.serier.$seriesId.tsx - series-leila": (w) => ({
    params: { seriesId: s(w.leila_.series) },
    form: { date: w.leila_.addOn },
    writes: ["walk_occasions"],
  }),
  "walk-and-talk.tider.$slotId.tsx - free-slot-anna": (w) => ({
    params: { slotId: s(w.anna.freeSlot) },
    form: { topic: "general" },
    writes: ["walk_bookings"],
  }),
  "walk-and-talk.tider.$slotId.tsx - free-slot-leila": (w) => ({
    params: { slotId: s(w.leila_.freeSlot) },
    form: { topic: "general" },
    writes: ["walk_bookings"],
  }),
};

const modules = import.meta.glob("../../app/routes/*.{ts,tsx}");
const sources = import.meta.glob("../../app/routes/*.{ts,tsx}", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
type RouteModule = { action?: (args: unknown) => unknown };

/** The intents a route's action accepts, read from its source. */
function intentsOf(source: string): string[] {
  const found = new Set<string>();
  const action = source.slice(source.search(/export (async )?function action|export const action/));
  for (const m of source.matchAll(/intent\s*[!=]==\s*"([\w-]+)"/g)) found.add(m[1]!);
  for (const m of source.matchAll(/name="intent" value="([\w-]+)"/g)) found.add(m[1]!);
  for (const m of source.matchAll(/const INTENTS = \[([^\]]*)\]/g)) for (const i of m[1]!.matchAll(/"([\w-]+)"/g)) found.add(i[1]!);
  const body = /switch \((?:values\.)?intent\) \{([\s\S]*?)\n {2}\}/.exec(action)?.[1] ?? "";
  for (const m of body.matchAll(/case "([\w-]+)":/g)) found.add(m[1]!);
  return [...found];
}

/** Posts a form to a route's action as a person: an email logs in first, a cookie is used as it is. */
async function post(file: string, who: string, params: Record<string, string>, form: Fields): Promise<Response> {
  const { action } = (await modules[`../../app/routes/${file}`]!()) as Required<RouteModule>;
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) for (const v of [value].flat()) body.append(key, v);
  const cookie = who.includes("=") ? who : await sessionCookie(who);
  const request = new Request(`${BASE}${routePath(file, params)}`, { method: "POST", body, headers: { Cookie: cookie } });
  return respond(async () => action({ request, params, context: {} }));
}

async function must(what: string, response: Promise<Response>): Promise<string> {
  const answered = await response;
  if (answered.status !== 302) throw new Error(`Setting up: ${what} answered ${answered.status}: ${await answered.text()}`);
  return answered.headers.get("Location") ?? "";
}

async function buildWorld() {
  const district = (slug: string) => db.select().from(districts).where(eq(districts.slug, slug)).get()!.id;
  const hv = district("hasselby-vallingby");
  const st = district("spanga-tensta");
  const team = (name: string) =>
    db
      .select()
      .from(teams)
      .where(and(eq(teams.districtId, hv), eq(teams.name, name)))
      .get()!.id;
  const mainTeam = team("Barn och unga");
  const preventionTeam = team("Förebyggande enheten");
  const vbs = organisationId("Vällingbyskolan");
  const gd = organisationId("Gröna diamanten");
  const COORD = "samordnare@hv.example";
  const MARIA = "larare@vallingbyskolan.example";

  // Support: the prevention team's offer (seeded) and one of the main team, each with Maria's request.
  const preventionOffer = db.select().from(supportOffers).where(eq(supportOffers.name, "Föräldrarådgivare")).get()!.id;
  const saved = saveOffer(actorFor(COORD), null, {
    name: "Familjestöd i hemmet",
    forWhom: "Familjer",
    whatItGives: "Samtal.",
    howToContact: "Ring.",
    phone: null,
    email: null,
    teamId: mainTeam,
    sortOrder: 5,
  });
  if (!saved.ok) throw new Error(saved.message);
  await must("request to the prevention team", post("stod.$offerId.kontakt.tsx", MARIA, { offerId: s(preventionOffer) }, FAMILY));
  await must("request to the main team", post("stod.$offerId.kontakt.tsx", MARIA, { offerId: s(saved.id) }, FAMILY));
  const requestOf = (offer: number) => db.select().from(supportRequests).where(eq(supportRequests.offerId, offer)).get()!.id;

  // Consultations: Maria's question to Vällingbyskolan's contact persons, her case on Eva's forum.
  const asked = await must("Maria's question", post("konsultation.ny.tsx", MARIA, {}, QUESTION));
  const question = Number(/\/konsultation\/(\d+)/.exec(asked)![1]);
  const forums = db.select().from(meetings).where(eq(meetings.kind, "forum")).orderBy(asc(meetings.startsAt)).all();
  const forumNext = forums[0]!.id;
  const forumCase = db.select().from(consultations).where(eq(consultations.forumMeetingId, forumNext)).get()!.id;
  // And one of each that is taken: Maria's second question by Anna, her second forum case by Eva.
  const anna = "socialsekreterare@hv.example";
  const again = await must(
    "Maria's second question",
    post("konsultation.ny.tsx", MARIA, {}, { ...QUESTION, question: "En elev i årskurs 3 säger att hon inte vill gå hem. Hur gör vi?" }),
  );
  const takenQuestion = Number(/\/konsultation\/(\d+)/.exec(again)![1]);
  await must("Anna takes it", post("konsultation.$consultationId.tsx", anna, { consultationId: s(takenQuestion) }, { intent: "take" }));
  const booked = await must(
    "Maria's second forum case",
    post(
      "moten.$meetingId_.arende.tsx",
      MARIA,
      { meetingId: s(forumNext) },
      { purpose: "unsure_report", mode: "anonymous", ageBand: "10-12", concerns: ["home"], question: "Hur kan vi stötta en elev som är ledsen efter helger?" },
    ),
  );
  const takenForumCase = Number(/\/konsultation\/(\d+)/.exec(booked)![1]);
  await must("Eva takes it", post("konsultation.$consultationId.tsx", "eva.sjoberg@hv.example", { consultationId: s(takenForumCase) }, { intent: "take" }));

  // Meetings: Anna's report meeting, Leila's staff-team visit, Omar's police group (next and last week), Eva's forum last week.
  const { report, reportProposal, visit, visitProposal, policeGroup } = seededMeetings();
  const groupOf = (name: string) => db.select().from(meetingGroups).where(eq(meetingGroups.name, name)).get()!.id;
  const groupNext = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.groupId, groupOf("Lokal samverkansgrupp 6–16, Vällingby")), gt(meetings.startsAt, SEED_NOW)))
    .orderBy(asc(meetings.startsAt))
    .get()!.id;
  const planningNext = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.kind, "planning"), gt(meetings.startsAt, SEED_NOW)))
    .orderBy(asc(meetings.startsAt))
    .get()!.id;
  const policeNext = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.groupId, policeGroup), gt(meetings.startsAt, SEED_NOW)))
    .orderBy(asc(meetings.startsAt))
    .get()!.id;
  const past = {
    state: "confirmed" as const,
    place: "office" as const,
    guardiansTold: false,
    startsAt: new Date("2026-11-26T09:00:00Z"),
    endsAt: new Date("2026-11-26T10:30:00Z"),
    createdAt: SEED_NOW,
  };
  const omar = personId("omar.lind@hv.example");
  const eva = personId("eva.sjoberg@hv.example");
  const policePast = db
    .insert(meetings)
    .values({ ...past, districtId: hv, groupId: policeGroup, kind: "collaboration", hostPersonId: omar, proposedBy: omar })
    .returning()
    .get().id;
  const forumGroup = forums[0]!.groupId!;
  const forumPast = db
    .insert(meetings)
    .values({ ...past, districtId: hv, groupId: forumGroup, kind: "forum", hostPersonId: eva, proposedBy: eva, places: 6 })
    .returning()
    .get().id;
  const proposeOn = freeDayOf(anna, "2026-12-10");
  const moveTo = freeDayOf(anna, proposeOn);

  // Walk-and-talk: Anna's series at Vällingbyskolan (Nadia booked), Leila's at Gröna diamanten (Ahmed booked).
  const walk = (email: string) => {
    const host = personId(email);
    const series = db.select().from(walkSeries).where(eq(walkSeries.hostPersonId, host)).get()!;
    const occasions = db.select().from(walkOccasions).where(eq(walkOccasions.seriesId, series.id)).orderBy(asc(walkOccasions.date)).all();
    const dates = occasions.map((o) => o.date);
    const slots = occasions.flatMap((o) => db.select().from(walkSlots).where(eq(walkSlots.occasionId, o.id)).orderBy(asc(walkSlots.startsAt)).all());
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
    const moveTo = freeDayOf(email, occasions[0]!.date, dates);
    return {
      series: series.id,
      lastDate: series.lastDate,
      occasion: occasions[0]!.id,
      freeSlot: slots.find((x) => x.booked === 0)!.id,
      freeSlotOccasion: slots.find((x) => x.booked === 0)!.occasionId,
      pastSlot,
      moveTo,
      addOn: freeDayOf(email, moveTo, dates),
      booking: db
        .select()
        .from(walkBookings)
        .where(and(eq(walkBookings.slotId, slots.find((x) => x.booked > 0)!.id), isNull(walkBookings.cancelledAt)))
        .get()!.id,
    };
  };
  const annasWalk = walk(anna);
  const bookable = db
    .select()
    .from(walkSlots)
    .innerJoin(walkOccasions, eq(walkOccasions.id, walkSlots.occasionId))
    .where(and(eq(walkOccasions.seriesId, annasWalk.series), eq(walkSlots.booked, 0), gt(walkSlots.startsAt, SEED_NOW)))
    .orderBy(asc(walkSlots.startsAt))
    .all()
    .find((r) => r.walk_slots.occasionId !== annasWalk.freeSlotOccasion)!.walk_slots.id;
  await must("Maria's booking", post("walk-and-talk.tider.$slotId.tsx", MARIA, { slotId: s(bookable) }, { topic: "guardians" }));
  const leilasWalk = walk("leila.haddad@hv.example");

  // People: Lars deactivated, a new teacher invited (no password yet).
  const lars = personId("lars.ek@vallingbyskolan.example");
  await must("deactivating Lars", post("admin.personer.$personId.tsx", COORD, { personId: s(lars) }, { intent: "deactivate" }));
  await must(
    "inviting a teacher",
    post(
      "admin.personer._index.tsx",
      COORD,
      {},
      { name: "Ny Lärare", title: "Lärare", role: "partner_staff", email: "ny.larare@vallingbyskolan.example", organisationId: s(vbs), unit: "" },
    ),
  );

  // Organisations: a school that closed.
  const addedAt = await must("adding a school", post("admin.verksamheter._index.tsx", COORD, {}, { kind: "school", name: "Gamla skolan" }));
  const closedSchool = Number(/\/admin\/verksamheter\/(\d+)/.exec(addedAt)![1]);
  await must("closing it", post("admin.verksamheter.$organisationId.tsx", COORD, { organisationId: s(closedSchool) }, { intent: "close" }));

  // Rota: a day given to Petra (an override); contact assignments: Jonas at Grimstaskolan waits for approval.
  const overrideDay = "2026-12-03";
  await must("an override", post("jour.tsx", COORD, {}, { intent: "replace-day", date: overrideDay, personId: s(personId("petra.nystrom@hv.example")) }));
  const grimstaskolan = organisationId("Grimstaskolan");
  const jonas = personId("jonas.ekholm@hv.example");
  await must(
    "a contact assignment",
    post("kontaktpersoner.tsx", COORD, {}, { intent: "add", organisationId: s(grimstaskolan), personId: s(jonas), scopeLabel: "Hela skolan" }),
  );
  const assignmentOf = (who: number, organisation: number) =>
    db
      .select()
      .from(contactAssignments)
      .where(and(eq(contactAssignments.personId, who), eq(contactAssignments.organisationId, organisation)))
      .get()!.id;

  return {
    hv,
    st,
    vbs,
    gd,
    grimstaskolan,
    tensta: organisationId("Tenstaskolan"),
    closedSchool,
    preventionTeam,
    preventionOffer,
    mainOffer: saved.id,
    requestMain: requestOf(saved.id),
    requestPrevention: requestOf(preventionOffer),
    question,
    forumCase,
    takenQuestion,
    takenForumCase,
    head: personId("enhetschef@hv.example"),
    coordinator: personId(COORD),
    forumNext,
    forumPast,
    report,
    reportProposal,
    visit,
    visitProposal,
    policeNext,
    groupNext,
    planningNext,
    policePast,
    proposeOn,
    moveTo,
    anna: annasWalk,
    leila_: leilasWalk,
    mariasBooking: db
      .select()
      .from(walkBookings)
      .where(and(eq(walkBookings.slotId, bookable), isNull(walkBookings.cancelledAt)))
      .get()!.id,
    ahmedsBooking: leilasWalk.booking,
    maria: personId(MARIA),
    nina: personId("admin@stockholm.example"),
    tove: personId("larare@tenstaskolan.example"),
    lars,
    invited: db.select().from(people).where(eq(people.email, "ny.larare@vallingbyskolan.example")).get()!.id,
    tobias: personId("tobias.ek@hv.example"),
    omar,
    eva,
    sara: personId("sara.lindqvist@hv.example"),
    karin: personId("karin.dahl@hv.example"),
    leila: personId("leila.haddad@hv.example"),
    jonas,
    overrideDay,
    annaAtVbs: assignmentOf(personId(anna), vbs),
    pendingAssignment: assignmentOf(jonas, grimstaskolan),
  };
}

/**
 * Puts back the database as it was when the world was built, from a copy of its serialized
 * pages (much faster than seeding again). The seeded connection stays open for db.ts to close.
 */
function restore(image: Buffer, previous: Database.Database): Database.Database {
  const sqlite = new Database(image);
  sqlite.pragma("foreign_keys = ON");
  setDbForTesting(drizzle(sqlite, { schema }) as DB);
  if (previous !== db.$client) previous.close();
  return sqlite;
}

function answerOf(response: Response, written: boolean, writes: string[], changed: string[]): string {
  const location = response.headers.get("Location") ?? "";
  if (response.status === 302 && location === "/stad") return "S";
  if (response.status === 302 && location.startsWith("/logga-in")) return "L";
  const ok = response.status < 300 || response.status === 302;
  if (ok && written && writes.every((t) => changed.includes(t))) return "W";
  if (ok && written) return `W?(${changed.join(",")})`;
  if (written) return `${response.status}+wrote(${changed.join(",")})`;
  return String(response.status);
}

describe("who may write what", () => {
  useFreshDatabase();

  it("has a row for every intent of every route action, and a case for every row", async () => {
    const accepted: string[] = [];
    for (const [path, load] of Object.entries(modules)) {
      const file = path.split("/").pop()!;
      if (OWN_ACCOUNT.includes(file) || !((await load()) as RouteModule).action) continue;
      const intents = [...intentsOf(sources[path]!), ...(DEFAULT_BRANCHES[file] ?? [])];
      accepted.push(...(intents.length ? intents : ["-"]).map((intent) => `${file} ${intent}`));
    }
    const rows = MATRIX.trim()
      .split("\n")
      .map((line) => line.split(/\s+/).slice(0, 3));
    expect([...new Set(rows.map(([file, intent]) => `${file} ${intent}`))].sort()).toEqual([...new Set(accepted)].sort());
    expect(rows.map((r) => r.join(" ")).sort()).toEqual(Object.keys(CASES).sort());
    for (const row of MATRIX.trim().split("\n")) expect(row.split(/\s+/).length, row).toBe(3 + ROLES.length);
  });

  it("every role writes exactly the cells the matrix says, and a refusal changes nothing", { timeout: 120_000 }, async () => {
    const world = await buildWorld();
    const cookies = new Map<string, string>();
    for (const email of ROLES) cookies.set(email, await sessionCookie(email));
    const image = db.$client.serialize();
    const baseline = tableFingerprints(db.$client);
    let live = db.$client;

    const mismatches: string[] = [];
    const table: string[] = [];
    for (const line of MATRIX.trim().split("\n")) {
      const [file, intent, object, ...expected] = line.split(/\s+/) as [string, string, string, ...string[]];
      const c = CASES[`${file} ${intent} ${object}`]!(world);
      const { action } = (await modules[`../../app/routes/${file}`]!()) as Required<RouteModule>;
      const actual: string[] = [];
      for (const email of ROLES) {
        const body = new URLSearchParams();
        for (const [key, value] of Object.entries(c.form)) for (const v of [value].flat()) body.append(key, v);
        const params = c.params ?? {};
        const request = new Request(`${BASE}${routePath(file, params)}`, { method: "POST", body, headers: { Cookie: cookies.get(email)! } });
        const response = await respond(async () => action({ request, params, context: {} }));
        const changed = changedTables(baseline, tableFingerprints(live));
        // WRITE_MATRIX_DEBUG=1 prints why each 400 was refused, to tell a refused form from a refused person.
        if (process.env.WRITE_MATRIX_DEBUG && response.status === 400) console.log(file, intent, object, email, (await response.clone().text()).slice(0, 300));
        actual.push(answerOf(response, changed.length > 0, c.writes, changed));
        if (changed.length > 0) live = restore(image, live);
      }
      table.push(`${file.padEnd(43)} ${intent.padEnd(16)} ${object.padEnd(40)} ${actual.join(" ")}`);
      if (actual.join(" ") !== expected.join(" "))
        mismatches.push(`${file} ${intent} ${object}\n  expected ${expected.join(" ")}\n  actual   ${actual.join(" ")}`);
    }
    if (live !== db.$client) {
      setDbForTesting(db);
      live.close();
    }
    expect(mismatches.join("\n"), `The matrix as the portal answers it:\n${table.join("\n")}`).toBe("");
  });

  it("the coordinator cannot bring back a head of unit the city has deactivated", async () => {
    const head = personId("enhetschef@hv.example");
    db.update(people).set({ deactivatedAt: SEED_NOW }).where(eq(people.id, head)).run();
    const coordinator = await sessionCookie("samordnare@hv.example");
    const before = tableFingerprints(db.$client);
    const response = await post("admin.personer.$personId.tsx", coordinator, { personId: s(head) }, { intent: "reactivate" });
    expect(response.status).toBe(400);
    expect(changedTables(before, tableFingerprints(db.$client))).toEqual([]);
  });
});
