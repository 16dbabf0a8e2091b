import { z } from "zod";

export type FieldErrors = Record<string, string>;

export type FormResult<T> =
  | { ok: true; data: T; values: Record<string, string> }
  | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> };

/**
 * Reads a posted form and validates it with a zod schema. Only the first text value of
 * each field counts (duplicated fields cannot smuggle a second value past the check;
 * files are ignored). On failure, returns the first message per field and the values
 * to put back in the form.
 */
export async function parseForm<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<FormResult<z.output<S>>> {
  const values: Record<string, string> = {};
  try {
    const formData = await request.formData();
    for (const [key, value] of formData.entries()) {
      if (typeof value === "string" && !(key in values)) values[key] = value;
    }
  } catch {
    return { ok: false, fieldErrors: { form: "Formuläret kunde inte läsas. Försök igen." }, values };
  }
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : "form";
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, fieldErrors, values };
}

/** A positive whole number from a URL parameter, or null (the route then answers 404). */
export function parseId(value: string | undefined): number | null {
  if (!value || !/^[1-9][0-9]{0,15}$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}
