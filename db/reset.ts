/** `npm run db:reset`: deletes the database file and sets it up again with the demo district. */
import fs from "node:fs";
import { env } from "../app/env.server";

for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${env.DATABASE_PATH}${suffix}`, { force: true });
console.log(`Deleted ${env.DATABASE_PATH}.`);
await import("./setup");
