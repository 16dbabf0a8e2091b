/**
 * Every exported function of `app/models/*.server.ts` that reads or writes district data takes
 * the acting person (`Actor`, or the part of it it needs) and checks or scopes by it itself, so
 * a route that forgets its guard still reaches nothing. The few that cannot are listed below,
 * each with the reason; a new export without an actor fails here until it takes one or is
 * listed (the same way the access matrix fails for a route without a row). Jobs take the
 * scheduler's `SystemActor` instead, and refuse anything else.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const MODELS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../app/models");

const WITHOUT_ACTOR: Record<string, string> = {
  // Pure: no data read.
  "access-approval.server.ts isContentRole": "a rule about a role",
  "people.server.ts normaliseEmail": "formats an address",
  "statistics.server.ts periodEnding": "works out twelve months from a date",
  "walk-booking.server.ts reminderTime": "works out a time from a date",
  // SQL conditions, used inside queries that the actor already scopes.
  "access-approval.server.ts approvedPerson": "a condition for an actor-scoped query",
  "access-approval.server.ts approvedAssignment": "a condition for an actor-scoped query",
  "access-approval.server.ts mayBeToldOfQuestions": "a condition for an actor-scoped query",
  "walk-booking.server.ts slotQuery": "the slots' joins, which every caller narrows by its actor",
  // Before anyone is logged in: the login, the one-time links and who the actor is.
  "accounts.server.ts setPasswordWithToken": "the link is the proof (its hash is looked up)",
  "accounts.server.ts requestPasswordReset": "anyone may ask; the same answer whoever has the address",
  "people.server.ts findActivePersonByEmail": "the login",
  "people.server.ts activeAccountsWithEmail": "the reset request",
  "people.server.ts loadActor": "makes the actor from the session",
  "people.server.ts personForSso": "the single sign-on: the provider's checked ID token is the proof",
  // Called only by functions that checked the actor first.
  "accounts.server.ts linkMailsLastHour": "a count for the reset and resend limits",
  "accounts.server.ts mailInvitation": "queues the mail for an invitation already checked",
  "walk-booking.server.ts cancelBookingIn": "ends a booking for cancelBooking and cancelOccasion, which check the booker or the host",
  "walk-booking.server.ts moveBookingsIn": "tells the bookers of an occasion its host has moved (moveOccasion checks the host)",
  "meeting-reading.server.ts participantsOf": "the people of a meeting row the caller already read",
};

/** Of those, the ones that check nothing themselves: a route must not call them, only the model functions that checked first. */
const MODEL_INTERNAL = Object.keys(WITHOUT_ACTOR).filter((name) =>
  /a condition for|which every caller narrows|already checked|which check|checks the host|already read|a count for/.test(WITHOUT_ACTOR[name]!),
);

/** `file name` → the parameter list of every exported function (plain or wrapped in `atomic`). */
function exportedFunctions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of fs.readdirSync(MODELS).filter((f) => f.endsWith(".server.ts"))) {
    const source = fs.readFileSync(path.join(MODELS, file), "utf8");
    const pattern = /^export (?:async )?function (\w+)\(([^)]*)|^export const (\w+) = atomic\((?:async )?function \w+\(([^)]*)/gm;
    for (const m of source.matchAll(pattern)) found.set(`${file} ${m[1] ?? m[3]}`, m[2] ?? m[4] ?? "");
  }
  return found;
}

describe("the model's exported functions", () => {
  it("take the actor, except the listed few", () => {
    const exported = exportedFunctions();
    expect(exported.size).toBeGreaterThan(100);
    const withoutActor = [...exported].filter(([, params]) => !/\b(System)?Actor\b/.test(params)).map(([name]) => name);
    expect(withoutActor.filter((name) => !(name in WITHOUT_ACTOR))).toEqual([]);
  });

  it("list no function that no longer exists or now takes the actor", () => {
    const exported = exportedFunctions();
    const stale = Object.keys(WITHOUT_ACTOR).filter((name) => !exported.has(name) || /\b(System)?Actor\b/.test(exported.get(name)!));
    expect(stale).toEqual([]);
  });
});

/** Every file of `app/` but the capability table, with its text. */
function appSources(): [string, string][] {
  const root = path.resolve(MODELS, "..");
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts") && f !== path.join("auth", "permissions.ts"))
    .map((f) => [f, fs.readFileSync(path.join(root, f), "utf8")]);
}

describe("the routes", () => {
  it("call no model function that checks nothing itself", () => {
    expect(MODEL_INTERNAL.length).toBeGreaterThan(5);
    const routes = path.resolve(MODELS, "../routes");
    const found: string[] = [];
    for (const file of fs.readdirSync(routes)) {
      const source = fs.readFileSync(path.join(routes, file), "utf8");
      for (const m of source.matchAll(/import \{([^}]*)\} from "\.\.\/models\/([\w-]+\.server)";/g))
        for (const name of m[1]!.split(",").map((n) => n.trim())) if (MODEL_INTERNAL.includes(`${m[2]}.ts ${name}`)) found.push(`${file}: ${name}`);
    }
    expect(found).toEqual([]);
  });
});

describe("who may do what", () => {
  it("is decided in the capability table only: no file outside it compares a role with a role's name", () => {
    const roleNames = ["partner_staff", "partner_leadership", "social_worker", "parent_adviser", "coordinator", "unit_head", "city_admin"].join("|");
    const comparison = new RegExp(`role\\s*[!=]==?\\s*"(${roleNames})"|"(${roleNames})"\\s*[!=]==?\\s*\\w*\\.?role\\b`);
    const files = appSources();
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter(([, source]) => comparison.test(source)).map(([file]) => file)).toEqual([]);
  });
});
