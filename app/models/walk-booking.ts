import { z } from "zod";
import { WALK_TOPICS } from "../../db/vocabulary";
import { singleLineText } from "../http/forms";
import { findIdentifiers } from "./privacy-guard";

/**
 * The booking form of a walk-and-talk time: a topic from the list and a short note that
 * names no child. Built when called, and in a module of its own, so that neither zod nor
 * the privacy guard (libphonenumber) reaches the browser's bundle.
 */
export const bookingSchema = () =>
  z.object({
    topic: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || (WALK_TOPICS as readonly string[]).includes(v), "Välj ett av ämnena, eller inget.")
      .transform((v) => v as (typeof WALK_TOPICS)[number] | null),
    note: singleLineText({ max: 200 })
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || findIdentifiers(v).length === 0, "Ta bort personnummer, telefonnummer, e-post och adresser: skriv inte vem barnet är."),
  });
