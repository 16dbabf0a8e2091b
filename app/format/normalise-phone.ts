import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/**
 * Reading a phone number as a person types it. libphonenumber with its full metadata is
 * large: only the server and actions (zod schemas) import this module, never a component.
 * Showing a stored number is formatPhone in phone.ts, which the browser may import.
 */

/** The E.164 form of a Swedish phone number as a person would type it, or null if it is not a valid number. */
export function normalisePhone(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), "SE");
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}
