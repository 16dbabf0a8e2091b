import { describe, expect, it } from "vitest";
import { decodeUtf8, parseCsv, planImport, type Existing } from "./import";

const existing: Existing = {
  organisations: [
    { name: "Vällingbyskolan", kind: "school", closed: false },
    { name: "Grimsta förskoleenhet", kind: "preschool_unit", closed: false },
    { name: "Gamla skolan", kind: "school", closed: true },
  ],
  emailTaken: (email) => email === "larare@vallingbyskolan.example",
};
const HEAD = "typ;namn;sort;hör till;e-post;roll;titel";
const plan = (...lines: string[]) => planImport([HEAD, ...lines].join("\r\n"), existing);

describe("reading the file", () => {
  it("reads quotes, doubled quotes, separators and line breaks inside quotes, and commas when the header uses them", () => {
    expect(parseCsv('a;"b;c";"say ""hi"""\r\n"two\nlines";x;')).toEqual([
      ["a", "b;c", 'say "hi"'],
      ["two\nlines", "x", ""],
    ]);
    expect(parseCsv("a,b,c\n1,2,3")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
  });

  it("refuses bytes that are not UTF-8, and drops the byte-order mark", () => {
    expect(decodeUtf8(new Uint8Array([0x46, 0xf6, 0x72]))).toBeNull(); // "För" in Windows-1252
    expect(decodeUtf8(new TextEncoder().encode("\uFEFFtyp;namn"))).toBe("typ;namn");
  });
});

describe("checking every line before anything is saved", () => {
  it("plans organisations and people, a preschool in a unit and a person of an organisation earlier in the file", () => {
    const result = plan(
      "verksamhet;Råckstaskolan;skola;;;;",
      "verksamhet;Förskolan Tallen;förskola;Grimsta förskoleenhet;;;",
      "person;Pia Persson;;Råckstaskolan;Pia.Persson@skola.example;personal;Lärare",
      "person;Sam Ström;;;sam@stad.example;socialsekreterare;Socialsekreterare",
      ";;;;;;",
    );
    expect(result.errors).toEqual([]);
    expect(result.organisations.map((o) => [o.name, o.kind, o.parentName])).toEqual([
      ["Råckstaskolan", "school", null],
      ["Förskolan Tallen", "preschool", "Grimsta förskoleenhet"],
    ]);
    expect(result.people.map((p) => [p.email, p.role, p.organisationName])).toEqual([
      ["pia.persson@skola.example", "partner_staff", "Råckstaskolan"],
      ["sam@stad.example", "social_worker", null],
    ]);
  });

  it("reports every broken line by its number", () => {
    const result = plan(
      "verksamhet;Vällingbyskolan;skola;;;;",
      "verksamhet;Nya skolan;gymnasium;;;;",
      "person;Ola;;Okänd skola;ola@skola.example;personal;Lärare",
      "person;Maria;;Vällingbyskolan;larare@vallingbyskolan.example;personal;Lärare",
      "person;Eva;;Vällingbyskolan;eva@skola.example;personal;Lärare",
      "person;Eva igen;;Vällingbyskolan;EVA@skola.example;personal;Lärare",
      "person;Kim;;Vällingbyskolan;inte-en-adress;personal;Lärare",
      "person;Lo;;;lo@skola.example;personal;Lärare",
      "person;Al;;Vällingbyskolan;al@stad.example;socialsekreterare;Socialsekreterare",
      "person;Bo;;Gamla skolan;bo@skola.example;personal;Lärare",
      "elev;Kalle;;;;;",
      "person;Li;;Vällingbyskolan;li@skola.example;kung;Lärare",
      "verksamhet;Ensam förskola;förskola;Vällingbyskolan;;;",
      "person;Ny;;Vällingbyskolan;ny@skola.example;personal;Lärare;extra",
    );
    expect(result.errors).toEqual([
      { line: 2, message: 'Verksamheten "Vällingbyskolan" finns redan.' },
      { line: 3, message: 'Okänd sort "gymnasium". Skriv skola, förskola, förskoleenhet, polis, annan.' },
      { line: 4, message: 'Verksamheten "Okänd skola" finns inte.' },
      { line: 5, message: "Det finns redan ett konto med larare@vallingbyskolan.example." },
      { line: 7, message: "E-postadressen eva@skola.example finns redan tidigare i filen." },
      { line: 8, message: '"inte-en-adress" är ingen e-postadress.' },
      { line: 9, message: "Skriv vilken verksamhet personen hör till." },
      { line: 10, message: "Socialtjänstens personal hör inte till en verksamhet: lämna hör till tomt." },
      { line: 11, message: 'Verksamheten "Gamla skolan" finns inte.' },
      { line: 12, message: 'Okänd typ "elev". Skriv verksamhet eller person.' },
      { line: 13, message: 'Okänd roll "kung". Skriv personal, ledning, socialsekreterare, föräldrarådgivare, samordnare.' },
      { line: 14, message: 'Förskoleenheten "Vällingbyskolan" finns inte. Lägg den före förskolan i filen.' },
      { line: 15, message: "Raden har fler än 7 fält. Kontrollera avgränsarna." },
    ]);
  });

  it("needs the header row and at least one line", () => {
    expect(planImport("namn;e-post\nPia;pia@x.se", existing).errors[0]!.message).toMatch(/^Första raden ska vara rubrikerna/);
    expect(planImport(HEAD, existing).errors).toEqual([{ line: 2, message: "Filen har inga rader under rubrikerna." }]);
  });
});
