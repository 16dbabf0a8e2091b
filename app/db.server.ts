import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "../db/schema";
import { env } from "./env.server";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Where the committed SQL migrations are, found from this file or from the server build. */
function migrationsFolder(): string {
  const candidates = [
    path.resolve(process.cwd(), "db/migrations"),
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../db/migrations"),
  ];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, "meta/_journal.json")));
  if (!found) throw new Error(`Could not find db/migrations (looked in ${candidates.join(", ")})`);
  return found;
}

/**
 * Opens a SQLite database with the settings every connection needs and applies the
 * committed migrations. `:memory:` gives a private database (used by tests).
 */
export function openDatabase(file: string): DB {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema }) as DB;
  // Migrations that rebuild a table (SQLite cannot alter a column) drop the old one; with
  // foreign keys on, that would cascade or fail. They run with foreign keys off, as SQLite's
  // documentation prescribes, and the result is checked before any request is served.
  sqlite.pragma("foreign_keys = OFF");
  migrate(db, { migrationsFolder: migrationsFolder() });
  const broken = sqlite.pragma("foreign_key_check") as unknown[];
  if (broken.length > 0) throw new Error(`Migrations left ${broken.length} broken foreign keys: ${JSON.stringify(broken.slice(0, 5))}`);
  sqlite.pragma("foreign_keys = ON");
  if (process.env.BENCH_SQL === "1") timeStatements(sqlite);
  return db;
}

/** For `npm run bench`: the time each SQL statement takes, summed by its text (globalThis.__portalSqlStats). */
function timeStatements(sqlite: Database.Database) {
  const stats = new Map<string, { calls: number; ms: number }>();
  (globalThis as unknown as { __portalSqlStats?: typeof stats }).__portalSqlStats = stats;
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source);
    for (const method of ["run", "get", "all"] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        const started = performance.now();
        try {
          return original(...args);
        } finally {
          const entry = stats.get(source) ?? { calls: 0, ms: 0 };
          entry.calls++;
          entry.ms += performance.now() - started;
          stats.set(source, entry);
        }
      };
    }
    return statement;
  }) as typeof sqlite.prepare;
}

// One connection per process; kept on globalThis so that `remix dev` reloads reuse it.
const globalForDb = globalThis as unknown as { __portalDb?: DB };

export function getDb(): DB {
  if (!globalForDb.__portalDb) globalForDb.__portalDb = openDatabase(env.DATABASE_PATH);
  return globalForDb.__portalDb;
}

/** Tests swap in their own fresh database. */
export function setDbForTesting(db: DB | undefined): void {
  globalForDb.__portalDb = db;
}
