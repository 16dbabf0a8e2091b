import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { consultations, meetings } from "../../db/schema";
import { action as meetingAction } from "../../app/routes/moten.$meetingId";
import { dutyDays } from "../../app/models/duty.server";
import { actorFor, db, personId, useFreshDatabase } from "./db";
import { args, post, respond, sessionCookie } from "./http";

// Clock: Tuesday 1 December 2026, 10.00. The seed's forum meets every other Thursday at 13.00,
// hosted by Eva Sjöberg, with one case booked by Maria Lund on the first.

const act = async (email: string, id: number, fields: Record<string, string>) =>
  respond(async () => meetingAction(args(post(`/moten/${id}`, fields, await sessionCookie(email)), { meetingId: String(id) })));

describe("a forum's cases follow the forum", () => {
  useFreshDatabase();

  it("moving a forum moves its cases' answer time to the forum's new end", async () => {
    const first = db.select().from(meetings).where(eq(meetings.kind, "forum")).orderBy(meetings.startsAt).all()[0]!;
    const booked = db.select().from(consultations).where(eq(consultations.forumMeetingId, first.id)).all();
    expect(booked.length).toBeGreaterThan(0);
    const eva = personId("eva.sjoberg@hv.example");
    const evaDuty = new Set(
      dutyDays(actorFor("eva.sjoberg@hv.example"), "2026-12-07", "2026-12-11")
        .filter((d) => d.personId === eva)
        .map((d) => d.date),
    );
    const date = ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11"].find((d) => !evaDuty.has(d))!;

    expect((await act("eva.sjoberg@hv.example", first.id, { intent: "move", date, time: "09.00" })).status).toBe(302);
    const moved = db.select().from(meetings).where(eq(meetings.id, first.id)).get()!;
    expect(moved.endsAt!.getTime()).not.toBe(first.endsAt!.getTime());
    const dueAts = db
      .select({ dueAt: consultations.dueAt })
      .from(consultations)
      .where(eq(consultations.forumMeetingId, first.id))
      .all()
      .map((c) => c.dueAt.getTime());
    expect(dueAts).toEqual(booked.map(() => moved.endsAt!.getTime()));
  });
});
