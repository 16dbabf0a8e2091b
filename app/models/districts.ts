import { z } from "zod";

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
    name: z.string({ error: "Skriv stadsdelsområdets namn." }).trim().min(2, "Skriv stadsdelsområdets namn.").max(80, "Skriv högst 80 tecken."),
    office: z.string({ error: "Skriv var teamet sitter." }).trim().min(2, "Skriv var teamet sitter, till exempel Tensta centrum.").max(120, "Skriv högst 120 tecken."),
    coordinatorName: z.string({ error: "Skriv samordnarens namn." }).trim().min(1, "Skriv samordnarens namn.").max(120, "Skriv högst 120 tecken."),
    coordinatorEmail: z.string({ error: "Skriv samordnarens e-postadress." }).trim().toLowerCase().max(200, "Skriv en kortare e-postadress.").email("Skriv en e-postadress, till exempel namn@stad.se."),
  })
  .superRefine(
    (v, ctx) => {
      if (typeof v.name === "string" && v.name.length >= 2 && slugOf(v.name) === "") ctx.addIssue({ code: "custom", path: ["name"], message: "Skriv namnet med bokstäver." });
    },
    { when: () => true },
  );

export type DistrictInput = z.output<typeof districtSchema>;

/** A head of unit for a district, appointed by the city's administrator (invited by mail). */
export const unitHeadSchema = z.object({
  districtId: z.string({ error: "Välj stadsdelsområde." }).regex(/^[1-9]\d{0,9}$/, "Välj stadsdelsområde.").transform(Number),
  name: z.string({ error: "Skriv enhetschefens namn." }).trim().min(1, "Skriv enhetschefens namn.").max(120, "Skriv högst 120 tecken."),
  email: z.string({ error: "Skriv enhetschefens e-postadress." }).trim().toLowerCase().max(200, "Skriv en kortare e-postadress.").email("Skriv en e-postadress, till exempel namn@stad.se."),
});

export type UnitHeadInput = z.output<typeof unitHeadSchema>;
