import { consultationFormSchema } from "../models/consultations";
import { readForm, refused, validateForm, type FieldErrors } from "./forms";

/**
 * Reads the consultation form (a question, or a case for the forum). `concerns` is a list of
 * checkboxes; `fixed` overrides fields the page decides itself (a forum case is answered at
 * the meeting). Returns the validated input, or what to send back: the errors and the input kept.
 */
export async function readConsultationForm(request: Request, now: Date, fixed: Record<string, string> = {}) {
  const { values, lists } = await readForm(request);
  const all = { ...values, ...fixed };
  const concerns = lists.concerns ?? [];
  const form = validateForm({ ...all, concerns } as unknown as typeof values, consultationFormSchema(now));
  const keep = { ...all, concerns: concerns.join(",") };
  const refuse = (fieldErrors: FieldErrors) => ({ ...refused(fieldErrors, keep), needsNameConfirmation: Boolean(fieldErrors.confirmNoName) });
  return { form, refuse };
}
