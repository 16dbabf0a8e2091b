import { describe, expect, it } from "vitest";
import { z } from "zod";
import { multiLineText, singleLineText, validateForm } from "../http/forms";
import { hasStrayControl, isSingleLineText, MULTI_LINE_MESSAGE, SINGLE_LINE_MESSAGE, toSingleLine } from "./plain-text";

const FORGED_NAME = 'Anna Berg"\r\nATTENDEE;CN=Evil;RSVP=TRUE:mailto:evil@evil.example\r\nX-Y:"';

describe("single-line text", () => {
  it("refuses every control character, the line separators and the bidi overrides", () => {
    for (const c of ["\0", "\x07", "\t", "\n", "\r", "\x1B", "\x7F", "\x85", "\x9F", "\u2028", "\u2029", "\u202A", "\u202E", "\u2066", "\u2069"]) {
      expect(isSingleLineText(`Anna${c}Berg`), JSON.stringify(c)).toBe(false);
    }
  });

  it("keeps the letters and marks real names are written with", () => {
    for (const name of ["Åsa Öberg-Ärlig", "Leila Haddad", "ليلى حداد", "مهرداد\u200Cی", "O'Brien, Seán", 'Anna "Annie" Berg', "Zoë 😀"]) {
      expect(isSingleLineText(name), name).toBe(true);
    }
  });

  it("makes stored text single-line for output", () => {
    expect(toSingleLine(FORGED_NAME)).toBe('Anna Berg" ATTENDEE;CN=Evil;RSVP=TRUE:mailto:evil@evil.example X-Y:"');
    expect(toSingleLine("\u202EAnna\t\tBerg\u202C ")).toBe("Anna Berg");
  });

  it("as a form field: trimmed, refused with a message that says what to do, and chainable", () => {
    const schema = z.object({
      name: singleLineText({ max: 120, required: "Skriv namnet." }),
      email: singleLineText({ max: 200 }).email("Skriv en e-postadress.").optional(),
    });
    expect(validateForm({ name: "  Anna Berg \r\n" }, schema)).toMatchObject({ ok: true, data: { name: "Anna Berg" } });
    expect(validateForm({ name: FORGED_NAME }, schema)).toMatchObject({ ok: false, fieldErrors: { name: SINGLE_LINE_MESSAGE } });
    expect(validateForm({ name: "Anna\u202EgreB" }, schema)).toMatchObject({ ok: false, fieldErrors: { name: SINGLE_LINE_MESSAGE } });
    expect(validateForm({ name: " " }, schema)).toMatchObject({ ok: false, fieldErrors: { name: "Skriv namnet." } });
    expect(validateForm({ name: "x".repeat(121) }, schema)).toMatchObject({ ok: false, fieldErrors: { name: "Skriv högst 120 tecken." } });
    expect(validateForm({ name: "Anna", email: "anna@x.example\r\nBcc: evil@evil.example" }, schema)).toMatchObject({
      ok: false,
      fieldErrors: { email: SINGLE_LINE_MESSAGE },
    });
    expect(SINGLE_LINE_MESSAGE).toBe("Skriv texten på en rad, utan radbrytningar eller osynliga tecken.");
  });
});

describe("multi-line text", () => {
  const schema = z.object({ notes: multiLineText({ max: 12, required: "Skriv något." }) });

  it("keeps line breaks and tabs, stored as LF and counted once", () => {
    expect(validateForm({ notes: "ett\r\ntvå\r\n\ttre" }, schema)).toMatchObject({ ok: true, data: { notes: "ett\ntvå\n\ttre" } });
    expect(validateForm({ notes: "a\rb\u2028c" }, schema)).toMatchObject({ ok: true, data: { notes: "a\nb\nc" } });
    expect(validateForm({ notes: "ett\r\ntvå\r\n\ttre!" }, schema)).toMatchObject({ ok: false, fieldErrors: { notes: "Skriv högst 12 tecken." } });
  });

  it("refuses the other control characters", () => {
    for (const c of ["\0", "\x08", "\x0B", "\x0C", "\x1B", "\x7F", "\x85"]) {
      expect(validateForm({ notes: `a${c}b` }, schema), JSON.stringify(c)).toMatchObject({ ok: false, fieldErrors: { notes: MULTI_LINE_MESSAGE } });
    }
  });
});

describe("the forms' safety net", () => {
  it("spots control characters other than tab and line breaks", () => {
    expect(hasStrayControl("a\tb\r\nc")).toBe(false);
    expect(hasStrayControl("a\x00b")).toBe(true);
    expect(hasStrayControl("a\x1Bb")).toBe(true);
    expect(hasStrayControl("a\x7Fb")).toBe(true);
  });
});

describe("validateForm under every schema", () => {
  it("refuses a control character that the field's own schema would let through", () => {
    const careless = z.object({ label: z.string().trim().max(200), note: z.string().optional() });
    expect(validateForm({ label: "Hela skolan" }, careless)).toMatchObject({ ok: true });
    const refused = validateForm({ label: "Hela\x00skolan", note: "ok\r\n\tok" }, careless);
    expect(refused).toMatchObject({ ok: false, fieldErrors: { label: MULTI_LINE_MESSAGE } });
    expect(refused.ok ? {} : refused.fieldErrors).not.toHaveProperty("note");
    expect(validateForm({ label: "x\x1B[2J" }, careless)).toMatchObject({ ok: false });
  });
});
