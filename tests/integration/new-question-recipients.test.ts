import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { availabilityStatuses, consultations, outbox } from "../../db/schema";
import { action as newAction } from "../../app/routes/konsultation.ny";
import { db, personId, SEED_NOW, useFreshDatabase } from "./db";
import { QUESTION } from "./forms";
import { args, post, respond, sessionCookie } from "./http";

/**
 * Vällingbyskolan has four contact persons: Anna Berg and Jonas Ekholm cover lågstadiet,
 * mellanstadiet and grundsärskolan, Sara Lindqvist and Mikael Holm högstadiet. The seed has
 * Jonas away; Omar Lind has the duty phone today (Tuesday 1 December 2026, 10.00).
 */
const LOWER_SCHOOL_TEACHER = "larare@vallingbyskolan.example";

async function ask(email: string) {
  const response = await respond(async () => newAction(args(post("/konsultation/ny", QUESTION, await sessionCookie(email)))));
  expect(response.status).toBe(302);
  const id = Number(/\/konsultation\/(\d+)/.exec(response.headers.get("Location") ?? "")![1]);
  const told = db
    .select({ to: outbox.toAddress })
    .from(outbox)
    .where(eq(outbox.subject, "En ny fråga väntar i Samverkansportalen"))
    .all()
    .map((m) => m.to)
    .sort();
  return { told, viaDuty: db.select().from(consultations).where(eq(consultations.id, id)).get()!.viaDuty };
}

const markAway = (...emails: string[]) => {
  for (const email of emails)
    db.insert(availabilityStatuses)
      .values({ personId: personId(email), kind: "away", awayThrough: "2026-12-11", setAt: SEED_NOW })
      .run();
};

describe("a new question from a lower-school teacher", () => {
  useFreshDatabase();

  it("is mailed to the lower-school contact person who can answer now, not the one away or the upper-school pair", async () => {
    expect(await ask(LOWER_SCHOOL_TEACHER)).toEqual({ told: ["socialsekreterare@hv.example"], viaDuty: false });
  });

  it("is mailed to the upper-school pair when no lower-school contact person can answer", async () => {
    markAway("socialsekreterare@hv.example");
    expect(await ask(LOWER_SCHOOL_TEACHER)).toEqual({ told: ["mikael.holm@hv.example", "sara.lindqvist@hv.example"], viaDuty: false });
  });

  it("is mailed to today's duty person only when none of the school's contact persons can answer", async () => {
    markAway("socialsekreterare@hv.example", "sara.lindqvist@hv.example", "mikael.holm@hv.example");
    expect(await ask(LOWER_SCHOOL_TEACHER)).toEqual({ told: ["omar.lind@hv.example"], viaDuty: true });
  });
});

describe("a new question from an upper-school teacher", () => {
  useFreshDatabase();

  it("is mailed to the upper-school pair only", async () => {
    expect(await ask("lars.ek@vallingbyskolan.example")).toEqual({ told: ["mikael.holm@hv.example", "sara.lindqvist@hv.example"], viaDuty: false });
  });
});
