/**
 * WCAG 2.2 criteria that axe cannot judge by itself: accessible authentication (3.3.8) and
 * focus not hidden (2.4.11).
 */
import type { Page } from "@playwright/test";
import { checkA11y, expect, login, test, visit } from "./fixtures";

/** Whether something on the page cancels a paste into the field (which would stop password managers and pasting). */
async function pasteIsRefused(page: Page, label: string): Promise<boolean> {
  return page.getByLabel(label, { exact: true }).evaluate((input) => {
    const paste = new ClipboardEvent("paste", { bubbles: true, cancelable: true, clipboardData: new DataTransfer() });
    return !input.dispatchEvent(paste);
  });
}

test("the login form lets password managers fill it in and lets you paste", async ({ page }) => {
  await visit(page, "/logga-in");
  const email = page.getByLabel("E-postadress", { exact: true });
  const password = page.getByLabel("Lösenord", { exact: true });
  await expect(email).toHaveAttribute("autocomplete", "username");
  await expect(email).toHaveAttribute("type", "email");
  await expect(password).toHaveAttribute("autocomplete", "current-password");
  await expect(password).toHaveAttribute("type", "password");
  for (const field of [email, password]) {
    await expect(field).toBeEditable();
    expect(await field.getAttribute("maxlength")).toBeNull();
  }
  expect(await pasteIsRefused(page, "E-postadress")).toBe(false);
  expect(await pasteIsRefused(page, "Lösenord")).toBe(false);
});

test("changing one's password tells password managers which password is which", async ({ page }) => {
  await login(page, "larare@vallingbyskolan.example");
  await visit(page, "/konto");
  await expect(page.locator('input[name="username"]')).toHaveAttribute("autocomplete", "username");
  await expect(page.getByLabel("Nuvarande lösenord", { exact: true })).toHaveAttribute("autocomplete", "current-password");
  await expect(page.getByLabel("Samma lösenord igen", { exact: true })).toHaveAttribute("autocomplete", "new-password");
  for (const label of ["Nuvarande lösenord", "Samma lösenord igen"]) expect(await pasteIsRefused(page, label)).toBe(false);
});

/**
 * The focused element is the topmost thing at its own centre and lies inside the window: no
 * header, bar or other layer covers it.
 */
async function expectFocusVisible(page: Page) {
  const seen = await page.evaluate(() => {
    const focused = document.activeElement as HTMLElement | null;
    if (!focused || focused === document.body) return { what: "nothing", inView: false, onTop: false };
    const box = focused.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + Math.min(box.height / 2, 4);
    const top = document.elementFromPoint(x, y);
    return {
      what: `${focused.tagName.toLowerCase()} "${(focused.textContent ?? "").trim().slice(0, 40)}"`,
      inView: box.top >= 0 && box.bottom <= window.innerHeight,
      onTop: top !== null && (top === focused || focused.contains(top)),
    };
  });
  expect(seen, `${seen.what} after Tab`).toMatchObject({ inView: true, onTop: true });
}

test("an element you tab to after scrolling is not hidden under the header", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 500 });
  // The coordinator's start page: a long page of links.
  await login(page, "samordnare@hv.example");
  // Scroll so that the page's first links sit just below the top of the window, where a header that stays put would cover them.
  const links = page.locator("main a, main button");
  const count = Math.min(await links.count(), 6);
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const link = links.nth(i);
    await link.evaluate((element) => {
      const top = element.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, Math.max(0, top - 10));
      // Tab from the element before it, as a keyboard user arriving there would.
      const all = [...document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea")];
      const before = all[all.indexOf(element as HTMLElement) - 1];
      before?.focus({ preventScroll: true });
    });
    await page.keyboard.press("Tab");
    await expectFocusVisible(page);
  }
  await checkA11y(page);
});
