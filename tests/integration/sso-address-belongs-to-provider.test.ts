import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { people } from "../../db/schema";
import { useSsoProvidersForTests, type SsoProvider } from "../../app/auth/sso-config.server";
import { forgetSsoConfigurations } from "../../app/auth/sso-provider.server";
import { portalUrl } from "../../app/env.server";
import { startTestProvider } from "../oidc/provider.mjs";
import { db, personId, useFreshDatabase } from "./db";
import { signInWith } from "./sso";

// Two installations' providers: the city's serves the schools' and the city's domains, the
// police authority's its own. Each may vouch for the addresses of its own domains only: the
// police's provider asserting a city address (the city administrator's, a teacher's) must not
// take over that account, however "verified" it says the address is.
const CLIENT = { clientId: "samverkansportalen", clientSecret: "hemligt-i-testet" };
const PASSWORD = "stadens-losenord";
const ADMIN_AT_POLICE = { sub: "polis-0001", email: "admin@stockholm.example", emailVerified: true, name: "Inte Admin", password: PASSWORD };
const TEACHER_AT_POLICE = { sub: "polis-0002", email: "larare@vallingbyskolan.example", emailVerified: true, name: "Inte Maria", password: PASSWORD };
const POLICE_OFFICER = { sub: "polis-0003", email: "polis@vallingby.polisen.example", emailVerified: true, name: "Polisen", password: PASSWORD };

let police: Awaited<ReturnType<typeof startTestProvider>>;
let city: SsoProvider;
let policeConfig: SsoProvider;

beforeAll(async () => {
  const client = { ...CLIENT, redirectUris: [portalUrl("/logga-in/sso/polis/tillbaka")], postLogoutRedirectUris: [portalUrl("/logga-in?utloggad=1")] };
  police = await startTestProvider({ clients: [client], accounts: [ADMIN_AT_POLICE, TEACHER_AT_POLICE, POLICE_OFFICER] });
  // The city's provider is never reached here: only its domains matter.
  city = {
    id: "stad",
    label: "Stockholms stads konto",
    issuer: "http://127.0.0.1:9/",
    ...CLIENT,
    domains: ["stockholm.example", "vallingbyskolan.example"],
    clockSkewSeconds: 0,
    addressesVerified: false,
  };
  policeConfig = {
    id: "polis",
    label: "Polisens konto",
    issuer: police.issuer,
    ...CLIENT,
    domains: ["vallingby.polisen.example"],
    clockSkewSeconds: 0,
    addressesVerified: false,
  };
});
afterAll(async () => {
  await police.close();
});
afterEach(() => {
  useSsoProvidersForTests(undefined);
  forgetSsoConfigurations();
});

const signInAtPolice = async (account: { email: string; password: string }) => (await signInWith("polis", account)).response;

const linkOf = (email: string) => {
  const row = db
    .select()
    .from(people)
    .where(eq(people.id, personId(email)))
    .get()!;
  return [row.ssoIssuer, row.ssoSubject];
};

describe("single sign-on: a provider vouches only for its own domains", () => {
  useFreshDatabase();

  it("another provider cannot log in as, or link itself to, an account in the city's domains", async () => {
    useSsoProvidersForTests([city, policeConfig]);
    forgetSsoConfigurations();
    for (const account of [ADMIN_AT_POLICE, TEACHER_AT_POLICE]) {
      const response = await signInAtPolice(account);
      expect(response.status, account.email).toBe(403);
      expect(response.headers.get("Set-Cookie") ?? "", account.email).not.toMatch(/portal_session=[^;]+/);
      expect(linkOf(account.email), account.email).toEqual([null, null]);
    }
  });

  it("the provider still logs in the people of its own domain", async () => {
    useSsoProvidersForTests([city, policeConfig]);
    forgetSsoConfigurations();
    const response = await signInAtPolice(POLICE_OFFICER);
    expect(response.status).toBe(302);
    expect(linkOf(POLICE_OFFICER.email)).toEqual([police.issuer, POLICE_OFFICER.sub]);
  });
});
