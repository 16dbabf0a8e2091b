import fs from "node:fs";
import { z } from "zod";
import { env } from "../env.server";

/**
 * The identity providers an installation has configured for single sign-on (decision 024), read
 * once from the JSON file `SSO_PROVIDERS_FILE` points to and checked here, so that a wrong file
 * stops the server at start instead of failing a login. The file holds client secrets: it is
 * the installation's, readable by the portal's user only, never in the repository.
 *
 * [{ "id": "stockholm", "label": "Stockholms stads konto", "issuer": "https://login.microsoftonline.com/<tenant>/v2.0",
 *    "clientId": "…", "clientSecret": "…", "domains": ["stockholm.se", "edu.stockholm.se"] }]
 */
const providerSchema = z.object({
  /** In the portal's addresses (/logga-in/sso/<id>) and in the sessions table. */
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, "lower-case letters, digits and hyphens"),
  /** The button says "Logga in med <label>". */
  label: z.string().min(1).max(60),
  issuer: z.url({ protocol: /^https?$/ }),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  /** An address in one of these domains is sent to this provider instead of being asked for a password. */
  domains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, "a domain such as stockholm.se")).default([]),
  /**
   * Whether the provider's `email` claim counts as verified without `email_verified` (Microsoft
   * Entra ID sends none; its addresses are the tenant's own). Only with `domains` set, so that it
   * vouches for its own domains alone. Default: `email_verified: true` is required.
   */
  addressesVerified: z.boolean().default(false),
  /** Seconds to add to this server's clock when checking the provider's tokens: only for a clock known to be off (the tests use it for expired tokens). */
  clockSkewSeconds: z.number().int().min(-86_400).max(86_400).default(0),
});

export type SsoProvider = z.output<typeof providerSchema>;

const fileSchema = z
  .array(providerSchema)
  .refine((list) => new Set(list.map((p) => p.id)).size === list.length, "every provider needs its own id")
  .refine((list) => {
    const domains = list.flatMap((p) => p.domains);
    return new Set(domains).size === domains.length;
  }, "a domain belongs to one provider only")
  // Plain http only on loopback (the tests' and the demo's provider): a real provider is https.
  .refine((list) => list.every((p) => p.issuer.startsWith("https://") || isLoopback(p.issuer)), "an issuer must be https:// (http only on 127.0.0.1)")
  .refine((list) => list.every((p) => !p.addressesVerified || p.domains.length > 0), "addressesVerified needs the provider's domains");

export function isLoopback(url: string): boolean {
  return ["127.0.0.1", "localhost", "[::1]"].includes(new URL(url).hostname);
}

/** The providers in `text` (the file's content), or an error naming what is wrong. */
export function parseProviders(text: string): SsoProvider[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error("SSO_PROVIDERS_FILE is not valid JSON");
  }
  const result = fileSchema.safeParse(json);
  if (!result.success) throw new Error(`SSO_PROVIDERS_FILE: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return result.data;
}

let providers: SsoProvider[] | undefined;

/** The configured providers, in the file's order; none when `SSO_PROVIDERS_FILE` is unset. */
export function ssoProviders(): SsoProvider[] {
  providers ??= env.SSO_PROVIDERS_FILE ? parseProviders(fs.readFileSync(env.SSO_PROVIDERS_FILE, "utf8")) : [];
  return providers;
}

/** Tests point the portal at their own provider. */
export function useSsoProvidersForTests(list: SsoProvider[] | undefined): void {
  providers = list;
}

export function ssoProvider(id: string): SsoProvider | null {
  return ssoProviders().find((p) => p.id === id) ?? null;
}

/** The provider that serves the address's domain, or null: that address logs in with a password. */
export function providerForAddress(email: string): SsoProvider | null {
  const domain = email.trim().toLowerCase().split("@")[1] ?? "";
  return ssoProviders().find((p) => p.domains.includes(domain)) ?? null;
}

/**
 * Whether the provider may vouch for this address the first time, when the portal links an
 * account to it by address: a provider vouches for its own domains, a provider that lists
 * none for any address no other provider serves. Otherwise one authority's provider (the
 * police's, say) could assert a city address and take over an account it does not serve.
 */
export function providerVouchesFor(provider: SsoProvider, email: string): boolean {
  const owner = providerForAddress(email);
  return provider.domains.length > 0 ? owner?.id === provider.id : owner === null;
}
