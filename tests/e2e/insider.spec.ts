/**
 * The portal tried as an insider would attack it, through the browser: each test does what a
 * curious or hostile colleague would try, and checks that it leads nowhere.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
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

/** The e2e database, read-only: to learn ids an insider would guess. */
function personIdOf(email: string): number {
  const db = new Database(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../data/e2e.db"), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT id FROM people WHERE email = ?").get(email) as { id: number }).id;
  } finally {
    db.close();
  }
}

test("a coordinator finds no city account in the district and cannot lock the city administrator out", async ({ page }) => {
  await login(page, "samordnare@hv.example");
  await visit(page, "/admin/personer?sok=stockholm");
  await checkA11y(page);
  await expect(page.getByRole("main")).not.toContainText("admin@stockholm.example");
  const adminId = personIdOf("admin@stockholm.example");
  const origin = new URL(page.url()).origin;
  const forms: Record<string, string>[] = [
    { intent: "deactivate" },
    { intent: "change", role: "unit_head", name: "Ada Admin", title: "Enhetschef" },
    { intent: "resend" },
  ];
  for (const form of forms) {
    const answer = await page.request.post(`/admin/personer/${adminId}`, { form, headers: { Origin: origin }, maxRedirects: 0 });
    expect(answer.status(), form.intent).toBe(404);
  }
  await logout(page);
  // She still gets in.
  await login(page, "admin@stockholm.example");
  await expect(page).toHaveURL(/\/stad$/);
});

test("family details of a support request reach the team's social workers, not the coordinator or the head of unit", async ({ page }, testInfo) => {
  const guardian = testInfo.project.name === "chromium" ? "Insider Testperson Ett" : "Insider Testperson Två";
  await login(page, "rektor@vallingbyskolan.example");
  await visit(page, "/stod");
  await page.getByRole("article", { name: "Föräldrarådgivare" }).getByRole("link", { name: "Be teamet kontakta familjen om Föräldrarådgivare" }).click();
  await page.waitForURL(/\/stod\/\d+\/kontakt$/);
  await checkA11y(page);
  await page.getByLabel("Vårdnadshavarens namn").fill(guardian);
  await page.getByLabel("Vårdnadshavarens telefonnummer").fill("070-174 06 96");
  await page.getByLabel("Vem sa ja?").fill("pappa");
  await page.getByLabel("När sa de ja?").fill("2026-11-30");
  await page.getByRole("button", { name: "Skicka" }).click();
  await page.waitForURL(/\/stod\?sparat=skickad$/);
  await checkA11y(page);
  await logout(page);

  for (const insider of ["samordnare@hv.example", "enhetschef@hv.example"]) {
    await login(page, insider);
    await visit(page, "/stod");
    await checkA11y(page);
    await expect(page.getByText(guardian)).toHaveCount(0);
    await expect(page.getByText("070-174 06 96")).toHaveCount(0);
    await logout(page);
  }
  await login(page, "eva.sjoberg@hv.example");
  await visit(page, "/stod");
  await checkA11y(page);
  await expect(page.getByRole("button", { name: `Markera som klar för ${guardian}` })).toBeVisible();
});

test("a police officer looking at the consultation forum sees when it meets, not the cases or the notes", async ({ page }) => {
  await login(page, "polis@vallingby.polisen.example");
  await visit(page, "/moten");
  await checkA11y(page);
  const bookings = page.getByRole("link", { name: /^Boka en plats / });
  const hrefs = (await bookings.evaluateAll((links) => links.map((a) => a.getAttribute("href")))).slice(0, 2);
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) {
    const meeting = href!.replace(/\/arende$/, "");
    await visit(page, meeting);
    await checkA11y(page);
    // The seeded case on the first forum, from a teacher at Vällingbyskolan.
    await expect(page.getByRole("main")).not.toContainText("utan frukost");
    await expect(page.getByRole("heading", { name: "Anteckningar" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Spara anteckningarna/ })).toHaveCount(0);
  }
});

test("a name cannot smuggle a line into the calendar invitations", async ({ page }) => {
  await login(page, "samordnare@hv.example");
  await visit(page, "/admin/personer?sok=Anna%20Berg");
  await checkA11y(page);
  await page.getByRole("link", { name: "Anna Berg" }).first().click();
  await page.waitForURL(/\/admin\/personer\/\d+$/);
  await checkA11y(page);
  // A browser strips CR and LF from a text field, so the line separator U+2028 stands in for them here.
  const forged = 'Anna Berg"\u2028ATTENDEE;CN=Evil;RSVP=TRUE:mailto:evil@evil.example\u2028X-Y:"';
  await page.getByLabel("Namn", { exact: true }).fill(forged);
  await page.getByRole("button", { name: "Spara ändringen" }).click();
  await expect(page.getByLabel("Namn", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await checkA11y(page);
  await expect(page.getByLabel("Namn", { exact: true })).toHaveValue(forged);
  await visit(page, page.url().split("?")[0]!);
  await checkA11y(page);
  await expect(page.getByLabel("Namn", { exact: true })).toHaveValue("Anna Berg");
});
