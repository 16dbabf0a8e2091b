import { z } from "zod";
import { normalisePhone } from "../format/normalise-phone";
import { singleLineText } from "../http/forms";

/** The rules of passwords and one's own details. */

export const PASSWORD_MIN = 10;

const newPassword = {
  password: z
    .string({ error: `Välj ett lösenord med minst ${PASSWORD_MIN} tecken.` })
    .min(PASSWORD_MIN, `Välj ett lösenord med minst ${PASSWORD_MIN} tecken.`)
    .max(200, "Välj ett lösenord med högst 200 tecken."),
  confirm: z.string().optional(),
};

function sameTwice(v: { password?: unknown; confirm?: string | undefined }, ctx: z.RefinementCtx) {
  if (typeof v.password === "string" && v.password !== v.confirm)
    ctx.addIssue({ code: "custom", path: ["confirm"], message: "Skriv samma lösenord två gånger." });
}

export const setPasswordSchema = z.object(newPassword).superRefine((v, ctx) => sameTwice(v, ctx), { when: () => true });

export const changePasswordSchema = z
  .object({ current: z.string({ error: "Skriv ditt nuvarande lösenord." }).min(1, "Skriv ditt nuvarande lösenord."), ...newPassword })
  .superRefine((v, ctx) => sameTwice(v, ctx), { when: () => true });

export const phoneSchema = z.object({
  phone: singleLineText({ max: 40, tooLong: "Skriv ett telefonnummer, till exempel 070-123 45 67." })
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const phone = normalisePhone(v);
      if (!phone) {
        ctx.addIssue({ code: "custom", message: "Skriv ett telefonnummer, till exempel 070-123 45 67." });
        return z.NEVER;
      }
      return phone;
    }),
});

export const emailSchema = z.object({
  email: singleLineText({ max: 200, required: "Skriv din e-postadress.", tooLong: "Skriv en kortare e-postadress." }).email(
    "Skriv en e-postadress, till exempel namn@skolan.se.",
  ),
});

/** The login form. */
export const loginSchema = () =>
  z.object({
    email: singleLineText({ max: 254, required: "Skriv din e-postadress.", tooLong: "E-postadressen är för lång. Skriv den adress du har i jobbet." }).pipe(
      z.email("Skriv en e-postadress, till exempel namn@skola.se."),
    ),
    password: z.string().min(1, "Skriv ditt lösenord.").max(200, "Lösenordet är för långt."),
    redirectTo: z.string().optional(),
  });
