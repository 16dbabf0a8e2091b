import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { meetings, outbox } from "../../db/schema";
import { action as newAction } from "../../app/routes/moten.ny";
import { action as meetingAction } from "../../app/routes/moten.$meetingId";
import { db, personId, useFreshDatabase } from "./db";
import { REPORT_MEETING } from "./forms";
import { args, post, respond, sessionCookie } from "./http";

// Clock: Tuesday 1 December 2026, 10.00. The page says after a cancellation:
// "Mötet är inställt. Alla som skulle vara med får veta det med e-post."
const TEACHER = "larare@vallingbyskolan.example";
const ANNA = "socialsekreterare@hv.example";

const cancel = async (email: string, id: number) =>
  respond(async () => meetingAction(args(post(`/moten/${id}`, { intent: "cancel" }, await sessionCookie(email)), { meetingId: String(id) })));
const cancellationsTo = (email: string) =>
  db
    .select()
    .from(outbox)
    .where(eq(outbox.toAddress, email))
    .all()
    .filter((m) => m.subject.startsWith("Inställt"));

describe("cancelling a meeting nobody has confirmed yet", () => {
  useFreshDatabase();

  it("mails the contact person when the teacher withdraws her proposed times", async () => {
    const created = await respond(async () =>
      newAction(args(post("/moten/ny", { ...REPORT_MEETING, hostPersonId: String(personId(ANNA)) }, await sessionCookie(TEACHER)))),
    );
    const id = Number(/\/moten\/(\d+)/.exec(created.headers.get("Location") ?? "")![1]);
    const response = await cancel(TEACHER, id);
    expect(response.headers.get("Location")).toBe(`/moten/${id}?sparat=installt`);
    const [mail] = cancellationsTo(ANNA);
    expect(mail).toMatchObject({ subject: "Inställt: Anmälningsmöte, Vällingbyskolan", ics: null });
    expect(mail!.textBody).toContain(`/moten/${id}`);
  });

  it("mails the preschool head when the contact person turns down a requested staff-team visit", async () => {
    const visit = db.select().from(meetings).where(eq(meetings.kind, "staff_team")).get()!; // the seed's, waiting for Leila Haddad
    expect((await cancel("leila.haddad@hv.example", visit.id)).status).toBe(302);
    expect(cancellationsTo("forskolechef@gronadiamanten.example").map((m) => m.subject)).toEqual([
      "Inställt: Besök på arbetslagsmöte, Gröna diamanten, arbetslag Safiren",
    ]);
  });
});
