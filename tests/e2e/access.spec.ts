/**
 * Who may see what: another organisation's page answers like a page that does not exist,
 * the accessibility statement is public, everything else needs a login.
 */
import { checkA11y, expect, login, logout, organisationHref, test, visit } from "./fixtures";

test("a teacher cannot open another school's page; the coordinator can", async ({ page }) => {
  await login(page, "samordnare@hv.example");
  const grimsta = await organisationHref(page, "Grimstaskolan");
  await page.getByRole("link", { name: "Grimstaskolan", exact: true }).click();
  await expect(page).toHaveURL(grimsta);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Grimstaskolan");
  await checkA11y(page);
  const grimstaContacts = page.getByRole("region", { name: "Kontaktpersoner" });
  await expect(grimstaContacts.getByRole("heading", { level: 3 })).toHaveText(["Karin Dahl", "Mikael Holm"]);
  const direct = await visit(page, grimsta);
  expect(direct?.status()).toBe(200);
  await logout(page);

  await login(page, "larare@vallingbyskolan.example");
  const response = await visit(page, grimsta);
  expect(response?.status()).toBe(404);
  await expect(page).toHaveURL(grimsta);
  await expect(page).toHaveTitle("Sidan finns inte – Samverkansportalen");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
  await expect(page.getByRole("main")).not.toContainText("Karin Dahl");
  await expect(page.getByRole("main")).not.toContainText("Grimstaskolan");

  // An id that does not exist at all answers the same way.
  const missing = await visit(page, "/organisationer/999999");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");

  await page.getByRole("link", { name: "Gå till startsidan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hej Maria!");
  await checkA11y(page);
});

test("a preschool pedagogue cannot open the police's page", async ({ page }) => {
  await login(page, "samordnare@hv.example");
  const police = await organisationHref(page, "Vällingby lokalpolisområde");
  await logout(page);

  await login(page, "pedagog@gronadiamanten.example");
  const response = await visit(page, police);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
  await expect(page.getByRole("main")).not.toContainText("Omar Lind");
});

test("the accessibility statement is open without logging in", async ({ page }) => {
  await visit(page, "/logga-in");
  await page.getByRole("contentinfo").getByRole("link", { name: "Tillgänglighet" }).click();
  await expect(page).toHaveURL("/tillganglighet");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tillgänglighet för Samverkansportalen");
  await checkA11y(page);
  await expect(page).toHaveTitle("Tillgänglighet – Samverkansportalen");
  await expect(page.getByRole("link", { name: "tillganglighet@hv.example" })).toHaveAttribute("href", "mailto:tillganglighet@hv.example");
  await expect(page.getByRole("link", { name: "anmäla det till Digg" })).toHaveAttribute("href", /^https:\/\/www\.digg\.se\//);
  await expect(page.getByRole("button", { name: "Logga ut" })).toHaveCount(0);

  const direct = await visit(page, "/tillganglighet");
  expect(direct?.status()).toBe(200);
});

test("an unknown address shows 'Sidan finns inte' after login", async ({ page }) => {
  // Logged out, nothing is revealed: the login page comes first.
  await visit(page, "/finns-inte/alls");
  const loginUrl = new URL(page.url());
  expect(loginUrl.pathname).toBe("/logga-in");
  expect(loginUrl.searchParams.get("redirectTo")).toBe("/finns-inte/alls");

  await login(page, "rektor@vallingbyskolan.example");
  await expect(page).toHaveURL("/finns-inte/alls");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");

  const response = await visit(page, "/ingen-sida-har-denna-adress");
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle("Sidan finns inte – Samverkansportalen");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sidan finns inte");
  await expect(page.getByText("Sidan du letar efter finns inte, eller så har du inte tillgång till den.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Gå till startsidan" })).toHaveAttribute("href", "/");
  // The header still works on the error page.
  await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
  await expect(page.getByText("Är ett barn i akut fara? Ring 112.")).toBeVisible();
});

test("every page needs a login except the login page and the accessibility statement", async ({ page }) => {
  await visit(page, "/");
  await expect(page).toHaveURL("/logga-in");
  await expect(page.getByRole("button", { name: "Logga ut" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Huvudmeny" })).toHaveCount(0);

  await visit(page, "/organisationer/1");
  await expect(page).toHaveURL("/logga-in?redirectTo=%2Forganisationer%2F1");
});
