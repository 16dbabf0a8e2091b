// @ts-check
/**
 * Full-page screenshots of every page for every demo role, at desktop (1280 px) and phone
 * (390 px) width, for reviewing the design by eye. Not part of the test suite.
 *
 *   npm run demo                                        # or any running portal
 *   node tests/e2e/screenshots.mjs                      # BASE_URL=http://127.0.0.1:3100 by default
 *
 * Writes tests/.output/screenshots/<page>-<desktop|phone>.png and prints the paths.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { launchOptions } from "./chromium.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const outDir = path.join(root, "tests/.output/screenshots");
const baseURL = (process.env.BASE_URL ?? "http://127.0.0.1:3100").replace(/\/$/, "");
const PASSWORD = "samverkan-demo";

const WIDTHS = [
  { name: "desktop", viewport: { width: 1280, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
];

/** The demo logins (db/seed.ts) with a short name for the files. */
const ROLES = [
  ["larare-vallingbyskolan", "larare@vallingbyskolan.example"],
  ["elevhalsa-vallingbyskolan", "elevhalsa@vallingbyskolan.example"],
  ["rektor-vallingbyskolan", "rektor@vallingbyskolan.example"],
  ["larare-grimstaskolan", "larare@grimstaskolan.example"],
  ["forskolechef-gronadiamanten", "forskolechef@gronadiamanten.example"],
  ["pedagog-gronadiamanten", "pedagog@gronadiamanten.example"],
  ["polis-vallingby", "polis@vallingby.polisen.example"],
  ["socialsekreterare", "socialsekreterare@hv.example"],
  ["samordnare", "samordnare@hv.example"],
];

try {
  const health = await fetch(`${baseURL}/healthz`);
  if (!health.ok) throw new Error(`status ${health.status}`);
} catch (error) {
  console.error(`No portal answers at ${baseURL}/healthz (${error instanceof Error ? error.message : error}). Start one first, or set BASE_URL.`);
  process.exit(1);
}

fs.mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch(launchOptions);

const written = [];
const shot = async (/** @type {import("@playwright/test").Page} */ page, /** @type {string} */ name) => {
  for (const { name: width, viewport } of WIDTHS) {
    await page.setViewportSize(viewport);
    const file = path.join(outDir, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
    written.push(path.relative(root, file));
  }
};

/** @param {import("@playwright/test").Page} page @param {string} url */
const open = async (page, url) => {
  const response = await page.goto(`${baseURL}${url}`);
  await page.waitForLoadState("networkidle");
  return response;
};

async function newPage() {
  const context = await browser.newContext({ viewport: WIDTHS[0].viewport, locale: "sv-SE", timezoneId: "Europe/Stockholm" });
  return { context, page: await context.newPage() };
}

let failed = false;
try {
  // Logged out.
  {
    const { context, page } = await newPage();
    await open(page, "/logga-in");
    await shot(page, "logga-in");
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByText("Skriv din e-postadress.").waitFor();
    await shot(page, "logga-in-tomt-formular");
    await page.getByLabel("E-postadress").fill("larare@vallingbyskolan.example");
    await page.getByLabel("Lösenord").fill("fel-losenord");
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByRole("alert").waitFor();
    await shot(page, "logga-in-fel-losenord");
    await open(page, "/tillganglighet");
    await shot(page, "tillganglighet");
    await context.close();
  }

  for (const [slug, email] of ROLES) {
    const { context, page } = await newPage();
    await open(page, "/logga-in");
    await page.getByLabel("E-postadress").fill(email);
    await page.getByLabel("Lösenord").fill(PASSWORD);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.getByRole("button", { name: "Logga ut" }).waitFor();
    await page.waitForLoadState("networkidle");
    await shot(page, `${slug}-start`);

    // Organisation pages linked from the start page (the coordinator's table, the social worker's cards).
    const organisationLinks = await page
      .locator("main a[href^='/organisationer/']")
      .evaluateAll((links) => links.map((a) => [a.textContent?.trim() ?? "", a.getAttribute("href") ?? ""]));
    const wanted = slug === "samordnare" ? ["Vällingbyskolan", "Grimsta förskoleenhet", "Förskolan Ekorren"] : [];
    const unique = organisationLinks.filter(([name], i, all) => all.findIndex(([n]) => n === name) === i);
    const chosen = wanted.length > 0 ? unique.filter(([name]) => wanted.includes(name)) : unique.slice(0, 1);

    // Every other page in the main menu.
    const menu = page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link");
    const hrefs = [...new Set(await menu.evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? "")))];
    for (const href of hrefs.filter((h) => h.startsWith("/") && h !== "/")) {
      await open(page, href);
      await shot(page, `${slug}${href.replace(/\//g, "-")}`);
    }

    for (const [name, href] of chosen) {
      await open(page, href);
      const fileName = name
        .toLowerCase()
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "");
      await shot(page, `${slug}-organisation-${fileName}`);
    }

    if (slug === "samordnare" || slug === "larare-vallingbyskolan") {
      const response = await open(page, "/sidan-finns-inte");
      if (response?.status() !== 404) throw new Error(`Expected 404 for /sidan-finns-inte, got ${response?.status()}`);
      await shot(page, `${slug}-404`);
    }
    await context.close();
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await browser.close();
}

for (const file of written) console.log(file);
if (failed) process.exit(1);
