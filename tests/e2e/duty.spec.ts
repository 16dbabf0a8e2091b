/**
 * "Vem ringer jag?" end to end, on the pinned clock (Tuesday 1 December 2026, 10.00):
 * a contact person's status shows on the partner's cards and changes the answer; the
 * coordinator changes a duty day and the partners follow; the personal iCal feed parses
 * and stops working after renewal. Each browser project changes different people and days.
 */
import ical from "node-ical";
import { checkA11y, expect, login, logout, test, visit } from "./fixtures";

const RUNS = {
  chromium: {
    worker: { email: "karin.dahl@hv.example", name: "Karin Dahl" },
    partner: "polis@vallingby.polisen.example",
    status: { choice: "Upptagen i dag", field: "Upptagen till klockan", value: "14:30", card: "Upptagen till 14.30" },
  },
  "chromium-no-js": {
    worker: { email: "mikael.holm@hv.example", name: "Mikael Holm" },
    partner: "larare@grimstaskolan.example",
    status: { choice: "Borta", field: "Borta till och med", value: "2026-12-04", card: "Borta till och med 4 december" },
  },
} as const;

test("a contact person's status shows on the partner's card and changes whom to call", async ({ page }, testInfo) => {
  const run = RUNS[testInfo.project.name as keyof typeof RUNS];
  await login(page, run.worker.email);
  await page.getByLabel(run.status.choice, { exact: true }).check();
  await page.getByLabel(run.status.field).fill(run.status.value);
  await page.getByRole("button", { name: "Spara status" }).click();
  await page.waitForURL(/\?sparat=status$/);
  await checkA11y(page);
  await expect(page.getByText("Din status är sparad.")).toBeVisible();
  await logout(page);

  await login(page, run.partner);
  const card = page.getByRole("article", { name: run.worker.name });
  await expect(card.getByText(run.status.card)).toBeVisible();
  await expect(card.getByText("Ring jourtelefonen i stället:")).toBeVisible();
  const answer = page.getByRole("region", { name: "Vem ringer jag just nu?" });
  await expect(answer.getByText("Ring jourtelefonen")).toBeVisible();
  await expect(answer).not.toContainText(`Ring ${run.worker.name}`);
});

test("a status that makes no sense is refused and the form keeps it", async ({ page }, testInfo) => {
  test.info().annotations.push({ type: "project", description: testInfo.project.name });
  await login(page, "jonas.ekholm@hv.example");
  await page.getByLabel("Upptagen i dag").check();
  await page.getByLabel("Upptagen till klockan").fill("09:30");
  await page.getByRole("button", { name: "Spara status" }).click();
  await expect(page.getByLabel("Upptagen till klockan")).toHaveAttribute("aria-invalid", "true");
  await checkA11y(page);
  await expect(page.getByLabel("Upptagen till klockan")).toHaveAccessibleDescription(/Klockslaget har redan passerat/);
  await expect(page.getByLabel("Upptagen i dag")).toBeChecked();
});

test("the coordinator gives a day to someone else and the partners see it", async ({ page }, testInfo) => {
  // The JavaScript run changes today (the start page shows it); the other run Friday (the week table shows it).
  const change = testInfo.project.name === "chromium" ? { date: "2026-12-01", person: "Petra Nyström" } : { date: "2026-12-04", person: "Leila Haddad" };
  await login(page, "samordnare@hv.example");
  await visit(page, "/jour");
  await page.getByLabel("Dag", { exact: true }).fill(change.date);
  await page.getByLabel("Vem tar dagen").selectOption({ label: change.person });
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await page.waitForURL(/sparat=replace-day/);
  await checkA11y(page);
  await expect(page.getByText("Dagen är ändrad.")).toBeVisible();

  // A second change of the same day is refused with the input kept.
  await page.getByLabel("Dag", { exact: true }).fill(change.date);
  await page.getByLabel("Vem tar dagen").selectOption({ label: "Anna Berg" });
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expect(page.getByLabel("Dag", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await checkA11y(page);
  await expect(page.getByLabel("Dag", { exact: true })).toHaveAccessibleDescription(/Den dagen är redan ändrad/);
  await logout(page);

  await login(page, "rektor@vallingbyskolan.example");
  if (change.date === "2026-12-01") {
    await expect(page.getByRole("region", { name: "Vem ringer jag just nu?" }).getByText(`I dag svarar ${change.person}.`)).toBeVisible();
  }
  await visit(page, "/jour");
  const row = page.getByRole("row").filter({ hasText: change.date === "2026-12-01" ? "I dag, tisdag 1 december" : "fredag 4 december" });
  await expect(row.first()).toContainText(change.person);
});

test("a social worker's duty days reach any calendar, and a renewed address ends the old one", async ({ page }, testInfo) => {
  const worker = testInfo.project.name === "chromium" ? "omar.lind@hv.example" : "sara.lindqvist@hv.example";
  await login(page, worker);
  await page.getByRole("button", { name: "Skapa kalenderadress" }).click();
  await expect(page.getByText("Kopiera den nu: den visas bara den här gången.")).toBeVisible();
  await checkA11y(page);
  const first = await page.getByLabel("Din kalenderadress").inputValue();
  expect(first).toMatch(/^http:\/\/127\.0\.0\.1:3100\/kalender\/jour\/[A-Za-z0-9_-]+\.ics$/);

  const response = await page.request.get(first);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const events = Object.values(ical.sync.parseICS(await response.text())).filter((e) => e?.type === "VEVENT");
  expect(events.length).toBeGreaterThan(0);
  const summaries = events.map((e) => (e as unknown as { summary: string }).summary);
  expect(summaries).toContain("Jour: du svarar i jourtelefonen");

  await page.getByRole("button", { name: "Skapa ny adress" }).click();
  // The page's address is the same before and after, so wait for the new calendar address itself.
  await expect(page.getByLabel("Din kalenderadress")).not.toHaveValue(first);
  await checkA11y(page);
  const second = await page.getByLabel("Din kalenderadress").inputValue();
  expect((await page.request.get(first)).status()).toBe(404);
  expect((await page.request.get(second)).status()).toBe(200);
  // Shown once: coming back to the page shows that there is an address, not the address.
  await visit(page, "/");
  await expect(page.getByLabel("Din kalenderadress")).toHaveCount(0);
  await expect(page.getByText("Du har en kalenderadress.")).toBeVisible();
});

test("the phone list prints on one page for the staff room", async ({ page }) => {
  await login(page, "polis@vallingby.polisen.example");
  await visit(page, "/telefonlista");
  await expect(page.getByRole("heading", { level: 1, name: "Telefonlista för Vällingby lokalpolisområde" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /Omar Lind/ })).toBeVisible();
  await expect(page.getByText("När jourtelefonen är stängd: ring socialjouren")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.locator("main")).toBeVisible();
});
