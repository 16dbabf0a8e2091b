/**
 * What an attack on the running demo found after the insider fixes, each as the behaviour that
 * must hold now.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, people } from "../../db/schema";
import { action as personAction } from "../../app/routes/admin.personer.$personId";
import { loader as logLoader } from "../../app/routes/admin.logg";
import { action as newAction } from "../../app/routes/konsultation.ny";
import { db, personId, useFreshDatabase } from "./db";
import { QUESTION } from "./forms";
import { args, get, post, respond, sessionCookie } from "./http";

describe("the coordinator and the head of unit", () => {
  useFreshDatabase();

  it("a coordinator cannot deactivate or reactivate the head of unit, who approves the coordinator's requests", async () => {
    const head = personId("enhetschef@hv.example");
    const cookie = await sessionCookie("samordnare@hv.example");
    const deactivate = await respond(() => personAction(args(post(`/admin/personer/${head}`, { intent: "deactivate" }, cookie), { personId: String(head) })));
    expect(deactivate.status).toBe(400);
    expect(db.select().from(people).where(eq(people.id, head)).get()!.deactivatedAt).toBeNull();

    db.update(people).set({ deactivatedAt: new Date() }).where(eq(people.id, head)).run();
    const reactivate = await respond(() => personAction(args(post(`/admin/personer/${head}`, { intent: "reactivate" }, cookie), { personId: String(head) })));
    expect(reactivate.status).toBe(400);
    expect(db.select().from(people).where(eq(people.id, head)).get()!.deactivatedAt).not.toBeNull();
  });
});

describe("the district's audit log", () => {
  useFreshDatabase();

  it("does not show who asked social services or how many asked each day; the database keeps it", async () => {
    const asked = await respond(async () =>
      newAction(args(post("/konsultation/ny", { ...QUESTION, callbackPhone: "070-174 06 30" }, await sessionCookie("larare@vallingbyskolan.example")))),
    );
    expect(asked.status).toBe(302);
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, "consultation.created")).all()).toHaveLength(1);
    const log = JSON.stringify(await logLoader(args(get("/admin/logg", await sessionCookie("samordnare@hv.example")))));
    expect(log).not.toContain("consultation");
    expect(log).not.toContain("support_request");
    expect(log).toContain("session.login");
  });
});
