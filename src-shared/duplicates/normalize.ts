// How the matcher compares what was typed: names lose case, accents, punctuation, spacing, legal
// forms ("GmbH", "S.p.A.") and "&"/"and"; phones compare by their trailing digits; emails and web
// addresses by their (company) domain; addresses by street line and city.
import { isFreeMailDomain } from './free-mail';

/** Lower case without diacritics; ß → ss, æ → ae, ø → o, ł → l (what NFD does not split). */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd');
}

/**
 * Legal forms and their spelled-out words, after dots are removed ("S.p.A." → "spa"). They say
 * nothing about which company it is, so they never make two names differ.
 */
const legalForms = new Set(
  [
    // German-speaking
    'gmbh mbh ag kg kgaa ohg gbr ug ev eg se haftungsbeschrankt',
    // English-speaking
    'ltd limited inc incorporated llc llp lp plc corp corporation co company pty pte pvt',
    // Romance languages
    'sa sas sasu sarl eurl sl slu srl spa sapa snc sca lda ltda cia',
    // Dutch, Nordic, Central and Eastern Europe
    'bv nv vof cv ab oy oyj as asa aps hf sro kft zrt nyrt spzoo zoo sp doo dd ad ood ooo kk',
  ].flatMap((forms) => forms.split(' ')),
);

/** Words that join names: "Smith & Sons" = "Smith and Sons" = "Smith + Sons" = "Smith Sons". */
const joiningWords = new Set(['and', 'und', 'et', 'y', 'e', 'the', 'der', 'die', 'das']);

/** A light stemmer for plurals: "supplies" → "supply", "tools" → "tool" (never below 4 letters). */
export function stem(token: string): string {
  if (token.length > 5 && token.endsWith('ies')) return `${token.slice(0, -3)}y`;
  if (token.length > 4 && token.endsWith('s') && !token.endsWith('ss')) return token.slice(0, -1);
  return token;
}

/** The name as comparable words: "ACME Industrial Supplies Ltd." → ["acme", "industrial", "supply"]. */
export function nameTokens(name: string): string[] {
  const words = foldText(name)
    .replace(/&|\+/g, ' and ')
    // Dotted abbreviations close up first ("S.p.A." → "spa", "e.V." → "ev"), apostrophes too.
    .replace(/[.'’`´]/g, '')
    // "A/S", "S/A": a legal form split by a slash.
    .replace(/(?<![\p{L}\p{N}])(\p{L})\/(\p{L})(?![\p{L}\p{N}])/gu, '$1$2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !joiningWords.has(word));
  const meaningful = words.filter((word) => !legalForms.has(word));
  // A name made only of such words ("AB") keeps them: it is all there is to compare.
  return (meaningful.length > 0 ? meaningful : words).map(stem);
}

/** The comparable form of a customer number: case and spacing aside. */
export function customerNumberKey(value: string): string {
  return foldText(value).replace(/[\s\-./]/g, '');
}

/** Digits compared of a phone number; shorter numbers are not compared at all. */
const phoneKeyDigits = 9;
const phoneMinDigits = 6;

/**
 * A phone number's last nine digits, so "+49 171 2345678", "0049 171 2345678" and
 * "0171 / 234 56 78" agree; '' for a number too short to tell customers apart.
 */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '').replace(/^0+/, '');
  return digits.length < phoneMinDigits ? '' : digits.slice(-phoneKeyDigits);
}

/** A lower-case address when it looks like one, else ''. */
export function emailKey(email: string): string {
  const trimmed = email.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) ? trimmed : '';
}

/** The company domain of an email address or web address; '' for free-mail providers. */
export function companyDomain(emailOrUrl: string): string {
  const trimmed = emailOrUrl.trim().toLowerCase();
  const host = trimmed.includes('@')
    ? trimmed.slice(trimmed.lastIndexOf('@') + 1)
    : trimmed.replace(/^[a-z]+:\/\//, '').split(/[/?#:]/)[0]!;
  const domain = host.replace(/^www\./, '').replace(/\.$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) return '';
  return isFreeMailDomain(domain) ? '' : domain;
}

/** Street words spelled many ways: "Hauptstraße" = "Hauptstr." = "Haupt Strasse". */
const streetWords: readonly (readonly [RegExp, string])[] = [
  [/(strasse|str)\b/g, 'str'],
  [/\bstreet\b|\bst\b/g, 'st'],
  [/\bavenue\b|\bave\b/g, 'ave'],
  [/\broad\b|\brd\b/g, 'rd'],
  [/\bplatz\b|\bpl\b/g, 'pl'],
  [/\bweg\b/g, 'weg'],
];

/** Street line and city together; '' unless both are given (the same city alone proves nothing). */
export function addressKey(addressLine: string, city: string): string {
  let street = foldText(addressLine).replace(/[.,'’]/g, ' ');
  for (const [pattern, short] of streetWords) street = street.replace(pattern, short);
  const streetKey = street.replace(/[^\p{L}\p{N}]+/gu, '');
  const cityKey = foldText(city).replace(/[^\p{L}\p{N}]+/gu, '');
  return streetKey === '' || cityKey === '' ? '' : `${streetKey}|${cityKey}`;
}
