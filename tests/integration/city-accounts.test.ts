/**
 * City-level accounts are outside every district's administration. The city's administrator
 * has Hässelby-Vällingby as home district (for the login only), yet its coordinator neither
 * lists her, nor opens her page, nor acts on her, nor sees her in the log, the import, the
 * contact persons, the duty rota or a group.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { people } from "../../db/schema";
import { loader as logLoader } from "../../app/routes/admin.logg";
import { action as importAction } from "../../app/routes/admin.import";
import { action as personAction, loader as personLoader } from "../../app/routes/admin.personer.$personId";
import { loader as peopleLoader } from "../../app/routes/admin.personer._index";
import { loader as dutyLoader } from "../../app/routes/jour";
import { loader as contactsLoader } from "../../app/routes/kontaktpersoner";
import { action as groupAction } from "../../app/routes/moten.grupp";
import { action as forgotAction } from "../../app/routes/glomt-losenord";
import { db, personId, useFreshDatabase } from "./db";
import { args, get, post, respond, sessionCookie } from "./http";

const CITY = "admin@stockholm.example";
const COORDINATOR = "samordnare@hv.example";

describe("the city's administrator and a district's coordinator", () => {
  useFreshDatabase();

  it("the coordinator does not list the city's administrator, nor find her by searching", async () => {
    const cookie = await sessionCookie(COORDINATOR);
    for (const query of ["", "?sok=nina", "?sok=stockholm.example"]) {
      const page = (await peopleLoader(args(get(`/admin/personer${query}`, cookie)))) as { people: { email: string }[] };
      expect(
        page.people.map((p) => p.email),
        query,
      ).not.toContain(CITY);
    }
    const page = (await peopleLoader(args(get("/admin/personer", cookie)))) as { people: { email: string }[] };
    expect(page.people.map((p) => p.email)).toContain("larare@vallingbyskolan.example");
  });

  it("her page is 404 to the coordinator, and every action on her is refused as for nobody, with nothing changed", async () => {
    const nina = personId(CITY);
    const before = db.select().from(people).where(eq(people.id, nina)).get();
    const cookie = await sessionCookie(COORDINATOR);
    expect((await respond(async () => personLoader(args(get(`/admin/personer/${nina}`, cookie), { personId: String(nina) })))).status).toBe(404);
    for (const form of <Record<string, string>[]>[
      { intent: "deactivate" },
      { intent: "reactivate" },
      { intent: "resend" },
      { intent: "change", name: "Nina Holmberg", title: "Samordnare", role: "coordinator", organisationId: "" },
      { intent: "change", name: "Nina Holmberg", title: "Lärare", role: "partner_staff", organisationId: "1" },
    ]) {
      const answer = await respond(async () => personAction(args(post(`/admin/personer/${nina}`, form, cookie), { personId: String(nina) })));
      expect(answer.status, form.intent).toBe(404);
    }
    expect(db.select().from(people).where(eq(people.id, nina)).get()).toEqual(before);
  });

  it("the district's audit log shows nothing she did or that was done to her", async () => {
    await sessionCookie(CITY); // she logs in
    await respond(() => forgotAction(args(post("/glomt-losenord", { email: CITY }))));
    const log = (await logLoader(args(get("/admin/logg", await sessionCookie(COORDINATOR))))) as {
      rows: { who: string | null; objectType: string; objectId: string | null }[];
    };
    expect(log.rows.some((r) => r.who === "Nina Holmberg")).toBe(false);
    expect(log.rows.some((r) => r.objectType === "person" && r.objectId === String(personId(CITY)))).toBe(false);
    expect(log.rows.some((r) => r.who === "Helena Vik")).toBe(true);
  });

  it("the import, the contact persons, the duty rota and a group do not know her address", async () => {
    const cookie = await sessionCookie(COORDINATOR);
    const body = new FormData();
    body.append("intent", "preview");
    body.append("text", `typ;namn;sort;hör till;e-post;roll;titel\nperson;Nina Holmberg;;;${CITY};samordnare;Samordnare`);
    const preview = await (
      await respond(async () => importAction(args(new Request("http://localhost:3000/admin/import", { method: "POST", body, headers: { Cookie: cookie } }))))
    ).json();
    expect(JSON.stringify(preview.plan.errors)).not.toContain(CITY);
    const contacts = (await contactsLoader(args(get("/kontaktpersoner", cookie)))) as { candidates: { personId: number }[] };
    expect(contacts.candidates.map((c) => c.personId)).not.toContain(personId(CITY));
    const duty = (await dutyLoader(args(get("/jour", cookie)))) as { candidates: { personId: number }[] };
    expect(duty.candidates.map((c) => c.personId)).not.toContain(personId(CITY));
    const group = await respond(async () =>
      groupAction(
        args(
          post(
            "/moten/grupp",
            {
              kind: "collaboration",
              name: "Samverkan",
              members: CITY,
              firstDate: "2026-12-08",
              time: "9.00",
              minutes: "90",
              everyWeeks: "4",
              count: "3",
              place: "office",
            },
            await sessionCookie("socialsekreterare@hv.example"),
          ),
        ),
      ),
    );
    expect(group.status).toBe(400);
    expect((await group.json()).fieldErrors.members).toBe(`Vi hittar ingen i portalen med adressen ${CITY}. Kontrollera stavningen.`);
  });
});
