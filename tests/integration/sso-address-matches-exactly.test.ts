import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { people } from "../../db/schema";
import { useSsoProvidersForTests, type SsoProvider } from "../../app/auth/sso-config.server";
import { forgetSsoConfigurations } from "../../app/auth/sso-provider.server";
import { portalUrl } from "../../app/env.server";
import { startTestProvider } from "../oidc/provider.mjs";
import { db, personId, useFreshDatabase } from "./db";
import { signInWith } from "./sso";

// The first login links an account by the provider's address. Letter case does not make
// another mailbox, but Unicode letters whose lower case is an ASCII letter (the Kelvin sign
// "K" lower-cases to "k") do: "larare@vallingbysKolan.example" with a Kelvin sign is someone
// else's address, which must not reach Maria's account at larare@vallingbyskolan.example.
const CLIENT = { clientId: "samverkansportalen", clientSecret: "hemligt-i-testet" };
const PASSWORD = "stadens-losenord";
const LOOKALIKE = { sub: "stad-0100", email: "larare@vallingbys\u212Aolan.example", emailVerified: true, name: "Inte Maria", password: PASSWORD };
const UPPER_CASE = { sub: "stad-0101", email: "REKTOR@VallingbySkolan.example", emailVerified: true, name: "Peter Strand", password: PASSWORD };

let provider: Awaited<ReturnType<typeof startTestProvider>>;
let config: SsoProvider;

beforeAll(async () => {
  const client = { ...CLIENT, redirectUris: [portalUrl("/logga-in/sso/stad/tillbaka")], postLogoutRedirectUris: [portalUrl("/logga-in?utloggad=1")] };
  provider = await startTestProvider({ clients: [client], accounts: [LOOKALIKE, UPPER_CASE] });
  config = { id: "stad", label: "Stockholms stads konto", issuer: provider.issuer, ...CLIENT, domains: [], clockSkewSeconds: 0, addressesVerified: false };
});
afterAll(async () => {
  await provider.close();
});
afterEach(() => {
  useSsoProvidersForTests(undefined);
  forgetSsoConfigurations();
});

const signIn = async (account: { email: string; password: string }) => (await signInWith("stad", account)).response;

const subjectOf = (email: string) =>
  db
    .select()
    .from(people)
    .where(eq(people.id, personId(email)))
    .get()!.ssoSubject;

describe("single sign-on: the provider's address must be the account's, up to letter case", () => {
  useFreshDatabase();

  it("an address that only lower-cases to a known one does not log in as that person", async () => {
    useSsoProvidersForTests([config]);
    forgetSsoConfigurations();
    const response = await signIn(LOOKALIKE);
    expect(response.status).toBe(403);
    expect(subjectOf("larare@vallingbyskolan.example")).toBeNull();
  });

  it("the same address in other letter case still logs in", async () => {
    useSsoProvidersForTests([config]);
    forgetSsoConfigurations();
    const response = await signIn(UPPER_CASE);
    expect(response.status).toBe(302);
    expect(subjectOf("rektor@vallingbyskolan.example")).toBe(UPPER_CASE.sub);
  });
});
