import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * Backups of the SQLite file while the portal runs, and restoring one. The copy is taken with
 * SQLite's online backup API (through better-sqlite3), which copies pages in steps and starts
 * over when another connection writes meanwhile, so the copy is one consistent moment.
 */

/** `backups/portal-2026-12-01T10-00-00Z.db` beside the database. */
export function defaultBackupPath(databasePath: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");
  return path.join(path.dirname(path.resolve(databasePath)), "backups", `portal-${stamp}.db`);
}

/**
 * Deletes the backups `npm run backup` wrote into `dir` (portal-<time>.db) that are older than
 * `keepDays` by the time in their name, never `keep` (the one just made). Returns the names
 * deleted. Other files in the folder are left alone.
 */
export function pruneBackups(dir: string, keepDays: number, now: Date, keep: string): string[] {
  const limit = now.getTime() - keepDays * 24 * 60 * 60 * 1000;
  const deleted: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const stamp = /^portal-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.db$/.exec(name);
    if (!stamp || path.join(dir, name) === path.resolve(keep)) continue;
    if (Date.parse(`${stamp[1]}T${stamp[2]}:${stamp[3]}:${stamp[4]}Z`) >= limit) continue;
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(path.join(dir, `${name}${suffix}`), { force: true });
    deleted.push(name);
  }
  return deleted.sort();
}

/**
 * `pagesPerStep`: how much to copy between yields to the event loop (small in tests, to let
 * writes in). Each time a write makes the copy start over, the steps double, so a busy portal
 * cannot keep the copy from finishing: at worst the last pass copies everything in one step,
 * which in WAL mode reads one snapshot and keeps no writer waiting.
 */
export async function backupTo(databasePath: string, target: string, { pagesPerStep = 100 } = {}): Promise<{ pages: number }> {
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  if (fs.existsSync(target)) throw new Error(`${target} already exists; choose another name.`);
  const source = new Database(databasePath, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    let step = pagesPerStep;
    let remaining = Infinity;
    const { totalPages } = await source.backup(target, {
      progress: (progress) => {
        if (progress.remainingPages > remaining) step = Math.min(step * 2, progress.totalPages); // started over
        remaining = progress.remainingPages;
        return step;
      },
    });
    return { pages: totalPages };
  } finally {
    source.close();
  }
}

export type BackupCheck = { ok: true; migrations: number; people: number } | { ok: false; reason: string };

/** A backup is usable when SQLite finds it intact and it is a portal database. */
export function checkBackup(file: string): BackupCheck {
  if (!fs.existsSync(file)) return { ok: false, reason: `${file} does not exist.` };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") return { ok: false, reason: `integrity_check says: ${String(integrity)}` };
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    for (const table of ["__drizzle_migrations", "districts", "people"])
      if (!tables.has(table)) return { ok: false, reason: `it has no ${table} table: not a portal database.` };
    const migrations = (db.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number }).n;
    const people = (db.prepare("SELECT count(*) AS n FROM people").get() as { n: number }).n;
    return { ok: true, migrations, people };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    db?.close();
  }
}

/**
 * Puts a checked backup in place of the database (the server must be stopped). The current
 * file is kept beside it as `<name>.before-restore-<time>`, so a restore can be undone.
 */
export function restoreFrom(file: string, databasePath: string, now: Date): { ok: true; kept: string | null } | { ok: false; reason: string } {
  const check = checkBackup(file);
  if (!check.ok) return check;
  const target = path.resolve(databasePath);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  let kept: string | null = null;
  if (fs.existsSync(target)) {
    // Fold the write-ahead log into the file before setting it aside.
    const current = new Database(target);
    current.pragma("wal_checkpoint(TRUNCATE)");
    current.close();
    kept = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    fs.renameSync(target, kept);
  }
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.copyFileSync(file, `${target}.restoring`);
  fs.renameSync(`${target}.restoring`, target);
  return { ok: true, kept };
}
