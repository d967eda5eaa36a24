// A customer's phone forms as the index keeps them. `phoneForms()` writes each international
// number four times (its digits and three national forms "0" + the digits after a 1-, 2- or
// 3-digit country code); the national forms hold nothing the international one does not, except
// the leading "0". So a national form derived from the form before it is kept as "~k" (k: digits
// dropped), which is under half the length at 1,000,000 customers, and no form is lost: the
// expansion is exact, whatever the input.

const separator = '|';

/** The forms with every national form that is derived from the form before it written as "~k". */
export function compactPhones(forms: string): string {
  if (forms === '') return '';
  let base = '';
  return forms
    .split(separator)
    .map((form) => {
      const derivedAt = form.startsWith('0') ? derivedFrom(base, form) : 0;
      if (derivedAt > 0) return `~${derivedAt}`;
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
      return `0${base.slice(Number(form.slice(1)))}`;
    })
    .join(separator);
}

/**
 * Whether any form holds `digits`, without expanding: a derived form "0" + base.slice(k) holds
 * them either inside base (found when base was tested) or at its start ("0" then base from k).
 */
export function phonesInclude(compact: string, digits: string): boolean {
  if (digits === '') return false;
  let base = '';
  let start = 0;
  while (start <= compact.length) {
    let end = compact.indexOf(separator, start);
    if (end === -1) end = compact.length;
    if (compact.charCodeAt(start) === 0x7e /* ~ */) {
      const k = Number(compact.slice(start + 1, end));
      if (digits.charCodeAt(0) === 0x30 /* 0 */ && base.startsWith(digits.slice(1), k)) return true;
    } else {
      base = compact.slice(start, end);
      if (base.includes(digits)) return true;
    }
    start = end + 1;
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
      const k = Number(form.slice(1));
      return `0${base.slice(k, k + gramLength - 1)}`;
    })
    .join(separator);
}
