import { desc, eq } from "drizzle-orm";
import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { meetingProposals, outbox, staffTeams } from "../../db/schema";
import { action as staffAction } from "../../app/routes/moten.arbetslag";
import { action as meetingAction, loader as meetingLoader } from "../../app/routes/moten.$meetingId";
import { loader as meetingsLoader } from "../../app/routes/moten._index";
import { db, organisationId, personId, useFreshDatabase } from "./db";
import { args, get, post, respond, sessionCookie } from "./http";

// Clock: Tuesday 1 December 2026, 10.00. Leila Haddad is Gröna diamanten's contact person.
const HEAD = "forskolechef@gronadiamanten.example";
const LEILA = "leila.haddad@hv.example";

async function askForVisit(team: string | null) {
  const teamId = team ? String(db.select().from(staffTeams).where(eq(staffTeams.name, team)).get()!.id) : "";
  const response = await respond(async () =>
    staffAction(
      args(
        post(
          "/moten/arbetslag",
          {
            target: `${organisationId("Gröna diamanten")}:${teamId}`,
            hostPersonId: String(personId(LEILA)),
            theme: "Varningstecken att lägga märke till",
            date1: "2026-12-16",
            time1: "15.00",
          },
          await sessionCookie(HEAD),
        ),
      ),
    ),
  );
  expect(response.status).toBe(302);
  return Number(/\/moten\/(\d+)/.exec(response.headers.get("Location") ?? "")![1]);
}

const view = async (email: string, id: number) =>
  (await respond(async () => meetingLoader(args(get(`/moten/${id}`, await sessionCookie(email)), { meetingId: String(id) })))).json();
const lastMailTo = (email: string) => db.select().from(outbox).where(eq(outbox.toAddress, email)).orderBy(desc(outbox.id)).get()!;

describe("a visit to a staff team's meeting", () => {
  useFreshDatabase();

  it("names the staff team the preschool head asked for on the contact person's page, in her list and in the request mail", async () => {
    const id = await askForVisit("Smaragden");
    expect((await view(LEILA, id)).title).toBe("Besök på arbetslagsmöte, Gröna diamanten, arbetslag Smaragden");
    const list = await (await respond(async () => meetingsLoader(args(get("/moten", await sessionCookie(LEILA)))))).json();
    expect(list.waiting.map((m: { title: string }) => m.title)).toContain("Besök på arbetslagsmöte, Gröna diamanten, arbetslag Smaragden");
    const request = lastMailTo(LEILA);
    expect(request.subject).toContain("arbetslag Smaragden");
    expect(request.textBody).toContain("arbetslag Smaragden");
  });

  it("names the staff team in the confirmation mail and the calendar invitation", async () => {
    const id = await askForVisit("Smaragden");
    const proposal = db.select().from(meetingProposals).where(eq(meetingProposals.meetingId, id)).get()!;
    const confirmed = await respond(async () =>
      meetingAction(args(post(`/moten/${id}`, { intent: "confirm", proposalId: String(proposal.id) }, await sessionCookie(LEILA)), { meetingId: String(id) })),
    );
    expect(confirmed.status).toBe(302);
    for (const email of [LEILA, HEAD]) {
      const mail = lastMailTo(email);
      expect(mail.subject).toContain("arbetslag Smaragden");
      const event = Object.values(ical.sync.parseICS(mail.ics!)).find((e) => e?.type === "VEVENT") as unknown as { summary: string };
      expect(event.summary).toBe("Besök på arbetslagsmöte, Gröna diamanten, arbetslag Smaragden");
    }
  });

  it("says so when the whole preschool is visited", async () => {
    const id = await askForVisit(null);
    expect((await view(LEILA, id)).title).toBe("Besök på arbetslagsmöte, Gröna diamanten, hela förskolan");
  });
});
