import { z } from "zod";
import { idField } from "../http/forms";
import { CONTENT_ROLES } from "../../db/vocabulary";

/**
 * The head of unit's Approve / Refuse form. Built when the action runs (the start page's
 * module reaches the browser, and a top-level zod call would bring zod along).
 */
export function approvalSchema() {
  const id = idField("Formuläret kunde inte läsas. Ladda om sidan och försök igen.");
  return z.discriminatedUnion(
    "kind",
    [
      z.object({ intent: z.enum(["approve", "refuse"]), kind: z.literal("person"), id, role: z.enum(CONTENT_ROLES), teamId: id }),
      z.object({ intent: z.enum(["approve", "refuse"]), kind: z.literal("assignment"), id }),
    ],
    { error: "Formuläret kunde inte läsas. Ladda om sidan och försök igen." },
  );
}
