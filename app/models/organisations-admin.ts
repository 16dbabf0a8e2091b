import { z } from "zod";
import { ORGANISATION_KINDS, SCHOOL_STAGES } from "../../db/vocabulary";
import { singleLineText } from "../http/forms";

/** The coordinator's forms for organisations: add, rename, and their parts and staff teams. */

const name = singleLineText({ max: 120, required: "Skriv namnet." });

export const organisationSchema = z.object({
  name,
  kind: z.enum(ORGANISATION_KINDS, { error: "Välj vilken sorts verksamhet." }),
  parentId: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .refine((v) => v === null || (Number.isInteger(v) && v > 0 && v < 1e10), "Välj i listan."),
});

export const renameSchema = z.object({ name });
export const stageSchema = z.object({ stage: z.enum(SCHOOL_STAGES, { error: "Välj ett stadium." }) });
export const staffTeamSchema = z.object({ name: singleLineText({ max: 60, required: "Skriv arbetslagets namn." }) });

export type OrganisationInput = z.output<typeof organisationSchema>;
