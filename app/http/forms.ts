import { z } from "zod";
import { hasStrayControl, isMultiLineText, isSingleLineText, MULTI_LINE_MESSAGE, normaliseLineBreaks, SINGLE_LINE_MESSAGE } from "../format/plain-text";
import { CLOCK_PATTERN, parseClock } from "../time/stockholm";

/*
 * No zod call at the top level of this module: nearly every route imports it, so if the
 * browser bundle keeps any part of it, a top-level call brings all of zod along (about
 * 90 kB gzipped) to every page. Schemas are built inside functions, or in modules that
 * only actions import; see docs/decisions/017-what-reaches-the-browser.md.
 */

let swedishMessages = false;

/** Messages zod writes by itself (a field we forgot to word) come in Swedish, not English. */
function ensureSwedishMessages() {
  if (swedishMessages) return;
  z.config(z.locales.sv());
  swedishMessages = true;
}

/** A clock time field ("9.05", "14:30") read as "HH:MM". */
export function clockField(message: string, { required = message }: { required?: string | undefined } = {}) {
  const string = required === undefined ? z.string() : z.string({ error: required });
  return string
    .trim()
    .regex(CLOCK_PATTERN, message)
    .transform((v) => parseClock(v)!);
}

/** A chosen row's id from a select or a hidden field: a positive whole number, or `message`. */
export function idField(message: string) {
  return z
    .string({ error: message })
    .regex(/^[1-9]\d{0,9}$/, message)
    .transform(Number);
}

type TextOptions = {
  max: number;
  /** The message for a missing or empty field; without it the field may be empty (chain `.optional()` when it may be left out). */
  required?: string;
  /** The message for a text longer than `max`; "Skriv högst N tecken." unless given. */
  tooLong?: string;
};

/**
 * Every single-line text field (names, titles, places, labels, e-mail, phone): trimmed, and
 * no control character, line separator or bidi override (see app/format/plain-text.ts). A
 * zod string, so a field can chain its own rules (`.min(2, ...)`, `.email(...)`).
 */
export function singleLineText({ max, required, tooLong = `Skriv högst ${max} tecken.` }: TextOptions) {
  const text = (required === undefined ? z.string() : z.string({ error: required })).trim().refine(isSingleLineText, SINGLE_LINE_MESSAGE);
  return (required === undefined ? text : text.min(1, required)).max(max, tooLong);
}

/**
 * Every multi-line text field (a question, a message, notes): line breaks as LF (browsers send
 * CRLF; `max` counts each break once), trimmed, and no control character but line feed and tab.
 */
export function multiLineText({ max, required, tooLong = `Skriv högst ${max} tecken.` }: TextOptions) {
  const text = (required === undefined ? z.string() : z.string({ error: required }))
    .overwrite(normaliseLineBreaks)
    .trim()
    .refine(isMultiLineText, MULTI_LINE_MESSAGE);
  return (required === undefined ? text : text.min(1, required)).max(max, tooLong);
}

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;

export type FormResult<T> = { ok: true; data: T; values: FormValues } | { ok: false; fieldErrors: FieldErrors; values: FormValues };

/**
 * Reads a posted form into plain text values. Only the first text value of each field
 * counts (a duplicated field cannot smuggle a second value past the check) and files are
 * ignored. A body that is not a form gives no values, never an exception.
 */
export async function readFormValues(request: Request): Promise<FormValues> {
  return (await readForm(request)).values;
}

/** Like readFormValues, plus every text value of fields that may repeat (checkboxes). */
export async function readForm(request: Request): Promise<{ values: FormValues; lists: Record<string, string[]> }> {
  const values: FormValues = {};
  const lists: Record<string, string[]> = {};
  try {
    const formData = await request.formData();
    for (const [key, value] of formData.entries()) {
      if (typeof value !== "string") continue;
      if (!(key in values)) values[key] = value;
      (lists[key] ??= []).push(value);
    }
  } catch {
    // Not a form: treated as an empty one, which the schema then refuses.
  }
  return { values, lists };
}

/**
 * Validates form values with a zod schema; on failure the first message per field. A safety
 * net under every schema: a value with a control character other than tab and line breaks
 * is refused even when its field's schema forgot `singleLineText`/`multiLineText`, so
 * nothing posted through a form stores one.
 */
export function validateForm<S extends z.ZodType>(values: FormValues, schema: S): FormResult<z.output<S>> {
  ensureSwedishMessages();
  const stray = Object.keys(values).filter((key) => typeof values[key] === "string" && hasStrayControl(values[key]));
  const result = schema.safeParse(values);
  if (result.success && stray.length === 0) return { ok: true, data: result.data, values };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.success ? [] : result.error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : "form";
    fieldErrors[key] ??= issue.message;
  }
  for (const key of stray) fieldErrors[key] ??= MULTI_LINE_MESSAGE;
  return { ok: false, fieldErrors, values };
}

export async function parseForm<S extends z.ZodType>(request: Request, schema: S): Promise<FormResult<z.output<S>>> {
  return validateForm(await readFormValues(request), schema);
}

/** A positive whole number from a URL parameter or form field, or null (the route then answers 404). */
export function parseId(value: string | undefined): number | null {
  if (!value || !/^[1-9][0-9]{0,15}$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}

/** The form's answer when an action refuses its input: field errors and the values to put back. */
export function refused(fieldErrors: FieldErrors, values: FormValues) {
  return { fieldErrors, values } as { fieldErrors: Record<string, string | undefined>; values: Record<string, string | undefined> };
}
