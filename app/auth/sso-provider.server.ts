import * as oidc from "openid-client";
import { portalUrl } from "../env.server";
import { isLoopback, ssoProvider, type SsoProvider } from "./sso-config.server";

/**
 * What the portal learns from an identity provider by discovery, and where logging out sends
 * the browser. Apart from sso.server.ts so that the session module, which ends sessions, and
 * the login flow, which starts them, do not import each other.
 */

const configurations = new Map<string, Promise<oidc.Configuration>>();

/** The provider's configuration by discovery, once per process (again after a failure). Tests reach it to swap a token. */
export function configurationOf(provider: SsoProvider): Promise<oidc.Configuration> {
  let found = configurations.get(provider.id);
  if (!found) {
    const metadata = { client_secret: provider.clientSecret, [oidc.clockSkew]: provider.clockSkewSeconds };
    found = oidc.discovery(new URL(provider.issuer), provider.clientId, metadata, undefined, {
      // Plain http only for a provider on loopback (the tests' and the demo's); sso-config refuses it elsewhere.
      execute: isLoopback(provider.issuer) ? [oidc.allowInsecureRequests] : [],
      timeout: 10,
    });
    found.catch(() => configurations.delete(provider.id));
    configurations.set(provider.id, found);
  }
  return found;
}

/** Tests start a new provider at the same address: forget what discovery found. */
export function forgetSsoConfigurations(): void {
  configurations.clear();
}

/** Where logging out sends the browser after a single sign-on: the provider's logout, or null if it has none. */
export async function providerLogoutUrl(providerId: string): Promise<string | null> {
  const provider = ssoProvider(providerId);
  if (!provider) return null;
  try {
    const configuration = await configurationOf(provider);
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return oidc.buildEndSessionUrl(configuration, { client_id: provider.clientId, post_logout_redirect_uri: portalUrl("/logga-in?utloggad=1") }).href;
  } catch {
    return null;
  }
}
