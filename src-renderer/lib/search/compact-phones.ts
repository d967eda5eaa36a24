// A customer's phone forms as the index keeps them. `phoneForms()` writes each international
// number four times (its digits and three national forms "0" + the digits after a 1-, 2- or
// 3-digit country code); the national forms hold nothing the international one does not, except
// the leading "0". So a national form derived from the form before it is kept as "~a", "~b" or
// "~c" (1, 2 or 3 digits dropped), which is under half the length, and no form is lost: the
// expansion is exact, whatever the input. The markers hold no digit, so digits found anywhere in
// the compact text are digits of one form.

const separator = '|';
/** The char before the count letter: "~a" is one digit dropped. */
const marker = 0x7e; /* ~ */
const letterBase = 0x60; /* 'a' - 1 */

/** The forms with every national form that is derived from the form before it written as "~k". */
export function compactPhones(forms: string): string {
  if (forms === '') return '';
  let base = '';
  return forms
    .split(separator)
    .map((form) => {
      const derivedAt = form.startsWith('0') ? derivedFrom(base, form) : 0;
      if (derivedAt > 0) return `~${String.fromCharCode(letterBase + derivedAt)}`;
      base = form;
      return form;
    })
    .join(separator);
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
      return `0${base.slice(form.charCodeAt(1) - letterBase)}`;
    })
    .join(separator);
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
  // the start of a derived form when that form is k digits in and a "~k" follows the form.
  for (let at = compact.indexOf(rest); at !== -1; at = compact.indexOf(rest, at + 1)) {
    const formStart = compact.lastIndexOf(separator, at) + 1;
    const dropped = at - formStart;
    if (dropped < 1 || dropped > 3) continue;
    let next = compact.indexOf(separator, at);
    while (next !== -1 && compact.charCodeAt(next + 1) === marker) {
      if (compact.charCodeAt(next + 2) === letterBase + dropped) return true;
      next = compact.indexOf(separator, next + 1);
    }
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
      const k = form.charCodeAt(1) - letterBase;
      return `0${base.slice(k, k + gramLength - 1)}`;
    })
    .join(separator);
}
