/**
 * Walk-and-talk from end to end: a contact person publishes a series, a teacher books a
 * time and cancels it, the host sees who booked, and a preschool head sees which of her
 * staff have booked (never what about) and downloads the list.
 *
 * Both browser projects run these tests against the same database at the same time, so
 * each project publishes its own series (on its own weekday, with its own meeting point)
 * and books with its own teacher. Nothing here touches the seeded bookings.
 */
import type { Page, TestInfo } from "@playwright/test";
import { checkA11y, expect, login, test, visit } from "./fixtures";

const HOST = { email: "socialsekreterare@hv.example", name: "Anna Berg" };
const TOPIC = "Oro för ett barn (utan namn)";
const NOTE = "Hur vi stöttar en elev i årskurs 2 som ofta är ledsen på morgonen.";

type Run = {
  teacher: { email: string; name: string };
  meetingPoint: string;
  mapUrl: string;
  weekday: string;
  firstDate: string;
  lastDate: string;
  /** The stage option chosen, and the badge the teacher then sees on the times. */
  stage: string;
  badge: string | null;
  /** The occasions as the series page and the agenda write them. */
  dates: [string, string];
  /** The first time of the first occasion, and its booking deadline. */
  firstSlot: string;
  secondSlot: string;
  deadline: string;
};

/** One run per browser project: different weekdays, meeting points and teachers, so the two never collide. */
const RUNS: Record<string, Run> = {
  chromium: {
    teacher: { email: "larare@vallingbyskolan.example", name: "Maria Lund" },
    meetingPoint: "Vid flaggstången på skolgården, Vällingbyskolan",
    mapUrl: "https://example.org/karta/flaggstangen",
    weekday: "måndag",
    firstDate: "2026-12-07",
    lastDate: "2026-12-14",
    stage: "Vällingbyskolan: Lågstadiet",
    badge: "För din grupp",
    dates: ["måndag 7 december", "måndag 14 december"],
    firstSlot: "måndag 7 december kl. 15.00–15.45",
    secondSlot: "måndag 7 december kl. 15.45–16.30",
    deadline: "söndag 6 december kl. 12.00",
  },
  "chromium-no-js": {
    teacher: { email: "elevhalsa@vallingbyskolan.example", name: "Nadia Karimi" },
    meetingPoint: "Vid biblioteksingången, Vällingbyskolan",
    mapUrl: "https://example.org/karta/biblioteket",
    weekday: "fredag",
    firstDate: "2026-12-11",
    lastDate: "2026-12-18",
    stage: "Alla",
    badge: null,
    dates: ["fredag 11 december", "fredag 18 december"],
    firstSlot: "fredag 11 december kl. 15.00–15.45",
    secondSlot: "fredag 11 december kl. 15.45–16.30",
    deadline: "torsdag 10 december kl. 12.00",
  },
};

function runFor(testInfo: TestInfo): Run {
  const run = RUNS[testInfo.project.name];
  if (!run) throw new Error(`No walk-and-talk data for the project ${testInfo.project.name}`);
  return run;
}

const capitalised = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/** Fills in the publishing form field by field, by label. */
async function fillSeriesForm(page: Page, run: Run, slotMinutes: string) {
  await page.getByLabel("Verksamhet", { exact: true }).selectOption({ label: "Vällingbyskolan" });
  await page.getByLabel("Mötesplats", { exact: true }).fill(run.meetingPoint);
  await page.getByLabel("Länk till karta (frivilligt)", { exact: true }).fill(run.mapUrl);
  await page.getByLabel("Veckodag", { exact: true }).selectOption({ label: run.weekday });
  await page.getByLabel("Första tiden börjar kl.", { exact: true }).fill("15.00");
  await page.getByLabel("Minuter per tid", { exact: true }).fill(slotMinutes);
  await page.getByLabel("Antal tider varje gång", { exact: true }).fill("2");
  await page.getByLabel("Var hur många veckor", { exact: true }).fill("1");
  await page.getByLabel("Första datum", { exact: true }).fill(run.firstDate);
  await page.getByLabel("Sista datum", { exact: true }).fill(run.lastDate);
  await page.getByLabel("Platser per tid", { exact: true }).fill("1");
  await page.getByLabel("Boka och avboka senast, dagar innan", { exact: true }).fill("1");
  await page.getByLabel("… klockan", { exact: true }).fill("12.00");
  await page.getByLabel("Bara för ett stadium (frivilligt)", { exact: true }).selectOption({ label: run.stage });
}

/** From the host's walk-and-talk page to the publishing form. */
async function openPublishingForm(page: Page) {
  await visit(page, "/walk-and-talk");
  await page.getByRole("link", { name: "Lägg ut nya tider" }).click();
  await page.waitForURL((url) => url.pathname === "/walk-and-talk/ny");
  await expect(page.getByRole("heading", { level: 1, name: "Lägg ut walk-and-talk-tider" })).toBeVisible();
  await checkA11y(page);
}

test("a contact person publishes times, a teacher books one and cancels it, the host sees the booking", async ({ page, newPage }, testInfo) => {
  const run = runFor(testInfo);

  // The contact person publishes a new series for Vällingbyskolan.
  await login(page, HOST.email);
  await openPublishingForm(page);
  await fillSeriesForm(page, run, "45");
  await page.getByRole("button", { name: "Lägg ut tiderna" }).click();
  await page.waitForURL((url) => /^\/walk-and-talk\/serier\/\d+$/.test(url.pathname) && url.searchParams.get("skapad") === "2");
  await expect(page.getByRole("heading", { level: 1, name: "Walk-and-talk för Vällingbyskolan" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Tiderna är utlagda: 2 tillfällen finns nu att boka för personalen.");
  await expect(page.getByText(`Mötesplats: ${run.meetingPoint}.`)).toBeVisible();
  const occasions = page.getByRole("heading", { level: 2, name: "Tillfällen" }).locator("xpath=following-sibling::ul[1]").getByRole("listitem");
  await expect(occasions).toHaveText(run.dates);
  await checkA11y(page);

  // A teacher sees the new times among the open ones and books the first.
  const teacher = await newPage();
  await login(teacher, run.teacher.email);
  await visit(teacher, "/walk-and-talk");
  const openSlots = teacher.getByRole("region", { name: "Lediga tider" });
  const ours = openSlots.getByRole("listitem").filter({ hasText: run.meetingPoint });
  await expect(ours).toHaveCount(4);
  await expect(ours.first()).toContainText(run.firstSlot);
  // Week by week, each time led by its contact person.
  await expect(ours.first()).toContainText(`${HOST.name}, ${run.firstSlot}`);
  await expect(ours.first()).toContainText(`Ni möts: ${run.meetingPoint}.`);
  if (run.badge) await expect(ours.first()).toContainText(run.badge);
  await ours
    .first()
    .getByRole("link", { name: `Boka ${run.firstSlot}` })
    .click();
  await teacher.waitForURL((url) => /^\/walk-and-talk\/tider\/\d+$/.test(url.pathname));
  await expect(teacher.getByRole("heading", { level: 1, name: "Boka walk-and-talk" })).toBeVisible();
  await expect(teacher.getByText(run.firstSlot, { exact: true })).toBeVisible();
  await expect(teacher.getByText(`Med ${HOST.name}, socialtjänsten. Ni möts: ${run.meetingPoint}.`)).toBeVisible();
  await expect(teacher.getByRole("link", { name: "Karta" })).toHaveAttribute("href", run.mapUrl);
  await expect(teacher.getByText(`Boka och avboka senast ${run.deadline}.`)).toBeVisible();
  await checkA11y(teacher);

  await teacher.getByRole("group", { name: "Vad vill du prata om? (frivilligt)" }).getByLabel(TOPIC, { exact: true }).check();
  await teacher.getByLabel("Något du vill att kontaktpersonen vet i förväg (frivilligt)", { exact: true }).fill(NOTE);
  await teacher.getByRole("button", { name: "Boka", exact: true }).click();
  await teacher.waitForURL((url) => url.pathname === "/walk-and-talk" && url.search === "?sparat=bokad");
  await expect(teacher.getByRole("status")).toContainText("Du har bokat en walk-and-talk");
  const myBookings = teacher.getByRole("region", { name: "Mina bokningar" });
  const booking = myBookings.getByRole("listitem").filter({ hasText: run.meetingPoint });
  await expect(booking).toHaveCount(1);
  await expect(booking).toContainText(run.firstSlot);
  await expect(booking).toContainText(`Med ${HOST.name}. Ni möts: ${run.meetingPoint}. Ämne: ${TOPIC.toLowerCase()}.`);
  await expect(booking).toContainText(`Du kan avboka till ${run.deadline}.`);
  // One booking per occasion: the booked occasion's other time is no longer offered.
  await expect(openSlots.getByRole("listitem").filter({ hasText: run.meetingPoint })).toHaveCount(2);
  await expect(openSlots.getByRole("listitem").filter({ hasText: run.secondSlot })).toHaveCount(0);
  await checkA11y(teacher);

  // The host sees who booked, with the topic and the note, in her agenda.
  await visit(page, "/walk-and-talk");
  await expect(page.getByRole("heading", { level: 2, name: "Dina tillfällen" })).toBeVisible();
  const occasion = page.getByRole("region", { name: `${capitalised(run.dates[0])}, Vällingbyskolan` });
  await expect(occasion).toContainText(`Mötesplats: ${run.meetingPoint}`);
  await expect(occasion.getByRole("listitem")).toHaveText([
    `kl. ${run.firstSlot.split(" kl. ")[1]}: ${run.teacher.name} (${TOPIC.toLowerCase()}): "${NOTE}"`,
    `kl. ${run.secondSlot.split(" kl. ")[1]}: ingen bokning`,
  ]);

  // The teacher cancels; the booking is gone and the times are open again.
  const cancel = booking.getByRole("button", { name: `Avboka ${run.firstSlot}` });
  await cancel.click();
  await teacher.waitForURL((url) => url.pathname === "/walk-and-talk" && url.search === "?sparat=avbokad");
  await expect(teacher.getByRole("status")).toHaveText("Du har avbokat. En avbokning kommer med e-post.");
  await expect(myBookings.getByRole("listitem").filter({ hasText: run.meetingPoint })).toHaveCount(0);
  await expect(openSlots.getByRole("listitem").filter({ hasText: run.meetingPoint })).toHaveCount(4);
  await checkA11y(teacher);

  // And the host's agenda no longer names the teacher.
  await visit(page, "/walk-and-talk");
  await expect(occasion.getByRole("listitem")).toHaveText([
    `kl. ${run.firstSlot.split(" kl. ")[1]}: ingen bokning`,
    `kl. ${run.secondSlot.split(" kl. ")[1]}: ingen bokning`,
  ]);
  await expect(occasion).not.toContainText(run.teacher.name);
});

test("the preschool head sees who of her staff have booked, never what about, and downloads the list", async ({ page }) => {
  await login(page, "forskolechef@gronadiamanten.example");
  await visit(page, "/walk-and-talk");
  const leadership = page.getByRole("region", { name: "För ledningen" });
  await expect(leadership).toContainText("Alla i personalen förväntas gå en walk-and-talk den här terminen.");
  await leadership.getByRole("link", { name: "Se vilka i personalen som har bokat" }).click();
  await page.waitForURL((url) => url.pathname === "/walk-and-talk/personal");
  await expect(page.getByRole("heading", { level: 1, name: "Personalens walk-and-talk" })).toBeVisible();
  await checkA11y(page);

  await expect(page.getByText("Du ser bara vem som har bokat, aldrig vad de ville prata om.")).toBeVisible();
  const team = page.getByRole("table", { name: "arbetslag Smaragden" });
  await expect(team.getByRole("row", { name: /Ahmed Yusuf/ }).getByRole("cell")).toHaveText(["Ahmed Yusuf", "Ja", "Nej"]);
  // Ahmed booked to talk about guardians; the head must not see it, nor any other topic.
  const main = page.getByRole("main");
  for (const topic of ["En allmän fråga", "Oro för ett barn", "Hur jag pratar med vårdnadshavare", "Något annat", "vårdnadshavare", "Ämne"]) {
    await expect(main).not.toContainText(topic, { ignoreCase: true });
  }

  // The CSV: a download of the same list, names only.
  const link = page.getByRole("link", { name: "Ladda ner listan som CSV" });
  await expect(link).toHaveAttribute("href", "/walk-and-talk/personal.csv");
  const response = await page.request.get("/walk-and-talk/personal.csv");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/csv\b/);
  expect(response.headers()["content-disposition"]).toBe('attachment; filename="walk-and-talk-2026-HT.csv"');
  const csv = await response.text();
  expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe('"Grupp";"Namn";"Bokat";"Gått"');
  expect(csv).toContain('"arbetslag Smaragden";"Ahmed Yusuf";"Ja";"Nej"');
  expect(csv).not.toMatch(/vårdnadshavare|guardians/i);

  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("walk-and-talk-2026-HT.csv");
  expect(await download.failure()).toBeNull();
  // Downloading does not leave the page.
  await expect(page).toHaveURL(/\/walk-and-talk\/personal$/);
});

test("a slot length of 0 minutes is refused with a clear message and the form keeps what was typed", async ({ page }, testInfo) => {
  const run = { ...runFor(testInfo), meetingPoint: `${runFor(testInfo).meetingPoint} (felaktig)` };
  await login(page, HOST.email);
  await openPublishingForm(page);
  await fillSeriesForm(page, run, "0");
  await page.getByRole("button", { name: "Lägg ut tiderna" }).click();

  const minutes = page.getByLabel("Minuter per tid", { exact: true });
  const message = "Skriv hur lång varje tid är, mellan 10 och 180 minuter.";
  await expect(page.getByText(message)).toBeVisible();
  await expect(page).toHaveURL(/\/walk-and-talk\/ny$/);
  await expect(minutes).toHaveAttribute("aria-invalid", "true");
  await expect(minutes).toHaveAccessibleDescription(message);
  await expect(minutes).toHaveValue("0");
  // Everything else stays as typed.
  await expect(page.getByLabel("Verksamhet", { exact: true }).locator("option:checked")).toHaveText("Vällingbyskolan");
  await expect(page.getByLabel("Mötesplats", { exact: true })).toHaveValue(run.meetingPoint);
  await expect(page.getByLabel("Länk till karta (frivilligt)", { exact: true })).toHaveValue(run.mapUrl);
  await expect(page.getByLabel("Veckodag", { exact: true }).locator("option:checked")).toHaveText(run.weekday);
  await expect(page.getByLabel("Första tiden börjar kl.", { exact: true })).toHaveValue("15.00");
  await expect(page.getByLabel("Antal tider varje gång", { exact: true })).toHaveValue("2");
  await expect(page.getByLabel("Var hur många veckor", { exact: true })).toHaveValue("1");
  await expect(page.getByLabel("Första datum", { exact: true })).toHaveValue(run.firstDate);
  await expect(page.getByLabel("Sista datum", { exact: true })).toHaveValue(run.lastDate);
  await expect(page.getByLabel("Platser per tid", { exact: true })).toHaveValue("1");
  await expect(page.getByLabel("Boka och avboka senast, dagar innan", { exact: true })).toHaveValue("1");
  await expect(page.getByLabel("… klockan", { exact: true })).toHaveValue("12.00");
  await expect(page.getByLabel("Bara för ett stadium (frivilligt)", { exact: true }).locator("option:checked")).toHaveText(run.stage);
  // Only the slot length is wrong.
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(1);
  await checkA11y(page);

  // Nothing was published.
  await visit(page, "/walk-and-talk");
  await expect(page.getByRole("heading", { level: 2, name: "Dina tillfällen" })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(run.meetingPoint);
});
