/**
 * A new invitation sets a password, so it is only for an account that never chose one:
 * otherwise its link would replace the password of someone already using the portal.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accountTokens, outbox, people } from "../../db/schema";
import { action as personAction, loader as personLoader } from "../../app/routes/admin.personer.$personId";
import { db, personId, useFreshDatabase } from "./db";
import { args, get, post, respond, sessionCookie } from "./http";

const resend = async (id: number) =>
  respond(async () =>
    personAction(args(post(`/admin/personer/${id}`, { intent: "resend" }, await sessionCookie("samordnare@hv.example")), { personId: String(id) })),
  );

describe("sending an invitation again", () => {
  useFreshDatabase();

  it("is refused for an account that has a password, with a Swedish message saying what to do, and sends nothing", async () => {
    const maria = personId("larare@vallingbyskolan.example");
    const answer = await resend(maria);
    expect(answer.status).toBe(400);
    expect((await answer.json()).fieldErrors.form).toBe(
      "Personen har redan valt ett lösenord, så en ny inbjudan behövs inte. Har hen glömt lösenordet? Be hen välja Glömt lösenord på inloggningssidan.",
    );
    expect(db.select().from(outbox).all()).toHaveLength(0);
    expect(db.select().from(accountTokens).where(eq(accountTokens.personId, maria)).all()).toHaveLength(0);
    const page = (await personLoader(args(get(`/admin/personer/${maria}`, await sessionCookie("samordnare@hv.example")), { personId: String(maria) }))) as {
      person: { hasPassword: boolean };
    };
    expect(page.person.hasPassword).toBe(true); // the page shows no button then
  });

  it("goes out for an account that never chose a password", async () => {
    const maria = personId("larare@vallingbyskolan.example");
    db.update(people).set({ passwordHash: null }).where(eq(people.id, maria)).run();
    expect((await resend(maria)).status).toBe(302);
    expect(db.select().from(outbox).where(eq(outbox.toAddress, "larare@vallingbyskolan.example")).all()).toHaveLength(1);
  });
});

describe("sending an invitation again and again", () => {
  useFreshDatabase();

  it("stops after three mails an hour to one person, so nobody can flood an address through the resend button", async () => {
    const maria = personId("larare@vallingbyskolan.example");
    db.update(people).set({ passwordHash: null }).where(eq(people.id, maria)).run();
    for (let i = 0; i < 3; i++) expect((await resend(maria)).status).toBe(302);
    const fourth = await resend(maria);
    expect(fourth.status).toBe(400);
    expect((await fourth.json()).fieldErrors.form).toBe(
      "Inbjudan har redan skickats flera gånger den senaste timmen. Vänta en stund innan du skickar den igen.",
    );
    expect(db.select().from(outbox).where(eq(outbox.toAddress, "larare@vallingbyskolan.example")).all()).toHaveLength(3);
  });
});
