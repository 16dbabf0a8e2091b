/**
 * Consultation from end to end: a teacher asks anonymously, the privacy guard refuses a
 * personnummer in the text, the teacher fixes it and sends; a contact person takes and
 * answers; the teacher reads the answer; the notice mail holds no content.
 *
 * Both browser projects run at the same time against one database, so each project asks
 * with its own teacher and answers with its own contact person.
 */
import { checkA11y, expect, login, logout, test, visit } from "./fixtures";

const RUNS = {
  chromium: {
    asker: "larare@vallingbyskolan.example",
    answerer: "socialsekreterare@hv.example",
    answererName: "Anna Berg",
    question: "En elev i årskurs 2 har varit borta varannan måndag och verkar trött. Ska jag göra en orosanmälan?",
  },
  "chromium-no-js": {
    asker: "elevhalsa@vallingbyskolan.example",
    answerer: "sara.lindqvist@hv.example",
    answererName: "Sara Lindqvist",
    question: "En elev i nian säger att det är bråk hemma varje kväll. Hur kan jag stötta utan att anmäla direkt?",
  },
} as const;

test("a teacher asks anonymously, fixes what the guard refuses, and reads the answer", async ({ page, newPage }, testInfo) => {
  const run = RUNS[testInfo.project.name as keyof typeof RUNS];
  await login(page, run.asker);
  await visit(page, "/konsultation/ny");
  await expect(page.locator("main").getByText("Är ett barn i akut fara? Ring 112.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ring i stället om det är bråttom" })).toBeVisible();

  await page.getByLabel("Jag är osäker på om jag ska göra en orosanmälan").check();
  await page.getByLabel("Anonymt: jag berättar inte vem barnet är").check();
  await page.getByLabel("6–9 år").check();
  await page.getByLabel("Frånvaro").check();
  await page.getByLabel("Situationen hemma").check();
  await page.getByLabel("Din fråga").fill(`${run.question} Personnumret är 121212-1212.`);
  await page.getByLabel("Inom några dagar").check();
  await page.getByLabel("Svara här i portalen").check();
  await page.getByRole("button", { name: "Skicka frågan" }).click();

  const question = page.getByLabel("Din fråga");
  await expect(question).toHaveAttribute("aria-invalid", "true");
  await checkA11y(page);
  await expect(question).toHaveAccessibleDescription(/personnummer eller samordningsnummer \("121212-1212"\)/);
  // Everything else is kept.
  await expect(page.getByLabel("6–9 år")).toBeChecked();
  await expect(page.getByLabel("Frånvaro")).toBeChecked();
  await expect(page.getByLabel("Svara här i portalen")).toBeChecked();

  await question.fill(run.question);
  await page.getByRole("button", { name: "Skicka frågan" }).click();
  await page.waitForURL(/\/konsultation\/\d+\?skickad=1$/);
  await checkA11y(page);
  await expect(page.getByText("Din fråga är skickad.")).toBeVisible();
  const address = new URL(page.url()).pathname;
  await logout(page);

  // The contact person finds it in the queue, takes it and answers.
  const worker = await newPage();
  await login(worker, run.answerer);
  await visit(worker, "/konsultation");
  await expect(worker.getByRole("heading", { level: 1, name: "Frågor till dig" })).toBeVisible();
  await visit(worker, address);
  await expect(worker.getByText("Från: Lärare, Vällingbyskolan").or(worker.getByText("Från: Skolsköterska, Vällingbyskolan"))).toBeVisible();
  await expect(worker.getByText(run.question)).toBeVisible();
  await worker.getByRole("button", { name: "Ta frågan" }).click();
  await worker.waitForURL(/sparat=tagen/);
  await checkA11y(worker);
  await worker.getByLabel("Skriv ditt svar").fill("Tack för att du hör av dig. Prata gärna med elevhälsan först, och ring mig i morgon så går vi igenom det.");
  await worker.getByRole("button", { name: "Skicka" }).click();
  await worker.waitForURL(/sparat=skickat/);
  await checkA11y(worker);
  await expect(worker.getByLabel("Skriv ditt svar")).toHaveValue("");

  // The teacher reads the answer.
  await login(page, run.asker);
  await visit(page, "/konsultation");
  await expect(page.getByRole("heading", { level: 1, name: "Mina frågor" })).toBeVisible();
  await visit(page, address);
  await expect(page.getByText("Besvarad")).toBeVisible();
  await expect(page.locator("ol.thread").getByText(`${run.answererName}, `)).toBeVisible();
  await expect(page.getByText("Prata gärna med elevhälsan först")).toBeVisible();
});

test("the notice mails hold no content of the question", async ({ page }, testInfo) => {
  const run = RUNS[testInfo.project.name as keyof typeof RUNS];
  await login(page, run.asker);
  await visit(page, "/konsultation/ny");
  await page.getByLabel("Jag vill tipsa familjen om råd och stöd, utan anmälan").check();
  await page.getByLabel("10–12 år").check();
  await page.getByLabel("Barnets psykiska hälsa").check();
  const secret = `Hemlig formulering ${testInfo.project.name} om en elev som mår dåligt.`;
  await page.getByLabel("Din fråga").fill(secret);
  await page.getByLabel("Det är inte bråttom").check();
  await page.getByLabel("Svara här i portalen").check();
  await page.getByRole("button", { name: "Skicka frågan" }).click();
  await page.waitForURL(/\/konsultation\/\d+\?skickad=1$/);
  await checkA11y(page);
  await logout(page);

  await login(page, "samordnare@hv.example");
  await visit(page, "/utkorg");
  await expect(page.getByText("En ny fråga väntar i Samverkansportalen").first()).toBeVisible();
  await expect(page.locator("main")).not.toContainText("Hemlig formulering");
  // The coordinator's consultation page has counts, never content.
  await visit(page, "/konsultation");
  await expect(page.getByText("Du ser antal och tider, aldrig vad frågorna handlar om.")).toBeVisible();
  await expect(page.locator("main")).not.toContainText("Hemlig formulering");
});
