import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database, { type RunResult } from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import * as schema from "../db/schema";
import { env } from "./env.server";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * What a function that reads or writes as part of a larger change takes: `getDb()` or the `tx`
 * of `getDb().transaction((tx) => …)`. The one transaction type of the codebase.
 */
export type TxOrDb = BaseSQLiteDatabase<"sync", RunResult, typeof schema>;

/** Where the committed SQL migrations are, found from this file or from the server build. */
function migrationsFolder(): string {
  const candidates = [path.resolve(process.cwd(), "db/migrations"), path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../db/migrations")];
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
  writeTransactionsTakeTheLockFirst(db);
  // Migrations that rebuild a table (SQLite cannot alter a column) drop the old one; with
  // foreign keys on, that would cascade or fail. They run with foreign keys off, as SQLite's
  // documentation prescribes, and the result is checked before any request is served.
  sqlite.pragma("foreign_keys = OFF");
  migrate(db, { migrationsFolder: migrationsFolder() });
  const broken = sqlite.pragma("foreign_key_check") as unknown[];
  if (broken.length > 0) throw new Error(`Migrations left ${broken.length} broken foreign keys: ${JSON.stringify(broken.slice(0, 5))}`);
  sqlite.pragma("foreign_keys = ON");
  if (process.env.BENCH_SQL === "1") timeStatements(sqlite);
  keepPreparedStatements(sqlite);
  return db;
}

/**
 * Several server processes write to one file (WEB_CONCURRENCY). A transaction that reads
 * before it writes, as SQLite's default BEGIN DEFERRED does, fails with SQLITE_BUSY_SNAPSHOT
 * when another process wrote in between: the busy timeout cannot help, because its snapshot
 * is already stale. So every transaction begins IMMEDIATE: it waits (up to busy_timeout) for
 * the write lock before its first read, and what it reads cannot change under it. A caller
 * can still ask for another behaviour explicitly.
 */
function writeTransactionsTakeTheLockFirst(db: DB) {
  const transaction = db.transaction.bind(db);
  db.transaction = ((run, config) => transaction(run, { behavior: "immediate", ...config })) as typeof db.transaction;
}

/**
 * A model function whose checks and writes must be one step (`export const cancelMeeting =
 * atomic(function cancelMeeting(…) {…})`): the whole call runs in one transaction, so what its
 * checks read cannot change before its writes, even when another server process acts on the
 * same row at the same moment. Transactions inside it become savepoints. For synchronous
 * functions only (a better-sqlite3 transaction cannot span an await).
 */
export function atomic<A extends unknown[], R>(run: (...args: A) => R): (...args: A) => R {
  return (...args: A) => getDb().transaction(() => run(...args));
}

/**
 * drizzle asks SQLite to prepare a statement's SQL on every call, and preparing costs more
 * than running most of the portal's queries. A page runs the same few dozen statements,
 * so each connection keeps its prepared statements by their text (better-sqlite3
 * statements are reusable; drizzle switches some into raw mode, so that is reset).
 */
function keepPreparedStatements(sqlite: Database.Database, limit = 1000) {
  const prepare = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const statement = kept.get(source);
    if (statement) return statement.reader ? statement.raw(false) : statement;
    const fresh = prepare(source);
    // Lists of ids ("in (?, ?, ?)") make new texts; past the limit, start over.
    if (kept.size >= limit) kept.clear();
    kept.set(source, fresh);
    return fresh;
  }) as typeof sqlite.prepare;
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

// One connection per process, kept on globalThis however often this module is evaluated in
// the process (vitest evaluates it again for every test file).
const globalForDb = globalThis as unknown as { __portalDb?: DB };

export function getDb(): DB {
  if (!globalForDb.__portalDb) globalForDb.__portalDb = openDatabase(env.DATABASE_PATH);
  return globalForDb.__portalDb;
}

let committedMigrations: { entries: { when: number }[] } | undefined;

/**
 * How many committed migrations (db/migrations) the database has not had. The server applies
 * them when it opens the file, so anything but 0 means the file changed under a running
 * server: a backup of an older version put in place, or a newer version's migrations run by
 * another process. The readiness check (/healthz?ready) answers no then.
 */
export function pendingMigrations(db: DB = getDb()): number {
  committedMigrations ??= JSON.parse(fs.readFileSync(path.join(migrationsFolder(), "meta/_journal.json"), "utf8")) as { entries: { when: number }[] };
  const journal = committedMigrations;
  const applied = db.$client.prepare("SELECT max(created_at) AS last FROM __drizzle_migrations").get() as { last: number | null };
  return journal.entries.filter((entry) => applied.last === null || entry.when > applied.last).length;
}

/** Tests swap in their own fresh database. */
export function setDbForTesting(db: DB | undefined): void {
  globalForDb.__portalDb = db;
}

type ReadCache = { version: string; entries: Map<string, unknown>; stamp: Database.Statement };
const readCaches = new WeakMap<DB, ReadCache>();

/**
 * A read that many pages repeat (the duty line, today's duty person, an organisation's
 * contact persons), kept until the database changes. Any commit ends every kept read: this
 * connection's own (`total_changes()`) and those of other processes (`PRAGMA data_version`),
 * so a kept read is never older than the data. Not kept inside a transaction, which could
 * still roll back. Kept values are shared between requests: callers must not change them
 * (outside production they are frozen, so a test that changes one fails).
 */
export function keptUntilChange<T>(key: string, read: () => T): T {
  const db = getDb();
  const sqlite = db.$client;
  if (sqlite.inTransaction) return read();
  let cache = readCaches.get(db);
  if (!cache) {
    cache = {
      version: "",
      entries: new Map(),
      stamp: sqlite.prepare("SELECT total_changes() AS own, (SELECT data_version FROM pragma_data_version) AS others"),
    };
    readCaches.set(db, cache);
  }
  const { own, others } = cache.stamp.get() as { own: number; others: number };
  const version = `${own}:${others}`;
  if (version !== cache.version) {
    cache.entries.clear();
    cache.version = version;
  }
  if (cache.entries.has(key)) return cache.entries.get(key) as T;
  const value = read();
  cache.entries.set(key, process.env.NODE_ENV === "production" ? value : deepFreeze(value));
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** A write the database refused because it would break a unique index (SQLite's error code, never its wording). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Database.SqliteError && (error.code === "SQLITE_CONSTRAINT_UNIQUE" || error.code === "SQLITE_CONSTRAINT_PRIMARYKEY");
}

/** A write one of the migrations' triggers refused with RAISE(ABORT, …) saying `reason`. */
export function isRefusedByTrigger(error: unknown, reason: string): boolean {
  return error instanceof Database.SqliteError && error.code === "SQLITE_CONSTRAINT_TRIGGER" && error.message.includes(reason);
}
