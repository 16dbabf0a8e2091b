import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, contactAssignments, walkBookings, walkOccasions, walkSlots } from "../../db/schema";
import { action as homeAction } from "../../app/routes/_index";
import { action as dutyAction } from "../../app/routes/jour";
import { action as bookAction } from "../../app/routes/walk-and-talk.tider.$slotId";
import { action as walkAction } from "../../app/routes/walk-and-talk._index";
import { action as newConsultation } from "../../app/routes/konsultation.ny";
import { action as threadAction } from "../../app/routes/konsultation.$consultationId";
import { addContactAssignment } from "../../app/models/contact-admin.server";
import { moveOccasion, openSlotsFor, purgeOldBookingNotes } from "../../app/models/walk-and-talk.server";
import { actorFor, db, organisationId, personId, SEED_NOW, useFreshDatabase } from "./db";
import { args, post, respond, sessionCookie } from "./http";

/** Regressions found in review: each is something a user could otherwise run into. */
describe("review fixes", () => {
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
    const occasion = db.select().from(walkOccasions).get()!;
    const host = await sessionCookie("socialsekreterare@hv.example");
    for (const date of ["9999-12-29", "2031-01-07"]) {
      const moved = await respond(() => walkAction(args(post("/walk-and-talk", { intent: "move-occasion", occasionId: String(occasion.id), date }, host))));
      expect(moved.status).toBe(400);
    }
  });

  it("a past occasion cannot be moved", () => {
    const booking = db.select().from(walkBookings).where(eq(walkBookings.personId, personId("elevhalsa@vallingbyskolan.example"))).get()!;
    const later = new Date("2026-12-10T10:00:00Z");
    expect(moveOccasion(actorFor("socialsekreterare@hv.example"), booking.occasionId, "2026-12-14", later)).toMatchObject({
      ok: false,
      message: "Tillfället har redan varit och kan inte flyttas.",
    });
  });

  it("a booking note with a phone number is refused, and old notes are deleted", async () => {
    const slot = openSlotsFor(actorFor("larare@vallingbyskolan.example"), SEED_NOW)[0]!;
    const cookie = await sessionCookie("larare@vallingbyskolan.example");
    const refused = await respond(() => bookAction(args(post(`/walk-and-talk/tider/${slot.slotId}`, { note: "Ring pappan 070-174 06 99" }, cookie), { slotId: String(slot.slotId) })));
    expect(refused.status).toBe(400);
    expect((await refused.json()).fieldErrors.note).toMatch(/^Ta bort personnummer, telefonnummer/);
    await respond(() => bookAction(args(post(`/walk-and-talk/tider/${slot.slotId}`, { note: "En fråga om rutiner" }, cookie), { slotId: String(slot.slotId) })));
    const endsAt = db.select().from(walkSlots).where(eq(walkSlots.id, slot.slotId)).get()!.endsAt;
    expect(purgeOldBookingNotes(new Date(endsAt.getTime() + 89 * 86_400_000), 90)).toBe(0);
    expect(purgeOldBookingNotes(new Date(endsAt.getTime() + 91 * 86_400_000), 90)).toBe(1);
    expect(db.select().from(walkBookings).where(eq(walkBookings.slotId, slot.slotId)).get()!.note).toBeNull();
  });

  it("actions on a consultation log what they do, not extra reads", async () => {
    const asked = await respond(async () =>
      newConsultation(
        args(
          post(
            "/konsultation/ny",
            { purpose: "unsure_report", mode: "anonymous", ageBand: "6-9", concerns: ["absence"], question: "Hur gör jag?", urgency: "no_hurry", answerBy: "portal" },
            await sessionCookie("larare@vallingbyskolan.example"),
          ),
        ),
      ),
    );
    const id = /\/konsultation\/(\d+)/.exec(asked.headers.get("Location")!)![1]!;
    await respond(async () => threadAction(args(post(`/konsultation/${id}`, { intent: "take" }, await sessionCookie("socialsekreterare@hv.example")), { consultationId: id })));
    const actions = db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.objectType, "consultation")).all().map((a) => a.action);
    expect(actions).toEqual(["consultation.created", "consultation.taken"]);
  });

  it("a preschool unit's contact person can also be named for one of its preschools", () => {
    const outcome = addContactAssignment(actorFor("samordnare@hv.example"), {
      organisationId: organisationId("Förskolan Ekorren"),
      personId: personId("petra.nystrom@hv.example"),
      scopeLabel: "Förskolan Ekorren",
      schoolPartIds: [],
    });
    expect(outcome).toEqual({ ok: true });
    expect(db.select().from(contactAssignments).where(eq(contactAssignments.organisationId, organisationId("Förskolan Ekorren"))).all()).toHaveLength(1);
  });

  it("messages zod writes by itself are Swedish", async () => {
    const response = await respond(async () =>
      homeAction(args(post("/", { intent: "set-status", status: "busy", busyUntil: "till 15.00 ungefär" }, await sessionCookie("socialsekreterare@hv.example")))),
    );
    const message = (await response.json()).fieldErrors.busyUntil as string;
    expect(message).toBe("Skriv till vilket klockslag du är upptagen, till exempel 14.30.");
  });
});
