/**
 * The main menu: every page it offers opens, is marked as the current page, and passes
 * axe. New pages in the menu are covered automatically.
 */
import { checkA11y, expect, login, test, visit } from "./fixtures";

const ROLES = ["larare@vallingbyskolan.example", "socialsekreterare@hv.example", "samordnare@hv.example"];

for (const email of ROLES) {
  test(`every page in the main menu works for ${email}`, async ({ page }) => {
    await login(page, email);
    const menu = page.getByRole("navigation", { name: "Huvudmeny" });
    const links = menu.getByRole("link");
    const items = await links.evaluateAll((elements) => elements.map((a) => ({ name: (a.textContent ?? "").trim(), href: a.getAttribute("href") ?? "" })));
    expect(items.map((i) => i.name)).toContain("Start");
    expect(items.find((i) => i.name === "Start")?.href).toBe("/");

    for (const item of items) {
      await menu.getByRole("link", { name: item.name, exact: true }).click();
      await expect(page).toHaveURL(item.href);
      await expect(menu.getByRole("link", { name: item.name, exact: true })).toHaveAttribute("aria-current", "page");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await checkA11y(page);
      await expect(page.getByRole("heading", { level: 1, name: "Sidan finns inte" })).toHaveCount(0);
      await expect(page.getByRole("heading", { level: 1, name: "Något gick fel" })).toHaveCount(0);

      const response = await visit(page, item.href);
      expect(response?.status(), item.href).toBe(200);
    }
  });
}

const EVERY_ROLE = [
  "larare@vallingbyskolan.example",
  "rektor@vallingbyskolan.example",
  "socialsekreterare@hv.example",
  "eva.sjoberg@hv.example",
  "samordnare@hv.example",
  "enhetschef@hv.example",
  "admin@stockholm.example",
];

test("no link on the start page or in the menu leads anyone to a page they may not open", async ({ page }) => {
  for (const email of EVERY_ROLE) {
    await login(page, email);
    const hrefs = await page.locator("a[href^='/']").evaluateAll((elements) => [...new Set(elements.map((a) => a.getAttribute("href") ?? ""))]);
    expect(hrefs.length, email).toBeGreaterThan(0);
    for (const href of hrefs) {
      // A redirect is fine (the city's administrator's "/" leads to /stad), a refusal is not.
      const response = await page.request.get(href);
      expect(response.status(), `${email}: ${href}`).toBe(200);
      expect(new URL(response.url()).pathname, `${email}: ${href}`).not.toBe("/logga-in");
    }
    await page.context().clearCookies();
  }
});
