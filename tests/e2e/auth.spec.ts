/**
 * Logging in and out: errors that say what to do, the same answer for a wrong password
 * and an unknown email, sessions that really end, and the way back after login.
 */
import type { Page } from "@playwright/test";
import { checkA11y, expect, login, logout, organisationHref, submitLogin, test, visit } from "./fixtures";

const WRONG_CREDENTIALS =
  "Fel e-postadress eller lösenord, eller så är kontot avstängt. Kontrollera och försök igen, eller fråga samordnaren i teamet på socialtjänsten.";

async function expectWrongCredentials(page: Page, email: string) {
  await expect(page).toHaveURL(/\/logga-in/);
  await expect(page.getByRole("alert")).toHaveText(WRONG_CREDENTIALS);
  await checkA11y(page);
  await expect(page.getByLabel("E-postadress")).toHaveValue(email);
  await expect(page.getByRole("button", { name: "Logga ut" })).toHaveCount(0);
}

test("the login page explains who the portal is for", async ({ page }) => {
  await visit(page, "/logga-in");
  await expect(page).toHaveTitle("Logga in – Samverkansportalen");
  await expect(page.getByRole("heading", { level: 1, name: "Logga in" })).toBeVisible();
  await expect(page.getByLabel("E-postadress")).toHaveAccessibleDescription("Din e-postadress i jobbet.");
  await expect(page.getByLabel("E-postadress")).toHaveAttribute("autocomplete", "username");
  await expect(page.getByLabel("Lösenord")).toHaveAttribute("type", "password");
  await expect(page.getByLabel("Lösenord")).toHaveAttribute("autocomplete", "current-password");
  await expect(page.getByText("Är ett barn i akut fara? Ring 112.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Hoppa till innehållet" })).toHaveAttribute("href", "#innehall");
});

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  await submitLogin(page, "larare@vallingbyskolan.example", "fel-losenord");
  await expectWrongCredentials(page, "larare@vallingbyskolan.example");
  const wrongPasswordPage = await page.locator("main").innerText();

  await submitLogin(page, "finns-inte@vallingbyskolan.example", "samverkan-demo");
  await expectWrongCredentials(page, "finns-inte@vallingbyskolan.example");
  const unknownEmailPage = await page.locator("main").innerText();

  // Apart from the email the person typed, the two answers look exactly the same.
  expect(unknownEmailPage).toBe(wrongPasswordPage);

  // Still not logged in.
  await visit(page, "/");
  await expect(page).toHaveURL(/\/logga-in$/);
});

test("the password field is empty after a failed login", async ({ page }) => {
  await submitLogin(page, "larare@vallingbyskolan.example", "fel-losenord");
  await expectWrongCredentials(page, "larare@vallingbyskolan.example");
  await expect(page.getByLabel("Lösenord")).toHaveValue("");

  await submitLogin(page, "maria.lund", "samverkan-demo");
  await expect(page.getByLabel("E-postadress")).toHaveAttribute("aria-invalid", "true");
  await checkA11y(page);
  await expect(page.getByLabel("Lösenord")).toHaveValue("");
});

test("an empty form gets an error on each field", async ({ page }) => {
  await visit(page, "/logga-in");
  await page.getByRole("button", { name: "Logga in", exact: true }).click();
  const email = page.getByLabel("E-postadress");
  const password = page.getByLabel("Lösenord");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await checkA11y(page);
  await expect(email).toHaveAccessibleDescription(/Skriv din e-postadress\./);
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(/Skriv ditt lösenord\./);
  await expect(page.getByText("Skriv din e-postadress.", { exact: true })).toBeVisible();
  await expect(page.getByText("Skriv ditt lösenord.", { exact: true })).toBeVisible();
  await expect(page.getByText(WRONG_CREDENTIALS)).toHaveCount(0);
});

test("an email without @ gets an example of a real address, and the typed text stays", async ({ page }) => {
  await submitLogin(page, "maria.lund", "samverkan-demo");
  const email = page.getByLabel("E-postadress");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await checkA11y(page);
  await expect(email).toHaveAccessibleDescription(/Skriv en e-postadress, till exempel namn@skola\.se\./);
  await expect(email).toHaveValue("maria.lund");
  await expect(page.getByLabel("Lösenord")).not.toHaveAttribute("aria-invalid", "true");
});

test("the email address is not case sensitive", async ({ page }) => {
  await login(page, "Larare@VallingbySkolan.EXAMPLE");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hej Maria!");
});

test("after logging out the start page asks for login and the old session cookie is dead", async ({ page, newPage }) => {
  await login(page, "larare@vallingbyskolan.example");
  const cookies = await page.context().cookies();
  expect(cookies.map((c) => c.name)).toContain("portal_session");

  // The same cookies in another browser work while the session lives...
  const other = await newPage();
  await other.context().addCookies(cookies);
  await visit(other, "/");
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Hej Maria!");

  await logout(page);
  await expect(page).toHaveURL(/\/logga-in$/);
  await visit(page, "/");
  await expect(page).toHaveURL(/\/logga-in$/);
  expect((await page.context().cookies()).filter((c) => c.name === "portal_session" && c.value !== "")).toEqual([]);

  // ...and not after logout: the session ended on the server, not only in this browser.
  await visit(other, "/");
  await expect(other).toHaveURL(/\/logga-in$/);
  await expect(other.getByRole("heading", { level: 1, name: "Logga in" })).toBeVisible();
  await visit(other, "/tillganglighet");
  await expect(other.getByRole("button", { name: "Logga ut" })).toHaveCount(0);
});

test("a logged-out visit to an organisation page returns there after login", async ({ page }) => {
  await login(page, "samordnare@hv.example");
  const href = await organisationHref(page, "Vällingbyskolan");
  await logout(page);

  await visit(page, href);
  const loginUrl = new URL(page.url());
  expect(loginUrl.pathname).toBe("/logga-in");
  expect(loginUrl.searchParams.get("redirectTo")).toBe(href);
  await expect(page.getByRole("heading", { level: 1, name: "Logga in" })).toBeVisible();

  // A wrong password on the way does not lose where the person was going.
  await submitLogin(page, "larare@vallingbyskolan.example", "fel-losenord");
  await expect(page.getByRole("alert")).toHaveText(WRONG_CREDENTIALS);
  await checkA11y(page);

  await login(page, "larare@vallingbyskolan.example");
  expect(new URL(page.url()).pathname).toBe(href);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vällingbyskolan");
  await expect(page.getByRole("region", { name: "Kontaktpersoner" }).getByRole("article", { name: "Anna Berg" })).toContainText("Din kontaktperson");
});

for (const target of ["//evil.example", "https://evil.example/", "/\\evil.example"]) {
  test(`redirectTo=${target} is ignored: login lands on the start page`, async ({ page }) => {
    await visit(page, `/logga-in?${new URLSearchParams({ redirectTo: target })}`);
    await login(page, "larare@vallingbyskolan.example");
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hej Maria!");
  });
}

test("a logged-in person who opens the login page goes to the start page", async ({ page }) => {
  await login(page, "polis@vallingby.polisen.example");
  await visit(page, "/logga-in");
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hej Erik!");
});
