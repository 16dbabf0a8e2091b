import { findPhoneNumbersInText } from "libphonenumber-js/max";
import Personnummer from "personnummer";

/**
 * The privacy guard of anonymous consultations. The portal is not a case file: an
 * anonymous question must not identify the child. It runs on the server for every text
 * of an anonymous consultation and its thread (only there: with libphonenumber's full
 * metadata it is far too large for the browser, so no component may import it).
 *
 * - Refused: personal identity or coordination numbers (checked by the maintained
 *   `personnummer` library, check digit included), phone numbers, email addresses, street
 *   addresses and postal codes.
 * - Warned: what looks like a person's name (common Swedish given names and surnames, and
 *   capitalised words in mid-sentence). The asker confirms "det är inte barnets eller
 *   familjens namn" to go on.
 * Dates, times, class names ("7B"), room numbers and amounts pass.
 */

export type Finding = { kind: "personnummer" | "phone" | "email" | "address" | "postcode"; text: string };

const KIND_TEXT: Record<Finding["kind"], string> = {
  personnummer: "ett personnummer eller samordningsnummer",
  phone: "ett telefonnummer",
  email: "en e-postadress",
  address: "en gatuadress",
  postcode: "ett postnummer",
};

// 6 or 8 digits, an optional - or +, 4 digits: 121212-1212, 19121212+1212, 1212121212, 201212121212.
const PERSONNUMMER_CANDIDATE = /(?<![\d-])(\d{6}|\d{8})\s?[-+\u2013]?\s?(\d{4})(?![\d])/g;
const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d.-]+\.\p{L}{2,}/gu;
const STREET_WORDS =
  "gatan|gata|vägen|väg|gränd|gränden|stigen|stig|backe|backen|allé|allén|torget|torg|plan|leden|stråket|gången|gärdet|liden|slingan|platsen|kajen|esplanaden|parken";
// A street name joined to its street word ("Vällingbyvägen 12"), a capitalised name before a
// separate one ("Råcksta torg 4"), or a shortened one ("Vällingbyv. 12"), then a house number
// and perhaps a letter. A street word alone ("på plan 3", "parken 3 gånger") is no address.
const HOUSE_NUMBER = String.raw`\s+\d{1,4}(?:\s?[A-Za-z](?![\p{L}]))?(?![\d])`;
const STREET = new RegExp(
  String.raw`(?<![\p{L}])(?:[\p{L}-]+(?:${STREET_WORDS})|\p{Lu}[\p{L}-]*\s+(?:${STREET_WORDS})|\p{Lu}[\p{L}-]*[vg]\.)` + HOUSE_NUMBER,
  "gu",
);
const POSTCODE = /(?<!\d)(\d{3}\s?\d{2})(?!\d)\s+\p{Lu}\p{L}+/gu;
const POSTCODE_LABELLED = /post(?:nummer|nr)\.?\s*:?\s*(\d{3}\s?\d{2})(?!\d)/giu;

function personnummerIn(text: string): Finding[] {
  const found: Finding[] = [];
  for (const match of text.matchAll(PERSONNUMMER_CANDIDATE)) {
    const candidate = match[0].replace(/\s/g, "").replace("\u2013", "-");
    if (Personnummer.valid(candidate)) found.push({ kind: "personnummer", text: match[0].trim() });
  }
  return found;
}

function phonesIn(text: string, skip: string[]): Finding[] {
  return (
    findPhoneNumbersInText(text, "SE")
      .filter((p) => p.number.isValid())
      .map((p) => text.slice(p.startsAt, p.endsAt))
      // Written phone numbers start with 0 or + (or "(08)"); this keeps dates such as 2026-12-03
      // out. Times and dotted dates ("08.00–16.30", "08.12.2026") are no phone numbers either.
      .filter((raw) => /^\(?[0+]/.test(raw.trim()) && !/[.:]/.test(raw))
      .filter((raw) => !skip.some((s) => s.includes(raw.trim()) || raw.includes(s)))
      .map((raw) => ({ kind: "phone" as const, text: raw.trim() }))
  );
}

/** Everything in the text that identifies a person directly, in the order of the rules above. */
export function findIdentifiers(text: string): Finding[] {
  const personnummer = personnummerIn(text);
  const findings: Finding[] = [...personnummer];
  findings.push(
    ...phonesIn(
      text,
      personnummer.map((p) => p.text),
    ),
  );
  for (const m of text.matchAll(EMAIL)) findings.push({ kind: "email", text: m[0] });
  for (const m of text.matchAll(STREET)) findings.push({ kind: "address", text: m[0].trim() });
  for (const m of text.matchAll(POSTCODE)) findings.push({ kind: "postcode", text: m[1]! });
  for (const m of text.matchAll(POSTCODE_LABELLED)) findings.push({ kind: "postcode", text: m[1]! });
  return findings;
}

/** The field error for refused findings: says what to remove. */
export function refusalMessage(findings: Finding[], what = "Ta bort det: en anonym fråga får inte visa vem barnet är."): string | null {
  if (findings.length === 0) return null;
  const kinds = [...new Set(findings.map((f) => f.kind))].map((k) => KIND_TEXT[k]);
  const list = kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(", ")} och ${kinds[kinds.length - 1]}`;
  const examples = [...new Set(findings.map((f) => `"${f.text}"`))].slice(0, 3).join(", ");
  return `Texten innehåller ${list} (${examples}). ${what}`;
}

// ---------------------------------------------------------------------------
// Names: a warning, not a refusal.

/**
 * Common given names and surnames in Sweden (the most frequent in Statistics Sweden's name
 * statistics), in lower case. Not complete, and not meant to be: capitalised words in
 * mid-sentence catch most other names.
 */
const COMMON_GIVEN_NAMES = `
anna eva maria karin sara christina lena emma kerstin marie malin ingrid hanna elin linda jenny annika
sofia johanna birgitta susanne elisabeth camilla monica ulla julia inger katarina linnea ida amanda
maja ella alice olivia wilma ebba alma agnes elsa klara astrid freja saga lilly selma stella ellen
moa nora signe vera greta tilda lova fatima amina aisha leila yasmin zahra hawa mariam nour
erik lars karl anders johan per nils carl mikael jan hans lennart olof peter gunnar sven fredrik
daniel bengt bo stefan alexander magnus thomas andreas mats jonas oskar william lucas liam hugo
elias noah adam oliver alfred arvid axel ludvig theo isak leo viktor vincent elliot filip melvin
mohammed mohamed muhammad ali ahmed omar hassan hussein yusuf ibrahim mustafa abdi abdullahi
`
  .trim()
  .split(/\s+/);

const COMMON_SURNAMES = `
andersson johansson karlsson nilsson eriksson larsson olsson persson svensson gustafsson pettersson
jonsson jansson hansson bengtsson jönsson lindberg jakobsson magnusson olofsson lindström lindqvist
lindgren berg axelsson bergström lundberg lind lundgren lundqvist mattsson berglund fredriksson
sandberg henriksson forsberg sjöberg wallin engström eklund danielsson lundin håkansson björk
bergman gunnarsson holm wikström samuelsson isaksson fransson bergqvist nyström holmberg arvidsson
löfgren söderberg nyberg blomqvist claesson nordström mårtensson lundström ali mohamed ahmed hassan
hussein yusuf abdi omar ibrahim
`
  .trim()
  .split(/\s+/);

const NAMES = new Set([...COMMON_GIVEN_NAMES, ...COMMON_SURNAMES]);

/** Names that are also ordinary Swedish words ("hans", "per", "bo"): only a capital makes them names. */
const AMBIGUOUS = new Set("hans per klara bo lova saga axel berg holm lind björk".split(" "));

/** Capitalised words that are not names: places, institutions and words that start sentences. */
const NOT_NAMES = new Set(
  `
jag vi hon han de den det en ett barnet eleven flickan pojken mamma pappa vårdnadshavare föräldrar
socialtjänsten skolan förskolan polisen elevhälsan bup bvc habiliteringen rektor kurator
vällingby hässelby grimsta råcksta stockholm sverige tensta spånga
migrationsverket försäkringskassan arbetsförmedlingen skatteverket polismyndigheten kronofogden region regionen
bris rädda barnen barnahus ungdomsmottagningen vårdcentralen
måndag tisdag onsdag torsdag fredag lördag söndag januari februari mars april maj juni juli augusti september oktober november december
jul påsk midsommar sfi svenska engelska matte matematik idrott
`
    .trim()
    .split(/\s+/),
);

export type NameWarning = { text: string };

/** Words that look like a person's name. A hint for the asker, who confirms it is not the child's or the family's. */
export function findPossibleNames(text: string): NameWarning[] {
  const found = new Map<string, NameWarning>();
  // Split into sentences so the first word of a sentence is not taken for a name because of its capital.
  for (const sentence of text.split(/(?<=[.!?:;])\s+|\n+/u)) {
    const words = [...sentence.matchAll(/[\p{L}][\p{L}'-]*/gu)];
    words.forEach((m, index) => {
      const word = m[0];
      const lower = word.toLocaleLowerCase("sv-SE");
      // "Anna-Karin" is two names; "Hässelby-Vällingby" two places.
      const parts = lower.split("-").filter(Boolean);
      if (word.length < 2 || parts.every((p) => NOT_NAMES.has(p))) return;
      const isAcronym = word === word.toLocaleUpperCase("sv-SE");
      const capitalised = /^\p{Lu}\p{Ll}/u.test(word);
      // "Saras mamma": the genitive of a name.
      const known = parts.some((p) => NAMES.has(p) || (p.endsWith("s") && NAMES.has(p.slice(0, -1))));
      const ambiguous = parts.every((p) => AMBIGUOUS.has(p));
      if (known && (capitalised || (index > 0 && !ambiguous))) found.set(lower, { text: word });
      else if (capitalised && !isAcronym && index > 0) found.set(lower, { text: word });
    });
  }
  return [...found.values()];
}

export function nameWarningMessage(warnings: NameWarning[]): string | null {
  if (warnings.length === 0) return null;
  const words = warnings
    .slice(0, 5)
    .map((w) => `"${w.text}"`)
    .join(", ");
  return `Texten innehåller något som kan vara ett namn (${words}). Ta bort namnet, eller kryssa i att det inte är barnets eller familjens namn.`;
}

export type GuardResult = { refused: string | null; nameWarning: string | null };

/** The guard for one text of an anonymous consultation. */
export function guardAnonymousText(text: string, { consent = false } = {}): GuardResult {
  const what = consent ? "Skriv barnets uppgifter i fältet för dem i stället, inte i frågan." : undefined;
  return { refused: refusalMessage(findIdentifiers(text), what), nameWarning: consent ? null : nameWarningMessage(findPossibleNames(text)) };
}
