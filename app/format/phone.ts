import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/**
 * Phone numbers are stored in E.164 (+46701740612), shown in the written Swedish form
 * (070-174 06 12) and dialled through `tel:` with the E.164 form.
 */

/** The E.164 form of a Swedish phone number as a person would type it, or null if it is not a valid number. */
export function normalisePhone(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), "SE");
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}

/** "070-174 06 12" for Swedish numbers, the international form for others. */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed || !parsed.isValid()) return e164;
  return parsed.country === "SE" ? parsed.formatNational() : parsed.formatInternational();
}

export function telHref(e164: string): string {
  return `tel:${e164}`;
}
