/**
 * Planning a report meeting end to end: the school proposes times, the contact person
 * confirms one, both see the confirmed meeting. Each browser project plans its own meeting
 * with its own teacher and its own times.
 */
import ical from "node-ical";
import { mimePart } from "../mime";
import { checkA11y, expect, login, logout, test, visit } from "./fixtures";
import { waitForMail } from "./mailbox";

const RUNS = {
  chromium: {
    planner: "larare@vallingbyskolan.example",
    host: { email: "jonas.ekholm@hv.example", name: "Jonas Ekholm" },
    date: "2026-12-14",
    time: "13.00",
    shown: "måndag 14 december kl. 13.00",
    startUtc: "2026-12-14T12:00:00.000Z",
  },
  "chromium-no-js": {
    planner: "elevhalsa@vallingbyskolan.example",
    host: { email: "mikael.holm@hv.example", name: "Mikael Holm" },
    date: "2026-12-16",
    time: "10.00",
    shown: "onsdag 16 december kl. 10.00",
    startUtc: "2026-12-16T09:00:00.000Z",
  },
} as const;

test("the school proposes a report meeting and the contact person confirms it", async ({ page }, testInfo) => {
  const run = RUNS[testInfo.project.name as keyof typeof RUNS];
  await login(page, run.planner);
  await visit(page, "/moten");
  await page.getByRole("link", { name: "Planera ett anmälningsmöte" }).click();
  await page.waitForURL(/\/moten\/ny$/);
  await checkA11y(page);

  // Bad input first: no time, and an interpreter without a language.
  await page.getByRole("group", { name: "Gäller oron misstänkt våld eller sexuella övergrepp av någon i familjen?" }).getByLabel("Nej").check();
  await page.getByLabel("Kontaktperson på socialtjänsten").selectOption({ label: run.host.name });
  await page.getByLabel("I skolan eller förskolan").check();
  await page.getByLabel("Vem från skolan eller förskolan kommer?").fill("Mentor och rektor");
  await page.getByRole("group", { name: "Behöver familjen tolk?" }).getByLabel("Ja", { exact: true }).check();
  await page.getByRole("group", { name: "Vet vårdnadshavarna om mötet?" }).getByLabel("Ja").check();
  await page.getByRole("button", { name: "Skicka förslaget" }).click();
  await expect(page.getByLabel("Dag 1")).toHaveAttribute("aria-invalid", "true");
  await checkA11y(page);
  await expect(page.getByLabel("Dag 1")).toHaveAccessibleDescription("Föreslå minst en tid.");
  await expect(page.getByLabel("Språk")).toHaveAccessibleDescription("Skriv vilket språk tolken ska tala.");
  await expect(page.getByLabel("Vem från skolan eller förskolan kommer?")).toHaveValue("Mentor och rektor");

  await page.getByLabel("Dag 1").fill(run.date);
  await page.getByLabel("Tid 1").fill(run.time);
  await page.getByLabel("Språk").fill("tigrinja");
  await page.getByRole("button", { name: "Skicka förslaget" }).click();
  await page.waitForURL(/\/moten\/\d+\?sparat=foreslaget$/);
  await checkA11y(page);
  const address = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: "Anmälningsmöte, Vällingbyskolan" })).toBeVisible();
  await expect(page.getByText("Tid inte bestämd än")).toBeVisible();
  await logout(page);

  await login(page, run.host.email);
  await visit(page, address);
  await expect(page.getByText("Tolk: ja, tigrinja")).toBeVisible();
  await page.getByRole("button", { name: `Bekräfta ${run.shown}` }).click();
  await page.waitForURL(/sparat=bekraftat$/);
  await checkA11y(page);
  await expect(page.getByRole("heading", { level: 2, name: run.shown })).toBeVisible();
  await logout(page);

  // Both get the invitation at the SMTP server, with a calendar part Outlook puts in the calendar.
  const meetingId = address.split("/").pop();
  for (const to of [run.planner, run.host.email]) {
    const calendar = (raw: string) => mimePart(raw, "text/calendar")?.body ?? "";
    const mail = await waitForMail(to, (raw) => calendar(raw).includes(`UID:meeting-${meetingId}@`));
    const parsed = ical.sync.parseICS(calendar(mail.raw));
    const event = Object.values(parsed).find((e) => e?.type === "VEVENT") as unknown as { summary: string; start: Date; sequence: string | number };
    expect((parsed.vcalendar as unknown as { method: string }).method).toBe("REQUEST");
    expect(event.summary).toBe("Anmälningsmöte, Vällingbyskolan");
    expect(event.start.toISOString()).toBe(run.startUtc);
  }

  await login(page, run.planner);
  await visit(page, "/moten");
  await expect(page.getByText(`Bekräftat: ${run.shown}.`)).toBeVisible();
});

test("violence in the family sends the teacher to the phone instead of a meeting", async ({ page }) => {
  await login(page, "rektor@vallingbyskolan.example");
  await visit(page, "/moten/ny");
  await page.getByRole("group", { name: "Gäller oron misstänkt våld eller sexuella övergrepp av någon i familjen?" }).getByLabel("Ja").check();
  await page.getByRole("button", { name: "Skicka förslaget" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ring socialtjänsten nu" })).toBeVisible();
  await checkA11y(page);
  await expect(page.getByRole("region", { name: "Vem ringer jag just nu?" })).toBeVisible();
});

test("preschool leadership asks the contact persons to visit a staff team", async ({ page }, testInfo) => {
  const run =
    testInfo.project.name === "chromium"
      ? { head: "forskolechef@gronadiamanten.example", target: "Gröna diamanten, arbetslag Smaragden", host: "Eva Sjöberg", team: "Smaragden" }
      : { head: "forskolechef@grimsta.example", target: "Förskolan Ekorren, arbetslag Kotten", host: "Petra Nyström", team: "Kotten" };
  await login(page, run.head);
  await visit(page, "/moten");
  await expect(page.getByRole("table", { name: "Arbetslagens besök av kontaktpersonerna i år" })).toBeVisible();
  await page.getByRole("link", { name: "Be om besök på ett arbetslagsmöte" }).click();
  await page.waitForURL(/\/moten\/arbetslag$/);
  await checkA11y(page);
  await page.getByLabel("Vilka ska de träffa?").selectOption({ label: run.target });
  await page.getByLabel("Vem vill ni ska komma?").selectOption({ label: run.host });
  await page.getByLabel("Eget tema").check();
  await page.getByRole("button", { name: "Skicka förfrågan" }).click();
  await expect(page.getByLabel("Ert tema")).toHaveAttribute("aria-invalid", "true");
  await checkA11y(page);
  await page.getByLabel("Ert tema").fill("Barn som ofta kommer hungriga");
  // Christmas eve: the form comes back with a warning, and the day can be kept or changed.
  await page.getByLabel("Dag 1").fill("2026-12-24");
  await page.getByLabel("Tid 1").fill("16.00");
  await page.getByRole("button", { name: "Skicka förfrågan" }).click();
  await expect(page.getByText("Torsdag 24 december är en helgdag (julafton). Välj en vardag, eller kryssa i rutan om ni vill ses då ändå.")).toBeVisible();
  await expect(page.getByLabel("Föreslå dagen ändå")).not.toBeChecked();
  await checkA11y(page);
  await expect(page.getByLabel("Ert tema")).toHaveValue("Barn som ofta kommer hungriga");
  await page.getByLabel("Dag 1").fill("2026-12-17");
  await page.getByRole("button", { name: "Skicka förfrågan" }).click();
  await page.waitForURL(/\/moten\/\d+\?sparat=foreslaget$/);
  await checkA11y(page);
  await expect(page.getByRole("heading", { level: 1, name: `Besök på arbetslagsmöte, ${run.target}` })).toBeVisible();
  await expect(page.getByText("Tema: Barn som ofta kommer hungriga")).toBeVisible();
});

test("a contact person lays out planning meetings and leadership adds to the agenda", async ({ page }, testInfo) => {
  const run =
    testInfo.project.name === "chromium"
      ? { host: "leila.haddad@hv.example", preschool: "Gröna diamanten", head: "forskolechef@gronadiamanten.example", first: "2026-12-09" }
      : { host: "petra.nystrom@hv.example", preschool: "Grimsta förskoleenhet", head: "forskolechef@grimsta.example", first: "2026-12-08" };
  await login(page, run.host);
  await visit(page, "/moten");
  await page.getByRole("link", { name: "Lägg in planeringsmöten med en förskola" }).click();
  await page.waitForURL(/\/moten\/planering$/);
  await checkA11y(page);
  await page.getByLabel("Förskola", { exact: true }).selectOption({ label: run.preschool });
  await page.getByLabel("Första mötet").fill(run.first);
  await page.getByLabel("Klockan").fill("14.00");
  await page.getByLabel("Antal möten").fill("2");
  await page.getByRole("button", { name: "Lägg in mötena" }).click();
  await page.waitForURL(/\/moten\?sparat=planering-2$/);
  await checkA11y(page);
  await expect(page.getByText("2 planeringsmöten är inlagda.")).toBeVisible();
  await logout(page);

  await login(page, run.head);
  await visit(page, "/moten");
  await page
    .getByRole("link", { name: `Planeringsmöte, ${run.preschool}` })
    .first()
    .click();
  await page.waitForURL(/\/moten\/\d+$/);
  await checkA11y(page);
  await page.getByLabel("Lägg till en punkt").fill("Tema för vårens arbetslagsträffar");
  await page.getByRole("button", { name: "Lägg till", exact: true }).click();
  await page.waitForURL(/sparat=punkt$/);
  await checkA11y(page);
  await expect(page.getByRole("list").getByText("Tema för vårens arbetslagsträffar")).toBeVisible();
});

test("a teacher brings a case to the consultation forum and a forum member sees it on the agenda", async ({ page }, testInfo) => {
  const run =
    testInfo.project.name === "chromium"
      ? { teacher: "larare@vallingbyskolan.example", school: "Vällingbyskolan", forum: "onsdag 23 december kl. 13.00", member: "leila.haddad@hv.example" }
      : { teacher: "larare@grimstaskolan.example", school: "Grimstaskolan", forum: "torsdag 7 januari 2027 kl. 13.00", member: "sara.lindqvist@hv.example" };
  await login(page, run.teacher);
  await visit(page, "/moten");
  await page.getByRole("link", { name: `Boka en plats ${run.forum}` }).click();
  await page.waitForURL(/\/moten\/\d+\/arende$/);
  await checkA11y(page);
  await page.getByLabel("Jag är osäker på om jag ska göra en orosanmälan").check();
  await page.getByLabel("13–15 år").check();
  await page.getByLabel("Frånvaro").check();
  await page.getByLabel("Beskriv ärendet och vad du vill ha råd om").fill("Eleven 121212-1212 är borta varje måndag. Hur går vi vidare?");
  await page.getByRole("button", { name: "Boka platsen" }).click();
  const question = page.getByLabel("Beskriv ärendet och vad du vill ha råd om");
  await expect(question).toHaveAttribute("aria-invalid", "true");
  await checkA11y(page);
  await expect(question).toHaveAccessibleDescription(/personnummer/);
  await expect(page.getByLabel("Frånvaro")).toBeChecked();
  await question.fill("En elev i årskurs 8 är borta varje måndag. Hur går vi vidare?");
  await page.getByRole("button", { name: "Boka platsen" }).click();
  await page.waitForURL(/\/konsultation\/\d+\?skickad=forum$/);
  await checkA11y(page);
  await expect(page.getByText("Platsen på forumet är bokad. Efter forumet står rådet här.")).toBeVisible();
  const forumHref = await page.getByRole("link", { name: "konsultationsforumet" }).getAttribute("href");
  await logout(page);

  await login(page, run.member);
  await visit(page, forumHref!);
  const agenda = page.getByRole("table", { name: "Bokade ärenden, utan uppgifter om vem barnet är" });
  const row = agenda.getByRole("row").filter({ hasText: run.school });
  await expect(row).toContainText("13–15 år");
  await expect(row).toContainText("Anonymt");
  await expect(agenda).not.toContainText("borta varje måndag");
});

test("social services start a collaboration group, and the police add to its agenda", async ({ page }, testInfo) => {
  const run =
    testInfo.project.name === "chromium"
      ? { starter: "socialsekreterare@hv.example", name: "Trygg skolväg Vällingby", point: "Belysningen vid gångtunneln" }
      : { starter: "karin.dahl@hv.example", name: "Trygg skolväg Grimsta", point: "Skolskjutsen på morgonen" };
  await login(page, run.starter);
  await visit(page, "/moten");
  await page.getByRole("link", { name: "Starta ett forum eller en samverkansgrupp" }).click();
  await page.waitForURL(/\/moten\/grupp$/);
  await checkA11y(page);
  await page.getByLabel("Samverkansgrupp").check();
  await page.getByLabel("Gruppens namn").fill(run.name);
  await page.getByLabel("Deltagare").fill("polis@vallingby.polisen.example\nokand@nagonstans.example");
  await page.getByLabel("Första mötet").fill("2026-12-09");
  await page.getByLabel("Klockan").fill("8.30");
  await page.getByLabel("Antal möten").fill("3");
  await page.getByRole("button", { name: "Lägg in mötena" }).click();
  await expect(page.getByLabel("Deltagare")).toHaveAttribute("aria-invalid", "true");
  await checkA11y(page);
  await expect(page.getByLabel("Deltagare")).toHaveAccessibleDescription(/okand@nagonstans.example/);
  await expect(page.getByLabel("Gruppens namn")).toHaveValue(run.name);
  await page.getByLabel("Deltagare").fill("polis@vallingby.polisen.example");
  await page.getByRole("button", { name: "Lägg in mötena" }).click();
  await page.waitForURL(/\/moten\/\d+\?sparat=serie-3$/);
  await checkA11y(page);
  await expect(page.getByRole("heading", { level: 1, name: run.name })).toBeVisible();
  await expect(page.getByText("3 möten är inlagda och deltagarna har fått inbjudningar.")).toBeVisible();
  const address = new URL(page.url()).pathname;
  await logout(page);

  await login(page, "polis@vallingby.polisen.example");
  await visit(page, "/moten");
  await expect(page.getByRole("link", { name: run.name }).first()).toBeVisible();
  await visit(page, address);
  await page.getByLabel("Lägg till en punkt").fill(run.point);
  await page.getByRole("button", { name: "Lägg till", exact: true }).click();
  await page.waitForURL(/sparat=punkt$/);
  await checkA11y(page);
  await expect(page.getByRole("list").getByText(run.point)).toBeVisible();
});
