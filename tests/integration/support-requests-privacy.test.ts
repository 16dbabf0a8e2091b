import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organisations, outbox, people, supportOffers, supportRequests, teams } from "../../db/schema";
import { addDistrict } from "../../app/models/districts.server";
import { requestContact, requestsForTeam, saveOffer } from "../../app/models/support.server";
import { requestSchema } from "../../app/models/support";
import { action as contactAction } from "../../app/routes/stod.$offerId.kontakt";
import { action as editAction } from "../../app/routes/stod.redigera.$offerId";
import { action as supportAction, loader as supportLoader } from "../../app/routes/stod._index";
import { actorFor, db, SEED_NOW, useFreshDatabase } from "./db";
import { args, get, post, respond, sessionCookie } from "./http";

// The demo's offers go to the prevention unit (Eva Sjöberg, parent adviser; Tobias Ek, social
// worker). The coordinator Helena Vik and the head of unit Birgitta Norén are in the team
// "Barn och unga" with Anna Berg and the other social workers.

const FAMILY = {
  guardianName: "Fatima Testsson",
  guardianPhone: "070-174 06 98",
  language: "arabiska",
  interpreterNeeded: "yes",
  consentGivenBy: "mamma",
  consentGivenOn: "2026-11-30",
};
const DETAILS = /Fatima|Testsson|\+46701740698|070-174 06 98|arabiska/;

const teamId = (name: string) => db.select().from(teams).where(eq(teams.name, name)).get()!.id;
const offer = (name: string) => db.select().from(supportOffers).where(eq(supportOffers.name, name)).get()!;
const offerFields = (o: typeof supportOffers.$inferSelect, team: number) => ({
  name: o.name,
  forWhom: o.forWhom,
  whatItGives: o.whatItGives,
  howToContact: o.howToContact,
  phone: "",
  email: o.email ?? "",
  teamId: String(team),
  sortOrder: String(o.sortOrder),
});

const askForContact = async (offerId: number, email = "larare@vallingbyskolan.example") =>
  respond(async () => contactAction(args(post(`/stod/${offerId}/kontakt`, FAMILY, await sessionCookie(email)), { offerId: String(offerId) })));
const supportPage = async (email: string) => respond(async () => supportLoader(args(get("/stod", await sessionCookie(email)))));
const markHandled = async (email: string, id: number) =>
  respond(async () => supportAction(args(post("/stod", { intent: "handled", id: String(id) }, await sessionCookie(email)))));

/** An offer of the team "Barn och unga", added by the coordinator, and one request to it. */
function barnOchUngaOffer() {
  const outcome = saveOffer(actorFor("samordnare@hv.example"), null, {
    name: "Familjestöd i hemmet",
    forWhom: "Familjer med barn 0–17 år",
    whatItGives: "Samtal hemma med familjen.",
    howToContact: "Ring teamet.",
    phone: null,
    email: null,
    teamId: teamId("Barn och unga"),
    sortOrder: 5,
  });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.id;
}

describe("family details of support requests", () => {
  useFreshDatabase();

  it("reach only the social workers and parent advisers of the team, never its coordinator or head of unit", async () => {
    const offerId = barnOchUngaOffer();
    expect((await askForContact(offerId)).status).toBe(302);

    for (const email of ["socialsekreterare@hv.example", "jonas.ekholm@hv.example"]) {
      const page = await (await supportPage(email)).json();
      expect(page.requests.map((r: { guardianName: string }) => r.guardianName)).toEqual(["Fatima Testsson"]);
    }
    for (const email of ["samordnare@hv.example", "enhetschef@hv.example", "eva.sjoberg@hv.example", "larare@vallingbyskolan.example"]) {
      const page = await (await supportPage(email)).text();
      expect(page, email).not.toMatch(DETAILS);
    }

    // The notice goes to the same people: the team's social workers and parent advisers, no one else.
    const noticed = db
      .select({ to: outbox.toAddress })
      .from(outbox)
      .where(like(outbox.subject, "En familj vill bli kontaktad%"))
      .all()
      .map((m) => m.to);
    const expected = db
      .select({ email: people.email })
      .from(people)
      .where(eq(people.teamId, teamId("Barn och unga")))
      .all()
      .map((p) => p.email)
      .filter((email) => !["samordnare@hv.example", "enhetschef@hv.example"].includes(email));
    expect(noticed.sort()).toEqual(expected.sort());
    expect(noticed).not.toContain("samordnare@hv.example");
    expect(noticed).not.toContain("enhetschef@hv.example");
  });

  it("are not for a social worker whose place in the team still waits for the head of unit's approval", async () => {
    db.insert(people)
      .values({
        districtId: actorFor("samordnare@hv.example").districtId,
        name: "Ny Socialsekreterare",
        email: "ny.socialsekreterare@hv.example",
        title: "Socialsekreterare",
        role: "social_worker",
        teamId: teamId("Barn och unga"),
      })
      .run();
    const newcomer = actorFor("ny.socialsekreterare@hv.example");
    expect(db.select().from(people).where(eq(people.id, newcomer.personId)).get()!.accessApprovedAt).toBeNull();
    const offerId = barnOchUngaOffer();
    expect((await askForContact(offerId)).status).toBe(302);
    expect(requestsForTeam(newcomer)).toEqual([]);
    expect(db.select().from(outbox).where(eq(outbox.toAddress, "ny.socialsekreterare@hv.example")).all()).toEqual([]);
    // Once approved, the team's requests are hers too, those sent before included.
    db.update(people)
      .set({ accessApprovedAt: SEED_NOW, accessApprovedBy: actorFor("enhetschef@hv.example").personId })
      .where(eq(people.id, newcomer.personId))
      .run();
    expect(requestsForTeam(newcomer).map((r) => r.guardianName)).toEqual(["Fatima Testsson"]);
  });

  it("stay with the team they were sent to when the offer moves to another team", async () => {
    const parentAdvice = offer("Föräldrarådgivare");
    expect((await askForContact(parentAdvice.id)).status).toBe(302);
    const coordinator = await sessionCookie("samordnare@hv.example");
    const moved = await respond(() =>
      editAction(
        args(post(`/stod/redigera/${parentAdvice.id}`, offerFields(parentAdvice, teamId("Barn och unga")), coordinator), { offerId: String(parentAdvice.id) }),
      ),
    );
    expect(moved.status).toBe(302);
    expect(offer("Föräldrarådgivare").teamId).toBe(teamId("Barn och unga"));

    // The new team sees nothing sent before the move, and cannot mark it handled.
    expect(await (await supportPage("socialsekreterare@hv.example")).text()).not.toMatch(DETAILS);
    const request = db.select().from(supportRequests).get()!;
    expect((await markHandled("socialsekreterare@hv.example", request.id)).status).toBe(404);
    expect(db.select().from(supportRequests).get()!.handledAt).toBeNull();
    // The team it was sent to still has it.
    const eva = await (await supportPage("eva.sjoberg@hv.example")).json();
    expect(eva.requests.map((r: { guardianName: string }) => r.guardianName)).toEqual(["Fatima Testsson"]);
    expect((await markHandled("eva.sjoberg@hv.example", request.id)).status).toBe(302);

    // A request sent after the move goes to the new team only.
    expect((await askForContact(parentAdvice.id)).status).toBe(302);
    expect((await (await supportPage("socialsekreterare@hv.example")).json()).requests).toHaveLength(1);
    expect(
      (await (await supportPage("eva.sjoberg@hv.example")).json()).requests.filter((r: { handledAt: string | null }) => r.handledAt === null),
    ).toHaveLength(0);
  });

  it("can be marked handled only by the team they were sent to: 403 for other roles, 404 for another team, nothing written", async () => {
    const offerId = barnOchUngaOffer();
    await askForContact(offerId);
    const request = db.select().from(supportRequests).get()!;
    const refusals: [string, number][] = [
      ["enhetschef@hv.example", 403],
      ["samordnare@hv.example", 403],
      ["larare@vallingbyskolan.example", 403],
      ["eva.sjoberg@hv.example", 404], // another team
      ["tobias.ek@hv.example", 404],
      ["socialsekreterare@st.example", 404], // another district
    ];
    for (const [email, status] of refusals) {
      expect((await markHandled(email, request.id)).status, email).toBe(status);
      expect(db.select().from(supportRequests).get()).toEqual(request);
    }
    expect((await markHandled("socialsekreterare@hv.example", 999_999)).status).toBe(404);
    expect((await markHandled("socialsekreterare@hv.example", request.id)).status).toBe(302);
    expect(db.select().from(supportRequests).get()!.handledBy).toBe(actorFor("socialsekreterare@hv.example").personId);
    // Twice is refused with a reason, not written again.
    const again = await markHandled("jonas.ekholm@hv.example", request.id);
    expect(again.status).toBe(400);
    expect((await again.json()).fieldErrors.form).toBe("Förfrågan är redan markerad som klar.");
    expect(db.select().from(supportRequests).get()!.handledBy).toBe(actorFor("socialsekreterare@hv.example").personId);
  });

  it("in a district with one team, added at /stad, the coordinator never receives a family's details", async () => {
    const added = addDistrict(
      actorFor("admin@stockholm.example"),
      { name: "Rinkeby-Kista", office: "Rinkeby centrum", coordinatorName: "Kim Testsson", coordinatorEmail: "samordnare@rk.example" },
      SEED_NOW,
    );
    if (!added.ok) throw new Error(added.message);
    const team = db.select().from(teams).where(eq(teams.districtId, added.id)).get()!;
    const coordinator = actorFor("samordnare@rk.example");
    expect(coordinator.teamId).toBe(team.id);
    const school = db.insert(organisations).values({ districtId: added.id, kind: "school", name: "Rinkebyskolan" }).returning().get();
    db.insert(people)
      .values({
        districtId: added.id,
        name: "Lo Lärare",
        email: "larare@rinkebyskolan.example",
        title: "Lärare",
        role: "partner_staff",
        organisationId: school.id,
      })
      .run();
    const saved = saveOffer(coordinator, null, {
      name: "Familjestöd",
      forWhom: "Familjer",
      whatItGives: "Samtal.",
      howToContact: "Ring.",
      phone: null,
      email: null,
      teamId: team.id,
      sortOrder: 0,
    });
    if (!saved.ok) throw new Error(saved.message);
    const input = requestSchema(SEED_NOW).parse(FAMILY);
    expect(requestContact(actorFor("larare@rinkebyskolan.example"), saved.id, input)).toEqual({ ok: true });

    expect(requestsForTeam(coordinator)).toEqual([]);
    const mails = db
      .select()
      .from(outbox)
      .where(and(eq(outbox.districtId, added.id), eq(outbox.toAddress, "samordnare@rk.example")))
      .all();
    expect(mails.map((m) => m.subject).filter((s) => s.startsWith("En familj vill bli kontaktad"))).toEqual([]);
    // The request is still kept for the team: a social worker who joins it sees it.
    expect(db.select().from(supportRequests).where(eq(supportRequests.districtId, added.id)).get()!.teamId).toBe(team.id);
  });
});
