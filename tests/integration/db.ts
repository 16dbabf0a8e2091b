import { eq, sql } from "drizzle-orm";
import { beforeEach } from "vitest";
import { hashPassword } from "../../app/auth/password.server";
import { openDatabase, setDbForTesting, type DB } from "../../app/db.server";
import { loadActor } from "../../app/models/people.server";
import { localDateOf } from "../../app/time/stockholm";
import { DEMO_PASSWORD, seedDemoDistrict } from "../../db/seed";
import { organisations, people } from "../../db/schema";

/**
 * Test databases: every test gets its own fresh, migrated in-memory database with the
 * demo district and a small second district, so tests never see each other's writes.
 */
let demoHash: Promise<string> | undefined;

/** The demo district is seeded as on Tuesday 1 December 2026 at 10.00 in Stockholm. */
export const SEED_NOW = new Date("2026-12-01T09:00:00Z");
export let db: DB;

export function useFreshDatabase() {
  beforeEach(async () => {
    demoHash ??= hashPassword(DEMO_PASSWORD);
    db = openDatabase(":memory:");
    setDbForTesting(db);
    seedDemoDistrict(db, await demoHash, SEED_NOW, localDateOf(SEED_NOW));
    return () => {
      setDbForTesting(undefined);
      db.$client.close();
    };
  });
}

/** The person who logs in with this address (two districts may each have invited it). */
export function personId(email: string): number {
  const row = db
    .select({ id: people.id })
    .from(people)
    .where(eq(people.email, email))
    .orderBy(sql`${people.passwordHash} IS NULL`, people.id)
    .get();
  if (!row) throw new Error(`No person ${email} in the test database`);
  return row.id;
}

export function actorFor(email: string) {
  const actor = loadActor(personId(email));
  if (!actor) throw new Error(`No actor for ${email}`);
  return actor;
}

export function organisationId(name: string): number {
  const row = db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)).get();
  if (!row) throw new Error(`No organisation ${name} in the test database`);
  return row.id;
}
