/**
 * Phone numbers are stored in E.164 (+46701740612), shown in the written Swedish form
 * (070-174 06 12) and dialled through `tel:` with the E.164 form.
 *
 * No libphonenumber here: the browser imports this module (every page shows phone numbers),
 * and the library with its metadata is about 55 kB of gzipped JavaScript. Reading what
 * people type (normalisePhone) is in normalise-phone.ts, for the server and actions only.
 * See docs/decisions/017-what-reaches-the-browser.md.
 */

/**
 * libphonenumber's national formats for Sweden, copied from
 * `libphonenumber-js/metadata.max.json` (countries.SE, the format list; each entry is
 * [pattern, format, leading digits patterns, national prefix formatting rule]).
 * phone.test.ts fails when a library update changes them: copy them again then.
 */
export const SE_NATIONAL_FORMATS: readonly (readonly [string, string, readonly string[], string])[] = [
  ["(\\d{2})(\\d{2,3})(\\d{2})", "$1-$2 $3", ["20"], "0$1"],
  ["(\\d{3})(\\d{4})", "$1-$2", ["9(?:00|39|44|9)"], "0$1"],
  ["(\\d{2})(\\d{3})(\\d{2})", "$1-$2 $3", ["[12][136]|3[356]|4[0246]|6[03]|90[1-9]"], "0$1"],
  ["(\\d)(\\d{2,3})(\\d{2})(\\d{2})", "$1-$2 $3 $4", ["8"], "0$1"],
  [
    "(\\d{3})(\\d{2,3})(\\d{2})",
    "$1-$2 $3",
    ["1[2457]|2(?:[247-9]|5[0138])|3[0247-9]|4[1357-9]|5[0-35-9]|6(?:[125689]|4[02-57]|7[0-2])|9(?:[125-8]|3[02-5]|4[0-3])"],
    "0$1",
  ],
  ["(\\d{3})(\\d{2,3})(\\d{3})", "$1-$2 $3", ["9(?:00|39|44)"], "0$1"],
  ["(\\d{2})(\\d{2,3})(\\d{2})(\\d{2})", "$1-$2 $3 $4", ["1[13689]|2[0136]|3[1356]|4[0246]|54|6[03]|90[1-9]"], "0$1"],
  ["(\\d{2})(\\d{3})(\\d{2})(\\d{2})", "$1-$2 $3 $4", ["10|7"], "0$1"],
  ["(\\d)(\\d{3})(\\d{3})(\\d{2})", "$1-$2 $3 $4", ["8"], "0$1"],
  ["(\\d{3})(\\d{2})(\\d{2})(\\d{2})", "$1-$2 $3 $4", ["[13-5]|2(?:[247-9]|5[0138])|6(?:[124-689]|7[0-2])|9(?:[125-8]|3[02-5]|4[0-3])"], "0$1"],
  ["(\\d{3})(\\d{2})(\\d{2})(\\d{3})", "$1-$2 $3 $4", ["9"], "0$1"],
  ["(\\d{3})(\\d{2})(\\d{3})(\\d{2})(\\d{2})", "$1-$2 $3 $4 $5", ["[26]"], "0$1"],
];

const FORMATS = SE_NATIONAL_FORMATS.map(([pattern, layout, leadingDigits, prefixRule]) => ({
  // libphonenumber uses the last (most detailed) leading digits pattern.
  leading: new RegExp(`^(?:${leadingDigits[leadingDigits.length - 1] ?? ""})`),
  whole: new RegExp(`^(?:${pattern})$`),
  pattern: new RegExp(pattern),
  // "$1-$2 $3" with the national prefix rule "0$1" becomes "0$1-$2 $3".
  replacement: layout.replace(/(\$\d)/, prefixRule),
}));

/**
 * "070-174 06 12" for Swedish numbers, as libphonenumber's formatNational() writes them:
 * the first format whose leading digits match the start of the national number and whose
 * pattern matches all of it. Numbers of other countries, and Swedish numbers no format
 * fits, are shown in E.164 as they are ("+4722123456"): the portal stores numbers only
 * after normalisePhone has checked them, and almost all of them are Swedish.
 */
export function formatPhone(e164: string): string {
  const national = /^\+46(\d+)$/.exec(e164)?.[1];
  if (!national) return e164;
  const format = FORMATS.find((f) => f.leading.test(national) && f.whole.test(national));
  return format ? national.replace(format.pattern, format.replacement) : e164;
}

export function telHref(e164: string): string {
  return `tel:${e164}`;
}
