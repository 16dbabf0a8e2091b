import { z } from "zod";
import { WEEKDAYS } from "../format/dates";
import { normalisePhone } from "../format/normalise-phone";
import { idField, clockField, singleLineText } from "../http/forms";
import { parseClock } from "../time/stockholm";

/**
 * zod schemas of the coordinator's duty forms, with Swedish messages. Only actions import
 * this module: the schemas are built at the top level and would bring zod into the browser.
 */

const swedishPhone = (message: string) =>
  singleLineText({ max: 40, tooLong: message }).transform((value, ctx) => {
    const e164 = normalisePhone(value);
    if (!e164) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return e164;
  });

const optionalClock = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

export const dutyLineSchema = z
  .object({
    phone: swedishPhone("Skriv jourtelefonens nummer, till exempel 08-508 123 45."),
    afterHoursPhone: swedishPhone("Skriv socialjourens nummer, till exempel 08-508 123 45."),
    eveClosesAt: clockField("Skriv ett klockslag, till exempel 13.00.", { required: undefined }),
    ...Object.fromEntries(
      WEEKDAYS.flatMap(([d]) => [
        [`opens${d}`, optionalClock],
        [`closes${d}`, optionalClock],
      ]),
    ),
  })
  .transform((input, ctx) => {
    const values = input as Record<string, string | undefined>;
    const hours: { weekday: number; opensAt: string; closesAt: string }[] = [];
    for (const [weekday, name] of WEEKDAYS) {
      const opens = values[`opens${weekday}`];
      const closes = values[`closes${weekday}`];
      if (!opens && !closes) continue;
      const opensAt = opens ? parseClock(opens) : null;
      const closesAt = closes ? parseClock(closes) : null;
      if (!opensAt || !closesAt) {
        ctx.addIssue({
          code: "custom",
          path: [opensAt ? `closes${weekday}` : `opens${weekday}`],
          message: `Skriv både när jouren öppnar och stänger på ${name}, till exempel 8.00 och 16.30. Lämna båda tomma om den är stängd.`,
        });
        continue;
      }
      if (opensAt >= closesAt) {
        ctx.addIssue({ code: "custom", path: [`closes${weekday}`], message: `Jouren måste stänga senare än den öppnar på ${name}.` });
        continue;
      }
      hours.push({ weekday, opensAt, closesAt });
    }
    return {
      phone: input.phone as string,
      afterHoursPhone: input.afterHoursPhone as string,
      eveClosesAt: input.eveClosesAt as string,
      hours,
    };
  });

const personId = idField("Välj en person.");
const date = (message: string) => z.string({ error: message }).trim().min(1, message);

export const replaceDaySchema = z.object({
  date: date("Välj vilken dag som ska ändras."),
  personId,
});

export const swapDaysSchema = z.object({
  first: date("Välj den första dagen."),
  second: date("Välj den andra dagen."),
});

export const rotaMemberSchema = z.object({ personId });

export const removeOverrideSchema = z.object({ date: date("Välj en dag.") });
