import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loginFailures } from "../../db/schema";
import { clientOf, countRequest, purgeOldLoginFailures } from "../../app/auth/throttle.server";
import { action as loginAction } from "../../app/routes/logga-in";
import { db, SEED_NOW, useFreshDatabase } from "./db";
import { post, respond } from "./http";

// The portal's clock is pinned: every try happens at the same instant, and time passes by
// moving the recorded failures back.
const tryLogin = (email: string, password: string, clientAddress: string) =>
  respond(() => loginAction({ request: post("/logga-in", { email, password }), params: {}, context: { clientAddress } }));
const statusOf = async (email: string, password: string, clientAddress: string) => (await tryLogin(email, password, clientAddress)).status;
const pastMinutes = (minutes: number) =>
  db
    .update(loginFailures)
    .set({ at: sql`${loginFailures.at} - ${minutes * 60_000}` })
    .run();

const OWNER = "rektor@vallingbyskolan.example";
const HER_PC = "198.51.100.7";
const GUESSER = "203.0.113.9";

describe("throttling the guesser, not the owner", () => {
  useFreshDatabase();

  it("five wrong passwords from someone else do not keep the owner out; the guesser waits, even with her password", async () => {
    for (let i = 0; i < 5; i++) expect(await statusOf(OWNER, `gissning-${i}`, GUESSER)).toBe(400);
    expect(await statusOf(OWNER, "samverkan-demo", HER_PC)).toBe(302);
    const guesser = await tryLogin(OWNER, "samverkan-demo", GUESSER);
    expect(guesser.status).toBe(429);
    expect(guesser.headers.get("Retry-After")).toBe("30");
  });

  it("twenty guesses sent at once get only the five free tries, and the owner at her own computer still gets in", async () => {
    const statuses = (await Promise.all(Array.from({ length: 20 }, (_, i) => tryLogin(OWNER, `gissning-${i}`, GUESSER)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 400)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect(await statusOf(OWNER, "samverkan-demo", HER_PC)).toBe(302);
  });

  it("her own mistypes are forgiven when she gets it right, and slow down only her", async () => {
    for (let i = 0; i < 4; i++) expect(await statusOf(OWNER, "fel", HER_PC)).toBe(400);
    expect(await statusOf(OWNER, "samverkan-demo", HER_PC)).toBe(302);
    for (let i = 0; i < 5; i++) expect(await statusOf(OWNER, "fel", HER_PC)).toBe(400);
    expect(await statusOf(OWNER, "samverkan-demo", HER_PC)).toBe(429);
    expect(await statusOf(OWNER, "samverkan-demo", "198.51.100.8")).toBe(302); // her phone
  });

  it("one address trying many accounts waits after twenty failures, for every account, and only there", async () => {
    for (let i = 0; i < 20; i++) expect(await statusOf(`person-${i}@vallingbyskolan.example`, "Vinter2026!", GUESSER)).toBe(400);
    expect(await statusOf("person-20@vallingbyskolan.example", "Vinter2026!", GUESSER)).toBe(429);
    expect(await statusOf(OWNER, "samverkan-demo", GUESSER)).toBe(429);
    expect(await statusOf(OWNER, "samverkan-demo", HER_PC)).toBe(302);
    pastMinutes(61);
    expect(await statusOf("person-20@vallingbyskolan.example", "Vinter2026!", GUESSER)).toBe(400); // an hour later
  });

  it("an account guessed from many addresses: a fresh address gets two tries, the owner still gets in, the guessers' failures count for a day", async () => {
    for (const address of ["203.0.113.1", "203.0.113.2"]) for (let i = 0; i < 5; i++) expect(await statusOf(OWNER, `gissning-${i}`, address)).toBe(400);
    // Ten failures from elsewhere: a third address gets two tries, not five.
    expect(await statusOf(OWNER, "gissning-a", "203.0.113.3")).toBe(400);
    expect(await statusOf(OWNER, "gissning-b", "203.0.113.3")).toBe(400);
    expect(await statusOf(OWNER, "gissning-c", "203.0.113.3")).toBe(429);
    // The owner, who has not been guessing, gets in with her password.
    expect(await statusOf(OWNER, "samverkan-demo", HER_PC)).toBe(302);
    // An hour later that address gets one more try, not five fresh ones, and then waits longer.
    pastMinutes(61);
    expect(await statusOf(OWNER, "gissning-d", "203.0.113.3")).toBe(400);
    const next = await tryLogin(OWNER, "gissning-e", "203.0.113.3");
    expect(next.status).toBe(429);
    expect(next.headers.get("Retry-After")).toBe("60"); // 30 s after the third failure, doubled for each one more
  });

  it("nine failures from elsewhere are no attack yet: a fresh address has its five tries", async () => {
    for (const address of ["203.0.113.1", "203.0.113.2"])
      for (let i = 0; i < (address.endsWith("1") ? 5 : 4); i++) await tryLogin(OWNER, `gissning-${i}`, address);
    for (let i = 0; i < 4; i++) expect(await statusOf(OWNER, "fel", HER_PC)).toBe(400);
    expect(await statusOf(OWNER, "samverkan-demo", HER_PC)).toBe(302);
  });

  it("an IPv6 client counts by its /64 network, so rotating addresses inside it does not help", async () => {
    for (let i = 1; i <= 5; i++) expect(await statusOf(OWNER, `gissning-${i}`, `2001:db8:a:b::${i}`)).toBe(400);
    expect(await statusOf(OWNER, "gissning-6", "2001:db8:a:b:ffff::6")).toBe(429);
    expect(await statusOf(OWNER, "samverkan-demo", "2001:db8:c:d::1")).toBe(302);
  });

  it("clients: IPv4 as it is (also written as IPv6), IPv6 by its /64, the proxy (loopback) and no address as none", () => {
    expect(clientOf("203.0.113.9")).toBe("203.0.113.9");
    expect(clientOf("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(clientOf("2001:0db8:000a:000b:1:2:3:4")).toBe("2001:db8:a:b::/64");
    expect(clientOf("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientOf("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    for (const proxy of ["127.0.0.1", "127.8.9.1", "::1", "::ffff:127.0.0.1", "", undefined]) expect(clientOf(proxy)).toBeNull();
  });

  it("failures older than a day are purged at night", async () => {
    await tryLogin(OWNER, "fel", GUESSER);
    pastMinutes(24 * 60 + 1);
    await tryLogin(OWNER, "fel", HER_PC);
    expect(purgeOldLoginFailures(SEED_NOW)).toBe(2); // the old try's pair and address rows
    expect(db.select().from(loginFailures).all()).toHaveLength(2);
  });
});

describe("a request budget for other throttles", () => {
  useFreshDatabase();

  it("counts up to the limit within the window, then says how long until one leaves it", () => {
    const at = (minutes: number) => new Date(SEED_NOW.getTime() + minutes * 60_000);
    expect(countRequest("reset-client:203.0.113.9", 3, 60 * 60_000, at(0))).toBe(0);
    expect(countRequest("reset-client:203.0.113.9", 3, 60 * 60_000, at(10))).toBe(0);
    expect(countRequest("reset-client:203.0.113.9", 3, 60 * 60_000, at(20))).toBe(0);
    expect(countRequest("reset-client:203.0.113.9", 3, 60 * 60_000, at(30))).toBe(30 * 60_000);
    expect(countRequest("reset-client:198.51.100.7", 3, 60 * 60_000, at(30))).toBe(0);
    expect(countRequest("reset-client:203.0.113.9", 3, 60 * 60_000, at(60))).toBe(0); // the first left the window
    expect(() => countRequest("address:203.0.113.9", 3, 60_000, at(0))).toThrow(); // the login's own keys are not for this
  });
});
