/**
 * Support without a report: a partner hands a family a leaflet, or, with the guardians'
 * consent, asks the offer's team to contact them; only that team sees the request. The
 * coordinator keeps the catalogue. Each browser project uses its own people and offer.
 */
import { checkA11y, expect, login, logout, test, visit } from "./fixtures";

const RUNS = {
  chromium: { asker: "larare@vallingbyskolan.example", offer: "Föräldrarådgivare", guardian: "Testperson Ett", newOffer: "Läxhjälp i biblioteket" },
  "chromium-no-js": { asker: "pedagog@gronadiamanten.example", offer: "Fältassistenter", guardian: "Testperson Två", newOffer: "Öppen förskola i parken" },
} as const;

test("a partner asks the offer's team to contact a family, and only that team sees it", async ({ page }, testInfo) => {
  const run = RUNS[testInfo.project.name as keyof typeof RUNS];
  await login(page, run.asker);
  await visit(page, "/stod");
  const card = page.getByRole("article", { name: run.offer });
  await expect(card.getByText("Så tar familjen kontakt:")).toBeVisible();

  await card.getByRole("link", { name: `Blad att ge familjen om ${run.offer}` }).click();
  await page.waitForURL(/\/stod\/\d+\/blad$/);
  await checkA11y(page);
  await expect(page.getByRole("heading", { level: 1, name: run.offer })).toBeVisible();
  await expect(page.getByText("Det är frivilligt och kostar ingenting.")).toBeVisible();

  await visit(page, "/stod");
  await page
    .getByRole("article", { name: run.offer })
    .getByRole("link", { name: `Be teamet kontakta familjen om ${run.offer}` })
    .click();
  await page.waitForURL(/\/stod\/\d+\/kontakt$/);
  await checkA11y(page);
  await page.getByLabel("Vårdnadshavarens namn").fill(run.guardian);
  await page.getByLabel("Vårdnadshavarens telefonnummer").fill("123");
  await page.getByLabel("Vem sa ja?").fill("mamma");
  await page.getByLabel("När sa de ja?").fill("2026-11-30");
  await page.getByRole("button", { name: "Skicka" }).click();
  await expect(page.getByLabel("Vårdnadshavarens telefonnummer")).toHaveAttribute("aria-invalid", "true");
  await checkA11y(page);
  await expect(page.getByLabel("Vårdnadshavarens namn")).toHaveValue(run.guardian);
  await page.getByLabel("Vårdnadshavarens telefonnummer").fill("070-174 06 97");
  await page.getByRole("button", { name: "Skicka" }).click();
  await page.waitForURL(/\/stod\?sparat=skickad$/);
  await checkA11y(page);
  await expect(page.getByText("Förfrågan är skickad till teamet.")).toBeVisible();
  await logout(page);

  await login(page, "eva.sjoberg@hv.example");
  await visit(page, "/stod");
  await expect(page.getByRole("heading", { name: "Familjer som vill bli kontaktade" })).toBeVisible();
  await expect(page.getByRole("button", { name: `Markera som klar för ${run.guardian}` })).toBeVisible();
  await logout(page);

  await login(page, "socialsekreterare@hv.example");
  await visit(page, "/stod");
  await expect(page.getByText(run.guardian)).toHaveCount(0);
});

test("the coordinator adds an offer to the catalogue", async ({ page }, testInfo) => {
  const run = RUNS[testInfo.project.name as keyof typeof RUNS];
  await login(page, "samordnare@hv.example");
  await visit(page, "/stod");
  await page.getByRole("link", { name: "Lägg till ett erbjudande" }).click();
  await page.waitForURL(/\/stod\/redigera\/nytt$/);
  await checkA11y(page);
  await page.getByRole("button", { name: "Spara" }).click();
  await expect(page.getByLabel("Namn")).toHaveAttribute("aria-invalid", "true");
  await checkA11y(page);
  await page.getByLabel("Namn").fill(run.newOffer);
  await page.getByLabel("För vem").fill("Barn 6–12 år och deras föräldrar");
  await page.getByLabel("Vad familjen får").fill("Hjälp med läxor och en lugn plats att vara på efter skolan.");
  await page.getByLabel("Så tar familjen kontakt").fill("Kom dit, ingen anmälan behövs.");
  await page.getByLabel("Team som tar emot förfrågningar").selectOption({ label: "Förebyggande enheten" });
  await page.getByRole("button", { name: "Spara" }).click();
  await page.waitForURL(/\/stod$/);
  await checkA11y(page);
  await expect(page.getByRole("heading", { level: 2, name: run.newOffer })).toBeVisible();
});
