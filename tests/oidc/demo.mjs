// @ts-check
/**
 * `npm run demo:sso`: the demo with single sign-on beside the password. Starts the test
 * provider (tests/oidc/provider.mjs) on http://127.0.0.1:3200 holding a city account for every
 * demo person (same address, password "stadens-losenord"), writes data/demo-sso.json and serves
 * the portal on http://localhost:3000 with it. Expects `npm run build` and `npm run db:demo`
 * first (the script in package.json runs them).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { startTestProvider } from "./provider.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const database = path.resolve(root, process.env.DATABASE_PATH ?? "data/portal.db");
const portal = (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`).replace(/\/$/, "");
const PASSWORD = "stadens-losenord";

const db = new Database(database, { readonly: true, fileMustExist: true });
const people = /** @type {{ id: number, email: string, name: string }[]} */ (
  db.prepare("SELECT id, email, name FROM people WHERE deactivated_at IS NULL AND role <> 'city_admin' ORDER BY id").all()
);
db.close();

const provider = await startTestProvider({
  port: 3200,
  name: "Stadens testinloggning",
  clients: [
    {
      clientId: "samverkansportalen-demo",
      clientSecret: "demo-hemlighet",
      redirectUris: [`${portal}/logga-in/sso/stad/tillbaka`],
      postLogoutRedirectUris: [`${portal}/logga-in?utloggad=1`],
    },
  ],
  accounts: people.map((p) => ({ sub: `demo-${p.id}`, email: p.email, emailVerified: true, name: p.name, password: PASSWORD })),
});
const file = path.join(path.dirname(database), "demo-sso.json");
fs.writeFileSync(
  file,
  JSON.stringify([
    { id: "stad", label: "Stockholms stads konto", issuer: provider.issuer, clientId: "samverkansportalen-demo", clientSecret: "demo-hemlighet", domains: [] },
  ]),
  { mode: 0o600 },
);
console.log(
  `Single sign-on: "Logga in med Stockholms stads konto" goes to ${provider.issuer}; every demo address logs in there with the password ${PASSWORD}.`,
);

const server = spawn(process.execPath, [path.join(root, "app/server.js")], {
  cwd: root,
  stdio: "inherit",
  env: { NODE_ENV: "production", PORTAL_DEMO: "1", ...process.env, APP_URL: portal, SSO_PROVIDERS_FILE: file },
});
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => {
  void provider.close().then(() => process.exit(code ?? 0));
});
