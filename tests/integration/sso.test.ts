import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import * as oidc from "openid-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, people, sessions } from "../../db/schema";
import { parseProviders, useSsoProvidersForTests, type SsoProvider } from "../../app/auth/sso-config.server";
import { SSO_STARTS_PER_CLIENT_AND_HOUR } from "../../app/auth/sso.server";
import { configurationOf, forgetSsoConfigurations } from "../../app/auth/sso-provider.server";
import { portalUrl } from "../../app/env.server";
import { action as startAction } from "../../app/routes/logga-in_.sso.$provider";
import { action as loginAction, loader as loginPageLoader } from "../../app/routes/logga-in";
import { action as logoutAction } from "../../app/routes/logga-ut";
import { loader as startPageLoader } from "../../app/routes/_index";
import { loginAtProvider } from "../oidc/drive.mjs";
import { startTestProvider } from "../oidc/provider.mjs";
import { db, personId, useFreshDatabase } from "./db";
import { args, get, post, respond } from "./http";
import { comeBack, signInWith, startSso } from "./sso";

// A real OpenID provider on loopback (tests/oidc/provider.mjs) holding the city's accounts of
// some demo people, one person the portal does not know, and one unverified address.
const CLIENT = { clientId: "samverkansportalen", clientSecret: "hemligt-i-testet" };
const MARIA = { sub: "stad-0001", email: "larare@vallingbyskolan.example", emailVerified: true, name: "Maria Lund", password: "stadens-losenord" };
const STRANGER = { sub: "stad-0002", email: "okand@stockholm.example", emailVerified: true, name: "Okänd Person", password: "stadens-losenord" };
const UNVERIFIED = { sub: "stad-0003", email: "larare@grimstaskolan.example", emailVerified: false, name: "Sofia Engström", password: "stadens-losenord" };
const PETER = { sub: "stad-0004", email: "rektor@vallingbyskolan.example", emailVerified: true, name: "Peter Strand", password: "stadens-losenord" };

let provider: Awaited<ReturnType<typeof startTestProvider>>;
let other: Awaited<ReturnType<typeof startTestProvider>>;
let config: SsoProvider;

beforeAll(async () => {
  const client = { ...CLIENT, redirectUris: [portalUrl("/logga-in/sso/stad/tillbaka")], postLogoutRedirectUris: [portalUrl("/logga-in?utloggad=1")] };
  provider = await startTestProvider({ clients: [client, { ...client, clientId: "en-annan-tjanst" }], accounts: [MARIA, STRANGER, UNVERIFIED, PETER] });
  other = await startTestProvider({ clients: [client], accounts: [MARIA] });
  config = { id: "stad", label: "Stockholms stads konto", issuer: provider.issuer, ...CLIENT, domains: [], clockSkewSeconds: 0, addressesVerified: false };
});
afterAll(async () => {
  await provider.close();
  await other.close();
});
afterEach(() => {
  useSsoProvidersForTests(undefined);
  forgetSsoConfigurations();
});

function useProvider(p: SsoProvider = config) {
  useSsoProvidersForTests([p]);
  forgetSsoConfigurations();
}

const start = (redirectTo = "") => startSso("stad", redirectTo);
const back = (callbackUrl: string | URL, cookie: string | null) => comeBack("stad", callbackUrl, cookie);
const signIn = (account: { email: string; password: string }) => signInWith("stad", account);

const portalSession = (response: Response) => /portal_session=[^;]+/.exec(response.headers.get("Set-Cookie") ?? "")?.[0] ?? null;
const reasonOf = async (response: Response) => ((await response.json()) as { reason: string }).reason;

describe("single sign-on", () => {
  useFreshDatabase();

  it("shows no button and asks for passwords when no provider is configured", async () => {
    const page = (await respond(() => loginPageLoader(args(get("/logga-in"))))) as Response;
    expect(await page.json()).toEqual({ providers: [] });
  });

  it("logs a known person in on her first login by the provider's verified address, and links the account to the provider's sub", async () => {
    useProvider();
    const page = await respond(() => loginPageLoader(args(get("/logga-in"))));
    expect(await page.json()).toEqual({ providers: [{ id: "stad", label: "Stockholms stads konto" }] });
    const { response } = await signIn(MARIA);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    const cookie = portalSession(response)!;
    const home = await respond(() => startPageLoader(args(get("/", cookie))));
    expect(home.status).toBe(200);
    const maria = db
      .select()
      .from(people)
      .where(eq(people.id, personId(MARIA.email)))
      .get()!;
    expect([maria.ssoIssuer, maria.ssoSubject]).toEqual([provider.issuer, MARIA.sub]);
    expect(
      db
        .select()
        .from(sessions)
        .where(eq(sessions.userId, maria.id))
        .all()
        .map((s) => s.ssoProvider),
    ).toContain("stad");
    // The audit log says which kind of login it was.
    expect(
      db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.actorPersonId, maria.id))
        .all()
        .map((e) => e.action),
    ).toContain("session.login_sso");
  });

  it("finds the person by sub on a later login, after her address changed at the provider", async () => {
    useProvider();
    expect((await signIn(MARIA)).response.status).toBe(302);
    provider.setAccount({ ...MARIA, email: "maria.lund@nyskolan.example" });
    try {
      const { response } = await signIn({ ...MARIA, email: "maria.lund@nyskolan.example" });
      expect(response.status).toBe(302);
      expect(portalSession(response)).not.toBeNull();
    } finally {
      provider.setAccount(MARIA);
    }
  });

  it("refuses someone the portal does not know, in Swedish, and starts no session", async () => {
    useProvider();
    const { response } = await signIn(STRANGER);
    expect(response.status).toBe(403);
    expect(portalSession(response)).toBeNull();
    expect(await reasonOf(response)).toBe("unknown");
  });

  it("refuses an address the provider has not verified", async () => {
    useProvider();
    const { response } = await signIn(UNVERIFIED);
    expect(response.status).toBe(403);
    expect(await reasonOf(response)).toBe("unverified");
    expect(
      db
        .select()
        .from(people)
        .where(eq(people.id, personId(UNVERIFIED.email)))
        .get()!.ssoSubject,
    ).toBeNull();
  });

  it("refuses a deactivated person even with a valid login at the provider, whether found by address or by sub", async () => {
    useProvider();
    expect((await signIn(PETER)).response.status).toBe(302);
    db.update(people)
      .set({ deactivatedAt: new Date() })
      .where(eq(people.id, personId(PETER.email)))
      .run();
    const { response } = await signIn(PETER);
    expect(response.status).toBe(403);
    expect(await reasonOf(response)).toBe("deactivated");
    expect(portalSession(response)).toBeNull();
  });

  it("refuses a way back whose state was changed, one used twice, and one without the browser's cookie", async () => {
    useProvider();
    const first = await start();
    const { callbackUrl } = await loginAtProvider(first.authorizationUrl, MARIA);
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set("state", "x".repeat(43));
    expect((await back(tampered.href, first.cookie)).status).toBe(400);

    const second = await start();
    const again = await loginAtProvider(second.authorizationUrl, MARIA);
    expect((await back(again.callbackUrl, null)).status).toBe(400);

    const third = await start();
    const once = await loginAtProvider(third.authorizationUrl, MARIA);
    expect((await back(once.callbackUrl, third.cookie)).status).toBe(302);
    // A replay (the same code, state and cookie) finds no login under way.
    const replay = await back(once.callbackUrl, third.cookie);
    expect(replay.status).toBe(400);
    expect(portalSession(replay)).toBeNull();
  });

  it("refuses an ID token from another issuer, for another audience, with another or no nonce, or expired", async () => {
    useProvider();
    const configuration = await configurationOf(config);
    /** An ID token for Maria from `issuer` for `clientId`, asked for with `nonce`. */
    const tokenFrom = async (issuer: string, clientId: string, nonce: string | null) => {
      const elsewhere = await oidc.discovery(new URL(issuer), clientId, CLIENT.clientSecret, undefined, { execute: [oidc.allowInsecureRequests] });
      const verifier = oidc.randomPKCECodeVerifier();
      const url = oidc.buildAuthorizationUrl(elsewhere, {
        redirect_uri: portalUrl("/logga-in/sso/stad/tillbaka"),
        scope: "openid email",
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: "S256",
        state: "s",
        ...(nonce ? { nonce } : {}),
      });
      const { callbackUrl } = await loginAtProvider(url.href, MARIA);
      const tokens = await oidc.authorizationCodeGrant(elsewhere, new URL(callbackUrl), {
        pkceCodeVerifier: verifier,
        expectedState: "s",
        ...(nonce ? { expectedNonce: nonce } : {}),
      });
      return tokens.id_token!;
    };
    /**
     * A login whose ID token is replaced, before openid-client checks it, by one `make` gets
     * with the login's own nonce (worked out from the browser's cookie as the portal does), so
     * that only the one thing named differs.
     */
    const withTokenSwapped = async (make: (nonce: string) => Promise<string>) => {
      const { authorizationUrl, cookie } = await start();
      const secret = cookie.split("=")[1]!;
      const substitute = await make(createHmac("sha256", secret).update("nonce").digest("base64url"));
      configuration[oidc.customFetch] = async (url, options) => {
        const response = await fetch(url, options as RequestInit);
        if (!String(url).endsWith("/token")) return response;
        const body = (await response.json()) as { id_token: string };
        return new Response(JSON.stringify({ ...body, id_token: substitute }), { status: response.status, headers: { "Content-Type": "application/json" } });
      };
      try {
        const { callbackUrl } = await loginAtProvider(authorizationUrl, MARIA);
        return await back(callbackUrl, cookie);
      } finally {
        delete configuration[oidc.customFetch];
      }
    };
    // The swap itself works: the right issuer, audience and nonce log in.
    const right = await withTokenSwapped((nonce) => tokenFrom(provider.issuer, CLIENT.clientId, nonce));
    expect(right.status).toBe(302);
    db.update(people)
      .set({ ssoIssuer: null, ssoSubject: null })
      .where(eq(people.id, personId(MARIA.email)))
      .run();

    for (const [label, make] of [
      ["another issuer", (nonce: string) => tokenFrom(other.issuer, CLIENT.clientId, nonce)],
      ["another audience", (nonce: string) => tokenFrom(provider.issuer, "en-annan-tjanst", nonce)],
      ["another login's nonce", () => tokenFrom(provider.issuer, CLIENT.clientId, "en-annan-nonce")],
      ["no nonce at all", () => tokenFrom(provider.issuer, CLIENT.clientId, null)],
    ] as const) {
      const response = await withTokenSwapped(make);
      expect(response.status, label).toBe(400);
      expect(portalSession(response), label).toBeNull();
    }
    // Expired: the portal's clock two hours past the token's one-hour life.
    useProvider({ ...config, clockSkewSeconds: 2 * 3600 });
    const expired = (await signIn(MARIA)).response;
    expect(expired.status).toBe(400);
    expect(
      db
        .select()
        .from(people)
        .where(eq(people.id, personId(MARIA.email)))
        .get()!.ssoSubject,
    ).toBeNull();
  });

  it("sends an address in the provider's domain there instead of asking for a password", async () => {
    useProvider({ ...config, domains: ["vallingbyskolan.example"] });
    const response = await respond(() => loginAction(args(post("/logga-in", { email: MARIA.email, password: "", redirectTo: "/moten" }))));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("Location")!);
    expect(location.origin).toBe(provider.issuer);
    expect(location.searchParams.get("login_hint")).toBe(MARIA.email);
    // Others still log in with their password.
    const other = await respond(() => loginAction(args(post("/logga-in", { email: "larare@grimstaskolan.example", password: "samverkan-demo" }))));
    expect(other.headers.get("Location")).toBe("/");
  });

  it("logging out ends the portal's session and sends the browser on to the provider's logout", async () => {
    useProvider();
    const { response } = await signIn(MARIA);
    const cookie = portalSession(response)!;
    const out = await respond(() => logoutAction(args(post("/logga-ut", {}, cookie))));
    expect(out.status).toBe(302);
    const location = new URL(out.headers.get("Location")!);
    expect(location.origin).toBe(provider.issuer);
    expect(location.searchParams.get("post_logout_redirect_uri")).toBe(portalUrl("/logga-in?utloggad=1"));
    const home = await respond(() => startPageLoader(args(get("/", cookie))));
    expect(home.headers.get("Location")).toMatch(/^\/logga-in/);
  });

  it("makes a client that keeps starting logins wait, so nobody fills the table of logins under way", async () => {
    useProvider();
    const from = (clientAddress: string) => ({ ...args(post("/logga-in/sso/stad", {}), { provider: "stad" }), context: { clientAddress } });
    for (let i = 0; i < SSO_STARTS_PER_CLIENT_AND_HOUR; i++)
      expect((await respond(() => startAction(from("203.0.113.9")))).headers.get("Location")).toMatch(/^http:\/\/127/);
    const refused = await respond(() => startAction(from("203.0.113.9")));
    expect(refused.headers.get("Location")).toBe("/logga-in?sso=vanta");
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Another client is not held up.
    expect((await respond(() => startAction(from("198.51.100.7")))).headers.get("Location")).toMatch(/^http:\/\/127/);
  });

  it("reads the providers' file strictly: a provider trusted for unverified addresses must name its domains", () => {
    const entry = { id: "entra", label: "Stockholms stads konto", issuer: "https://login.example/tenant/v2.0", clientId: "a", clientSecret: "b" };
    expect(parseProviders(JSON.stringify([{ ...entry, domains: ["stockholm.se"], addressesVerified: true }]))[0]!.addressesVerified).toBe(true);
    expect(() => parseProviders(JSON.stringify([{ ...entry, addressesVerified: true }]))).toThrow(/addressesVerified/);
    expect(() => parseProviders(JSON.stringify([{ ...entry, issuer: "http://login.example/" }]))).toThrow(/https/);
    expect(() => parseProviders("inte json")).toThrow(/JSON/);
  });
});
