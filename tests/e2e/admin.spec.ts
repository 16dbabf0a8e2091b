/**
 * The coordinator runs the district: invites a person, who accepts by the mailed link and
 * logs in; imports from a CSV file; reads the follow-up. The city's administrator sees the
 * districts side by side. Each browser project uses its own names and addresses.
 */
import { mimePart } from "../mime";
import { checkA11y, expect, login, logout, submitLogin, test, visit } from "./fixtures";
import { waitForMail } from "./mailbox";

const RUNS = {
  chromium: { email: "nils.nyman@racksta.example", name: "Nils Nyman", school: "Råckstaskolan", teacher: "rut.rask@rackstaskolan.example" },
  "chromium-no-js": { email: "nea.nord@racksta.example", name: "Nea Nord", school: "Blackebergsskolan", teacher: "bo.berg@blackeberg.example" },
} as const;

test("the coordinator invites a teacher, who chooses a password from the mail and logs in", async ({ page }, testInfo) => {
  const run = RUNS[testInfo.project.name as keyof typeof RUNS];
  await login(page, "samordnare@hv.example");
  await page.getByRole("link", { name: "Administration" }).click();
  await page.waitForURL(/\/admin$/);
  await checkA11y(page);
  await page.getByRole("link", { name: "Personer", exact: true }).click();
  await page.waitForURL(/\/admin\/personer$/);
  await checkA11y(page);

  await page.getByLabel("E-postadress i jobbet").fill(run.email);
  await page.getByLabel("Arbetar som").fill("Lärare");
  await page.getByLabel("Roll i portalen").selectOption({ label: "Personal" });
  await page.getByRole("button", { name: "Skicka inbjudan" }).click();
  await expect(page.getByLabel("Namn", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await checkA11y(page);
  await expect(page.getByLabel("Verksamhet", { exact: true })).toHaveAccessibleDescription("Välj verksamheten personen arbetar i.");
  await expect(page.getByLabel("E-postadress i jobbet")).toHaveValue(run.email);
  await page.getByLabel("Namn", { exact: true }).fill(run.name);
  await page.getByLabel("Verksamhet", { exact: true }).selectOption({ label: "Fritidsgården Råcksta" });
  await page.getByRole("button", { name: "Skicka inbjudan" }).click();
  // The list, whatever the address: the answer never tells whether another district has it.
  await page.waitForURL(/\/admin\/personer\?sparat=inbjuden$/);
  await checkA11y(page);
  await expect(page.getByText("Inbjudan är skickad.", { exact: false })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(run.name) })).toContainText("Inbjuden, inte inloggad än");
  await logout(page);

  const mail = await waitForMail(run.email, (raw) => raw.includes("inbjudan"));
  const text = mimePart(mail.raw, "text/plain")?.body ?? mail.raw;
  const link = /\/inbjudan\/[A-Za-z0-9_-]+/.exec(text)![0];
  await visit(page, link);
  await expect(page.getByRole("heading", { level: 1, name: "Välkommen till Samverkansportalen" })).toBeVisible();
  await page.getByLabel("Nytt lösenord").fill("skolgården i snö");
  await page.getByLabel("Samma lösenord igen").fill("skolgården i regn");
  await page.getByRole("button", { name: "Spara lösenordet och logga in" }).click();
  await expect(page.getByLabel("Samma lösenord igen")).toHaveAttribute("aria-invalid", "true");
  await checkA11y(page);
  await page.getByLabel("Nytt lösenord").fill("skolgården i snö");
  await page.getByLabel("Samma lösenord igen").fill("skolgården i snö");
  await page.getByRole("button", { name: "Spara lösenordet och logga in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await checkA11y(page);
  await expect(page.getByRole("link", { name: `Mitt konto: ${run.name}` })).toBeVisible();
  await logout(page);

  // The link worked once; the new password works.
  await visit(page, link);
  await expect(page.getByText("Länken är redan använd. Den fungerar bara en gång.")).toBeVisible();
  await login(page, run.email, "skolgården i snö");
});

const SOCIAL_WORKERS = {
  chromium: { email: "sam.sund@hv.example", name: "Sam Sund" },
  "chromium-no-js": { email: "siv.sand@hv.example", name: "Siv Sand" },
} as const;

test("a social worker the coordinator invites can read questions only once the head of unit approves", async ({ page }, testInfo) => {
  const run = SOCIAL_WORKERS[testInfo.project.name as keyof typeof SOCIAL_WORKERS];
  await login(page, "samordnare@hv.example");
  await visit(page, "/admin/personer");
  await page.getByLabel("E-postadress i jobbet").fill(run.email);
  await page.getByLabel("Namn", { exact: true }).fill(run.name);
  await page.getByLabel("Arbetar som").fill("Socialsekreterare");
  await page.getByLabel("Roll i portalen").selectOption({ label: "Socialsekreterare" });
  await page.getByRole("button", { name: "Skicka inbjudan" }).click();
  await page.waitForURL(/sparat=inbjuden-godkannande$/);
  await checkA11y(page);
  await expect(page.getByRole("row", { name: new RegExp(run.name) })).toContainText("väntar på godkännande av enhetschefen");
  await logout(page);

  await login(page, "enhetschef@hv.example");
  const waiting = page.getByRole("region", { name: "Väntar på ditt godkännande" });
  await expect(waiting).toContainText(run.name);
  await checkA11y(page);
  await waiting.getByRole("button", { name: `Godkänn ${run.name}` }).click();
  await page.waitForURL(/sparat=godkant$/);
  await expect(page.getByText("Godkänt. Behörigheten gäller från nu.")).toBeVisible();
  await expect(waiting).not.toContainText(run.name);
  await checkA11y(page);
  await logout(page);
});

test("the coordinator imports organisations and people from a CSV file after a preview", async ({ page }, testInfo) => {
  const run = RUNS[testInfo.project.name as keyof typeof RUNS];
  await login(page, "samordnare@hv.example");
  await visit(page, "/admin/import");
  const csv = [
    "typ;namn;sort;hör till;e-post;roll;titel",
    `verksamhet;${run.school};skola;;;;`,
    `person;Rut Rask;;${run.school};${run.teacher};personal;Lärare`,
    `person;Fel Rad;;Finns inte;fel@example.se;personal;Lärare`,
  ].join("\r\n");
  await page.getByLabel("CSV-fil").setInputFiles({ name: "start.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}`, "utf8") });
  await page.getByRole("button", { name: "Förhandsvisa" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Rätta de här raderna" })).toBeVisible();
  await checkA11y(page);
  await expect(page.getByText('Rad 4: Verksamheten "Finns inte" finns inte.')).toBeVisible();

  await page
    .getByLabel("CSV-fil")
    .setInputFiles({ name: "start.csv", mimeType: "text/csv", buffer: Buffer.from(csv.split("\r\n").slice(0, 3).join("\r\n"), "utf8") });
  await page.getByRole("button", { name: "Förhandsvisa" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Förhandsvisning: 1 verksamhet och 1 person" })).toBeVisible();
  await checkA11y(page);
  await page.getByRole("button", { name: "Importera och skicka inbjudningar" }).click();
  await page.waitForURL(/\/admin\/import\?klart=1-1$/);
  await checkA11y(page);
  await expect(page.getByText("Klart: 1 verksamhet och 1 person är inlagda.")).toBeVisible();
  await visit(page, "/admin/verksamheter");
  await page.getByRole("link", { name: run.school }).click();
  await page.waitForURL(/\/admin\/verksamheter\/\d+$/);
  await checkA11y(page);
  await expect(page.getByRole("heading", { level: 1, name: run.school })).toBeVisible();
});

test("the follow-up: the coordinator's page and CSV, the head of unit reads it, the city compares districts", async ({ page }) => {
  await login(page, "samordnare@hv.example");
  await page.getByRole("link", { name: "Uppföljning" }).click();
  await page.waitForURL(/\/statistik$/);
  await checkA11y(page);
  await expect(page.getByRole("table", { name: "Frågor till socialtjänsten per månad" })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Frågor per månad/ })).toBeVisible();
  const csv = await page.request.get("/statistik.csv?tabell=fragor-per-manad");
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(await csv.text()).toContain('"Månad";"Frågor";"Anonyma"');
  await logout(page);

  await login(page, "enhetschef@hv.example");
  await visit(page, "/statistik");
  await expect(page.getByRole("heading", { level: 1, name: "Uppföljning, Hässelby-Vällingby" })).toBeVisible();
  await logout(page);

  await submitLogin(page, "admin@stockholm.example");
  await page.waitForURL(/\/stad$/);
  await checkA11y(page);
  const districts = page.getByRole("table", { name: "Stadsdelsområdena sida vid sida, de senaste tolv månaderna" });
  await expect(districts.getByRole("rowheader")).toHaveText(["Hässelby-Vällingby", "Spånga-Tensta"]);
  await page.goto("/konsultation");
  await page.waitForURL(/\/stad$/);
});

test("everyone keeps their own phone number and password; a forgotten password gets a link", async ({ page }, testInfo) => {
  const email = testInfo.project.name === "chromium" ? "larare@grimstaskolan.example" : "pedagog@ekorren.example";
  await login(page, email);
  await page.getByRole("link", { name: /^Mitt konto:/ }).click();
  await page.waitForURL(/\/konto$/);
  await checkA11y(page);
  await page.getByRole("textbox", { name: "Telefonnummer" }).fill("ring mig");
  await page.getByRole("button", { name: "Spara numret" }).click();
  await expect(page.getByRole("textbox", { name: "Telefonnummer" })).toHaveAccessibleDescription(/Skriv ett telefonnummer, till exempel 070-123 45 67./);
  await checkA11y(page);
  await page.getByRole("textbox", { name: "Telefonnummer" }).fill("070-174 06 77");
  await page.getByRole("button", { name: "Spara numret" }).click();
  await page.waitForURL(/sparat=telefon$/);
  await checkA11y(page);
  await expect(page.getByRole("textbox", { name: "Telefonnummer" })).toHaveValue("070-174 06 77");
  await logout(page);

  await page.getByRole("link", { name: "Glömt lösenordet?" }).click();
  await page.waitForURL(/\/glomt-losenord$/);
  await checkA11y(page);
  await page.getByLabel("E-postadress").fill(email);
  await page.getByRole("button", { name: "Skicka länken" }).click();
  await page.waitForURL(/skickat=1$/);
  await checkA11y(page);
  await expect(page.getByText("Om adressen finns i portalen har vi skickat ett mejl med en länk.", { exact: false })).toBeVisible();
  await waitForMail(email, (raw) => raw.includes("aterstall"));
});
