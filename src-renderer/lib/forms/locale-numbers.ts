// Numbers in the salesperson's regional format: shown with the locale's decimal mark (no grouping,
// so what is shown can be typed back unchanged) and read back whatever the locale groups with.
// Read values come out as a plain decimal string ("-1234.5"), so money kept as a string keeps
// every digit the salesperson typed; the schema still checks the range and the decimals.

export interface NumberMarks {
  readonly decimal: string;
  readonly group: string;
}

/** The locale's decimal mark and grouping separator (en-US: "." ","; de-DE: "," "."). */
export function numberMarks(locale: string): NumberMarks {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
  };
}

const plainDecimal = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A stored number (or a decimal string such as Revnue's custom money) in the locale's format. */
export function showNumber(value: number | string, locale: string): string {
  // A number JavaScript writes with an exponent (1e21, 5e-324) is shown as it is: no CRM value.
  const text = String(value);
  const match = plainDecimal.exec(text);
  if (!match) return String(value);
  const [, sign = '', whole = '', fraction] = match;
  return `${sign}${whole}${fraction === undefined ? '' : numberMarks(locale).decimal + fraction}`;
}

const spaces = /[\s\u00a0\u202f]/g;
const escape = (mark: string) => mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Typed text → a plain decimal string, or null when it is not a number in this locale. The
 * locale's own grouping is understood only where it groups by three ("1.234,5" in German,
 * "1,234.5" in English), so "1,5" is one and a half everywhere: the other mark, with no group of
 * three after it, can only be a decimal mark (a value pasted from elsewhere).
 */
export function readNumber(text: string, locale: string): string | null {
  const { decimal, group } = numberMarks(locale);
  const typed = text
    .trim()
    .replace(/^\+/, '')
    .replace(/^[\u2212]/, '-');
  const groupIsSpace = group.replace(spaces, '') === '';
  const compact = groupIsSpace ? typed.replace(spaces, ' ') : typed;
  const g = groupIsSpace ? ' ' : escape(group);
  const d = escape(decimal);
  const grouped = new RegExp(`^(-?)(\\d{1,3}(?:${g}\\d{3})+)(?:${d}(\\d+))?$`);
  const ungrouped = new RegExp(`^(-?)(\\d+)(?:[${d}.,](\\d+))?$`);
  const match = grouped.exec(compact) ?? ungrouped.exec(compact);
  if (!match) return null;
  const [, sign = '', whole = '', fraction] = match;
  const digits = whole.replace(/\D/g, '');
  return `${sign}${digits}${fraction === undefined ? '' : `.${fraction}`}`;
}
