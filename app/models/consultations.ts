import { z } from "zod";
import { AGE_BANDS, ANSWER_CHANNELS, CONCERNS, CONSULTATION_MODES, CONSULTATION_OUTCOMES, CONSULTATION_PURPOSES, URGENCIES } from "../../db/vocabulary";
import { normalisePhone } from "../format/normalise-phone";
import { multiLineText, singleLineText } from "../http/forms";
import { dayKind } from "../time/holidays";
import { addDays, instantAt, isLocalDate, localDateOf, type LocalDate } from "../time/stockholm";
import { dutyPhoneState, openingHoursOn, type DutyLine } from "./duty";
import { guardAnonymousText } from "./privacy-guard";

/** Pure rules of consultations: the form, the privacy guard's place in it, and the answer promise. */

const isWorkingDay = (date: LocalDate) => dayKind(date) === "workday" || dayKind(date) === "eve";

/**
 * When the asker is promised an answer: the same day when they asked for "today" while the
 * duty phone was open, otherwise by the end of the second working day after the question.
 */
export function answerPromise(createdAt: Date, urgency: (typeof URGENCIES)[number], line: Pick<DutyLine, "hours" | "eveClosesAt"> | null): Date {
  const today = localDateOf(createdAt);
  const closing = (date: LocalDate) => (line ? openingHoursOn(line, date)?.closesAt : null) ?? "16:30";
  if (urgency === "today" && line) {
    const state = dutyPhoneState(line, createdAt);
    if (state.open) return state.closesAtInstant;
  }
  let date = today;
  for (let found = 0; found < 2;) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) found++;
  }
  return instantAt(date, closing(date));
}

const enumField = <T extends readonly [string, ...string[]]>(values: T, message: string) => z.enum(values, { error: message });

export type ConsultationInput = {
  purpose: (typeof CONSULTATION_PURPOSES)[number];
  mode: (typeof CONSULTATION_MODES)[number];
  ageBand: (typeof AGE_BANDS)[number];
  concerns: (typeof CONCERNS)[number][];
  question: string;
  urgency: (typeof URGENCIES)[number];
  answerBy: (typeof ANSWER_CHANNELS)[number];
  callbackPhone: string | null;
  consentGivenBy: string | null;
  consentGivenOn: string | null;
  childDetails: string | null;
};

/**
 * The question form. `concerns` comes from repeated checkboxes. The privacy guard runs on
 * the question (and, with consent, sends identifying details to the marked field); a
 * possible name needs the asker's confirmation.
 */
export function consultationFormSchema(now: Date) {
  const today = localDateOf(now);
  return z
    .object({
      purpose: enumField(CONSULTATION_PURPOSES, "Välj vad du vill ha hjälp med."),
      mode: enumField(CONSULTATION_MODES, "Välj om frågan är anonym eller om vårdnadshavarna har sagt ja."),
      ageBand: enumField(AGE_BANDS, "Välj barnets ålder."),
      concerns: z
        .array(z.string(), { error: "Välj minst en sak som oron gäller." })
        .refine((list) => list.length > 0, "Välj minst en sak som oron gäller.")
        .refine((list) => list.every((c) => (CONCERNS as readonly string[]).includes(c)), "Välj bland alternativen."),
      question: multiLineText({ max: 4000, required: "Skriv din fråga.", tooLong: "Skriv högst 4 000 tecken. Korta frågan, eller berätta mer när ni pratar." }),
      urgency: enumField(URGENCIES, "Välj hur snart du behöver svar."),
      answerBy: enumField(ANSWER_CHANNELS, "Välj hur du vill få svar."),
      callbackPhone: singleLineText({ max: 40, tooLong: "Skriv ditt telefonnummer, till exempel 070-123 45 67." }).optional(),
      consentGivenBy: singleLineText({ max: 100 }).optional(),
      consentGivenOn: z.string().trim().optional(),
      childDetails: singleLineText({ max: 500 }).optional(),
      confirmNoName: z.string().optional(),
    })
    .superRefine(
      (v, ctx) => {
        const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
        // Runs even when a field failed its own rule (see `when` below), so every problem,
        // the privacy guard's included, is reported at once: check types before use.
        if (v.purpose === "known_child" && v.mode === "anonymous")
          issue("mode", "En fråga om ett barn som teamet redan känner behöver vårdnadshavarnas samtycke.");
        if (v.mode === "consent") {
          if (!v.consentGivenBy) issue("consentGivenBy", "Skriv vem som gav samtycke, till exempel mamma eller pappa.");
          if (!v.consentGivenOn || !isLocalDate(v.consentGivenOn)) issue("consentGivenOn", "Skriv när samtycket gavs, till exempel 2026-12-01.");
          else if (v.consentGivenOn > today) issue("consentGivenOn", "Datumet har inte varit än. Skriv när samtycket gavs.");
        }
        const callback = v.callbackPhone ? normalisePhone(v.callbackPhone) : null;
        if (v.callbackPhone && !callback) issue("callbackPhone", "Skriv ditt telefonnummer, till exempel 070-123 45 67.");
        if (v.answerBy === "phone" && !v.callbackPhone) issue("callbackPhone", "Skriv numret vi ska ringa dig på.");
        if (typeof v.question === "string" && v.question.trim()) {
          const guard = guardAnonymousText(v.question, { consent: v.mode === "consent" });
          if (guard.refused) {
            issue("question", guard.refused);
          } else if (guard.nameWarning && v.confirmNoName !== "yes") {
            issue("confirmNoName", guard.nameWarning);
          }
        }
      },
      { when: () => true },
    )
    .transform((v): ConsultationInput => ({
      purpose: v.purpose,
      mode: v.mode,
      ageBand: v.ageBand,
      concerns: [...new Set(v.concerns)] as ConsultationInput["concerns"],
      question: v.question,
      urgency: v.urgency,
      answerBy: v.answerBy,
      callbackPhone: v.callbackPhone ? normalisePhone(v.callbackPhone) : null,
      consentGivenBy: v.mode === "consent" ? (v.consentGivenBy ?? null) : null,
      consentGivenOn: v.mode === "consent" ? (v.consentGivenOn ?? null) : null,
      childDetails: v.mode === "consent" && v.childDetails ? v.childDetails : null,
    }));
}

/** A message in the thread; in an anonymous consultation it passes the privacy guard too. */
export function messageSchema(anonymous: boolean) {
  return z
    .object({
      body: multiLineText({ max: 4000, required: "Skriv ett meddelande.", tooLong: "Skriv högst 4 000 tecken." }),
      confirmNoName: z.string().optional(),
    })
    .superRefine((v, ctx) => {
      if (!anonymous || typeof v.body !== "string" || !v.body.trim()) return;
      const guard = guardAnonymousText(v.body);
      if (guard.refused) ctx.addIssue({ code: "custom", path: ["body"], message: guard.refused });
      else if (guard.nameWarning && v.confirmNoName !== "yes") ctx.addIssue({ code: "custom", path: ["confirmNoName"], message: guard.nameWarning });
    });
}

export const closeSchema = z.object({ outcome: z.enum(CONSULTATION_OUTCOMES, { error: "Välj vad frågan ledde till." }) });
