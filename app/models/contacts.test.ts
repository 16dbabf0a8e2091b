import { describe, expect, it } from "vitest";
import { closeness, orderContactsForViewer, type Contact } from "./contacts";

const contact = (name: string, overrides: Partial<Contact> = {}): Contact => ({
  assignmentId: name.length,
  personId: name.length,
  name,
  role: "social_worker",
  title: "Socialsekreterare",
  phone: null,
  email: `${name.toLowerCase().replace(/\s/g, ".")}@hv.example`,
  scopeLabel: "Hela skolan",
  sortOrder: 0,
  schoolPartIds: [],
  organisationId: 1,
  organisationName: "Vällingbyskolan",
  ...overrides,
});

// School 1 has parts 1 (lågstadiet) and 3 (högstadiet); preschool unit is organisation 20.
const lowerMiddle = contact("Anna Berg", { schoolPartIds: [1, 2], sortOrder: 2 });
const upper = contact("Sara Lindqvist", { schoolPartIds: [3], sortOrder: 0 });
const wholeSchool = contact("Omar Lind", { sortOrder: 1 });
const unitLevel = contact("Petra Nyström", { organisationId: 20, organisationName: "Grimsta förskoleenhet" });

describe("closeness", () => {
  it.each([
    ["own part", lowerMiddle, { organisationId: 1, schoolPartId: 1 }, 0],
    ["another part of own school", upper, { organisationId: 1, schoolPartId: 1 }, 2],
    ["whole own organisation", wholeSchool, { organisationId: 1, schoolPartId: 1 }, 1],
    ["whole own organisation, viewer without part", wholeSchool, { organisationId: 1, schoolPartId: null }, 1],
    ["a part, viewer without part", lowerMiddle, { organisationId: 1, schoolPartId: null }, 2],
    ["the preschool unit above", unitLevel, { organisationId: 21, schoolPartId: null }, 3],
  ] as const)("%s → %i", (_label, c, viewer, expected) => {
    expect(closeness(c, viewer)).toBe(expected);
  });
});

describe("orderContactsForViewer", () => {
  const all = [upper, unitLevel, wholeSchool, lowerMiddle];

  it("puts a lower-school teacher's own contacts first", () => {
    const names = orderContactsForViewer(all, { organisationId: 1, schoolPartId: 1 }).map((c) => c.name);
    expect(names).toEqual(["Anna Berg", "Omar Lind", "Sara Lindqvist", "Petra Nyström"]);
  });

  it("puts an upper-school teacher's own contacts first", () => {
    const names = orderContactsForViewer(all, { organisationId: 1, schoolPartId: 3 }).map((c) => c.name);
    expect(names[0]).toBe("Sara Lindqvist");
  });

  it("for a principal without a part: whole-school contacts, then the coordinator's order", () => {
    const names = orderContactsForViewer(all, { organisationId: 1, schoolPartId: null }).map((c) => c.name);
    expect(names).toEqual(["Omar Lind", "Sara Lindqvist", "Anna Berg", "Petra Nyström"]);
  });

  it("breaks ties by Swedish alphabetical order", () => {
    const names = orderContactsForViewer([contact("Örjan Ö"), contact("Åsa Å"), contact("Ärla Ä"), contact("Zack Z")], {
      organisationId: 1,
      schoolPartId: null,
    }).map((c) => c.name);
    expect(names).toEqual(["Zack Z", "Åsa Å", "Ärla Ä", "Örjan Ö"]);
  });

  it("does not change the list it is given", () => {
    const copy = [...all];
    orderContactsForViewer(all, { organisationId: 1, schoolPartId: 1 });
    expect(all).toEqual(copy);
  });
});
