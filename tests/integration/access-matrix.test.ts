/// <reference types="vite/client" />
/**
 * Access, proved for every route: every route module in app/routes (the route manifest of
 * Remix's flat routes) × every role × logged out, for loaders and for actions (an empty POST),
 * against the expected answer. A route without a row, or a row without a route, fails.
 *
 * Objects in URLs belong to Vällingbyskolan (Hässelby-Vällingby), so the columns also cover
 * "own organisation" (the Vällingbyskolan teacher and principal), "other organisation" (the
 * Grimstaskolan teacher) and "other district" (Spånga-Tensta's coordinator).
 *
 * Answers: 200 page · 400 refused input · 403 not for this role · 404 not found (or not
 * theirs) · 409 taken · L redirect to login · S redirect to /stad (the city's administrator)
 * · R another redirect (done, or already logged in). "static": a page with neither.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { consultations, meetings, supportOffers } from "../../db/schema";
import { db, organisationId, personId, useFreshDatabase } from "./db";
import { respond, sessionCookie } from "./http";
import { annasSeriesAndSlot, routePath } from "./routes";

const ROLES = [
  "larare@vallingbyskolan.example", // own organisation, staff
  "rektor@vallingbyskolan.example", // own organisation, leadership
  "larare@grimstaskolan.example", // another organisation
  "socialsekreterare@hv.example",
  "eva.sjoberg@hv.example", // parent adviser, the forum's host
  "samordnare@hv.example",
  "enhetschef@hv.example",
  "admin@stockholm.example",
  "samordnare@st.example", // another district
] as const;

//                                             anon own-staff own-lead other-org social adviser coord head city other-district
const MATRIX = `
_index.tsx                               loader L 200 200 200 200 200 200 200 S 200
_index.tsx                               action L 403 403 403 400 400 403 403 S 403
$.tsx                                    loader L 404 404 404 404 404 404 404 S 404
admin._index.tsx                         loader L 403 403 403 403 403 200 403 S 200
admin.import.tsx                         loader L 403 403 403 403 403 200 403 S 200
admin.import.tsx                         action L 403 403 403 403 403 400 403 S 400
admin.logg.tsx                           loader L 403 403 403 403 403 200 403 S 200
admin.personer._index.tsx                loader L 403 403 403 403 403 200 403 S 200
admin.personer._index.tsx                action L 403 403 403 403 403 400 403 S 400
admin.personer.$personId.tsx             loader L 403 403 403 403 403 200 403 S 404
admin.personer.$personId.tsx             action L 403 403 403 403 403 400 403 S 404
admin.verksamheter._index.tsx            loader L 403 403 403 403 403 200 403 S 200
admin.verksamheter._index.tsx            action L 403 403 403 403 403 400 403 S 400
admin.verksamheter.$organisationId.tsx   loader L 403 403 403 403 403 200 403 S 404
admin.verksamheter.$organisationId.tsx   action L 403 403 403 403 403 400 403 S 404
aterstall.$token.tsx                     loader 200 200 200 200 200 200 200 200 200 200
aterstall.$token.tsx                     action 400 400 400 400 400 400 400 400 400 400
glomt-losenord.tsx                       action 400 400 400 400 400 400 400 400 400 400
healthz.ts                               loader 200 200 200 200 200 200 200 200 200 200
inbjudan.$token.tsx                      loader 200 200 200 200 200 200 200 200 200 200
inbjudan.$token.tsx                      action 400 400 400 400 400 400 400 400 400 400
jour.tsx                                 loader L 200 200 200 200 200 200 200 S 200
jour.tsx                                 action L 403 403 403 403 403 400 403 S 400
kalender.jour.$token.ts                  loader 404 404 404 404 404 404 404 404 404 404
konsultation._index.tsx                  loader L 200 200 200 200 200 200 200 S 200
konsultation.$consultationId.tsx         loader L 200 404 404 200 200 404 404 S 404
konsultation.$consultationId.tsx         action L 400 404 404 400 400 404 403 S 404
konsultation.ny.tsx                      loader L 200 200 200 403 403 403 403 S 403
konsultation.ny.tsx                      action L 400 400 400 403 403 403 403 S 403
kontaktpersoner.tsx                      loader L 403 403 403 403 403 200 403 S 200
kontaktpersoner.tsx                      action L 403 403 403 403 403 400 403 S 400
konto.tsx                                loader L 200 200 200 200 200 200 200 200 200
konto.tsx                                action L 400 400 400 400 400 400 400 400 400
logga-in.tsx                             loader 200 R R R R R R R R R
logga-in.tsx                             action 400 400 400 400 400 400 400 400 400 400
logga-in_.sso.$provider.tsx              loader L L L L L L L L L L
logga-in_.sso.$provider.tsx              action 404 404 404 404 404 404 404 404 404 404
logga-in_.sso.$provider_.tillbaka.tsx    loader 400 400 400 400 400 400 400 400 400 400
moten._index.tsx                         loader L 200 200 200 200 200 200 200 S 200
moten.$meetingId_.arende.tsx             loader L 200 200 200 403 403 403 403 S 403
moten.$meetingId_.arende.tsx             action L 400 400 400 403 403 403 403 S 403
moten.$meetingId.tsx                     loader L 404 200 404 200 404 404 404 S 404
moten.$meetingId.tsx                     action L 404 400 404 400 404 404 403 S 404
moten.arbetslag.tsx                      loader L 403 403 403 403 403 403 403 S 403
moten.arbetslag.tsx                      action L 403 403 403 403 403 403 403 S 403
moten.grupp.tsx                          loader L 403 403 403 200 200 200 403 S 200
moten.grupp.tsx                          action L 403 403 403 400 400 400 403 S 400
moten.ny.tsx                             loader L 200 200 200 403 403 403 403 S 403
moten.ny.tsx                             action L 400 400 400 403 403 403 403 S 403
moten.planering.tsx                      loader L 403 403 403 403 200 403 403 S 403
moten.planering.tsx                      action L 403 403 403 403 400 403 403 S 403
organisationer.$organisationId.tsx       loader L 200 200 404 200 200 200 200 S 404
stad.tsx                                 loader L 403 403 403 403 403 403 403 200 403
stad.tsx                                 action L 403 403 403 403 403 403 403 400 403
stad[.csv].ts                            loader L 403 403 403 403 403 403 403 200 403
statistik.tsx                            loader L 403 403 403 403 403 200 200 S 200
statistik[.csv].ts                       loader L 403 403 403 403 403 200 200 S 200
stod._index.tsx                          loader L 200 200 200 200 200 200 200 S 200
stod._index.tsx                          action L 400 400 400 400 400 400 403 S 400
stod.$offerId.blad.tsx                   loader L 200 200 200 200 200 200 200 S 404
stod.$offerId.kontakt.tsx                loader L 200 200 200 403 403 403 403 S 403
stod.$offerId.kontakt.tsx                action L 400 400 400 403 403 403 403 S 403
stod.redigera.$offerId.tsx               loader L 403 403 403 403 403 200 403 S 404
stod.redigera.$offerId.tsx               action L 403 403 403 403 403 400 403 S 404
telefonlista.tsx                         loader L 200 200 200 200 200 200 200 S 200
tillganglighet.tsx                       static
utkorg.tsx                               loader L 403 403 403 403 403 200 403 S 200
vecka.tsx                                loader L 403 403 403 200 200 403 403 S 403
walk-and-talk._index.tsx                 loader L 200 200 200 200 200 200 200 S 200
walk-and-talk._index.tsx                 action L 400 400 400 400 400 400 403 S 400
walk-and-talk.ny.tsx                     loader L 403 403 403 200 200 403 403 S 403
walk-and-talk.ny.tsx                     action L 403 403 403 400 400 403 403 S 403
walk-and-talk.personal.tsx               loader L 403 200 403 403 403 403 403 S 403
walk-and-talk.personal[.csv].ts          loader L 403 200 403 403 403 403 403 S 403
walk-and-talk.serier.$seriesId.tsx       loader L 403 403 403 200 404 403 403 S 403
walk-and-talk.serier.$seriesId.tsx       action L 403 403 403 400 404 403 403 S 403
walk-and-talk.tider.$slotId.tsx          loader L 200 200 404 403 403 403 403 S 403
walk-and-talk.tider.$slotId.tsx          action L R 409 404 403 403 403 403 S 403
logga-ut.tsx                             loader R R R R R R R R R R
logga-ut.tsx                             action L L L L L L L L L L
`;

const modules = import.meta.glob("../../app/routes/*.{ts,tsx}");
type RouteModule = { loader?: (args: unknown) => unknown; action?: (args: unknown) => unknown };

function answerOf(response: Response): string {
  if (response.status !== 302) return String(response.status);
  const location = response.headers.get("Location") ?? "";
  return location.startsWith("/logga-in") ? "L" : location === "/stad" ? "S" : "R";
}

describe("access to every route", () => {
  useFreshDatabase();

  it("has a row for every loader and action of every route module, and nothing else", async () => {
    const exported: string[] = [];
    for (const [path, load] of Object.entries(modules)) {
      const module = (await load()) as RouteModule;
      const file = path.split("/").pop()!;
      const kinds = (["loader", "action"] as const).filter((kind) => module[kind]);
      exported.push(...(kinds.length ? kinds.map((kind) => `${file} ${kind}`) : [`${file} static`]));
    }
    const rows = MATRIX.trim()
      .split("\n")
      .map((line) => line.split(/\s+/).slice(0, 2).join(" "));
    expect(rows.sort()).toEqual(exported.sort());
  });

  it("answers every role, logged out, own and other organisation and other district as the matrix says", async () => {
    const report = db.select().from(meetings).where(eq(meetings.kind, "report")).get()!;
    const forum = db.select().from(meetings).where(eq(meetings.kind, "forum")).get()!;
    const params: Record<string, string> = {
      meetingId: String(report.id),
      offerId: String(db.select().from(supportOffers).get()!.id),
      ...annasSeriesAndSlot(),
      consultationId: String(db.select().from(consultations).get()!.id), // Maria Lund's case on the forum
      personId: String(personId("larare@vallingbyskolan.example")),
      organisationId: String(organisationId("Vällingbyskolan")),
      token: "x".repeat(43),
    };
    const cookies = new Map<string, string>();
    for (const email of ROLES) cookies.set(email, await sessionCookie(email));

    const mismatches: string[] = [];
    for (const line of MATRIX.trim()
      .split("\n")
      .filter((l) => !l.endsWith(" static"))) {
      const [file, kind, ...expected] = line.split(/\s+/) as [string, "loader" | "action", ...string[]];
      const load = modules[`../../app/routes/${file}`];
      const fn = load ? ((await load()) as RouteModule)[kind] : undefined;
      if (!fn) {
        mismatches.push(`${file}: no ${kind}`);
        continue;
      }
      const routeParams = file.includes("arende") ? { ...params, meetingId: String(forum.id) } : params;
      const url = `http://localhost:3000${routePath(file, routeParams)}${file.startsWith("statistik[") ? "?tabell=fragor-per-manad" : ""}`;
      const actual: string[] = [];
      for (const who of [null, ...ROLES]) {
        const headers: Record<string, string> = who ? { Cookie: cookies.get(who)! } : {};
        const request = kind === "loader" ? new Request(url, { headers }) : new Request(url, { method: "POST", headers, body: new URLSearchParams() });
        actual.push(answerOf(await respond(async () => fn({ request, params: routeParams, context: {} }))));
      }
      if (actual.join(" ") !== expected.join(" ")) mismatches.push(`${file} ${kind}\n  expected ${expected.join(" ")}\n  actual   ${actual.join(" ")}`);
    }
    expect(mismatches.join("\n")).toBe("");
  });
});
