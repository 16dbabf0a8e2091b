/** `npm run restore FILE`: checks a backup and puts it in place of the database. Stop the server first. */
import { env } from "../app/env.server";
import { restoreFrom } from "../app/ops/backup.server";

const file = process.argv[2];
if (!file) {
  console.error("Which backup? npm run restore backups/portal-….db");
  process.exit(2);
}
const outcome = restoreFrom(file, env.DATABASE_PATH, new Date());
if (!outcome.ok) {
  console.error(`Not restored: ${outcome.reason}`);
  process.exit(1);
}
console.log(`Restored ${file} to ${env.DATABASE_PATH}.${outcome.kept ? ` The database it replaced is kept as ${outcome.kept}.` : ""} Start the server again.`);
