import { describe, expect, it } from "vitest";
import { CONSULTATION_OUTCOMES, URGENCIES } from "../../db/schema";
import { answerPromise, closeSchema, consultationFormSchema, messageSchema } from "./consultations";
import type { DutyLine } from "./duty";

// A duty line like the seed's: Monday–Friday 08:00–16:30, closing 13:00 on eves.
const line: Pick<DutyLine, "hours" | "eveClosesAt"> = {
  eveClosesAt: "13:00",
  hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: "08:00", closesAt: "16:30" })),
};
// The same line, closing at 15:00 on Fridays.
const shortFriday: Pick<DutyLine, "hours" | "eveClosesAt"> = {
  eveClosesAt: "13:00",
  hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensAt: "08:00", closesAt: weekday === 5 ? "15:00" : "16:30" })),
};

type Urgency = (typeof URGENCIES)[number];
const at = (iso: string) => new Date(iso);

// ---------------------------------------------------------------------------
// answerPromise

describe("answerPromise", () => {
  describe('"today" while the duty phone is open: that day\'s closing', () => {
    it.each<[string, string, string]>([
      ["Tuesday 10.00 → 16.30 the same day", "2026-12-01T09:00:00Z", "2026-12-01T15:30:00.000Z"],
      ["Tuesday 08.00, just opened → 16.30", "2026-12-01T07:00:00Z", "2026-12-01T15:30:00.000Z"],
      ["Tuesday 16.29 → 16.30", "2026-12-01T15:29:00Z", "2026-12-01T15:30:00.000Z"],
      ["summer time, Wednesday 11.00 → 16.30 CEST", "2026-06-17T09:00:00Z", "2026-06-17T14:30:00.000Z"],
      ["valborgsmässoafton (an eve) 10.00 → 13.00", "2026-04-30T08:00:00Z", "2026-04-30T11:00:00.000Z"],
      ["trettondagsafton 2027 (an eve) 09.00 → 13.00 CET", "2027-01-05T08:00:00Z", "2027-01-05T12:00:00.000Z"],
      ["the day before Kristi himmelsfärd (an eve) 12.59 → 13.00", "2026-05-13T10:59:00Z", "2026-05-13T11:00:00.000Z"],
    ])("%s", (_, createdAt, expected) => {
      expect(answerPromise(at(createdAt), "today", line).toISOString()).toBe(expected);
    });

    it("uses the line's own closing time (15.00 on a short Friday)", () => {
      expect(answerPromise(at("2026-12-04T09:00:00Z"), "today", shortFriday).toISOString()).toBe("2026-12-04T14:00:00.000Z");
    });
  });

  describe('"today" while the duty phone is closed: the end of the second working day', () => {
    it.each<[string, string, string]>([
      ["Tuesday 16.30, just closed → Thursday 16.30", "2026-12-01T15:30:00Z", "2026-12-03T15:30:00.000Z"],
      ["Tuesday 20.00 → Thursday 16.30", "2026-12-01T19:00:00Z", "2026-12-03T15:30:00.000Z"],
      ["Tuesday 07.30, before opening → Thursday 16.30", "2026-12-01T06:30:00Z", "2026-12-03T15:30:00.000Z"],
      ["Friday 20.00 → Tuesday 16.30", "2026-12-04T19:00:00Z", "2026-12-08T15:30:00.000Z"],
      ["Saturday 11.00 → Tuesday 16.30", "2026-12-05T10:00:00Z", "2026-12-08T15:30:00.000Z"],
      ["Sunday 22.00 → Tuesday 16.30", "2026-12-06T21:00:00Z", "2026-12-08T15:30:00.000Z"],
      ["valborgsmässoafton 14.00, after the eve's 13.00 → Tuesday 5 May (1 May, weekend)", "2026-04-30T12:00:00Z", "2026-05-05T14:30:00.000Z"],
      ["julafton 10.00 → 29 December (25–27 closed)", "2026-12-24T09:00:00Z", "2026-12-29T15:30:00.000Z"],
    ])("%s", (_, createdAt, expected) => {
      expect(answerPromise(at(createdAt), "today", line).toISOString()).toBe(expected);
    });
  });

  describe.each<Urgency>(["few_days", "no_hurry"])('"%s": the end of the second working day after the question', (urgency) => {
    it.each<[string, string, string]>([
      ["Tuesday 10.00, phone open → Thursday 16.30", "2026-12-01T09:00:00Z", "2026-12-03T15:30:00.000Z"],
      ["Thursday → Monday 16.30 (weekend skipped)", "2026-12-03T09:00:00Z", "2026-12-07T15:30:00.000Z"],
      ["Friday → Tuesday 16.30", "2026-12-04T09:00:00Z", "2026-12-08T15:30:00.000Z"],
      ["Saturday → Tuesday 16.30", "2026-12-05T10:00:00Z", "2026-12-08T15:30:00.000Z"],
      ["2026-12-23 → 2026-12-29 (24–26 closed, 27 Sunday, 28 first, 29 second)", "2026-12-23T09:00:00Z", "2026-12-29T15:30:00.000Z"],
      ["2026-12-30 → trettondagsafton 2027-01-05, an eve: 13.00", "2026-12-30T09:00:00Z", "2027-01-05T12:00:00.000Z"],
      ["Tuesday 28 April → valborgsmässoafton, an eve: 13.00 CEST", "2026-04-28T08:00:00Z", "2026-04-30T11:00:00.000Z"],
      ["Monday 11 May → the day before Kristi himmelsfärd, an eve: 13.00", "2026-05-11T08:00:00Z", "2026-05-13T11:00:00.000Z"],
      ["Wednesday 3 June → Friday 5 June, before nationaldagen, an eve: 13.00", "2026-06-03T08:00:00Z", "2026-06-05T11:00:00.000Z"],
      ["Wednesday 13 May → Monday 18 May (Kristi himmelsfärd skipped)", "2026-05-13T08:00:00Z", "2026-05-18T14:30:00.000Z"],
      ["skärtorsdagen → Wednesday 8 April (Easter skipped)", "2026-04-02T08:00:00Z", "2026-04-08T14:30:00.000Z"],
      ["Wednesday 17 June → Monday 22 June (midsommarafton skipped)", "2026-06-17T08:00:00Z", "2026-06-22T14:30:00.000Z"],
      ["allhelgonaafton → Tuesday 3 November (alla helgons dag, weekend)", "2026-10-30T09:00:00Z", "2026-11-03T15:30:00.000Z"],
      ["across the spring clock change → Monday 16.30 CEST", "2026-03-26T09:00:00Z", "2026-03-30T14:30:00.000Z"],
      ["across the autumn clock change → Monday 16.30 CET", "2026-10-22T08:00:00Z", "2026-10-26T15:30:00.000Z"],
      ["23.30 UTC on Tuesday is Wednesday in Stockholm → Friday 16.30", "2026-12-01T23:30:00Z", "2026-12-04T15:30:00.000Z"],
    ])("%s", (_, createdAt, expected) => {
      expect(answerPromise(at(createdAt), urgency, line).toISOString()).toBe(expected);
    });
  });

  it("uses the line's closing time on the day of the promise (15.00 on a short Friday)", () => {
    expect(answerPromise(at("2026-12-02T09:00:00Z"), "few_days", shortFriday).toISOString()).toBe("2026-12-04T14:00:00.000Z");
  });

  describe("without a duty line: 16.30 on the second working day", () => {
    it.each<[string, Urgency, string, string]>([
      ['"today" on an open Tuesday → Thursday 16.30', "today", "2026-12-01T09:00:00Z", "2026-12-03T15:30:00.000Z"],
      ["an eve as the second working day → 16.30, not 13.00", "few_days", "2026-04-28T08:00:00Z", "2026-04-30T14:30:00.000Z"],
      ["2026-12-23 → 2026-12-29 16.30", "no_hurry", "2026-12-23T09:00:00Z", "2026-12-29T15:30:00.000Z"],
    ])("%s", (_, urgency, createdAt, expected) => {
      expect(answerPromise(at(createdAt), urgency, null).toISOString()).toBe(expected);
    });
  });
});

// ---------------------------------------------------------------------------
// consultationFormSchema

// Tuesday 1 December 2026, 10.00 in Stockholm.
const NOW = at("2026-12-01T09:00:00Z");
const DEFAULT_WHAT = "Ta bort det: en anonym fråga får inte visa vem barnet är.";
const CONSENT_WHAT = "Skriv barnets uppgifter i fältet för dem i stället, inte i frågan.";
const nameWarning = (...words: string[]) =>
  `Texten innehåller något som kan vara ett namn (${words.map((w) => `"${w}"`).join(", ")}). Ta bort namnet, eller kryssa i att det inte är barnets eller familjens namn.`;

type FormInput = Record<string, unknown>;

const QUESTION = "En elev i åk 5 har haft 12 dagars frånvaro sedan 3 december och säger att det är bråk hemma. Ska jag göra en orosanmälan?";

const anonymous: FormInput = {
  purpose: "unsure_report",
  mode: "anonymous",
  ageBand: "10-12",
  concerns: ["absence", "home"],
  question: QUESTION,
  urgency: "few_days",
  answerBy: "portal",
};

const withConsent: FormInput = {
  purpose: "known_child",
  mode: "consent",
  ageBand: "6-9",
  concerns: ["behaviour"],
  question: "Kevin i 2B slår andra barn varje dag. Vi har pratat med hans mamma, som vill ha stöd.",
  urgency: "today",
  answerBy: "meeting",
  consentGivenBy: "mamma",
  consentGivenOn: "2026-11-30",
  childDetails: "Kevin Andersson, 190507-9875",
};

/** The first message per field, as validateForm in app/http/forms.ts shows them; {} when valid. */
function errorsOf(input: FormInput, now = NOW): Record<string, string> {
  const result = consultationFormSchema(now).safeParse(input);
  const errors: Record<string, string> = {};
  if (!result.success) for (const issue of result.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}

describe("consultationFormSchema: valid input", () => {
  it("normalises an anonymous question: trimmed question, phone in E.164, concerns once each, no consent fields", () => {
    const result = consultationFormSchema(NOW).safeParse({
      ...anonymous,
      concerns: ["absence", "home", "absence", "home"],
      question: `   ${QUESTION}\n`,
      answerBy: "phone",
      callbackPhone: " 070-174 06 12 ",
      // Left over from the consent part of the form: dropped for an anonymous question.
      consentGivenBy: "mamma",
      consentGivenOn: "2026-11-30",
      childDetails: "Kevin Andersson, 190507-9875",
    });
    expect(result).toEqual({
      success: true,
      data: {
        purpose: "unsure_report",
        mode: "anonymous",
        ageBand: "10-12",
        concerns: ["absence", "home"],
        question: QUESTION,
        urgency: "few_days",
        answerBy: "phone",
        callbackPhone: "+46701740612",
        consentGivenBy: null,
        consentGivenOn: null,
        childDetails: null,
      },
    });
  });

  it.each<[string, string, string | null]>([
    ["a mobile number with spaces", "070-174 06 12", "+46701740612"],
    ["a mobile number without separators", "0701740613", "+46701740613"],
    ["an international number", "+46 70 174 06 14", "+46701740614"],
    ["a Stockholm landline", "08-508 123 45", "+46850812345"],
    ["an empty field", "", null],
    ["blanks only", "   ", null],
  ])("callbackPhone: %s (%j → %j)", (_, callbackPhone, expected) => {
    const result = consultationFormSchema(NOW).safeParse({ ...anonymous, callbackPhone });
    expect(result.success && result.data.callbackPhone).toBe(expected);
  });

  it("keeps the consent fields and the child's details with consent, and a name in the question needs no confirmation", () => {
    expect(consultationFormSchema(NOW).safeParse({ ...withConsent, callbackPhone: "" })).toEqual({
      success: true,
      data: {
        purpose: "known_child",
        mode: "consent",
        ageBand: "6-9",
        concerns: ["behaviour"],
        question: "Kevin i 2B slår andra barn varje dag. Vi har pratat med hans mamma, som vill ha stöd.",
        urgency: "today",
        answerBy: "meeting",
        callbackPhone: null,
        consentGivenBy: "mamma",
        consentGivenOn: "2026-11-30",
        childDetails: "Kevin Andersson, 190507-9875",
      },
    });
  });

  it("with consent: an empty childDetails is stored as null", () => {
    const result = consultationFormSchema(NOW).safeParse({ ...withConsent, childDetails: "  " });
    expect(result.success && result.data.childDetails).toBeNull();
  });

  it.each<[string, FormInput]>([
    ["every purpose but known_child may be anonymous (support_without_report)", { purpose: "support_without_report" }],
    ["plan_report may be anonymous", { purpose: "plan_report" }],
    ["every concern at once", { concerns: ["home", "absence", "behaviour", "violence", "parent_substance_or_mental_health", "child_mental_health", "other"] }],
    ["a question of exactly 4 000 characters", { question: "a".repeat(4000) }],
    ["the youngest age band", { ageBand: "1-5" }],
    ["the oldest age band, no hurry, a walk", { ageBand: "16-18", urgency: "no_hurry", answerBy: "walk" }],
  ])("accepts %s", (_, override) => {
    expect(errorsOf({ ...anonymous, ...override })).toEqual({});
  });

  it.each<[string, FormInput]>([
    ["consent given today", { consentGivenOn: "2026-12-01" }],
    ["consent given long ago", { consentGivenOn: "2025-01-15" }],
    ["a consent giver of exactly 100 characters", { consentGivenBy: "m".repeat(100) }],
    ["child details of exactly 500 characters", { childDetails: "x".repeat(500) }],
  ])("accepts with consent: %s", (_, override) => {
    expect(errorsOf({ ...withConsent, ...override })).toEqual({});
  });

  it("decides 'today' in Stockholm: at 00.30 on 2 December local time, consent given on 2 December is not in the future", () => {
    expect(errorsOf({ ...withConsent, consentGivenOn: "2026-12-02" }, at("2026-12-01T23:30:00Z"))).toEqual({});
  });
});

describe("consultationFormSchema: errors", () => {
  it.each<[string, FormInput, Record<string, string>]>([
    ["no purpose", { purpose: undefined }, { purpose: "Välj vad du vill ha hjälp med." }],
    ["an unknown purpose", { purpose: "annat" }, { purpose: "Välj vad du vill ha hjälp med." }],
    ["no mode", { mode: undefined }, { mode: "Välj om frågan är anonym eller om vårdnadshavarna har sagt ja." }],
    ["an unknown mode", { mode: "secret" }, { mode: "Välj om frågan är anonym eller om vårdnadshavarna har sagt ja." }],
    ["no age band", { ageBand: "" }, { ageBand: "Välj barnets ålder." }],
    ["an unknown age band", { ageBand: "0-1" }, { ageBand: "Välj barnets ålder." }],
    ["no concern ticked", { concerns: [] }, { concerns: "Välj minst en sak som oron gäller." }],
    ["an unknown concern", { concerns: ["home", "pets"] }, { concerns: "Välj bland alternativen." }],
    ["no question", { question: undefined }, { question: "Skriv din fråga." }],
    ["an empty question", { question: "" }, { question: "Skriv din fråga." }],
    ["a question of blanks only", { question: "  \n " }, { question: "Skriv din fråga." }],
    [
      "a question over 4 000 characters",
      { question: "a".repeat(4001) },
      { question: "Skriv högst 4 000 tecken. Korta frågan, eller berätta mer när ni pratar." },
    ],
    ["no urgency", { urgency: undefined }, { urgency: "Välj hur snart du behöver svar." }],
    ["an unknown urgency", { urgency: "asap" }, { urgency: "Välj hur snart du behöver svar." }],
    ["no answer channel", { answerBy: undefined }, { answerBy: "Välj hur du vill få svar." }],
    ["an unknown answer channel", { answerBy: "email" }, { answerBy: "Välj hur du vill få svar." }],
    ["a callback number that is not a phone number", { callbackPhone: "12345" }, { callbackPhone: "Skriv ditt telefonnummer, till exempel 070-123 45 67." }],
    ["a callback number that is too short", { callbackPhone: "070-174" }, { callbackPhone: "Skriv ditt telefonnummer, till exempel 070-123 45 67." }],
    ["answer by phone without a number", { answerBy: "phone" }, { callbackPhone: "Skriv numret vi ska ringa dig på." }],
    ["answer by phone with an empty number", { answerBy: "phone", callbackPhone: "" }, { callbackPhone: "Skriv numret vi ska ringa dig på." }],
    ["answer by phone with blanks for a number", { answerBy: "phone", callbackPhone: "   " }, { callbackPhone: "Skriv numret vi ska ringa dig på." }],
    ["a known child, anonymously", { purpose: "known_child" }, { mode: "En fråga om ett barn som teamet redan känner behöver vårdnadshavarnas samtycke." }],
    // Suspected bug: with no box ticked, the repeated-checkbox list is missing altogether and zod's English message shows.
    ["concerns missing altogether (no box ticked)", { concerns: undefined }, { concerns: "Välj minst en sak som oron gäller." }],
    // Suspected bug: max(40) has no Swedish message.
    [
      "a callback number over 40 characters",
      { callbackPhone: "070-174 06 12 ".repeat(3) },
      { callbackPhone: "Skriv ditt telefonnummer, till exempel 070-123 45 67." },
    ],
  ])("%s", (_, override, expected) => {
    expect(errorsOf({ ...anonymous, ...override })).toEqual(expected);
  });

  it.each<[string, FormInput, Record<string, string>]>([
    [
      "consent without who or when",
      { consentGivenBy: undefined, consentGivenOn: undefined },
      { consentGivenBy: "Skriv vem som gav samtycke, till exempel mamma eller pappa.", consentGivenOn: "Skriv när samtycket gavs, till exempel 2026-12-01." },
    ],
    [
      "consent with empty who and when",
      { consentGivenBy: " ", consentGivenOn: "" },
      { consentGivenBy: "Skriv vem som gav samtycke, till exempel mamma eller pappa.", consentGivenOn: "Skriv när samtycket gavs, till exempel 2026-12-01." },
    ],
    ["consent date in words", { consentGivenOn: "1 december" }, { consentGivenOn: "Skriv när samtycket gavs, till exempel 2026-12-01." }],
    ["consent date without leading zero", { consentGivenOn: "2026-12-1" }, { consentGivenOn: "Skriv när samtycket gavs, till exempel 2026-12-01." }],
    ["consent date that does not exist", { consentGivenOn: "2026-02-30" }, { consentGivenOn: "Skriv när samtycket gavs, till exempel 2026-12-01." }],
    ["consent date tomorrow", { consentGivenOn: "2026-12-02" }, { consentGivenOn: "Datumet har inte varit än. Skriv när samtycket gavs." }],
    ["consent date next year", { consentGivenOn: "2027-01-10" }, { consentGivenOn: "Datumet har inte varit än. Skriv när samtycket gavs." }],
    ["a consent giver over 100 characters", { consentGivenBy: "m".repeat(101) }, { consentGivenBy: "Skriv högst 100 tecken." }],
    ["child details over 500 characters", { childDetails: "x".repeat(501) }, { childDetails: "Skriv högst 500 tecken." }],
  ])("with consent: %s", (_, override, expected) => {
    expect(errorsOf({ ...withConsent, ...override })).toEqual(expected);
  });

  // Suspected bug (usability): the object's superRefine, the privacy guard with it, does not
  // run while any field fails its own schema, so the asker meets the errors in two rounds.
  it("reports a missing age band and a personnummer in the question in the same round", () => {
    expect(errorsOf({ ...anonymous, ageBand: undefined, question: "Eleven har personnummer 121212-1212." })).toEqual({
      ageBand: "Välj barnets ålder.",
      question: `Texten innehåller ett personnummer eller samordningsnummer ("121212-1212"). ${DEFAULT_WHAT}`,
    });
  });
});

describe("consultationFormSchema: the privacy guard on the question", () => {
  it.each<[string, FormInput, Record<string, string>]>([
    [
      "anonymous: a personnummer is refused",
      { question: "Eleven har personnummer 121212-1212, ska jag anmäla?" },
      { question: `Texten innehåller ett personnummer eller samordningsnummer ("121212-1212"). ${DEFAULT_WHAT}` },
    ],
    [
      "anonymous: a coordination number is refused",
      { question: "Hon är nyanländ, samordningsnummer 121272-1219." },
      { question: `Texten innehåller ett personnummer eller samordningsnummer ("121272-1219"). ${DEFAULT_WHAT}` },
    ],
    [
      "anonymous: the family's phone number and address are refused",
      { question: "Mamma nås på 070-174 06 12 och de bor på Vällingbyvägen 12." },
      { question: `Texten innehåller ett telefonnummer och en gatuadress ("070-174 06 12", "Vällingbyvägen 12"). ${DEFAULT_WHAT}` },
    ],
    ["anonymous: a probable name without confirmation", { question: "Jag har pratat med Kevin om hur det är hemma." }, { confirmNoName: nameWarning("Kevin") }],
    [
      "anonymous: a probable name with confirmNoName other than yes",
      { question: "Jag har pratat med Kevin om hur det är hemma.", confirmNoName: "no" },
      { confirmNoName: nameWarning("Kevin") },
    ],
    [
      "anonymous: a refusal comes before the name warning",
      { question: "Jag har pratat med Kevin, pnr 121212-1212." },
      { question: `Texten innehåller ett personnummer eller samordningsnummer ("121212-1212"). ${DEFAULT_WHAT}` },
    ],
  ])("%s", (_, override, expected) => {
    expect(errorsOf({ ...anonymous, ...override })).toEqual(expected);
  });

  it("anonymous: a probable name passes with confirmNoName=yes, and the question is kept as written", () => {
    const question = "Jag har pratat med Kevin om hur det är hemma.";
    const result = consultationFormSchema(NOW).safeParse({ ...anonymous, question, confirmNoName: "yes" });
    expect(result.success && result.data.question).toBe(question);
  });

  it("with consent: a personnummer in the question is refused and points to the child's field", () => {
    expect(errorsOf({ ...withConsent, question: "Kevin har personnummer 190507-9875 och slår andra barn." })).toEqual({
      question: `Texten innehåller ett personnummer eller samordningsnummer ("190507-9875"). ${CONSENT_WHAT}`,
    });
  });

  it("with consent: a name in the question needs no confirmation", () => {
    expect(errorsOf({ ...withConsent, question: "Kevin och hans bror Mohammed har det svårt hemma." })).toEqual({});
  });

  it("with consent: identifying details in the child's field are not refused", () => {
    expect(errorsOf({ ...withConsent, childDetails: "Kevin Andersson, 190507-9875, Vällingbyvägen 12, mamma 070-174 06 12" })).toEqual({});
  });

  it("does not run the guard on the asker's own callback number", () => {
    expect(errorsOf({ ...anonymous, answerBy: "phone", callbackPhone: "070-174 06 12" })).toEqual({});
  });
});

// ---------------------------------------------------------------------------
// messageSchema and closeSchema

function messageErrors(anonymousThread: boolean, input: FormInput): Record<string, string> {
  const result = messageSchema(anonymousThread).safeParse(input);
  const errors: Record<string, string> = {};
  if (!result.success) for (const issue of result.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}

describe("messageSchema", () => {
  it.each([true, false])("anonymous=%s: trims the message", (anonymousThread) => {
    expect(messageSchema(anonymousThread).safeParse({ body: "  Tack, vi pratar på torsdag kl. 14.30.\n" })).toEqual({
      success: true,
      data: { body: "Tack, vi pratar på torsdag kl. 14.30." },
    });
  });

  it.each<[boolean, FormInput, Record<string, string>]>([
    [true, {}, { body: "Skriv ett meddelande." }],
    [true, { body: "" }, { body: "Skriv ett meddelande." }],
    [true, { body: "   " }, { body: "Skriv ett meddelande." }],
    [true, { body: "a".repeat(4001) }, { body: "Skriv högst 4 000 tecken." }],
    [true, { body: "a".repeat(4000) }, {}],
    [false, {}, { body: "Skriv ett meddelande." }],
    [false, { body: "  " }, { body: "Skriv ett meddelande." }],
    [false, { body: "a".repeat(4001) }, { body: "Skriv högst 4 000 tecken." }],
    // The guard in an anonymous thread.
    [
      true,
      { body: "Hennes personnummer är 121212-1212." },
      { body: `Texten innehåller ett personnummer eller samordningsnummer ("121212-1212"). ${DEFAULT_WHAT}` },
    ],
    [true, { body: "Ni kan ringa mamma på 070-174 06 12." }, { body: `Texten innehåller ett telefonnummer ("070-174 06 12"). ${DEFAULT_WHAT}` }],
    [true, { body: "Jag har pratat med Lejla igen." }, { confirmNoName: nameWarning("Lejla") }],
    [true, { body: "Jag har pratat med Lejla igen.", confirmNoName: "yes" }, {}],
    [
      true,
      { body: "Jag har pratat med Lejla, pnr 121212-1212." },
      { body: `Texten innehåller ett personnummer eller samordningsnummer ("121212-1212"). ${DEFAULT_WHAT}` },
    ],
    [true, { body: "Vi ses i sal 2031 den 2026-12-03 kl. 14.30." }, {}],
    // No guard in a thread with consent.
    [false, { body: "Hennes personnummer är 121212-1212." }, {}],
    [false, { body: "Jag har pratat med Lejla igen." }, {}],
  ])("anonymous=%s, %j → %j", (anonymousThread, input, expected) => {
    expect(messageErrors(anonymousThread, input)).toEqual(expected);
  });
});

describe("closeSchema", () => {
  it.each(CONSULTATION_OUTCOMES)("accepts the outcome %s", (outcome) => {
    expect(closeSchema.safeParse({ outcome })).toEqual({ success: true, data: { outcome } });
  });

  it.each<[string, FormInput]>([
    ["no outcome", {}],
    ["an empty outcome", { outcome: "" }],
    ["an unknown outcome", { outcome: "reported" }],
  ])("refuses %s with a Swedish message", (_, input) => {
    const result = closeSchema.safeParse(input);
    expect(result.success ? null : result.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["outcome", "Välj vad frågan ledde till."]]);
  });
});
