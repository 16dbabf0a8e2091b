// @ts-check
/**
 * The demo's accounts share a password printed in the README. A server started with
 * NODE_ENV=production refuses to start while any of them still opens with it, unless the demo
 * command started it (`npm run demo` sets PORTAL_DEMO=1). Checked once, by the first process,
 * before it serves anything. Plain JavaScript because app/server.js runs it without a build step.
 */
import fs from "node:fs";
import { verify } from "@node-rs/argon2";
import Database from "better-sqlite3";

/** As in db/seed.ts (demo-accounts.test.ts checks that the two agree). */
export const DEMO_PASSWORD = "samverkan-demo";

/** Every account the demo seed makes (db/seed.ts, db/seed-spanga-tensta.ts). */
export const DEMO_EMAILS = [
  "socialsekreterare@hv.example",
  "jonas.ekholm@hv.example",
  "sara.lindqvist@hv.example",
  "mikael.holm@hv.example",
  "leila.haddad@hv.example",
  "eva.sjoberg@hv.example",
  "tobias.ek@hv.example",
  "omar.lind@hv.example",
  "karin.dahl@hv.example",
  "petra.nystrom@hv.example",
  "samordnare@hv.example",
  "enhetschef@hv.example",
  "admin@stockholm.example",
  "larare@vallingbyskolan.example",
  "elevhalsa@vallingbyskolan.example",
  "rektor@vallingbyskolan.example",
  "lars.ek@vallingbyskolan.example",
  "larare@grimstaskolan.example",
  "rektor@grimstaskolan.example",
  "forskolechef@gronadiamanten.example",
  "pedagog@gronadiamanten.example",
  "forskolechef@grimsta.example",
  "pedagog@ekorren.example",
  "polis@vallingby.polisen.example",
  "socialsekreterare@st.example",
  "johan.lindberg@st.example",
  "samordnare@st.example",
  "larare@tenstaskolan.example",
  "rektor@spangaskolan.example",
  "forskolechef@solrosen.example",
  "polis@jarva.polisen.example",
];

/** app/env.server.ts's default, for the check that runs before the server build is loaded. */
const DEFAULT_DATABASE_PATH = "./data/portal.db";

/**
 * How many accounts the database at `file` has, and which demo accounts the demo password
 * still opens. A database not made yet (or not migrated yet) has none.
 * @param {string} file
 * @returns {Promise<{ accounts: number, openDemoAccounts: string[] }>}
 */
export async function checkAccounts(file) {
  if (file === ":memory:" || !fs.existsSync(file)) return { accounts: 0, openDemoAccounts: [] };
  const db = new Database(file, { fileMustExist: true });
  /** @type {{ email: string, hash: string }[]} */
  let demo;
  let accounts;
  try {
    db.pragma("busy_timeout = 5000");
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'people'").get()) return { accounts: 0, openDemoAccounts: [] };
    accounts = /** @type {{ n: number }} */ (db.prepare("SELECT count(*) AS n FROM people").get()).n;
    demo = /** @type {{ email: string, hash: string }[]} */ (
      db
        .prepare(
          `SELECT email, password_hash AS hash FROM people WHERE password_hash IS NOT NULL AND lower(email) IN (${DEMO_EMAILS.map(() => "?").join(", ")})`,
        )
        .all(...DEMO_EMAILS)
    );
  } finally {
    db.close();
  }
  // The seed hashes the password once for every account: each different hash is verified once, all at the same time.
  /** @type {Map<string, string[]>} */
  const byHash = new Map();
  for (const { email, hash } of demo) byHash.set(hash, [...(byHash.get(hash) ?? []), email]);
  const opened = await Promise.all([...byHash].map(async ([hash, emails]) => ((await verify(hash, DEMO_PASSWORD).catch(() => false)) ? emails : [])));
  return { accounts, openDemoAccounts: opened.flat().sort() };
}

/**
 * What stops a production server, or null when it may start.
 * @param {Record<string, string | undefined>} env
 * @param {string[]} openDemoAccounts
 * @returns {string | null}
 */
export function demoRefusal(env, openDemoAccounts) {
  if (env.NODE_ENV !== "production" || env.PORTAL_DEMO === "1" || openDemoAccounts.length === 0) return null;
  const file = env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
  const shown = openDemoAccounts.slice(0, 3).join(", ") + (openDemoAccounts.length > 3 ? ` and ${openDemoAccounts.length - 3} more` : "");
  return [
    `Samverkansportalen will not start: NODE_ENV=production, but the database ${file} has demo accounts that still`,
    `log in with the demo password everyone can read in the README (${shown}).`,
    "",
    "To go live, start from a database without the demo:",
    `  1. stop the server and move ${file} (and its -wal and -shm files) somewhere else;`,
    "  2. npm start                     (creates and migrates an empty database);",
    '  3. npm run admin:create -- --email you@stad.example --name "Your Name"   (the first city administrator).',
    "",
    "To run the demo itself, use npm run demo.",
  ].join("\n");
}

/**
 * Stops the process with the refusal, if there is one; on a database without accounts, says how
 * to create the first one.
 * @param {Record<string, string | undefined>} env
 */
export async function refuseTheDemoInProduction(env) {
  const { accounts, openDemoAccounts } = await checkAccounts(env.DATABASE_PATH || DEFAULT_DATABASE_PATH);
  const refusal = demoRefusal(env, openDemoAccounts);
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
  if (accounts === 0)
    console.log('No accounts yet. Create the first city administrator with: npm run admin:create -- --email you@stad.example --name "Your Name"');
}
