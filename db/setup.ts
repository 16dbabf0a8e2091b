/**
 * `npm run db:setup`: applies the migrations, nothing else (production: the first city
 * administrator comes from `npm run admin:create`). `npm run db:demo` (`--demo`) also seeds the
 * demo district if the database has none and prints the demo logins; `npm run demo`, the
 * end-to-end tests and `npm run db:reset` use that. Safe to run again and again.
 */
import { hashPassword } from "../app/auth/password.server";
import { now } from "../app/clock.server";
import { localDateOf } from "../app/time/stockholm";
import { getDb } from "../app/db.server";
import { env } from "../app/env.server";
import { people } from "./schema";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoDistrict } from "./seed";
import { seedHistory } from "./seed-history";

const db = getDb(); // opening the database applies the migrations

if (process.argv.includes("--demo")) {
  const at = now();
  const seeded = seedDemoDistrict(db, await hashPassword(DEMO_PASSWORD), at, localDateOf(at));
  // A year of history for the follow-up page; SEED_HISTORY=off leaves it out (the end-to-end tests do).
  if (seeded && process.env.SEED_HISTORY !== "off") seedHistory(db, at);
  console.log(seeded ? `Seeded the demo district into ${env.DATABASE_PATH}.` : `The demo district is already in ${env.DATABASE_PATH}; nothing to seed.`);
  console.log(`\nDemo logins (password for all: ${DEMO_PASSWORD}):`);
  const width = Math.max(...DEMO_LOGINS.map(([email]) => email.length));
  for (const [email, who] of DEMO_LOGINS) console.log(`  ${email.padEnd(width)}  ${who}`);
  console.log("");
} else {
  console.log(`${env.DATABASE_PATH} is migrated.`);
  if (!db.select({ id: people.id }).from(people).limit(1).get()) {
    console.log('It has no accounts yet: create the first city administrator with npm run admin:create -- --email you@stad.example --name "Your Name".');
  }
}
db.$client.close();
