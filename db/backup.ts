/**
 * `npm run backup [FILE] [-- --keep-days N]`: a consistent copy of the database while the portal
 * runs, checked. Into backups/ beside the database unless FILE is given; with --keep-days, the
 * copies there older than N days are deleted after the new one passed its check (nightly cron,
 * docs/deploy.md).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { env } from "../app/env.server";
import { backupTo, checkBackup, defaultBackupPath, pruneBackups } from "../app/ops/backup.server";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { "keep-days": { type: "string" } } });
const keepDays = values["keep-days"] === undefined ? undefined : Number(values["keep-days"]);
if (keepDays !== undefined && (!Number.isInteger(keepDays) || keepDays < 1)) {
  console.error("--keep-days must be a whole number of days, at least 1.");
  process.exit(2);
}

const now = new Date();
const target = positionals[0] ?? defaultBackupPath(env.DATABASE_PATH, now);
const { pages } = await backupTo(env.DATABASE_PATH, target);
const check = checkBackup(target);
if (!check.ok) {
  console.error(`The backup ${target} did not pass its check: ${check.reason}`);
  process.exit(1);
}
console.log(`Backed up ${env.DATABASE_PATH} to ${target} (${pages} pages, ${check.people} people, ${check.migrations} migrations).`);
if (keepDays !== undefined) {
  const deleted = pruneBackups(path.dirname(path.resolve(target)), keepDays, now, target);
  console.log(`Kept the backups of the last ${keepDays} days; deleted ${deleted.length} older ones.`);
}
