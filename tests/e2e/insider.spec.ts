/**
 * The portal tried as an insider would attack it, through the browser: each test does what a
 * curious or hostile colleague would try, and checks that it leads nowhere.
 */
import { checkA11y, expect, login, logout, test, visit } from "./fixtures";
import { waitForMail } from "./mailbox";

test("a coordinator reading the outbox finds no link to take over an account", async ({ page }) => {
  // A stranger on the login page asks for reset links for the city administrator and a school nurse…
  const links: string[] = [];
  for (const email of ["admin@stockholm.example", "elevhalsa@vallingbyskolan.example"]) {
    await visit(page, "/glomt-losenord");
    await checkA11y(page);
    await page.getByLabel("E-postadress").fill(email);
    await page.getByRole("button", { name: "Skicka länken" }).click();
    await page.waitForURL(/skickat=1$/);
    await checkA11y(page);
    // …the mails go out to them, with their links…
    const mail = await waitForMail(email, (raw) => raw.includes("aterstall"));
    links.push(/\/aterstall\/[A-Za-z0-9_-]+/.exec(mail.raw.replace(/=\r?\n/g, ""))![0]);
  }

  // …and the district's coordinator, reading the outbox, sees that the nurse's went, never a link,
  // and nothing of the city's account.
  await login(page, "samordnare@hv.example");
  await visit(page, "/utkorg");
  await checkA11y(page);
  await expect(page.getByText("Välj ett nytt lösenord till Samverkansportalen").first()).toBeVisible();
  const html = await page.content();
  for (const link of links) expect(html).not.toContain(link);
  expect(html).not.toContain("admin@stockholm.example");
  expect(html).not.toMatch(/\/aterstall\/[A-Za-z0-9_-]{20,}/);
  expect(html).not.toMatch(/\/inbjudan\/[A-Za-z0-9_-]{20,}/);
  await logout(page);
});
