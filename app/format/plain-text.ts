/**
 * What text the portal stores. zod-free on purpose: the form helpers (`app/http/forms.ts`),
 * the CSV import and the calendar all apply the same rules, and the import module is also
 * loaded by the browser.
 *
 * A name or a title ends up in places that are split into lines or fields: mail headers,
 * iCalendar lines (`ATTENDEE;CN=<name>:mailto:...`), CSV exports, the audit log. A line
 * break or another control character in it can forge a line there, and a bidi override
 * can make a name read as someone else's on screen. So single-line text refuses them all.
 */

/**
 * Never in single-line text: every control character (C0, DEL, C1), the Unicode line and
 * paragraph separators, and the bidi embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069). Other invisible format characters stay allowed: the zero-width
 * non-joiner and joiner are part of how Persian, Kurdish or Hindi names are written.
 */
const NOT_SINGLE_LINE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/** Never in multi-line text (after line breaks are normalised): control characters other than line feed and tab. */
const NOT_MULTI_LINE = /[\x00-\x08\x0B-\x1F\x7F-\x9F]/;

/** The forms' safety net: control characters other than tab, line feed and carriage return. */
const STRAY_CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/;

export const SINGLE_LINE_MESSAGE = "Skriv texten på en rad, utan radbrytningar eller osynliga tecken.";
export const MULTI_LINE_MESSAGE = "Texten har osynliga tecken som inte kan sparas. Skriv texten i stället för att klistra in den, och försök igen.";

export function isSingleLineText(text: string): boolean {
  return !NOT_SINGLE_LINE.test(text);
}

/** Browsers send a textarea's line breaks as CRLF; stored text has LF only. */
export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, "\n");
}

/** Whether text (with its line breaks already normalised) may be stored as multi-line text. */
export function isMultiLineText(text: string): boolean {
  return !NOT_MULTI_LINE.test(text);
}

/** Whether a posted value holds a control character no field may store, whatever its schema says. */
export function hasStrayControl(text: string): boolean {
  return STRAY_CONTROL.test(text);
}

/**
 * Text made single-line for output, for text that is already stored (the database may hold
 * names from before these rules): every run of forbidden characters becomes one space.
 */
export function toSingleLine(text: string): string {
  return text
    .replace(/[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]+/gu, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}
