/**
 * Single sign-on through a real OpenID provider on loopback (tests/oidc/provider.mjs, started
 * by tests/e2e/start-test-server.mjs), with JavaScript on and off: the first login links the
 * account by address, a later one finds it by sub after the address changed, someone unknown
 * and someone who has left are refused in Swedish, and logging out ends both sessions.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { checkA11y, expect, test, visit } from "./fixtures";
import type { Page } from "@playwright/test";

const CITY_PASSWORD = "stadens-losenord";
const PEOPLE = {
  chromium: {
    sub: "e2e-sofia",
    email: "larare@grimstaskolan.example",
    name: "Sofia Engström",
    newEmail: "sofia.engstrom@stad.example",
    leaver: "slutat@vallingbyskolan.example",
  },
  "chromium-no-js": {
    sub: "e2e-ahmed",
    email: "pedagog@gronadiamanten.example",
    name: "Ahmed Yusuf",
    newEmail: "ahmed.yusuf@stad.example",
    leaver: "slutat2@vallingbyskolan.example",
  },
} as const;

/** Changes an account at the provider (the test server's control port). */
async function setProviderAccount(account: { sub: string; email: string; name: string }) {
  const response = await fetch("http://127.0.0.1:3201/", {
    method: "POST",
    body: JSON.stringify({ ...account, emailVerified: true, password: CITY_PASSWORD }),
  });
  expect(response.ok).toBe(true);
}

/** From the portal's login page through the provider's login form, with the city's password. */
async function loginWithCity(page: Page, email: string) {
  await visit(page, "/logga-in");
  await page.getByRole("button", { name: "Logga in med Stockholms stads konto" }).click();
  await page.waitForURL((url) => url.port === "3200");
  await checkA11y(page);
  await page.getByLabel("E-post").fill(email);
  await page.getByLabel("Lösenord").fill(CITY_PASSWORD);
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  await page.waitForURL((url) => url.port === "3100");
  await checkA11y(page);
}

test("a teacher logs in with the city's account: linked by address the first time, found by sub after the address changed, and logged out of both", async ({
  page,
}, testInfo) => {
  const who = PEOPLE[testInfo.project.name as keyof typeof PEOPLE];
  await loginWithCity(page, who.email);
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
  await expect(page.locator("header")).toContainText(who.name);

  // Logging out ends the portal's session and then the provider's (it asks first).
  await page.getByRole("button", { name: "Logga ut" }).click();
  await page.waitForURL((url) => url.port === "3200");
  await checkA11y(page);
  await page.getByRole("button", { name: "Logga ut" }).click();
  await page.waitForURL((url) => url.port === "3100" && url.pathname === "/logga-in");
  await checkA11y(page);
  await expect(page.getByRole("button", { name: "Logga ut" })).toHaveCount(0);

  // The city changed her address: the provider's sub still finds her.
  await setProviderAccount({ sub: who.sub, email: who.newEmail, name: who.name });
  try {
    // The provider's session ended too: it asks for the login again.
    await loginWithCity(page, who.newEmail);
    await expect(page.locator("header")).toContainText(who.name);
  } finally {
    await setProviderAccount({ sub: who.sub, email: who.email, name: who.name });
  }
});

test("someone the portal does not know is told, in Swedish, whom to ask", async ({ page }) => {
  await loginWithCity(page, "okand@stockholm.example");
  await expect(page.getByRole("heading", { level: 1, name: "Du finns inte i Samverkansportalen än" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Be samordnaren i socialtjänstens team");
  await expect(page.getByRole("button", { name: "Logga ut" })).toHaveCount(0);
});

test("someone whose account is deactivated is refused even with a valid login at the provider", async ({ page }, testInfo) => {
  const { leaver } = PEOPLE[testInfo.project.name as keyof typeof PEOPLE];
  const db = new Database(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../data/e2e.db"), { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const school = db.prepare("SELECT id, district_id FROM organisations WHERE name = 'Vällingbyskolan'").get() as { id: number; district_id: number };
    db.prepare(
      "INSERT OR IGNORE INTO people (district_id, name, email, title, role, organisation_id, deactivated_at) VALUES (?, 'Slutat Person', ?, 'Lärare', 'partner_staff', ?, ?)",
    ).run(school.district_id, leaver, school.id, Date.now());
  } finally {
    db.close();
  }
  await loginWithCity(page, leaver);
  await expect(page.getByRole("heading", { level: 1, name: "Ditt konto är avstängt" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Logga ut" })).toHaveCount(0);
});
