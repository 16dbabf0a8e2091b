import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { districts, outbox, people } from "../../db/schema";
import { cellText, type Table } from "../../app/models/statistics";
import { cityStatistics, districtStatistics } from "../../app/models/statistics.server";
import { loader as statisticsLoader } from "../../app/routes/statistik";
import { loader as statisticsCsv } from "../../app/routes/statistik[.csv]";
import { action as cityAction, loader as cityLoader } from "../../app/routes/stad";
import { loader as cityCsv } from "../../app/routes/stad[.csv]";
import { loader as homeLoader } from "../../app/routes/_index";
import { loader as contactsLoader } from "../../app/routes/kontaktpersoner";
import { loader as dutyLoader } from "../../app/routes/jour";
import { loader as phoneListLoader } from "../../app/routes/telefonlista";
import { loader as supportLoader } from "../../app/routes/stod._index";
import { loader as meetingsLoader } from "../../app/routes/moten._index";
import { loader as consultationsLoader } from "../../app/routes/konsultation._index";
import { loader as peopleLoader } from "../../app/routes/admin.personer._index";
import { loader as logLoader } from "../../app/routes/admin.logg";
import { loader as outboxLoader } from "../../app/routes/utkorg";
import { actorFor, db, SEED_NOW, useFreshDatabase } from "./db";
import { args, get, post, respond, sessionCookie } from "./http";
import { closedQuestion } from "./questions";

const cells = (table: Table, label: string) => {
  const row = table.rows.find((r) => r[table.columns[0]!.key] === label);
  if (!row) throw new Error(`No row ${label} in ${table.id}`);
  return Object.fromEntries(table.columns.map((c) => [c.key, cellText(row[c.key] ?? null, c.kind)]));
};

describe("the district's follow-up", () => {
  useFreshDatabase();

  it("counts per month with known answers, and hides counts below five and what would give them away", () => {
    // November: six questions, one with consent; first answers after 1, 2, 3, 4, 5 and 100 hours.
    for (const hours of [1, 2, 3, 4, 5]) closedQuestion(`2026-11-1${hours}T09:00:00Z`, { hoursToAnswer: hours });
    closedQuestion("2026-11-20T09:00:00Z", {
      hoursToAnswer: 100,
      mode: "consent",
      consentGivenBy: "mamma",
      consentGivenOn: "2026-11-19",
      outcome: "recommended_report",
    });
    // October: three questions, too few to show.
    for (const day of [5, 6, 7]) closedQuestion(`2026-10-0${day}T09:00:00Z`, { hoursToAnswer: 2 });

    const { tables } = districtStatistics(actorFor("samordnare@hv.example"), SEED_NOW);
    const byMonth = tables.find((t) => t.id === "fragor-per-manad")!;
    expect(byMonth.rows).toHaveLength(12); // January to December 2026
    const november = cells(byMonth, "november 2026");
    // 6 questions and 5 anonymous would give away the one with consent, and 83 % in time the one late answer.
    expect(november).toMatchObject({ total: "dolt", anonymous: "5", consent: "färre än 5" });
    expect(november.medianHours).toBe("3,5 tim");
    expect(november.inTime).toBe("dolt");
    expect(cells(byMonth, "oktober 2026")).toMatchObject({ total: "färre än 5", medianHours: "för få", inTime: "för få" });
    expect(cells(byMonth, "september 2026")).toMatchObject({ total: "0", medianHours: "–" });

    const byOrganisation = tables.find((t) => t.id === "fragor-per-verksamhet")!;
    // The city's page prints the year's 10 questions, so Grimstaskolan's 9 would give away Vällingbyskolan's one.
    expect(cells(byOrganisation, "Grimstaskolan")).toMatchObject({ total: "dolt", anonymous: "dolt", consent: "färre än 5" });
    expect(cells(byOrganisation, "Vällingbyskolan")).toMatchObject({ total: "färre än 5" });
    expect(cityStatistics(actorFor("admin@stockholm.example"), SEED_NOW).rows.find((r) => r.district === "Hässelby-Vällingby")).toMatchObject({
      consultations: 10,
    });
    expect(
      cells(
        tables.find((t) => t.id === "fragor-per-oro")!,
        "Frånvaro",
      ).total,
    ).toBe("10"); // and the seed's case on the forum
    expect(
      cells(
        tables.find((t) => t.id === "fragor-per-resultat")!,
        "Råd gavs",
      ).total,
    ).toBe("8");
    expect(
      cells(
        tables.find((t) => t.id === "fragor-per-resultat")!,
        "Rekommenderade en orosanmälan",
      ).total,
    ).toBe("färre än 5");
  });

  it("gives the figures only to those who follow up, even to a route that forgets its guard", () => {
    for (const email of ["larare@vallingbyskolan.example", "socialsekreterare@hv.example", "admin@stockholm.example"]) {
      expect(districtStatistics(actorFor(email), SEED_NOW).tables, email).toEqual([]);
    }
    for (const email of ["samordnare@hv.example", "enhetschef@hv.example"]) expect(cityStatistics(actorFor(email), SEED_NOW).rows, email).toEqual([]);
    expect(districtStatistics(actorFor("enhetschef@hv.example"), SEED_NOW).tables.length).toBeGreaterThan(0);
  });

  it("counts duty days covered and staff who walked this term", () => {
    const { tables } = districtStatistics(actorFor("samordnare@hv.example"), SEED_NOW);
    // The rota starts on the Monday of the seed week: 1 December is covered (Omar Lind).
    expect(
      cells(
        tables.find((t) => t.id === "jourdagar-per-manad")!,
        "december 2026",
      ),
    ).toMatchObject({ days: "färre än 5", covered: "färre än 5" });
    const staff = tables.find((t) => t.id === "personal-som-traffat")!;
    expect(cells(staff, "Vällingbyskolan")).toMatchObject({ staff: "färre än 5", met: "0" });
  });

  it("the page and its CSV say the same, for the coordinator and the head of unit, and for nobody else", async () => {
    for (const hours of [1, 2, 3, 4, 5]) closedQuestion(`2026-11-1${hours}T09:00:00Z`, { hoursToAnswer: hours });
    const page = (await statisticsLoader(args(get("/statistik", await sessionCookie("enhetschef@hv.example"))))) as { tables: Table[] };
    expect(page.tables.map((t) => t.id)).toContain("moten-per-manad");
    const csv = await respond(async () => statisticsCsv(args(get("/statistik.csv?tabell=fragor-per-manad", await sessionCookie("samordnare@hv.example")))));
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await csv.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // so that Excel reads å, ä and ö
    const text = await csv.text();
    expect(text).toContain('"november 2026";"5";"5";"0";"3 tim"');
    expect(text).toContain('"oktober 2026";"0"');
    expect(text).toContain('"december 2026";"färre än 5"'); // the seed's forum case
    const unknown = await respond(async () => statisticsCsv(args(get("/statistik.csv?tabell=finns-inte", await sessionCookie("samordnare@hv.example")))));
    expect(unknown.status).toBe(404);
    for (const email of ["socialsekreterare@hv.example", "rektor@vallingbyskolan.example"]) {
      expect((await respond(async () => statisticsLoader(args(get("/statistik", await sessionCookie(email)))))).status).toBe(403);
      expect((await respond(async () => statisticsCsv(args(get("/statistik.csv?tabell=fragor-per-manad", await sessionCookie(email)))))).status).toBe(403);
    }
  });
});

describe("every district of the city", () => {
  useFreshDatabase();

  const MARKERS = {
    "samordnare@hv.example": ["Tenstaskolan", "Amira Hassan", "Spånga", "Järva", "Solrosen"],
    "samordnare@st.example": ["Vällingbyskolan", "Anna Berg", "Hässelby", "Gröna diamanten", "Grimsta"],
  } as const;

  it("a coordinator sees nothing of the other district on any page or in any CSV", async () => {
    const pages = [
      ["/", homeLoader],
      ["/kontaktpersoner", contactsLoader],
      ["/jour", dutyLoader],
      ["/telefonlista", phoneListLoader],
      ["/stod", supportLoader],
      ["/moten", meetingsLoader],
      ["/konsultation", consultationsLoader],
      ["/statistik", statisticsLoader],
      ["/admin/personer", peopleLoader],
      ["/admin/logg", logLoader],
      ["/utkorg", outboxLoader],
    ] as const;
    for (const [email, foreign] of Object.entries(MARKERS)) {
      const cookie = await sessionCookie(email);
      for (const [path, loader] of pages) {
        const response = await respond(async () => (loader as (a: unknown) => unknown)(args(get(path, cookie))));
        expect(response.status, `${email} ${path}`).toBe(200);
        const body = await response.text();
        for (const marker of foreign) expect(body, `${email} ${path}`).not.toContain(marker);
      }
      const { tables } = (await statisticsLoader(args(get("/statistik", cookie)))) as { tables: Table[] };
      for (const table of tables) {
        const csv = await (await respond(async () => statisticsCsv(args(get(`/statistik.csv?tabell=${table.id}`, cookie))))).text();
        for (const marker of foreign) expect(csv, `${email} ${table.id}.csv`).not.toContain(marker);
      }
    }
  });

  it("the city's administrator sees every district side by side, never a district's pages", async () => {
    const cookie = await sessionCookie("admin@stockholm.example");
    const city = (await cityLoader(args(get("/stad", cookie)))) as { table: Table };
    expect(city.table.rows.map((r) => r.district)).toEqual(["Hässelby-Vällingby", "Spånga-Tensta"]);
    const csv = await (await respond(async () => cityCsv(args(get("/stad.csv", cookie))))).text();
    expect(csv).toContain('"Spånga-Tensta"');
    for (const [path, loader] of [
      ["/", homeLoader],
      ["/konsultation", consultationsLoader],
      ["/statistik", statisticsLoader],
      ["/admin/personer", peopleLoader],
    ] as const) {
      const response = await respond(async () => (loader as (a: unknown) => unknown)(args(get(path, cookie))));
      expect(response.status, path).toBe(302);
      expect(response.headers.get("Location")).toBe("/stad");
    }
    // A page the coordinator's role never uses: 403 (decision 023).
    expect(await respond(async () => cityLoader(args(get("/stad", await sessionCookie("samordnare@hv.example")))))).toHaveProperty("status", 403);
  });

  it("the city's administrator adds a district and invites its coordinator; a twin is refused", async () => {
    const cookie = await sessionCookie("admin@stockholm.example");
    const add = (fields: Record<string, string>) => respond(async () => cityAction(args(post("/stad", fields, cookie))));
    const fields = { name: "Rinkeby-Kista", office: "Kista centrum", coordinatorName: "Rut Rinkeby", coordinatorEmail: "samordnare@rk.example" };
    expect((await add(fields)).status).toBe(302);
    const district = db.select().from(districts).where(eq(districts.slug, "rinkeby-kista")).get()!;
    expect(db.select().from(people).where(eq(people.email, "samordnare@rk.example")).get()).toMatchObject({
      districtId: district.id,
      role: "coordinator",
      passwordHash: null,
    });
    expect(db.select().from(outbox).where(eq(outbox.toAddress, "samordnare@rk.example")).get()!.linkPurpose).toBe("invite");
    const twin = await add({ ...fields, coordinatorEmail: "annan@rk.example" });
    expect((await twin.json()).fieldErrors.name).toBe("Det stadsdelsområdet finns redan.");
    const noOffice = await add({ ...fields, name: "Skärholmen", office: "" });
    expect((await noOffice.json()).fieldErrors.office).toBe("Skriv var teamet sitter, till exempel Tensta centrum.");
    expect(db.select().from(districts).all()).toHaveLength(3);
  });
});
