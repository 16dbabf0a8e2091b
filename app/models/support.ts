import { z } from "zod";
import { normalisePhone } from "../format/normalise-phone";
import { idField, multiLineText, singleLineText } from "../http/forms";
import { isLocalDate, localDateOf } from "../time/stockholm";

/** The forms of the support catalogue: an offer (the coordinator's) and a request that the offer's team contact a family. */

const text = (max: number, message: string) => singleLineText({ max, required: message });

export const offerSchema = z
  .object({
    name: text(120, "Skriv vad stödet heter."),
    forWhom: text(300, "Skriv vem stödet är till för, till exempel Föräldrar med barn 0–17 år."),
    whatItGives: multiLineText({ max: 1500, required: "Skriv vad familjen får." }),
    howToContact: multiLineText({ max: 600, required: "Skriv hur familjen själv tar kontakt." }),
    phone: singleLineText({ max: 40, tooLong: "Skriv ett telefonnummer, till exempel 08-508 123 45, eller lämna fältet tomt." }).optional(),
    email: singleLineText({ max: 254, tooLong: "E-postadressen är för lång." }).optional(),
    teamId: idField("Välj vilket team som tar emot förfrågningar."),
    sortOrder: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || /^\d{1,3}$/.test(v), "Skriv ett heltal mellan 0 och 999.")
      .transform((v) => (v ? Number(v) : 0)),
  })
  .superRefine(
    (v, ctx) => {
      if (v.phone && !normalisePhone(v.phone))
        ctx.addIssue({ code: "custom", path: ["phone"], message: "Skriv ett telefonnummer, till exempel 08-508 123 45, eller lämna fältet tomt." });
      if (v.email && !z.email().safeParse(v.email).success)
        ctx.addIssue({ code: "custom", path: ["email"], message: "Skriv en e-postadress, till exempel stod@stad.se, eller lämna fältet tomt." });
    },
    { when: () => true },
  )
  .transform((v) => ({ ...v, phone: v.phone ? normalisePhone(v.phone) : null, email: v.email ? v.email : null }));

export type OfferInput = z.output<typeof offerSchema>;

export function requestSchema(now: Date) {
  const today = localDateOf(now);
  return z
    .object({
      guardianName: text(120, "Skriv vårdnadshavarens namn."),
      guardianPhone: singleLineText({
        max: 40,
        required: "Skriv vårdnadshavarens telefonnummer.",
        tooLong: "Skriv ett telefonnummer, till exempel 070-123 45 67.",
      }),
      language: singleLineText({ max: 60 }).optional(),
      interpreterNeeded: z.string().optional(),
      consentGivenBy: text(100, "Skriv vem som sa ja, till exempel mamma eller pappa."),
      consentGivenOn: z.string({ error: "Skriv när de sa ja, till exempel 2026-12-01." }).trim(),
    })
    .superRefine(
      (v, ctx) => {
        if (typeof v.guardianPhone === "string" && v.guardianPhone && !normalisePhone(v.guardianPhone)) {
          ctx.addIssue({ code: "custom", path: ["guardianPhone"], message: "Skriv ett telefonnummer, till exempel 070-123 45 67." });
        }
        if (typeof v.consentGivenOn !== "string" || !isLocalDate(v.consentGivenOn))
          ctx.addIssue({ code: "custom", path: ["consentGivenOn"], message: "Skriv när de sa ja, till exempel 2026-12-01." });
        else if (v.consentGivenOn > today)
          ctx.addIssue({ code: "custom", path: ["consentGivenOn"], message: "Datumet har inte varit än. Skriv när de sa ja." });
      },
      { when: () => true },
    )
    .transform((v) => ({
      guardianName: v.guardianName,
      guardianPhone: normalisePhone(v.guardianPhone)!,
      language: v.language ? v.language : null,
      interpreterNeeded: v.interpreterNeeded === "yes",
      consentGivenBy: v.consentGivenBy,
      consentGivenOn: v.consentGivenOn,
    }));
}

export type RequestInput = z.output<ReturnType<typeof requestSchema>>;
