import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { meetings } from "../../db/schema";
import { action as forumCaseAction, loader as forumCaseLoader } from "../../app/routes/moten.$meetingId_.arende";
import { action as seriesAction, loader as seriesLoader } from "../../app/routes/walk-and-talk.serier.$seriesId";
import { action as bookAction, loader as bookLoader } from "../../app/routes/walk-and-talk.tider.$slotId";
import { db, useFreshDatabase } from "./db";
import { args, get, post, respond, sessionCookie } from "./http";
import { annasSeriesAndSlot } from "./routes";

/**
 * Decision 023: a page or action one's role never uses answers 403 from the route's first line,
 * whatever its object; 404 is for an object out of one's scope. Booking a walk-and-talk time and
 * bringing a case to the forum are partners' pages, a walk-and-talk series is its host's: social
 * services, the coordinator and partners were answered "does not exist" there instead.
 */

const forumId = () => String(db.select({ id: meetings.id }).from(meetings).where(eq(meetings.kind, "forum")).get()!.id);

async function answers(email: string, run: (cookie: string) => Promise<unknown>): Promise<number> {
  const cookie = await sessionCookie(email);
  return (await respond(() => run(cookie))).status;
}

describe("a page one's role never uses", () => {
  useFreshDatabase();

  it("a walk-and-talk time to book is not for social services or the coordinator: 403, for a partner of another organisation 404", async () => {
    const { slotId } = annasSeriesAndSlot();
    const path = `/walk-and-talk/tider/${slotId}`;
    for (const email of ["socialsekreterare@hv.example", "samordnare@hv.example", "enhetschef@hv.example", "samordnare@st.example"]) {
      expect(await answers(email, (c) => bookLoader(args(get(path, c), { slotId })))).toBe(403);
      expect(await answers(email, (c) => bookAction(args(post(path, { topic: "general" }, c), { slotId })))).toBe(403);
    }
    expect(await answers("larare@grimstaskolan.example", (c) => bookLoader(args(get(path, c), { slotId })))).toBe(404);
  });

  it("a walk-and-talk series is not for partners or the coordinator: 403, another contact person's series 404", async () => {
    const { seriesId } = annasSeriesAndSlot();
    const path = `/walk-and-talk/serier/${seriesId}`;
    for (const email of ["larare@vallingbyskolan.example", "rektor@vallingbyskolan.example", "samordnare@hv.example", "enhetschef@hv.example"]) {
      expect(await answers(email, (c) => seriesLoader(args(get(path, c), { seriesId })))).toBe(403);
      expect(await answers(email, (c) => seriesAction(args(post(path, { intent: "add-occasion", date: "2027-01-20" }, c), { seriesId })))).toBe(403);
    }
    expect(await answers("eva.sjoberg@hv.example", (c) => seriesLoader(args(get(path, c), { seriesId })))).toBe(404);
  });

  it("bringing a case to the forum is not for social services or the coordinator: 403", async () => {
    const meetingId = forumId();
    const path = `/moten/${meetingId}/arende`;
    for (const email of ["socialsekreterare@hv.example", "eva.sjoberg@hv.example", "samordnare@hv.example", "samordnare@st.example"]) {
      expect(await answers(email, (c) => forumCaseLoader(args(get(path, c), { meetingId })))).toBe(403);
      expect(await answers(email, (c) => forumCaseAction(args(post(path, {}, c), { meetingId })))).toBe(403);
    }
    expect(await answers("larare@vallingbyskolan.example", (c) => forumCaseLoader(args(get(path, c), { meetingId })))).toBe(200);
  });
});
