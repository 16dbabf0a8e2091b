import { SCHEDULER } from "../../app/auth/permissions";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, supportOffers, supportRequests } from "../../db/schema";
import { action as contactAction } from "../../app/routes/stod.$offerId.kontakt";
import { action as editAction } from "../../app/routes/stod.redigera.$offerId";
import { action as supportAction, loader as supportLoader } from "../../app/routes/stod._index";
import { loader as leafletLoader } from "../../app/routes/stod.$offerId.blad";
import { purgeHandledRequests } from "../../app/models/support.server";
import { db, useFreshDatabase } from "./db";
import { args, get, post, respond, sessionCookie } from "./http";

const offerId = (name: string) => db.select().from(supportOffers).where(eq(supportOffers.name, name)).get()!.id;
const family = {
  guardianName: "Fatima Testsson",
  guardianPhone: "070-174 06 98",
  language: "arabiska",
  interpreterNeeded: "yes",
  consentGivenBy: "mamma",
  consentGivenOn: "2026-11-30",
};
const requestContact = async (email: string, id: number, fields: Record<string, string> = family) =>
  respond(async () => contactAction(args(post(`/stod/${id}/kontakt`, fields, await sessionCookie(email)), { offerId: String(id) })));
const requestsSeenBy = async (email: string) =>
  ((await supportLoader(args(get("/stod", await sessionCookie(email))))) as { requests: { guardianName: string | null }[] }).requests;

describe("support without a report", () => {
  useFreshDatabase();

  it("lists the prevention unit's offers with a printable leaflet", async () => {
    const data = (await supportLoader(args(get("/stod", await sessionCookie("larare@vallingbyskolan.example"))))) as { offers: { name: string }[] };
    expect(data.offers.map((o) => o.name)).toEqual(["Föräldrarådgivare", "Fältassistenter", "Ungdomsmottagningen", "Skolsocionomer och närvaroprogrammet"]);
    const leaflet = (await leafletLoader(
      args(get("/stod/1/blad", await sessionCookie("larare@vallingbyskolan.example")), { offerId: String(offerId("Ungdomsmottagningen")) }),
    )) as { offer: { forWhom: string } };
    expect(leaflet.offer.forWhom).toBe("Unga 12–22 år");
  });

  it("a request to contact the family reaches only the offer's team, and its notice holds no family details", async () => {
    const response = await requestContact("larare@vallingbyskolan.example", offerId("Föräldrarådgivare"));
    expect(response.status).toBe(302);
    expect(db.select().from(supportRequests).get()).toMatchObject({ guardianPhone: "+46701740698", interpreterNeeded: true });
    expect((await requestsSeenBy("eva.sjoberg@hv.example")).map((r) => r.guardianName)).toEqual(["Fatima Testsson"]);
    expect(await requestsSeenBy("tobias.ek@hv.example")).toHaveLength(1);
    for (const other of ["socialsekreterare@hv.example", "samordnare@hv.example", "larare@vallingbyskolan.example", "rektor@vallingbyskolan.example"]) {
      expect(await requestsSeenBy(other)).toEqual([]);
    }
    const notices = db.select().from(outbox).all();
    expect(notices.map((m) => m.toAddress).sort()).toEqual(["eva.sjoberg@hv.example", "tobias.ek@hv.example"]);
    for (const m of notices) expect(m.textBody).not.toMatch(/Fatima|070|arabiska/);
  });

  it.each([
    ["no consent recorded", { consentGivenBy: "" }, "consentGivenBy", "Skriv vem som sa ja, till exempel mamma eller pappa."],
    ["a consent date in the future", { consentGivenOn: "2026-12-24" }, "consentGivenOn", "Datumet har inte varit än. Skriv när de sa ja."],
    ["a malformed phone number", { guardianPhone: "123" }, "guardianPhone", "Skriv ett telefonnummer, till exempel 070-123 45 67."],
  ])("refuses %s and keeps the input", async (_label, change, field, message) => {
    const response = await requestContact("larare@vallingbyskolan.example", offerId("Föräldrarådgivare"), { ...family, ...change });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.fieldErrors[field]).toBe(message);
    expect(body.values.guardianName).toBe("Fatima Testsson");
    expect(db.select().from(supportRequests).all()).toHaveLength(0);
  });

  it("the team marks it handled, and the family's details are deleted after the retention period", async () => {
    await requestContact("larare@vallingbyskolan.example", offerId("Föräldrarådgivare"));
    const request = db.select().from(supportRequests).get()!;
    const denied = await respond(async () =>
      supportAction(args(post("/stod", { intent: "handled", id: String(request.id) }, await sessionCookie("socialsekreterare@hv.example")))),
    );
    // Another team's request answers as if it did not exist.
    expect(denied.status).toBe(404);
    const done = await respond(async () =>
      supportAction(args(post("/stod", { intent: "handled", id: String(request.id) }, await sessionCookie("eva.sjoberg@hv.example")))),
    );
    expect(done.status).toBe(302);
    expect(purgeHandledRequests(SCHEDULER, new Date("2027-01-15T10:00:00Z"), 90)).toBe(0);
    expect(purgeHandledRequests(SCHEDULER, new Date("2027-03-02T10:00:00Z"), 90)).toBe(1);
    expect(db.select().from(supportRequests).get()).toMatchObject({ guardianName: null, guardianPhone: null, language: null, consentGivenBy: null });
    expect(await requestsSeenBy("eva.sjoberg@hv.example")).toEqual([]);
  });

  it("the coordinator edits the catalogue; nobody else can", async () => {
    const fields = {
      name: "Familjebehandling light",
      forWhom: "Familjer med barn 0–12 år",
      whatItGives: "Samtal.",
      howToContact: "Ring.",
      phone: "08-508 123 45",
      email: "",
      teamId: "",
      sortOrder: "9",
    };
    const coordinator = await sessionCookie("samordnare@hv.example");
    const missingTeam = await respond(() => editAction(args(post("/stod/redigera/nytt", fields, coordinator), { offerId: "nytt" })));
    expect((await missingTeam.json()).fieldErrors.teamId).toBe("Välj vilket team som tar emot förfrågningar.");
    const teamId = String(db.select().from(supportOffers).get()!.teamId);
    expect((await respond(() => editAction(args(post("/stod/redigera/nytt", { ...fields, teamId }, coordinator), { offerId: "nytt" })))).status).toBe(302);
    expect(db.select().from(supportOffers).where(eq(supportOffers.name, "Familjebehandling light")).get()!.phone).toBe("+46850812345");
    const teacher = await sessionCookie("larare@vallingbyskolan.example");
    expect((await respond(() => editAction(args(post("/stod/redigera/nytt", { ...fields, teamId }, teacher), { offerId: "nytt" })))).status).toBe(403);
  });
});
