// A customer's phone forms as the index keeps them. `phoneForms()` writes each international
// number four times (its digits and three national forms "0" + the digits after a 1-, 2- or
// 3-digit country code); the national forms hold nothing the international one does not, except
// the leading "0". So national forms derived from the form before them are kept as one marker,
// "~" and a letter per form for the digits it drops ("~abc": 1, 2 and 3, as `phoneForms` writes
// them), which is a third of the length, and no form is lost: the expansion is exact, whatever the
// input. The markers hold no digit, so digits found anywhere in the compact text are digits of one
// form.

const separator = '|';
/** The char that starts a marker; its letters count the digits each form drops ("a": 1). */
const marker = 0x7e; /* ~ */
const letterBase = 0x60; /* 'a' - 1 */

/** The forms with the national forms derived from the form before them written as a marker. */
export function compactPhones(forms: string): string {
  if (forms === '') return '';
  let base = '';
  const out: string[] = [];
  for (const form of forms.split(separator)) {
    const derivedAt = form.startsWith('0') ? derivedFrom(base, form) : 0;
    if (derivedAt === 0) {
      out.push((base = form));
      continue;
    }
    const letter = String.fromCharCode(letterBase + derivedAt);
    const last = out.length - 1;
    // Forms derived one after another from the same form share one marker.
    if (out[last]!.startsWith('~')) out[last] += letter;
    else out.push(`~${letter}`);
  }
  return out.join(separator);
}

/** k (1–3) when `form` is "0" + base without its first k digits, else 0. */
function derivedFrom(base: string, form: string): number {
  for (let k = 1; k <= 3; k += 1) {
    if (base.length - k === form.length - 1 && base.endsWith(form.slice(1))) return k;
  }
  return 0;
}

/** The forms `compactPhones` was given, '|'-joined (for tests and the naive reference). */
export function expandPhones(compact: string): string {
  let base = '';
  return compact
    .split(separator)
    .map((form) => {
      if (!form.startsWith('~')) return (base = form);
      return dropCounts(form)
        .map((dropped) => `0${base.slice(dropped)}`)
        .join(separator);
    })
    .join(separator);
}

/** The digits each form of a marker drops ("~ac" → [1, 3]). */
function dropCounts(marker: string): number[] {
  return Array.from(marker.slice(1), (letter) => letter.charCodeAt(0) - letterBase);
}

/**
 * Whether any form holds `digits`, without expanding: inside a kept form (the markers hold no
 * digit, so one search of the whole text does it), or at the start of a derived one: "0", then the
 * form it came from after its first k digits. Runs for every candidate of a phone query.
 */
export function phonesInclude(compact: string, digits: string): boolean {
  if (digits === '') return false;
  if (compact.includes(digits)) return true;
  if (digits.charCodeAt(0) !== 0x30 /* 0 */) return false;
  const rest = digits.slice(1);
  if (rest === '') return compact.includes('~');
  // Each place the digits after the "0" occur (always inside a kept form: they are digits) is
  // the start of a derived form when it is k digits into its form and the marker after that form
  // has the letter for k.
  for (let at = compact.indexOf(rest); at !== -1; at = compact.indexOf(rest, at + 1)) {
    const formStart = compact.lastIndexOf(separator, at) + 1;
    const dropped = at - formStart;
    if (dropped < 1 || dropped > 3) continue;
    // The marker right after the form (forms derived from it share one).
    const next = compact.indexOf(separator, at);
    if (next === -1 || compact.charCodeAt(next + 1) !== marker) continue;
    const end = compact.indexOf(separator, next + 1);
    const letters = compact.slice(next + 2, end === -1 ? compact.length : end);
    if (letters.includes(String.fromCharCode(letterBase + dropped))) return true;
  }
  return false;
}

/**
 * The text whose grams the phone postings take: a derived national form adds only the grams of
 * its first three chars ("0" and two digits); the rest are grams of the form it came from.
 */
export function phoneGramText(compact: string, gramLength: number): string {
  let base = '';
  return compact
    .split(separator)
    .map((form) => {
      if (!form.startsWith('~')) return (base = form);
      return dropCounts(form)
        .map((k) => `0${base.slice(k, k + gramLength - 1)}`)
        .join(separator);
    })
    .join(separator);
}
