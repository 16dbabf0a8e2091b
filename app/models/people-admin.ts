import { z } from "zod";
import { ADMIN_ROLES, PARTNER_ROLES } from "../../db/vocabulary";
import { singleLineText } from "../http/forms";

/**
 * The coordinator's form for a person: invite, or change role, organisation and title.
 * zod schemas at the top level: only actions may import this module, never a component
 * (the role list for the form is ADMIN_ROLES in db/vocabulary.ts).
 */

const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? Number(v) : null))
  .refine((v) => v === null || (Number.isInteger(v) && v > 0 && v < 1e10), "Välj i listan.");

const personFields = {
  name: singleLineText({ max: 120, required: "Skriv namnet." }),
  title: singleLineText({ max: 80, required: "Skriv vad personen arbetar som, till exempel Lärare." }),
  role: z
    .string({ error: "Välj vad personen gör i portalen." })
    // Four eyes: the head of unit approves the coordinator's requests, so the city appoints them.
    .refine((v) => v !== "unit_head", "Enhetschefen utses av stadens administratör. Välj en annan roll.")
    .pipe(z.enum(ADMIN_ROLES, { error: "Välj vad personen gör i portalen." })),
  organisationId: optionalId,
  /** A school part ("part:12") or a preschool's staff team ("team:7") of the organisation, or none. */
  unit: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^(part|team):[1-9]\d{0,9}$/.test(v), "Välj i listan.")
    .transform((v) => (v ? { kind: v.startsWith("part") ? ("part" as const) : ("team" as const), id: Number(v.split(":")[1]) } : null)),
};

const isPartnerRole = (role: unknown) => (PARTNER_ROLES as readonly unknown[]).includes(role);

/** Partners belong to an organisation; social services staff to none (their team). */
function withHome<
  T extends z.ZodType<{ role: (typeof ADMIN_ROLES)[number]; organisationId: number | null; unit: { kind: "part" | "team"; id: number } | null }>,
>(schema: T) {
  return schema
    .superRefine(
      (v, ctx) => {
        if (isPartnerRole(v.role) && v.organisationId === null)
          ctx.addIssue({ code: "custom", path: ["organisationId"], message: "Välj verksamheten personen arbetar i." });
      },
      { when: () => true },
    )
    .transform((v) => ({ ...v, organisationId: isPartnerRole(v.role) ? v.organisationId : null, unit: isPartnerRole(v.role) ? v.unit : null }));
}

export const personFormSchema = withHome(z.object(personFields));

export const inviteSchema = withHome(
  z.object({
    ...personFields,
    email: singleLineText({ max: 200, required: "Skriv e-postadressen i jobbet.", tooLong: "Skriv en kortare e-postadress." })
      .toLowerCase()
      .email("Skriv en e-postadress, till exempel namn@skolan.se."),
  }),
);

export type PersonInput = z.output<typeof personFormSchema>;
export type InviteInput = z.output<typeof inviteSchema>;
