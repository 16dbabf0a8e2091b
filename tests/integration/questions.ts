/** Closed questions with known times, written straight into the database, for the follow-up tests. */
import { consultationConcerns, consultations } from "../../db/schema";
import { actorFor, db, organisationId, personId } from "./db";

const HOUR = 3_600_000;
const ASKERS: Record<string, string> = { Grimstaskolan: "larare@grimstaskolan.example", Vällingbyskolan: "larare@vallingbyskolan.example" };

/**
 * A closed anonymous question about absence from a teacher at `organisation` in Hässelby-Vällingby,
 * taken by Karin Dahl and first answered `hoursToAnswer` hours after it was asked (the promise:
 * within 24 hours).
 */
export function closedQuestion(
  createdAt: string,
  {
    organisation = "Grimstaskolan",
    hoursToAnswer = 2,
    ...fields
  }: { organisation?: string; hoursToAnswer?: number } & Partial<typeof consultations.$inferInsert> = {},
) {
  const created = new Date(createdAt);
  const row = db
    .insert(consultations)
    .values({
      districtId: actorFor("samordnare@hv.example").districtId,
      organisationId: organisationId(organisation),
      askerPersonId: personId(ASKERS[organisation]!),
      purpose: "unsure_report",
      mode: "anonymous",
      ageBand: "10-12",
      urgency: "few_days",
      answerBy: "portal",
      state: "closed",
      takenBy: personId("karin.dahl@hv.example"),
      firstAnswerAt: new Date(created.getTime() + hoursToAnswer * HOUR),
      closedAt: new Date(created.getTime() + (hoursToAnswer + 1) * HOUR),
      outcome: "advice",
      dueAt: new Date(created.getTime() + 24 * HOUR),
      createdAt: created,
      purgedAt: new Date(created.getTime() + 90 * 24 * HOUR),
      ...fields,
    })
    .returning()
    .get();
  db.insert(consultationConcerns).values({ consultationId: row.id, concern: "absence" }).run();
}
