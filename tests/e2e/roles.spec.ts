/**
 * Each demo role logs in, sees the start page meant for it (the right contact persons,
 * in the right order, with a phone link and an email link), and logs out again.
 */
import type { Locator, Page } from "@playwright/test";
import { checkA11y, expect, login, logout, test, visit } from "./fixtures";

type Contact = { name: string; phone: string; tel: string; email: string; scope: string; own?: boolean };

const ANNA: Contact = {
  name: "Anna Berg",
  phone: "070-174 06 12",
  tel: "tel:+46701740612",
  email: "socialsekreterare@hv.example",
  scope: "Lågstadiet, mellanstadiet och grundsärskolan",
};
const JONAS: Contact = {
  name: "Jonas Ekholm",
  phone: "070-174 06 13",
  tel: "tel:+46701740613",
  email: "jonas.ekholm@hv.example",
  scope: "Lågstadiet, mellanstadiet och grundsärskolan",
};
const SARA: Contact = { name: "Sara Lindqvist", phone: "070-174 06 14", tel: "tel:+46701740614", email: "sara.lindqvist@hv.example", scope: "Högstadiet" };
const MIKAEL_VALLINGBY: Contact = {
  name: "Mikael Holm",
  phone: "070-174 06 15",
  tel: "tel:+46701740615",
  email: "mikael.holm@hv.example",
  scope: "Högstadiet",
};
const MIKAEL_GRIMSTA: Contact = { ...MIKAEL_VALLINGBY, scope: "Hela skolan" };
const LEILA: Contact = { name: "Leila Haddad", phone: "070-174 06 16", tel: "tel:+46701740616", email: "leila.haddad@hv.example", scope: "Hela förskolan" };
const EVA: Contact = {
  name: "Eva Sjöberg",
  phone: "070-174 06 17",
  tel: "tel:+46701740617",
  email: "eva.sjoberg@hv.example",
  scope: "Hela förskolan, stöd i föräldraskapet",
};
const OMAR: Contact = {
  name: "Omar Lind",
  phone: "070-174 06 18",
  tel: "tel:+46701740618",
  email: "omar.lind@hv.example",
  scope: "Samverkan med lokalpolisen",
};
const KARIN_POLICE: Contact = {
  name: "Karin Dahl",
  phone: "070-174 06 19",
  tel: "tel:+46701740619",
  email: "karin.dahl@hv.example",
  scope: "Samverkan med lokalpolisen",
};
const KARIN_GRIMSTA: Contact = { ...KARIN_POLICE, scope: "Hela skolan" };

type Partner = { email: string; greeting: string; header: string; contacts: Contact[] };

const PARTNERS: Partner[] = [
  {
    email: "larare@vallingbyskolan.example",
    greeting: "Hej Maria!",
    header: "Maria Lund, Vällingbyskolan",
    // The lower-school teacher's own contact persons come first and are marked.
    contacts: [{ ...ANNA, own: true }, { ...JONAS, own: true }, SARA, MIKAEL_VALLINGBY],
  },
  {
    email: "elevhalsa@vallingbyskolan.example",
    greeting: "Hej Nadia!",
    header: "Nadia Karimi, Vällingbyskolan",
    contacts: [ANNA, JONAS, SARA, MIKAEL_VALLINGBY],
  },
  {
    email: "rektor@vallingbyskolan.example",
    greeting: "Hej Peter!",
    header: "Peter Strand, Vällingbyskolan",
    contacts: [ANNA, JONAS, SARA, MIKAEL_VALLINGBY],
  },
  {
    email: "larare@grimstaskolan.example",
    greeting: "Hej Sofia!",
    header: "Sofia Engström, Grimstaskolan",
    contacts: [KARIN_GRIMSTA, MIKAEL_GRIMSTA],
  },
  {
    email: "forskolechef@gronadiamanten.example",
    greeting: "Hej Lena!",
    header: "Lena Falk, Gröna diamanten",
    contacts: [LEILA, EVA],
  },
  {
    email: "pedagog@gronadiamanten.example",
    greeting: "Hej Ahmed!",
    header: "Ahmed Yusuf, Gröna diamanten",
    contacts: [LEILA, EVA],
  },
  {
    email: "polis@vallingby.polisen.example",
    greeting: "Hej Erik!",
    header: "Erik Norberg, Vällingby lokalpolisområde",
    contacts: [OMAR, KARIN_POLICE],
  },
];

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function expectEmergencyText(page: Page) {
  // The emergency line is shown on every page, above the content.
  const emergency = page.getByText("Är ett barn i akut fara? Ring 112.");
  await expect(emergency).toBeVisible();
  await expect(emergency.getByRole("link", { name: "112", exact: true })).toHaveAttribute("href", "tel:112");
}

async function expectContactCard(card: Locator, contact: Contact) {
  await expect(card.getByRole("heading", { level: 3, name: contact.name })).toBeVisible();
  // On pages outside the viewer's own organisation the scope is prefixed with the organisation's name.
  await expect(card.getByText(new RegExp(`(^|: )${escapeRegExp(contact.scope)}$`))).toBeVisible();
  await expect(card.getByRole("link", { name: contact.phone, exact: true })).toHaveAttribute("href", contact.tel);
  await expect(card.getByRole("link", { name: contact.email, exact: true })).toHaveAttribute("href", `mailto:${contact.email}`);
  if (contact.own) await expect(card.getByText("Din kontaktperson", { exact: true })).toBeVisible();
  else await expect(card.getByText("Din kontaktperson")).toHaveCount(0);
}

async function expectLoggedOut(page: Page) {
  await expect(page).toHaveURL(/\/logga-in$/);
  await visit(page, "/");
  await expect(page).toHaveURL(/\/logga-in$/);
  await expect(page.getByRole("heading", { level: 1, name: "Logga in" })).toBeVisible();
}

for (const partner of PARTNERS) {
  test(`${partner.email} sees their contact persons and can log out`, async ({ page }) => {
    await login(page, partner.email);
    await expect(page).toHaveURL(/\/$/);
    await expect(page).toHaveTitle("Start – Samverkansportalen");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(partner.greeting);
    await expect(page.getByRole("banner")).toContainText(partner.header);
    await expectEmergencyText(page);

    const list = page.getByRole("region", { name: "Dina kontaktpersoner" });
    const cards = list.getByRole("article");
    await expect(list.getByRole("heading", { level: 3 })).toHaveText(partner.contacts.map((c) => c.name));
    await expect(cards).toHaveCount(partner.contacts.length);
    for (const [index, contact] of partner.contacts.entries()) {
      const card = cards.nth(index);
      await expect(card).toHaveAccessibleName(contact.name);
      await expectContactCard(card, contact);
    }

    await logout(page);
    await expectLoggedOut(page);
  });
}

test("the social worker sees the organisations she is contact person for", async ({ page }) => {
  await login(page, "socialsekreterare@hv.example");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hej Anna!");
  await expect(page.getByRole("banner")).toContainText("Anna Berg, Socialtjänsten Hässelby-Vällingby");
  await expectEmergencyText(page);

  const assigned = page.getByRole("region", { name: "Du är kontaktperson för" });
  await expect(assigned.getByRole("heading", { level: 3 })).toHaveText(["Vällingbyskolan"]);
  await expect(assigned).toContainText("Lågstadiet, mellanstadiet och grundsärskolan");
  await expect(page.getByRole("region", { name: "Dina kontaktpersoner" })).toHaveCount(0);

  await assigned.getByRole("link", { name: "Vällingbyskolan" }).click();
  await expect(page).toHaveURL(/\/organisationer\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vällingbyskolan");
  await checkA11y(page);
  await expect(page).toHaveTitle("Vällingbyskolan – Samverkansportalen");
  await expect(page.getByText("Stadier: lågstadiet, mellanstadiet, högstadiet och grundsärskolan.")).toBeVisible();
  const contacts = page.getByRole("region", { name: "Kontaktpersoner" });
  await expect(contacts.getByRole("heading", { level: 3 })).toHaveText(["Anna Berg", "Jonas Ekholm", "Sara Lindqvist", "Mikael Holm"]);
  await expectContactCard(contacts.getByRole("article", { name: "Anna Berg" }), ANNA);

  await logout(page);
  await expectLoggedOut(page);
});

test("the coordinator sees every organisation and who covers it", async ({ page }) => {
  await login(page, "samordnare@hv.example");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hej Helena!");
  await expect(page.getByRole("banner")).toContainText("Helena Vik, Socialtjänsten Hässelby-Vällingby");
  await expectEmergencyText(page);
  await expect(page.getByRole("heading", { level: 2, name: "Verksamheter i Hässelby-Vällingby" })).toBeVisible();

  const table = page.getByRole("table", { name: "Verksamheter och deras kontaktpersoner" });
  await expect(table.getByRole("columnheader")).toHaveText(["Verksamhet", "Typ", "Kontaktpersoner"]);
  const row = (name: string) => table.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });

  await expect(row("Fritidsgården Råcksta")).toContainText("Ingen kontaktperson");
  // Other tests running at the same time may add organisations without contact persons (the import).
  await expect(page.getByText(/saknar kontaktperson: .*Fritidsgården Råcksta/)).toBeVisible();
  await expect(row("Vällingbyskolan")).toContainText("Anna Berg (socialsekreterare): Lågstadiet, mellanstadiet och grundsärskolan");
  await expect(row("Vällingbyskolan")).toContainText("Mikael Holm (socialsekreterare): Högstadiet");
  await expect(row("Gröna diamanten")).toContainText("Eva Sjöberg (föräldrarådgivare): Hela förskolan, stöd i föräldraskapet");
  await expect(row("Vällingby lokalpolisområde")).toContainText("Omar Lind (socialsekreterare)");
  await expect(row("Förskolan Ekorren")).toContainText("Via förskoleenheten");
  await expect(row("Grimsta förskoleenhet")).toContainText("Petra Nyström (socialsekreterare): Alla fyra förskolor i enheten");

  await row("Grimsta förskoleenhet").getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Grimsta förskoleenhet");
  await checkA11y(page);
  const preschools = page.getByRole("list").filter({ has: page.getByRole("link", { name: "Förskolan Ekorren" }) });
  await expect(preschools.getByRole("link")).toHaveText(["Förskolan Bävern", "Förskolan Ekorren", "Förskolan Lärkan", "Förskolan Trädkojan"]);

  await preschools.getByRole("link", { name: "Förskolan Ekorren" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Förskolan Ekorren");
  await checkA11y(page);
  await expect(page.getByText("Arbetslag: Kotten och Mossan.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Grimsta förskoleenhet" })).toBeVisible();

  await logout(page);
  await expectLoggedOut(page);
});
