import { and, eq } from "drizzle-orm";
import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { auditEvents, availabilityStatuses, calendarFeeds, dutyLines, dutyOverrides } from "../../db/schema";
import { action as homeAction, loader as homeLoader } from "../../app/routes/_index";
import { action as dutyAction, loader as dutyLoader } from "../../app/routes/jour";
import { loader as feedLoader } from "../../app/routes/kalender.jour.$token";
import { loader as phoneListLoader } from "../../app/routes/telefonlista";
import { dutyDays, isOnDuty } from "../../app/models/duty.server";
import { statusesOf } from "../../app/models/availability.server";
import { callAdviceFor } from "../../app/models/who-to-call.server";
import { actorFor, db, personId, SEED_NOW, useFreshDatabase } from "./db";
import { args, get, post, respond, sessionCookie } from "./http";

// The clock is Tuesday 1 December 2026, 10.00 (tests/vitest.config.ts). The seeded rota starts
// Monday 30 November: Anna, Omar, Sara, Leila, Jonas (away through 8 December), Karin, Mikael, Petra.

const coordinator = () => sessionCookie("samordnare@hv.example");
const postDuty = async (fields: Record<string, string>, cookie?: string) =>
  respond(async () => dutyAction(args(post("/jour", fields, cookie ?? (await coordinator())))));
const dayOn = (date: string) => dutyDays(actorFor("samordnare@hv.example"), date, date)[0];

describe("the duty rota", () => {
  useFreshDatabase();

  it("follows the turn order and skips the person who is away", () => {
    const days = dutyDays(actorFor("samordnare@hv.example"), "2026-11-30", "2026-12-04");
    expect(days.map((d) => d.personName)).toEqual(["Anna Berg", "Omar Lind", "Sara Lindqvist", "Leila Haddad", "Karin Dahl"]);
    expect(isOnDuty({ personId: personId("omar.lind@hv.example"), districtId: actorFor("omar.lind@hv.example").districtId }, "2026-12-01")).toBe(true);
    expect(isOnDuty({ personId: personId("socialsekreterare@hv.example"), districtId: actorFor("omar.lind@hv.example").districtId }, "2026-12-01")).toBe(false);
  });

  it("the coordinator gives a day to someone else, and it is logged", async () => {
    const response = await postDuty({ intent: "replace-day", date: "2026-12-03", personId: String(personId("mikael.holm@hv.example")) });
    expect(response.status).toBe(302);
    expect(dayOn("2026-12-03")).toMatchObject({ personName: "Mikael Holm", source: "override" });
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, "duty.changed")).all()).toHaveLength(1);
  });

  it("swaps two days between two people", async () => {
    const response = await postDuty({ intent: "swap-days", first: "2026-12-02", second: "2026-12-04" });
    expect(response.status).toBe(302);
    expect(dayOn("2026-12-02")?.personName).toBe("Karin Dahl");
    expect(dayOn("2026-12-04")?.personName).toBe("Sara Lindqvist");
  });

  it("and the partner's start page follows the change", async () => {
    await postDuty({ intent: "replace-day", date: "2026-12-01", personId: String(personId("petra.nystrom@hv.example")) });
    const advice = callAdviceFor(actorFor("polis@vallingby.polisen.example"), SEED_NOW);
    expect(advice.options.find((o) => o.kind === "duty")).toMatchObject({ dutyPersonName: "Petra Nyström" });
  });

  it.each([
    ["a second change of the same day", { intent: "replace-day", date: "2026-12-03" }, "date", "Den dagen är redan ändrad. Ta bort ändringen först."],
    ["a day that has been", { intent: "replace-day", date: "2026-11-30" }, "date", "Dagen har redan varit. Välj i dag eller en senare dag."],
    ["a Saturday", { intent: "replace-day", date: "2026-12-05" }, "date", "Jourtelefonen är stängd den dagen, så ingen har jour då."],
    ["Christmas Eve", { intent: "replace-day", date: "2026-12-24" }, "date", "Jourtelefonen är stängd den dagen, så ingen har jour då."],
    ["a date that does not exist", { intent: "replace-day", date: "2026-02-30" }, "date", "Skriv ett datum, till exempel 2026-12-03."],
    ["no date", { intent: "replace-day", date: "" }, "date", "Välj vilken dag som ska ändras."],
  ])("refuses %s with a field error and keeps the input", async (_label, fields, field, message) => {
    const cookie = await coordinator();
    await postDuty({ intent: "replace-day", date: "2026-12-03", personId: String(personId("mikael.holm@hv.example")) }, cookie);
    const before = db.select().from(dutyOverrides).all().length;
    const response = await postDuty({ personId: String(personId("karin.dahl@hv.example")), ...fields }, cookie);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fieldErrors[field]).toBe(message);
    expect(body.values.date).toBe(fields.date);
    expect(db.select().from(dutyOverrides).all()).toHaveLength(before);
  });

  it.each([
    ["an unknown person", "999999"],
    ["a teacher", "__teacher__"],
    ["a social worker of another district", "__other__"],
    ["not a number", "Anna"],
  ])("refuses %s as duty person", async (_label, who) => {
    const id =
      who === "__teacher__" ? String(personId("larare@vallingbyskolan.example")) : who === "__other__" ? String(personId("socialsekreterare@st.example")) : who;
    const response = await postDuty({ intent: "replace-day", date: "2026-12-03", personId: id });
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors.personId).toMatch(/^Välj/);
    expect(db.select().from(dutyOverrides).all()).toHaveLength(0);
  });

  it("never leaves the rota empty", async () => {
    const cookie = await coordinator();
    const members = [
      "socialsekreterare@hv.example",
      "omar.lind@hv.example",
      "sara.lindqvist@hv.example",
      "leila.haddad@hv.example",
      "jonas.ekholm@hv.example",
      "karin.dahl@hv.example",
      "mikael.holm@hv.example",
    ];
    for (const email of members) expect((await postDuty({ intent: "remove-member", personId: String(personId(email)) }, cookie)).status).toBe(302);
    const last = await postDuty({ intent: "remove-member", personId: String(personId("petra.nystrom@hv.example")) }, cookie);
    expect(last.status).toBe(400);
    expect((await last.json()).fieldErrors.personId).toBe("Jourschemat behöver minst en person. Lägg till någon annan först.");
    expect(dutyDays(actorFor("samordnare@hv.example"), "2026-12-01", "2026-12-04").every((d) => d.personName === "Petra Nyström")).toBe(true);
  });

  it("moves people in the turn order", async () => {
    expect((await postDuty({ intent: "move-up", personId: String(personId("omar.lind@hv.example")) })).status).toBe(302);
    expect(dayOn("2026-11-30")?.personName).toBe("Omar Lind");
    expect(dayOn("2026-12-01")?.personName).toBe("Anna Berg");
  });

  it("flags days when everybody is away", async () => {
    const cookie = await coordinator();
    const members = [
      "socialsekreterare@hv.example",
      "omar.lind@hv.example",
      "sara.lindqvist@hv.example",
      "leila.haddad@hv.example",
      "karin.dahl@hv.example",
      "mikael.holm@hv.example",
    ];
    for (const email of members) await postDuty({ intent: "remove-member", personId: String(personId(email)) }, cookie);
    // Left: Jonas (away through 8 December) and Petra. Petra goes away too.
    const petra = await sessionCookie("petra.nystrom@hv.example");
    await respond(() => homeAction(args(post("/", { intent: "set-status", status: "away", awayThrough: "2026-12-02" }, petra))));
    expect(dayOn("2026-12-02")).toMatchObject({ personId: null, problem: "nobody" });
    expect(dayOn("2026-12-03")?.personName).toBe("Petra Nyström");
  });
});

describe("the duty line", () => {
  useFreshDatabase();

  const lineFields = {
    intent: "save-line",
    phone: "08-508 123 45",
    afterHoursPhone: "070-174 06 06",
    eveClosesAt: "12.00",
    opens1: "8.00",
    closes1: "16.30",
    opens2: "08:00",
    closes2: "16:00",
  };

  it("saves numbers in normalised form and the opening hours", async () => {
    expect((await postDuty(lineFields)).status).toBe(302);
    const line = db.select().from(dutyLines).get()!;
    expect(line.phone).toBe("+46850812345");
    expect(line.eveClosesAt).toBe("12:00");
    const data = (await dutyLoader(args(get("/jour", await coordinator())))) as { line: { hours: unknown[] } };
    expect(data.line.hours).toEqual([
      { weekday: 1, opensAt: "08:00", closesAt: "16:30" },
      { weekday: 2, opensAt: "08:00", closesAt: "16:00" },
    ]);
  });

  it.each([
    ["a malformed phone number", { phone: "12345" }, "phone", "Skriv jourtelefonens nummer, till exempel 08-508 123 45."],
    ["a closing time before the opening", { closes1: "7.00" }, "closes1", "Jouren måste stänga senare än den öppnar på måndag."],
    ["an opening time without a closing time", { closes2: "" }, "closes2", /Skriv både när jouren öppnar och stänger på tisdag/],
    ["a nonsense time", { eveClosesAt: "25.00" }, "eveClosesAt", "Skriv ett klockslag, till exempel 13.00."],
  ])("refuses %s and saves nothing", async (_label, change, field, message) => {
    const response = await postDuty({ ...lineFields, ...change });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fieldErrors[field]).toMatch(message);
    expect(body.values.phone).toBe((change as { phone?: string }).phone ?? lineFields.phone);
    expect(db.select().from(dutyLines).get()!.phone).toBe("+46701740605");
  });

  it("is the coordinator's: others get 403 and nothing changes", async () => {
    for (const email of ["socialsekreterare@hv.example", "rektor@vallingbyskolan.example"]) {
      const response = await respond(async () => dutyAction(args(post("/jour", lineFields, await sessionCookie(email)))));
      expect(response.status).toBe(403);
    }
    expect(db.select().from(dutyLines).get()!.phone).toBe("+46701740605");
  });

  it("another district's coordinator changes only their own district", async () => {
    const other = await sessionCookie("samordnare@st.example");
    await postDuty(lineFields, other);
    const lines = db.select().from(dutyLines).all();
    expect(lines.find((l) => l.districtId === actorFor("samordnare@hv.example").districtId)?.phone).toBe("+46701740605");
    expect(lines.find((l) => l.districtId === actorFor("samordnare@st.example").districtId)?.phone).toBe("+46850812345");
    const view = (await dutyLoader(args(get("/jour", other)))) as { week: { personName: string | null }[] };
    // Spånga-Tensta's own rota: never a social worker of Hässelby-Vällingby.
    expect(new Set(view.week.map((d) => d.personName))).toEqual(new Set(["Amira Hassan", "Johan Lindberg"]));
    expect(
      db
        .select()
        .from(dutyOverrides)
        .where(and(eq(dutyOverrides.districtId, actorFor("samordnare@hv.example").districtId)))
        .all(),
    ).toHaveLength(0);
  });
});

describe("availability and who to call", () => {
  useFreshDatabase();

  const setStatus = async (email: string, fields: Record<string, string>) =>
    respond(async () => homeAction(args(post("/", { intent: "set-status", ...fields }, await sessionCookie(email)))));

  it("a lower-school teacher calls Anna Berg first; Jonas Ekholm is away", () => {
    const advice = callAdviceFor(actorFor("larare@vallingbyskolan.example"), SEED_NOW);
    expect(advice.options.map((o) => o.kind)).toEqual(["contact", "duty", "emergency"]);
    expect(advice.options[0]).toMatchObject({ name: "Anna Berg", phone: "+46701740612" });
    expect(advice.contacts.find((c) => c.name === "Jonas Ekholm")?.availability).toEqual({ state: "away", through: "2026-12-08" });
  });

  it("when Anna is busy, the duty phone comes first and her card says until when", async () => {
    expect((await setStatus("socialsekreterare@hv.example", { status: "busy", busyUntil: "14.30" })).status).toBe(302);
    const advice = callAdviceFor(actorFor("larare@vallingbyskolan.example"), SEED_NOW);
    expect(advice.options[0]).toMatchObject({ kind: "duty", dutyPersonName: "Omar Lind", phone: "+46701740605" });
    expect(advice.contacts.find((c) => c.name === "Anna Berg")?.availability).toEqual({ state: "busy", until: "2026-12-01T13:30:00.000Z" });
  });

  it.each([
    ["busy until a time that has passed", { status: "busy", busyUntil: "9.30" }, "busyUntil", "Klockslaget har redan passerat. Skriv en tid senare i dag."],
    ["busy without a time", { status: "busy", busyUntil: "" }, "busyUntil", "Skriv till vilket klockslag du är upptagen, till exempel 14.30."],
    [
      "away through a day that has been",
      { status: "away", awayThrough: "2026-11-30" },
      "awayThrough",
      "Datumet har redan varit. Skriv i dag eller ett senare datum.",
    ],
    ["away through nonsense", { status: "away", awayThrough: "snart" }, "awayThrough", "Skriv sista dagen du är borta, till exempel 2026-12-03."],
    ["no choice", {}, "status", "Välj om du är tillgänglig, upptagen eller borta."],
  ])("refuses a status %s", async (_label, fields, field, message) => {
    const response = await setStatus("socialsekreterare@hv.example", fields);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fieldErrors[field]).toBe(message);
    expect(callAdviceFor(actorFor("larare@vallingbyskolan.example"), SEED_NOW).options[0]).toMatchObject({ name: "Anna Berg" });
  });

  it("only contact persons set a status", async () => {
    const response = await setStatus("larare@vallingbyskolan.example", { status: "away", awayThrough: "2026-12-10" });
    expect(response.status).toBe(403);
  });

  it("after hours, everyone is pointed to socialjouren and 112", () => {
    const evening = new Date("2026-12-01T17:00:00Z"); // 18.00 in Stockholm
    const advice = callAdviceFor(actorFor("pedagog@gronadiamanten.example"), evening);
    expect(advice.options).toEqual([
      { kind: "after-hours", phone: "+46701740606", opensNext: { date: "2026-12-02", opensAt: "08:00" } },
      { kind: "emergency", phone: "112" },
    ]);
  });

  it("the phone list has the organisation's contacts and the duty line", async () => {
    const data = (await phoneListLoader(args(get("/telefonlista", await sessionCookie("polis@vallingby.polisen.example"))))) as {
      contacts: { name: string }[];
      line: { phone: string };
    };
    expect(data.contacts.map((c) => c.name).sort()).toEqual(["Karin Dahl", "Omar Lind"]);
    expect(data.line.phone).toBe("+46701740605");
  });
});

describe("the duty calendar feed", () => {
  useFreshDatabase();

  const hasFeed = async (cookie: string) => ((await homeLoader(args(get("/", cookie)))) as { hasFeed: boolean }).hasFeed;
  /** The address is in the answer to the POST that makes it, and only there. */
  const renew = async (cookie: string) => {
    const response = await respond(() => homeAction(args(post("/", { intent: "renew-feed" }, cookie))));
    return ((await response.json()) as { newFeedUrl: string }).newFeedUrl;
  };
  const fetchFeed = (url: string) => {
    const token = url.split("/").pop()!;
    return respond(() => feedLoader(args(get(new URL(url).pathname), { token })));
  };

  it("lists one's own duty days, parses as iCalendar, and stops working after renewal", async () => {
    const cookie = await sessionCookie("omar.lind@hv.example");
    expect(await hasFeed(cookie)).toBe(false);
    const first = await renew(cookie);
    expect(first).toMatch(/^http:\/\/localhost:3000\/kalender\/jour\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await hasFeed(cookie)).toBe(true);
    // The page never shows the address again, and the database holds only its hash.
    const token = first
      .split("/")
      .pop()!
      .replace(/\.ics$/, "");
    expect(JSON.stringify(await homeLoader(args(get("/", cookie))))).not.toContain(token);
    expect(JSON.stringify(db.select().from(calendarFeeds).all())).not.toContain(token);

    const response = await fetchFeed(first);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    // Omar's feed also carries the police collaboration meetings he hosts; here only the duty days count.
    const events = Object.values(ical.sync.parseICS(await response.text())).filter(
      (e) => e?.type === "VEVENT" && (e as { summary?: string }).summary?.startsWith("Jour"),
    );
    const omarDays = dutyDays(actorFor("samordnare@hv.example"), "2026-11-17", "2027-06-01")
      .filter((d) => d.personId === personId("omar.lind@hv.example"))
      .map((d) => d.date);
    expect(omarDays).toContain("2026-12-01");
    const eventDates = events
      .map((e) => (e as { start: Date }).start)
      .map((d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`);
    expect(eventDates.sort()).toEqual(omarDays.sort());
    expect((events[0] as { summary: string }).summary).toBe("Jour: du svarar i jourtelefonen");

    const second = await renew(cookie);
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);
  });

  it("answers 404 for made-up tokens", async () => {
    for (const token of ["x", "a".repeat(32), "../../etc/passwd", ""]) {
      expect((await respond(() => feedLoader(args(get(`/kalender/jour/${token}`), { token })))).status).toBe(404);
    }
  });
});

describe("giving a day to someone who is away", () => {
  useFreshDatabase();

  it("is refused: Jonas Ekholm is away through 8 December", async () => {
    const response = await respond(async () =>
      dutyAction(
        args(
          post(
            "/jour",
            { intent: "replace-day", date: "2026-12-04", personId: String(personId("jonas.ekholm@hv.example")) },
            await sessionCookie("samordnare@hv.example"),
          ),
        ),
      ),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors.personId).toBe("Personen är borta den dagen. Välj någon annan.");
  });
});

describe("dates and messages on the duty and status forms", () => {
  useFreshDatabase();

  it("dates far in the future are refused with a field error, not a 500 or a hang", async () => {
    const coordinator = await sessionCookie("samordnare@hv.example");
    const response = await respond(() =>
      dutyAction(args(post("/jour", { intent: "replace-day", date: "3027-01-05", personId: String(personId("karin.dahl@hv.example")) }, coordinator))),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors.date).toBe("Skriv ett datum, till exempel 2026-12-03.");
    const nextYear = await respond(() =>
      dutyAction(args(post("/jour", { intent: "replace-day", date: "2028-01-05", personId: String(personId("karin.dahl@hv.example")) }, coordinator))),
    );
    expect((await nextYear.json()).fieldErrors.date).toBe("Välj en dag inom ett år.");
  });

  it("a person's status is read only for those of her own district", () => {
    const karin = personId("karin.dahl@hv.example");
    db.insert(availabilityStatuses).values({ personId: karin, kind: "away", awayThrough: "2026-12-04" }).onConflictDoNothing().run();
    expect(statusesOf(actorFor("samordnare@hv.example"), [karin]).get(karin)).toMatchObject({ kind: "away" });
    expect(statusesOf(actorFor("samordnare@st.example"), [karin]).size).toBe(0);
  });

  it("messages zod writes by itself are Swedish", async () => {
    const response = await respond(async () =>
      homeAction(
        args(post("/", { intent: "set-status", status: "busy", busyUntil: "till 15.00 ungefär" }, await sessionCookie("socialsekreterare@hv.example"))),
      ),
    );
    const message = (await response.json()).fieldErrors.busyUntil as string;
    expect(message).toBe("Skriv till vilket klockslag du är upptagen, till exempel 14.30.");
  });
});
