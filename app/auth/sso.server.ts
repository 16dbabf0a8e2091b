import { createHmac, randomBytes } from "node:crypto";
import { redirect } from "@remix-run/node";
import { and, eq, lt } from "drizzle-orm";
import * as oidc from "openid-client";
import { ssoAttempts } from "../../db/schema";
import { getDb } from "../db.server";
import { env, portalUrl } from "../env.server";
import { errorForLog, log } from "../http/log.js";
import { personForSso, type SsoRefusal } from "../models/people.server";
import { safeRedirect } from "./redirect";
import { hashSecret } from "./secrets.server";
import { providerVouchesFor, ssoProvider, type SsoProvider } from "./sso-config.server";
import { configurationOf } from "./sso-provider.server";
import { startSession } from "./session.server";
import { clientOf, countRequest } from "./throttle.server";

/**
 * Single sign-on with OpenID Connect (decision 024): the authorization code flow with PKCE,
 * `state` and `nonce`, through openid-client, which checks the ID token's issuer, audience,
 * signature, expiry and nonce. The provider proves who someone is; who may do what stays the
 * portal's. No token is kept: logging out sends the browser to the provider with the client id.
 */

/** How long a login may stay at the provider before the way back no longer works. */
export const SSO_ATTEMPT_MINUTES = 10;
const COOKIE = "portal_sso";
const COOKIE_PATH = "/logga-in/sso";

const callbackUrl = (provider: SsoProvider) => portalUrl(`/logga-in/sso/${provider.id}/tillbaka`);

/**
 * The login's state, nonce and PKCE verifier, all worked out from one secret that only the
 * browser's cookie holds: the database keeps the state's hash, so a copy of it finishes nobody's login.
 */
function loginSecrets(secret: string) {
  const derive = (purpose: string) => createHmac("sha256", secret).update(purpose).digest("base64url");
  return { state: derive("state"), nonce: derive("nonce"), verifier: derive("pkce-verifier") };
}

function ssoCookie(value: string, maxAgeSeconds: number): string {
  const secure = env.SESSION_COOKIE_SECURE ? "; Secure" : "";
  return `${COOKIE}=${value}; Path=${COOKIE_PATH}; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

function cookieSecret(request: Request): string | null {
  const match = /(?:^|;\s*)portal_sso=([A-Za-z0-9_-]{43})(?:;|$)/.exec(request.headers.get("Cookie") ?? "");
  return match?.[1] ?? null;
}

/** Logins sent to a provider per client and hour: each writes a row, so nobody may fill the table. */
export const SSO_STARTS_PER_CLIENT_AND_HOUR = 30;

/** 0 when this client may start a single sign-on now, else the milliseconds to wait. The proxy (no client known) is not counted. */
export function ssoStartWait(clientAddress: unknown, now: Date): number {
  const client = clientOf(clientAddress);
  return client ? countRequest(`sso-client:${client}`, SSO_STARTS_PER_CLIENT_AND_HOUR, 3_600_000, now) : 0;
}

/** Sends the browser to the provider's login, with the address as a hint when the person typed one. */
export async function beginSso(provider: SsoProvider, redirectTo: unknown, loginHint: string | null, now: Date): Promise<Response> {
  const configuration = await configurationOf(provider);
  const secret = randomBytes(32).toString("base64url");
  const { state, nonce, verifier } = loginSecrets(secret);
  const db = getDb();
  db.delete(ssoAttempts)
    .where(lt(ssoAttempts.createdAt, new Date(now.getTime() - SSO_ATTEMPT_MINUTES * 60_000)))
    .run();
  db.insert(ssoAttempts)
    .values({ stateHash: hashSecret(state), provider: provider.id, redirectTo: safeRedirect(redirectTo), createdAt: now })
    .run();
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: callbackUrl(provider),
    scope: "openid email profile",
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
    ...(loginHint ? { login_hint: loginHint } : {}),
  });
  return redirect(url.href, { headers: { "Set-Cookie": ssoCookie(secret, SSO_ATTEMPT_MINUTES * 60) } });
}

/** Why a way back from the provider did not log anyone in. "failed": the login itself did not hold (state, nonce, token). */
export type SsoFailure = SsoRefusal | "failed";

/**
 * The way back from the provider: the code exchanged for an ID token that openid-client has
 * checked, the person found by the provider's `sub` (or, the first time, by its verified
 * address) and a portal session started. Works once per login: the attempt's row is deleted first.
 */
export async function finishSso(
  request: Request,
  providerId: string,
  now: Date,
): Promise<{ ok: true; response: Response } | { ok: false; reason: SsoFailure }> {
  const provider = ssoProvider(providerId);
  const secret = cookieSecret(request);
  if (!provider || !secret) return { ok: false, reason: "failed" };
  const { state, nonce, verifier } = loginSecrets(secret);
  const attempt = getDb()
    .delete(ssoAttempts)
    .where(and(eq(ssoAttempts.stateHash, hashSecret(state)), eq(ssoAttempts.provider, provider.id)))
    .returning()
    .get();
  if (!attempt || attempt.createdAt.getTime() < now.getTime() - SSO_ATTEMPT_MINUTES * 60_000) return { ok: false, reason: "failed" };
  let claims: oidc.IDToken | undefined;
  try {
    const configuration = await configurationOf(provider);
    // The address the provider sent the browser back to, whatever the proxy in front calls it.
    const back = new URL(callbackUrl(provider));
    back.search = new URL(request.url).search;
    const tokens = await oidc.authorizationCodeGrant(configuration, back, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
  } catch (error) {
    // The kind of failure only: the error's text may quote the token.
    log.warn({ provider: provider.id, err: errorForLog(error) }, "single sign-on: the way back did not hold");
    return { ok: false, reason: "failed" };
  }
  if (!claims) return { ok: false, reason: "failed" };
  // An address outside what this provider serves finds nobody (a linked sub still does).
  const email = typeof claims.email === "string" && providerVouchesFor(provider, claims.email) ? claims.email : null;
  const match = personForSso(claims.iss, claims.sub, email, claims.email_verified === true || (provider.addressesVerified && claims.email_verified !== false));
  if ("refused" in match) return { ok: false, reason: match.refused };
  const headers = new Headers({ "Set-Cookie": ssoCookie("", 0) });
  return { ok: true, response: await startSession(request, match.personId, attempt.redirectTo, { ssoProvider: provider.id, headers }) };
}
