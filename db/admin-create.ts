/**
 * `npm run admin:create -- --email anna.andersson@stad.example --name "Anna Andersson"`: a city
 * administrator (role city_admin) for a new installation, the first one or another, and a
 * one-time link (valid 7 days) where she chooses her password. Nothing is mailed: the link is
 * printed here, once, for the person who runs the command to pass on; the database keeps only
 * its hash. Running it again for someone who has not chosen a password yet gives a new link
 * (the earlier one stops working). Opening the database applies the migrations, so this works
 * on an empty one.
 *
 * Every account belongs to a district (people.district_id), also a city administrator's, who
 * works above the districts: city accounts belong to a district row of their own,
 * "Stadsledningskontoret", made here when it is missing, so no district's administration ever
 * lists them.
 */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { now } from "../app/clock.server";
import { getDb } from "../app/db.server";
import { env } from "../app/env.server";
import { endOpenLinks, issueToken, TOKEN_LIFETIME_MS } from "../app/auth/one-time-links.server";
import { auditEvents, districts, people } from "./schema";

/** The district row that city-level accounts belong to. */
export const CITY_HOME = { slug: "stadsledningskontoret", name: "Stadsledningskontoret" } as const;

const USAGE = 'Usage: npm run admin:create -- --email anna.andersson@stad.example --name "Anna Andersson" [--title "Administratör för staden"]';

const singleLine = (what: string) =>
  z
    .string({ error: `${what} is missing.` })
    .trim()
    .min(1, `${what} is missing.`)
    .max(200, `${what} is too long (at most 200 characters).`)
    .refine((v) => !/\p{Cc}/u.test(v), `${what} cannot contain control characters.`);

const argsSchema = z.object({
  email: z
    .string({ error: "--email is missing." })
    .trim()
    .toLowerCase()
    .pipe(z.email("--email is not an email address, for example anna.andersson@stad.example.").max(254)),
  name: singleLine("--name"),
  title: singleLine("--title").default("Administratör för staden"),
});

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, title: { type: "string" } }, strict: true }).values;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const input = argsSchema.safeParse(parsed);
if (!input.success) fail(input.error.issues.map((i) => i.message).join(" "));
const { email, name, title } = input.data;

const db = getDb();
const at = now();
const outcome = db.transaction((tx) => {
  const holders = tx
    .select({ id: people.id, name: people.name, role: people.role, passwordHash: people.passwordHash, deactivatedAt: people.deactivatedAt })
    .from(people)
    .where(eq(people.email, email))
    .all();
  // A district's invitation that was never taken up does not hold the address (decision 012);
  // an account with a password does, and so does an earlier city administrator.
  const existing = holders.find((p) => p.role === "city_admin") ?? holders.find((p) => p.passwordHash !== null);
  if (existing) {
    // A new link only for a city administrator who never chose a password: a link sets the password, whoever holds it.
    if (existing.role !== "city_admin" || existing.passwordHash !== null || existing.deactivatedAt !== null) return { ok: false as const, role: existing.role };
    // The operator replaces a link printed earlier (it may sit in a terminal's scrollback): that one ends.
    endOpenLinks(tx, existing.id, at);
    return { ok: true as const, created: false, name: existing.name, token: issueToken(tx, existing.id, "invite", at) };
  }
  const home =
    tx.select({ id: districts.id }).from(districts).where(eq(districts.slug, CITY_HOME.slug)).get() ??
    tx
      .insert(districts)
      .values({ ...CITY_HOME, createdAt: at })
      .returning({ id: districts.id })
      .get();
  const person = tx.insert(people).values({ districtId: home.id, name, email, title, role: "city_admin", createdAt: at }).returning({ id: people.id }).get();
  tx.insert(auditEvents)
    .values({ districtId: home.id, actorPersonId: null, action: "person.invited", objectType: "person", objectId: String(person.id), at })
    .run();
  return { ok: true as const, created: true, name, token: issueToken(tx, person.id, "invite", at) };
});
db.$client.close();

if (!outcome.ok) {
  fail(
    `${email} already has an account (role ${outcome.role}). Use another address, or let the person choose a new password through "Glömt lösenordet?" on the login page.`,
  );
}
const days = TOKEN_LIFETIME_MS.invite / 86_400_000;
console.log(
  outcome.created
    ? `Created the city administrator ${outcome.name} <${email}> in ${env.DATABASE_PATH}.`
    : `${outcome.name} <${email}> has not chosen a password yet: here is a new link (the earlier one no longer works).`,
);
console.log(
  `\nGive ${outcome.name} this link to choose a password. It works once, for ${days} days, and is shown only here:\n\n  ${env.APP_URL}/inbjudan/${outcome.token}\n`,
);
if (env.NODE_ENV === "production" && !process.env.APP_URL)
  console.log(`APP_URL is not set, so the link points at ${env.APP_URL}. Set APP_URL to the portal's public address.`);
