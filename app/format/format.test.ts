import { describe, expect, it } from "vitest";
import { swedishList } from "./labels";
import { initials } from "./names";
import { normalisePhone } from "./normalise-phone";
import { formatPhone, telHref } from "./phone";

describe("phone numbers", () => {
  it.each([
    ["070-174 06 12", "+46701740612"],
    ["0701740612", "+46701740612"],
    ["+46 70 174 06 12", "+46701740612"],
    ["08-508 123 45", "+46850812345"],
  ])("normalises %s to %s", (input, e164) => {
    expect(normalisePhone(input)).toBe(e164);
  });

  it.each(["12345", "", "inte ett nummer", "070-174"])("refuses %j", (input) => {
    expect(normalisePhone(input)).toBeNull();
  });

  it.each([
    ["+46701740612", "070-174 06 12"],
    ["+46850812345", "08-508 123 45"],
  ])("shows %s as %s", (e164, shown) => {
    expect(formatPhone(e164)).toBe(shown);
  });

  it("dials the international form", () => {
    expect(telHref("+46701740612")).toBe("tel:+46701740612");
  });
});

describe("initials", () => {
  it.each([
    ["Anna Berg", "AB"],
    ["Eva Sjöberg", "ES"],
    ["Åsa Öberg-Ek", "ÅE"],
    ["Cher", "C"],
    ["  ", "?"],
  ])("%j → %s", (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});

describe("swedishList", () => {
  it.each([
    [[], ""],
    [["lågstadiet"], "lågstadiet"],
    [["lågstadiet", "mellanstadiet"], "lågstadiet och mellanstadiet"],
    [["a", "b", "c"], "a, b och c"],
  ])("%j → %s", (items, expected) => {
    expect(swedishList(items)).toBe(expected);
  });
});
