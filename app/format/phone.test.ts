import metadata from "libphonenumber-js/metadata.max.json";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { describe, expect, it } from "vitest";
import { formatPhone, SE_NATIONAL_FORMATS } from "./phone";

/**
 * formatPhone is a small copy of libphonenumber's national formatting for Swedish numbers
 * (the browser gets it without the library). These tests hold it to the library itself.
 */

/** Deterministic digits (a linear congruential generator), so that every run checks the same numbers. */
function digits(seed: number, count: number): string {
  let state = seed;
  let text = "";
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    text += String(Math.floor(state / 65536) % 10);
  }
  return text;
}

/** Swedish national numbers (without the leading 0): every prefix of one to three digits, every length from 6 to 12, three fillings each; only the valid ones. */
function validSwedishNumbers(): string[] {
  const numbers = new Set<string>();
  for (let prefix = 1; prefix <= 999; prefix++) {
    const start = String(prefix);
    if (start.startsWith("0")) continue;
    for (let length = Math.max(6, start.length + 1); length <= 12; length++) {
      for (let filling = 0; filling < 3; filling++) {
        const national = start + digits(prefix * 100 + length * 10 + filling, length - start.length);
        if (parsePhoneNumberFromString(`+46${national}`)?.isValid()) numbers.add(national);
      }
    }
  }
  return [...numbers];
}

describe("formatPhone", () => {
  const numbers = validSwedishNumbers();

  it("writes every valid Swedish number as libphonenumber's formatNational() does", () => {
    const differences = numbers
      .map((national) => ({ e164: `+46${national}`, expected: parsePhoneNumberFromString(`+46${national}`)!.formatNational() }))
      .filter(({ e164, expected }) => formatPhone(e164) !== expected);
    expect(differences).toEqual([]);
  });

  it("was checked on thousands of numbers of every kind", () => {
    expect(numbers.length).toBeGreaterThan(2000);
    // Stockholm 08, mobiles 070 and 077, Göteborg 031, Kiruna 0980, freephone 020, premium rate 0900.
    for (const start of ["8", "70", "31", "980", "20", "77", "900"]) {
      expect(
        numbers.some((n) => n.startsWith(start)),
        start,
      ).toBe(true);
    }
  });

  it.each([
    ["+46850812345", "08-508 123 45"],
    ["+4687654321", "08-765 43 21"],
    ["+46701740612", "070-174 06 12"],
    ["+46317654321", "031-765 43 21"],
    ["+4698012345", "0980-123 45"],
    ["+46201234567", "020-123 45 67"],
    ["+46771234567", "077-123 45 67"],
    ["+469001234567", "0900-12 34 567"],
  ])("shows %s as %s", (e164, shown) => {
    expect(formatPhone(e164)).toBe(shown);
  });

  it("shows other countries' numbers, and what it cannot read, as they are", () => {
    expect(formatPhone("+4722123456")).toBe("+4722123456");
    expect(formatPhone("+4412")).toBe("+4412");
    expect(formatPhone("")).toBe("");
  });

  it("uses the formats of the installed libphonenumber (copy them again when this fails)", () => {
    const se = metadata.countries.SE as unknown as unknown[];
    const formats = se[4] as unknown[][];
    expect(SE_NATIONAL_FORMATS).toEqual(formats.map((f) => f.slice(0, 4)));
  });
});
