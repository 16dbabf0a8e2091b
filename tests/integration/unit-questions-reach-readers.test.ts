import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { availabilityStatuses, consultations, contactAssignments, outbox } from "../../db/schema";
import { action as newAction } from "../../app/routes/konsultation.ny";
import { lookupConsultation } from "../../app/models/consultations.server";
import { meetingHostsFor } from "../../app/models/meeting-creation.server";
import { actorFor, db, organisationId, personId, SEED_NOW, useFreshDatabase } from "./db";
import { QUESTION } from "./forms";
import { args, post, respond, sessionCookie } from "./http";

/**
 * Someone placed at a preschool unit (the head of Grimsta förskoleenhet) sees the contact
 * persons of the unit's preschools among theirs, but a question asked at the unit belongs to
 * the unit: only those who cover the unit may read it. The notice of a new question, and the
 * choice between a contact person and the duty phone, must follow who can read it.
 */

const UNIT_HEAD = "forskolechef@grimsta.example";
const BAVERN_CONTACT = "karin.dahl@hv.example";

/** Karin Dahl becomes an approved contact person of one preschool of the unit, Förskolan Bävern. */
function bavernGetsItsOwnContactPerson() {
  db.insert(contactAssignments)
    .values({
      districtId: actorFor(UNIT_HEAD).districtId,
      organisationId: organisationId("Förskolan Bävern"),
      personId: personId(BAVERN_CONTACT),
      scopeLabel: "Hela förskolan",
      approvedAt: SEED_NOW,
      approvedBy: personId("enhetschef@hv.example"),
    })
    .run();
}

async function askAtTheUnit(): Promise<number> {
  const response = await respond(async () => newAction(args(post("/konsultation/ny", QUESTION, await sessionCookie(UNIT_HEAD)))));
  expect(response.status).toBe(302);
  return Number(/\/konsultation\/(\d+)/.exec(response.headers.get("Location") ?? "")![1]);
}

describe("a question asked at a preschool unit", () => {
  useFreshDatabase();

  it("is told only to contact persons who can read it, not to a preschool's own contact person", async () => {
    bavernGetsItsOwnContactPerson();
    const id = await askAtTheUnit();
    const told = db
      .select({ to: outbox.toAddress })
      .from(outbox)
      .where(eq(outbox.subject, "En ny fråga väntar i Samverkansportalen"))
      .all()
      .map((m) => m.to);
    expect(told.sort()).toEqual(["eva.sjoberg@hv.example", "petra.nystrom@hv.example"]);
    for (const email of told) expect(lookupConsultation(actorFor(email), id, SEED_NOW)).not.toBeNull();
    expect(lookupConsultation(actorFor(BAVERN_CONTACT), id, SEED_NOW)).toBeNull();
  });

  it("goes to the duty phone when the unit's contact persons are away, however available a preschool's contact person is", async () => {
    bavernGetsItsOwnContactPerson();
    for (const email of ["petra.nystrom@hv.example", "eva.sjoberg@hv.example"])
      db.insert(availabilityStatuses)
        .values({ personId: personId(email), kind: "away", awayThrough: "2026-12-11", setAt: SEED_NOW })
        .run();
    const id = await askAtTheUnit();
    expect(db.select({ viaDuty: consultations.viaDuty }).from(consultations).where(eq(consultations.id, id)).get()!.viaDuty).toBe(true);
  });

  it("is planned as a report meeting with the unit's contact persons only, not a preschool's own", () => {
    bavernGetsItsOwnContactPerson();
    const hosts = meetingHostsFor(actorFor(UNIT_HEAD)).map((h) => h.personId);
    expect(hosts).toContain(personId("petra.nystrom@hv.example"));
    expect(hosts).not.toContain(personId(BAVERN_CONTACT));
  });
});
