/** `npm run backup [FILE]`: a consistent copy of the database while the portal runs. */
import { env } from "../app/env.server";
import { backupTo, checkBackup, defaultBackupPath } from "../app/ops/backup.server";

const target = process.argv[2] ?? defaultBackupPath(env.DATABASE_PATH, new Date());
const { pages } = await backupTo(env.DATABASE_PATH, target);
const check = checkBackup(target);
if (!check.ok) {
  console.error(`The backup ${target} did not pass its check: ${check.reason}`);
  process.exit(1);
}
console.log(`Backed up ${env.DATABASE_PATH} to ${target} (${pages} pages, ${check.people} people, ${check.migrations} migrations).`);
