import { z } from "zod";
import { idField, singleLineText } from "../http/forms";

/** "Spånga-Tensta" → "spanga-tensta": the district's address-safe short name. */
export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** A new district with its social services team and its first coordinator (invited by mail). */
export const districtSchema = z
  .object({
    name: singleLineText({ max: 80, required: "Skriv stadsdelsområdets namn." }).min(2, "Skriv stadsdelsområdets namn."),
    office: singleLineText({ max: 120, required: "Skriv var teamet sitter, till exempel Tensta centrum." }).min(
      2,
      "Skriv var teamet sitter, till exempel Tensta centrum.",
    ),
    coordinatorName: singleLineText({ max: 120, required: "Skriv samordnarens namn." }),
    coordinatorEmail: singleLineText({ max: 200, required: "Skriv samordnarens e-postadress.", tooLong: "Skriv en kortare e-postadress." })
      .toLowerCase()
      .email("Skriv en e-postadress, till exempel namn@stad.se."),
  })
  .superRefine(
    (v, ctx) => {
      if (typeof v.name === "string" && v.name.length >= 2 && slugOf(v.name) === "")
        ctx.addIssue({ code: "custom", path: ["name"], message: "Skriv namnet med bokstäver." });
    },
    { when: () => true },
  );

export type DistrictInput = z.output<typeof districtSchema>;

/** A head of unit for a district, appointed by the city's administrator (invited by mail). */
export const unitHeadSchema = z.object({
  districtId: idField("Välj stadsdelsområde."),
  name: z.string({ error: "Skriv enhetschefens namn." }).trim().min(1, "Skriv enhetschefens namn.").max(120, "Skriv högst 120 tecken."),
  email: z
    .string({ error: "Skriv enhetschefens e-postadress." })
    .trim()
    .toLowerCase()
    .max(200, "Skriv en kortare e-postadress.")
    .email("Skriv en e-postadress, till exempel namn@stad.se."),
});

export type UnitHeadInput = z.output<typeof unitHeadSchema>;
