// How the list's search compares text: case and accents do not matter ("muller" finds "Müller"),
// and phone numbers compare by their digits, in international and national form.

/** Lower case without diacritics; ß → ss. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss');
}

/** A query that is only a phone number being typed: digits and the usual separators. */
export function isPhoneLike(query: string): boolean {
  return /\d/.test(query) && /^[\d\s+\-()/.]+$/.test(query.trim());
}

/** The digits a typed phone number looks for; "+49 171" and "0049 171" both become "49171". */
export function queryDigits(query: string): string {
  return query.replace(/\D/g, '').replace(/^00/, '');
}

/**
 * Every form a stored phone number can be typed in: its digits ("+49 171 234" → "49171234") and,
 * when it has a country code, the national form with a trunk 0 for each plausible code length
 * ("0171234"), so "0171 234" finds it. Joined by '|' so a match never spans two numbers.
 */
export function phoneForms(phones: readonly string[]): string {
  const forms: string[] = [];
  for (const phone of phones) {
    const trimmed = phone.trim();
    if (trimmed === '') continue;
    const international = trimmed.startsWith('+') || trimmed.startsWith('00');
    const digits = trimmed.replace(/\D/g, '').replace(international ? /^00/ : /^$/, '');
    if (digits === '') continue;
    forms.push(digits);
    if (international) {
      for (const codeLength of [1, 2, 3]) forms.push(`0${digits.slice(codeLength)}`);
    }
  }
  return forms.join('|');
}
