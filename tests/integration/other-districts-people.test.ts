/**
 * Nothing a district sees reveals another district's people. Addresses are unique in the whole
 * portal, so inviting or importing an address another district (or the city) already has must
 * answer exactly as for a fresh address, and do nothing: no account, no mail, no log line.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, districts, outbox, people } from "../../db/schema";
import { action as inviteAction } from "../../app/routes/admin.personer._index";
import { action as importAction } from "../../app/routes/admin.import";
import { action as groupAction } from "../../app/routes/moten.grupp";
import { action as cityAction } from "../../app/routes/stad";
import { db, organisationId, useFreshDatabase } from "./db";
import { args, post, respond, sessionCookie } from "./http";

const ST_COORDINATOR = "samordnare@st.example";
const HV_TEACHER = "larare@vallingbyskolan.example";

const invite = async (email: string, who = ST_COORDINATOR) =>
  respond(async () => inviteAction(args(post("/admin/personer", { email, name: "Maria Lund", title: "Lärare", role: "partner_staff", organisationId: String(organisationId("Tenstaskolan")) }, await sessionCookie(who)))));

/** Everything about an answer that the sender can see. */
const seen = async (response: Response) => ({ status: response.status, location: response.headers.get("Location"), body: response.status === 302 ? "" : await response.text() });

const upload = async (text: string, intent: "preview" | "import") => {
  const body = new FormData();
  body.append("intent", intent);
  body.append("text", text);
  return respond(async () => importAction(args(new Request("http://localhost:3000/admin/import", { method: "POST", body, headers: { Cookie: await sessionCookie(ST_COORDINATOR) } }))));
};
const csv = (email: string) => ["typ;namn;sort;hör till;e-post;roll;titel", `person;Maria Lund;;Tenstaskolan;${email};personal;Lärare`].join("\n");

describe("another district's people", () => {
  useFreshDatabase();

  it("inviting an address another district has answers as for a fresh address, and sends, creates and logs nothing", async () => {
    const maria = db.select().from(people).where(eq(people.email, HV_TEACHER)).get()!;
    const taken = await seen(await invite(HV_TEACHER));
    expect(db.select().from(outbox).all()).toHaveLength(0);
    // Only the login of the coordinator (the http helper logs in for each request).
    expect(db.select({ action: auditEvents.action }).from(auditEvents).all().filter((e) => e.action !== "session.login")).toEqual([]);
    expect(db.select().from(people).where(eq(people.email, HV_TEACHER)).get()).toEqual(maria);
    const fresh = await seen(await invite("ny.larare@tenstaskolan.example"));
    expect(taken).toEqual(fresh);
    expect(taken.body).not.toMatch(/finns redan/i);
    // A city-level account's address, too.
    expect(await seen(await invite("admin@stockholm.example"))).toEqual(fresh);
    expect(db.select().from(outbox).where(eq(outbox.toAddress, "admin@stockholm.example")).all()).toHaveLength(0);
  });

  it("the district's own people are still found: an address it has is refused as taken", async () => {
    const own = await invite("larare@tenstaskolan.example");
    expect(own.status).toBe(400);
    expect((await own.json()).fieldErrors.email).toBe("Det finns redan ett konto med den adressen.");
  });

  it("the import previews and imports an address another district has like a fresh one, and invites nobody for it", async () => {
    const taken = await (await upload(csv(HV_TEACHER), "preview")).json();
    const fresh = await (await upload(csv("ny.larare@tenstaskolan.example"), "preview")).json();
    expect(taken.plan.errors).toEqual([]);
    expect(JSON.stringify(taken.plan)).toBe(JSON.stringify(fresh.plan).replace("ny.larare@tenstaskolan.example", HV_TEACHER));
    const done = await upload(csv(HV_TEACHER), "import");
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/admin/import?klart=0-1");
    expect(db.select().from(outbox).where(eq(outbox.toAddress, HV_TEACHER)).all()).toHaveLength(0);
    expect(db.select().from(people).where(eq(people.email, HV_TEACHER)).get()!.districtId).not.toBe(db.select().from(districts).where(eq(districts.slug, "spanga-tensta")).get()!.id);
  });

  it("a group member named by another district's address is 'not found', like an address nobody has", async () => {
    const start = async (members: string) =>
      (await (await respond(async () => groupAction(args(post("/moten/grupp", { kind: "collaboration", name: "Samverkan Tensta", members, firstDate: "2026-12-08", time: "9.00", minutes: "90", everyWeeks: "4", count: "3", place: "office" }, await sessionCookie("socialsekreterare@st.example")))))).json()).fieldErrors.members as string;
    expect(await start(HV_TEACHER)).toBe((await start("ingen@okand.example")).replace("ingen@okand.example", HV_TEACHER));
  });

  it("the city's administrator adding a district is told the coordinator's address cannot be used, never that it has an account or where", async () => {
    const add = async (coordinatorEmail: string) =>
      respond(async () => cityAction(args(post("/stad", { name: "Rinkeby-Kista", office: "Kista centrum", coordinatorName: "Rut Rinkeby", coordinatorEmail }, await sessionCookie("admin@stockholm.example")))));
    const inDistrict = (await (await add(HV_TEACHER)).json()).fieldErrors.coordinatorEmail as string;
    const cityAccount = (await (await add("admin@stockholm.example")).json()).fieldErrors.coordinatorEmail as string;
    expect(inDistrict).toBe("Den adressen går inte att använda för ett nytt konto. Skriv en annan e-postadress i jobbet.");
    expect(cityAccount).toBe(inDistrict);
    expect(db.select().from(districts).where(eq(districts.slug, "rinkeby-kista")).get()).toBeUndefined();
  });
});
