import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, people, sessions } from "../../db/schema";
import { authenticate, getActor, requireActor, SESSION_ABSOLUTE_HOURS } from "../../app/auth/session.server";
import { action as loginAction, loader as loginLoader } from "../../app/routes/logga-in";
import { action as logoutAction } from "../../app/routes/logga-ut";
import { loader as homeLoader } from "../../app/routes/_index";
import { loader as organisationLoader } from "../../app/routes/organisationer.$organisationId";
import { db, organisationId, personId, useFreshDatabase } from "./db";
import { respond, sessionCookie } from "./http";

const BASE = "http://localhost:3000";
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

function postLogin(fields: Record<string, string>, cookie?: string) {
  return new Request(`${BASE}/logga-in`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: cookie ? { Cookie: cookie } : {},
  });
}

async function login(email: string, password = "samverkan-demo", extra: Record<string, string> = {}, cookie?: string) {
  const response = (await loginAction(args(postLogin({ email, password, ...extra }, cookie)))) as Response;
  return response;
}

function cookieOf(response: Response): string {
  const setCookie = response.headers.get("Set-Cookie") ?? "";
  return setCookie.split(";")[0]!;
}

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected a thrown Response");
}

describe("login", () => {
  useFreshDatabase();

  it("accepts the demo password with the email in any case and starts a session", async () => {
    const response = await login("Larare@Vallingbyskolan.EXAMPLE");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    const setCookie = response.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/^portal_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Max-Age|Expires/i);
    expect(setCookie).not.toMatch(/Secure/i); // SESSION_COOKIE_SECURE is off by default
    const actor = await getActor(new Request(`${BASE}/`, { headers: { Cookie: cookieOf(response) } }));
    expect(actor?.name).toBe("Maria Lund");
  });

  it("gives the same answer for a wrong password and an unknown email, and keeps the email", async () => {
    const wrongPassword = (await login("larare@vallingbyskolan.example", "fel-lösenord")) as Response;
    const unknownEmail = (await login("ingen@vallingbyskolan.example", "samverkan-demo")) as Response;
    expect(wrongPassword.status).toBe(400);
    expect(unknownEmail.status).toBe(400);
    const a = await wrongPassword.json();
    const b = await unknownEmail.json();
    expect(a.fieldErrors).toEqual({
      form: "Fel e-postadress eller lösenord, eller så är kontot avstängt. Kontrollera och försök igen, eller fråga samordnaren i teamet på socialtjänsten.",
    });
    expect(b.fieldErrors).toEqual(a.fieldErrors);
    expect(a.values.email).toBe("larare@vallingbyskolan.example");
    expect(JSON.stringify(a)).not.toContain("fel-lösenord");
    expect(db.select().from(sessions).all()).toHaveLength(0);
  });

  it("says what is missing in an empty or malformed form", async () => {
    const empty = await ((await login("", "")) as Response).json();
    expect(empty.fieldErrors.email).toBe("Skriv din e-postadress.");
    expect(empty.fieldErrors.password).toBe("Skriv ditt lösenord.");
    const malformed = await ((await login("inte-en-adress", "x")) as Response).json();
    expect(malformed.fieldErrors.email).toBe("Skriv en e-postadress, till exempel namn@skola.se.");
    expect(malformed.values.email).toBe("inte-en-adress");
  });

  it("survives a body that is not a form", async () => {
    const request = new Request(`${BASE}/logga-in`, { method: "POST", body: "{not a form", headers: { "Content-Type": "multipart/form-data; boundary=x" } });
    const response = (await loginAction(args(request))) as Response;
    expect(response.status).toBe(400);
  });

  it("refuses a deactivated person", async () => {
    db.update(people)
      .set({ deactivatedAt: new Date() })
      .where(eq(people.id, personId("larare@vallingbyskolan.example")))
      .run();
    expect(await authenticate("larare@vallingbyskolan.example", "samverkan-demo")).toBeNull();
  });

  it("goes where the person was going, but only within the site", async () => {
    expect((await login("rektor@vallingbyskolan.example", undefined, { redirectTo: "/organisationer/1" })).headers.get("Location")).toBe("/organisationer/1");
    expect((await login("rektor@vallingbyskolan.example", undefined, { redirectTo: "//evil.example" })).headers.get("Location")).toBe("/");
    expect((await login("rektor@vallingbyskolan.example", undefined, { redirectTo: "https://evil.example" })).headers.get("Location")).toBe("/");
  });

  it("gives a new session id at login and ends the one the browser had", async () => {
    const first = cookieOf(await login("rektor@vallingbyskolan.example"));
    const second = cookieOf(await login("rektor@vallingbyskolan.example", undefined, {}, first));
    expect(second).not.toBe(first);
    expect(await getActor(new Request(`${BASE}/`, { headers: { Cookie: first } }))).toBeNull();
    expect(await getActor(new Request(`${BASE}/`, { headers: { Cookie: second } }))).not.toBeNull();
  });

  it("sends a logged-in person away from the login page", async () => {
    const cookie = cookieOf(await login("rektor@vallingbyskolan.example"));
    const response = await thrown(loginLoader(args(new Request(`${BASE}/logga-in?redirectTo=/organisationer/1`, { headers: { Cookie: cookie } }))));
    expect(response.headers.get("Location")).toBe("/organisationer/1");
  });

  it("writes login and logout to the audit log, without content", async () => {
    const cookie = cookieOf(await login("rektor@vallingbyskolan.example"));
    await logoutAction(args(new Request(`${BASE}/logga-ut`, { method: "POST", headers: { Cookie: cookie } })));
    const events = db.select().from(auditEvents).all();
    expect(events.map((e) => e.action)).toEqual(["session.login", "session.logout"]);
    expect(events.every((e) => e.actorPersonId === personId("rektor@vallingbyskolan.example"))).toBe(true);
  });
});

describe("logout and protected pages", () => {
  useFreshDatabase();

  it("logout ends the session in the database and clears the cookie", async () => {
    const cookie = cookieOf(await login("polis@vallingby.polisen.example"));
    expect(db.select().from(sessions).all()).toHaveLength(1);
    const response = (await logoutAction(args(new Request(`${BASE}/logga-ut`, { method: "POST", headers: { Cookie: cookie } })))) as Response;
    expect(response.headers.get("Location")).toBe("/logga-in");
    expect(response.headers.get("Set-Cookie")).toMatch(/portal_session=;/);
    expect(db.select().from(sessions).all()).toHaveLength(0);
    expect(await getActor(new Request(`${BASE}/`, { headers: { Cookie: cookie } }))).toBeNull();
  });

  it("sends a visitor without a session to the login page, remembering where they were going", async () => {
    const response = await thrown(requireActor(new Request(`${BASE}/organisationer/3?x=1`)));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/logga-in?redirectTo=%2Forganisationer%2F3%3Fx%3D1");
    const home = await thrown(homeLoader(args(new Request(`${BASE}/`))));
    expect(home.headers.get("Location")).toBe("/logga-in");
  });

  it("ignores a forged session cookie", async () => {
    const request = new Request(`${BASE}/`, { headers: { Cookie: "portal_session=forged-session-id" } });
    expect(await getActor(request)).toBeNull();
  });

  it("answers 404, not 403, for another organisation's page and for nonsense ids", async () => {
    const cookie = cookieOf(await login("larare@vallingbyskolan.example"));
    const get = (id: string) => organisationLoader(args(new Request(`${BASE}/organisationer/${id}`, { headers: { Cookie: cookie } }), { organisationId: id }));
    const own = (await get(String(organisationId("Vällingbyskolan")))) as { organisation: { name: string } };
    expect(own.organisation.name).toBe("Vällingbyskolan");
    for (const id of [String(organisationId("Grimstaskolan")), String(organisationId("Tenstaskolan")), "0", "-1", "abc", "1e3", "99999999999999999999"]) {
      expect((await thrown(get(id))).status).toBe(404);
    }
  });

  it("the start page gives each role its own view", async () => {
    const view = async (email: string) => {
      const cookie = cookieOf(await login(email));
      const data = (await homeLoader(args(new Request(`${BASE}/`, { headers: { Cookie: cookie } })))) as { view: string };
      return data.view;
    };
    expect(await view("larare@vallingbyskolan.example")).toBe("partner");
    expect(await view("forskolechef@gronadiamanten.example")).toBe("partner");
    expect(await view("socialsekreterare@hv.example")).toBe("contact-person");
    expect(await view("samordnare@hv.example")).toBe("coordinator");
  });
});

describe("login throttling and session limits", () => {
  useFreshDatabase();

  const tryLogin = (email: string, password: string, clientAddress = "") =>
    respond(() =>
      loginAction({
        request: new Request("http://localhost:3000/logga-in", { method: "POST", body: new URLSearchParams({ email, password }) }),
        params: {},
        context: { clientAddress },
      }),
    );

  it("without a client address (a proxy without TRUST_PROXY), five failures for an account make even the right password wait, with a clear message", async () => {
    for (let i = 0; i < 5; i++) expect((await tryLogin("larare@vallingbyskolan.example", "fel")).status).toBe(400);
    const throttled = await tryLogin("larare@vallingbyskolan.example", "samverkan-demo");
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("Retry-After")).toBe("30");
    expect((await throttled.json()).fieldErrors.form).toMatch(/^För många misslyckade inloggningar\. Vänta 30 sekunder/);
    // Another account is not slowed, and its success clears nothing of the first.
    expect((await tryLogin("rektor@vallingbyskolan.example", "samverkan-demo")).status).toBe(302);
    expect((await tryLogin("larare@vallingbyskolan.example", "samverkan-demo")).status).toBe(429);
  });

  it("after twenty failures from one address, other accounts from it wait too; loopback is not counted", async () => {
    const emails = Array.from({ length: 20 }, (_, i) => `gissad-${i}@x.example`);
    for (const email of emails) await tryLogin(email, "gissning", "203.0.113.9");
    expect((await tryLogin("rektor@vallingbyskolan.example", "samverkan-demo", "203.0.113.9")).status).toBe(429);
    expect((await tryLogin("rektor@vallingbyskolan.example", "samverkan-demo", "198.51.100.7")).status).toBe(302);
    for (const email of emails) await tryLogin(email, "gissning", "127.0.0.1");
    expect((await tryLogin("elevhalsa@vallingbyskolan.example", "samverkan-demo", "127.0.0.1")).status).toBe(302);
  });

  it("guesses sent all at once get no more tries than guesses sent one by one", async () => {
    // The password check is asynchronous, so without care every guess would be let in before the first failure was written.
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => tryLogin("larare@vallingbyskolan.example", `gissning-${i}`, "203.0.113.20")));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 400)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect((await tryLogin("larare@vallingbyskolan.example", "samverkan-demo", "203.0.113.20")).status).toBe(429);
  });

  it("a successful login does not count against the address it came from", async () => {
    for (let i = 0; i < 19; i++) await tryLogin(`okand-${i}@x.example`, "gissning", "203.0.113.21");
    for (let i = 0; i < 3; i++) expect((await tryLogin("rektor@vallingbyskolan.example", "samverkan-demo", "203.0.113.21")).status).toBe(302);
    expect((await tryLogin("okand-20@x.example", "gissning", "203.0.113.21")).status).toBe(400); // the twentieth failure, not the twenty-third
    expect((await tryLogin("okand-21@x.example", "gissning", "203.0.113.21")).status).toBe(429);
  });

  it("a successful login is not slowed and clears the account's failures", async () => {
    for (let i = 0; i < 4; i++) await tryLogin("larare@vallingbyskolan.example", "fel");
    expect((await tryLogin("larare@vallingbyskolan.example", "samverkan-demo")).status).toBe(302);
    for (let i = 0; i < 4; i++) expect((await tryLogin("larare@vallingbyskolan.example", "fel")).status).toBe(400);
    expect((await tryLogin("larare@vallingbyskolan.example", "samverkan-demo")).status).toBe(302);
  });

  it("a session ends at the absolute limit however active it is", async () => {
    const cookie = await sessionCookie("larare@vallingbyskolan.example");
    const request = new Request("http://localhost:3000/", { headers: { Cookie: cookie } });
    expect(await getActor(request)).not.toBeNull();
    db.update(sessions)
      .set({ createdAt: new Date(Date.now() - (SESSION_ABSOLUTE_HOURS * 3_600_000 + 60_000)) })
      .run();
    expect(await getActor(request)).toBeNull();
    expect(db.select().from(sessions).all()).toHaveLength(0);
  });

  it("a session ends after the idle limit", async () => {
    const cookie = await sessionCookie("larare@vallingbyskolan.example");
    db.update(sessions)
      .set({ expiresAt: Math.floor(Date.now() / 1000) - 1 })
      .run();
    expect(await getActor(new Request("http://localhost:3000/", { headers: { Cookie: cookie } }))).toBeNull();
  });
});
