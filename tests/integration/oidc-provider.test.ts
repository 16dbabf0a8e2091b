import * as client from "openid-client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CookieJar, loginAtProvider, logoutAtProvider } from "../oidc/drive.mjs";
import { startTestProvider, type TestProvider } from "../oidc/provider.mjs";

/**
 * The OpenID provider the end-to-end suite and the demo log in through (tests/oidc/provider.mjs),
 * driven here by openid-client, the library the portal uses, so a broken provider shows up
 * here and not as a puzzling failure in the portal's own tests.
 */
const CLIENT_ID = "samverkansportalen";
const CLIENT_SECRET = "test-secret";
const REDIRECT_URI = "http://127.0.0.1:3999/logga-in/sso/stad/callback";
const POST_LOGOUT_URI = "http://127.0.0.1:3999/utloggad";
const anna = { sub: "anna-1", email: "anna.larsson@stad.example", emailVerified: true, name: "Anna Larsson", password: "anna-lösen" };

let provider: TestProvider;
let config: client.Configuration;

async function start() {
  provider = await startTestProvider({
    port: 0,
    clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI], postLogoutRedirectUris: [POST_LOGOUT_URI] }],
    accounts: [anna, { sub: "bo-2", email: "bo@stad.example", emailVerified: false, name: "Bo Ek", password: "bo-lösen" }],
  });
  config = await client.discovery(new URL(provider.issuer), CLIENT_ID, CLIENT_SECRET, undefined, { execute: [client.allowInsecureRequests] });
}

/** What the portal does before it redirects the browser: PKCE, state and nonce. */
async function authorization(extra: Record<string, string> = {}) {
  const pkceCodeVerifier = client.randomPKCECodeVerifier();
  const expectedState = client.randomState();
  const expectedNonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope: "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(pkceCodeVerifier),
    code_challenge_method: "S256",
    state: expectedState,
    nonce: expectedNonce,
    ...extra,
  });
  return { url, checks: { pkceCodeVerifier, expectedState, expectedNonce } };
}

async function logIn(credentials: { email: string; password: string }, jar?: CookieJar) {
  const { url, checks } = await authorization();
  const { callbackUrl, jar: kept } = await loginAtProvider(url, credentials, { jar });
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, checks);
  return { claims: tokens.claims(), callbackUrl, jar: kept };
}

// First, so that it sees oidc-provider imported.
describe("starting the test OpenID provider", () => {
  it("writes no warnings or notices to the console", async () => {
    const spies = (["warn", "info", "log", "error"] as const).map((method) => vi.spyOn(console, method));
    try {
      await start();
      await logIn({ email: anna.email, password: anna.password });
      await logoutAtProvider(client.buildEndSessionUrl(config, { post_logout_redirect_uri: POST_LOGOUT_URI }), { jar: new CookieJar() });
      for (const spy of spies) expect(spy.mock.calls).toEqual([]);
    } finally {
      for (const spy of spies) spy.mockRestore();
      await provider.close();
    }
  });
});

describe("the test OpenID provider", () => {
  beforeEach(start);
  afterEach(() => provider.close());

  it("describes itself as a loopback provider with the code flow, PKCE S256 and RP-initiated logout", () => {
    const metadata = config.serverMetadata();
    expect(provider.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(metadata.issuer).toBe(provider.issuer);
    expect(metadata.response_types_supported).toEqual(["code"]);
    expect(metadata.code_challenge_methods_supported).toEqual(["S256"]);
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(["openid", "email", "profile"]));
    expect(metadata.end_session_endpoint).toBe(`${provider.issuer}/session/end`);
  });

  it("logs a person in through its form and puts sub, email, email_verified and name in the ID token", async () => {
    const { claims, callbackUrl } = await logIn({ email: "Anna.Larsson@stad.example", password: anna.password });
    expect(callbackUrl.href.startsWith(`${REDIRECT_URI}?`)).toBe(true);
    expect(claims).toMatchObject({ iss: provider.issuer, aud: CLIENT_ID, sub: "anna-1", email: anna.email, email_verified: true, name: "Anna Larsson" });
  });

  it("says that an address is not verified", async () => {
    const { claims } = await logIn({ email: "bo@stad.example", password: "bo-lösen" });
    expect(claims).toMatchObject({ sub: "bo-2", email_verified: false });
  });

  it("shows its login page in Swedish, without scripts, and again with the address kept after a wrong password", async () => {
    const { url } = await authorization();
    const jar = new CookieJar();
    let response = await fetch(url, { redirect: "manual" });
    jar.store(response);
    const loginUrl = new URL(response.headers.get("location")!, url);
    response = await fetch(loginUrl, { headers: { Cookie: jar.header(loginUrl) } });
    const page = await response.text();
    expect(page).toContain('<html lang="sv">');
    expect(page).toMatch(/<label for="email">E-post<\/label>/);
    expect(page).toMatch(/<label for="password">Lösenord<\/label>/);
    expect(page).toContain(">Logga in</button>");
    expect(page).not.toContain("<script");

    const action = new URL(/action="([^"]+)"/.exec(page)![1]!, loginUrl);
    response = await fetch(action, {
      method: "POST",
      headers: { Cookie: jar.header(action), "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: anna.email, password: "fel" }),
      redirect: "manual",
    });
    expect(response.status).toBe(401);
    const again = await response.text();
    expect(again).toContain("Fel e-post eller lösenord.");
    expect(again).toContain(`value="${anna.email}"`);

    await expect(loginAtProvider(url, { email: anna.email, password: "fel" })).rejects.toThrow(/wrong email or password/);
  });

  it("refuses an authorization request without PKCE", async () => {
    const { url } = await authorization();
    url.searchParams.delete("code_challenge");
    url.searchParams.delete("code_challenge_method");
    const response = await fetch(url, { redirect: "manual" });
    const back = new URL(response.headers.get("location")!);
    expect(back.href.startsWith(`${REDIRECT_URI}?`)).toBe(true);
    expect(back.searchParams.get("error")).toBe("invalid_request");
    expect(back.searchParams.get("error_description")).toMatch(/PKCE/);
  });

  it("gives the same sub with the new address after setAccount changes a person's email", async () => {
    provider.setAccount({ ...anna, email: "anna.berg@stad.example", name: "Anna Berg" });
    await expect(logIn({ email: anna.email, password: anna.password })).rejects.toThrow(/wrong email or password/);
    const { claims } = await logIn({ email: "anna.berg@stad.example", password: anna.password });
    expect(claims).toMatchObject({ sub: "anna-1", email: "anna.berg@stad.example", name: "Anna Berg" });
  });

  it("adds a person with setAccount", async () => {
    provider.setAccount({ sub: "cia-3", email: "cia@stad.example", emailVerified: true, name: "Cia Holm", password: "cia-lösen" });
    const { claims } = await logIn({ email: "cia@stad.example", password: "cia-lösen" });
    expect(claims).toMatchObject({ sub: "cia-3", email: "cia@stad.example" });
  });

  it("logs in again without the form while its session lasts, and asks again after RP-initiated logout", async () => {
    const { jar } = await logIn({ email: anna.email, password: anna.password });
    expect(jar.has("op_session")).toBe(true);

    // No form this time: wrong credentials are never used.
    const again = await logIn({ email: anna.email, password: "not used" }, jar);
    expect(again.claims?.sub).toBe("anna-1");

    const endSession = client.buildEndSessionUrl(config, { post_logout_redirect_uri: POST_LOGOUT_URI, state: "tillbaka" });
    expect(endSession.searchParams.get("client_id")).toBe(CLIENT_ID);
    const { redirectUrl } = await logoutAtProvider(endSession, { jar });
    expect(redirectUrl.href).toBe(`${POST_LOGOUT_URI}?state=tillbaka`);
    expect(jar.has("op_session")).toBe(false);

    await expect(logIn({ email: anna.email, password: "not used" }, jar)).rejects.toThrow(/wrong email or password/);
  });

  it("asks in Swedish, without scripts, before it ends its session", async () => {
    const { jar } = await logIn({ email: anna.email, password: anna.password });
    const endSession = client.buildEndSessionUrl(config, { post_logout_redirect_uri: POST_LOGOUT_URI });
    const response = await fetch(endSession, { headers: { Cookie: jar.header(endSession) } });
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(page).toContain('<html lang="sv">');
    expect(page).toMatch(/<button type="submit" name="logout" value="yes">Logga ut<\/button><\/form>/);
    expect(page).not.toContain("<script");
  });

  it("refuses a post-logout redirect URI the client has not registered", async () => {
    const { jar } = await logIn({ email: anna.email, password: anna.password });
    const endSession = client.buildEndSessionUrl(config, { post_logout_redirect_uri: "http://127.0.0.1:4000/annan" });
    await expect(logoutAtProvider(endSession, { jar })).rejects.toThrow(/post_logout_redirect_uri not registered/);
  });

  it("frees its port when closed", async () => {
    const port = Number(new URL(provider.issuer).port);
    await provider.close();
    provider = await startTestProvider({ port, clients: [], accounts: [] });
    expect(provider.issuer).toBe(`http://127.0.0.1:${port}`);
    const response = await fetch(`${provider.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
  });
});
