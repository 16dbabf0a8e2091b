// @ts-check
/**
 * Runs before `npm run test:e2e` builds anything: the end-to-end tests need a Chromium
 * binary on this machine (Playwright's own browser downloads are not used). A missing
 * browser fails loudly with one line; the tests are never skipped silently.
 */
import fs from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let ok = false;
try {
  ok = fs.statSync(chromium).isFile();
  fs.accessSync(chromium, fs.constants.X_OK);
} catch {
  ok = false;
}

if (!ok) {
  console.error(`Chromium is missing at ${chromium}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`);
  process.exit(1);
}
