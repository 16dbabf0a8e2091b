import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { people } from "../../db/schema";
import { loader as newQuestionLoader } from "../../app/routes/konsultation.ny";
import { db, useFreshDatabase } from "./db";
import { args, get, sessionCookie } from "./http";

describe("what a person already gave is not asked for again", () => {
  useFreshDatabase();

  it("a new question offers the phone number the person gave under Mitt konto", async () => {
    const teacher = "larare@vallingbyskolan.example";
    db.update(people).set({ phone: "+46701740612" }).where(eq(people.email, teacher)).run();
    const data = (await newQuestionLoader(args(get("/konsultation/ny", await sessionCookie(teacher))))) as { ownPhone?: string };
    expect(data.ownPhone).toBe("070-174 06 12");
  });

  it("a person without a stored number gets an empty field", async () => {
    const teacher = "larare@vallingbyskolan.example";
    db.update(people).set({ phone: null }).where(eq(people.email, teacher)).run();
    const data = (await newQuestionLoader(args(get("/konsultation/ny", await sessionCookie(teacher))))) as { ownPhone?: string };
    expect(data.ownPhone).toBe("");
  });
});
