// The seed's rules for a custom field value, by its template field type. Money is kept as a
// decimal STRING ("1234.50"): its range (up to 999999999999999.00, 17 significant digits) is
// beyond what a JSON/JS number holds exactly, and DRF's DecimalField accepts strings.
import { isCalendarDate } from '../../../api/calendar';
import { messages } from '../../../api/messages';
import type { RevnueTemplateFieldType } from './lookups';

/** A stored custom field value: money/date/text as string, number as integer, empty as null. */
export type RevnueCustomFieldValue = number | string | null;

export type ValueCheck =
  { ok: true; value: RevnueCustomFieldValue } | { ok: false; message: string };

export const revnueMoneyMax = '999999999999999.00';
export const revnueNumberMax = 999_999_999_999_999;
export const revnueNumberMin = -999_999_999_999_999;
export const revnueCustomTextMax = 50;

const moneyPattern = /^(\d+)(?:\.(\d*))?$/;
const integerPattern = /^[-+]?\d+$/;

function isEmpty(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

/** "1234.5" / 1234.5 → "1234.50"; rejects negatives, >2 decimals and amounts over the maximum. */
export function checkMoney(label: string, value: unknown): ValueCheck {
  if (typeof value !== 'string' && typeof value !== 'number') {
    return { ok: false, message: `${label} must be an amount like 1234.50` };
  }
  const text = typeof value === 'number' ? String(value) : value.trim();
  if (text.startsWith('-')) return { ok: false, message: messages.notNegative(label) };
  const match = moneyPattern.exec(text);
  if (!match) return { ok: false, message: `${label} must be an amount like 1234.50` };
  const whole = (match[1] ?? '').replace(/^0+(?=\d)/, '');
  const cents = match[2] ?? '';
  if (cents.length > 2) return { ok: false, message: `${label} can have at most 2 decimals` };
  const canonical = `${whole}.${cents.padEnd(2, '0')}`;
  const tooBig = whole.length > 15 || (whole.length === 15 && canonical > revnueMoneyMax);
  if (tooBig) return { ok: false, message: `${label} must be at most ${revnueMoneyMax}` };
  return { ok: true, value: canonical };
}

/** Whole numbers from −999999999999999 to 999999999999999 (all exact as JS numbers). */
export function checkNumber(label: string, value: unknown): ValueCheck {
  const text = typeof value === 'string' ? value.trim() : undefined;
  const number =
    typeof value === 'number'
      ? value
      : text !== undefined && integerPattern.test(text)
        ? Number(text)
        : NaN;
  if (!Number.isInteger(number)) return { ok: false, message: messages.wholeNumber(label) };
  if (number < revnueNumberMin || number > revnueNumberMax) {
    return {
      ok: false,
      message: `${label} must be between ${revnueNumberMin} and ${revnueNumberMax}`,
    };
  }
  return { ok: true, value: number };
}

/** Checks and normalizes one value for its field type; an empty value is always allowed (null). */
export function checkCustomFieldValue(
  type: RevnueTemplateFieldType,
  label: string,
  value: unknown,
): ValueCheck {
  if (isEmpty(value)) return { ok: true, value: null };
  switch (type) {
    case 'money':
      return checkMoney(label, value);
    case 'number':
      return checkNumber(label, value);
    case 'date':
      return typeof value === 'string' && isCalendarDate(value.trim())
        ? { ok: true, value: value.trim() }
        : { ok: false, message: messages.date(label) };
    case 'text':
      if (typeof value !== 'string') return { ok: false, message: messages.text(label) };
      return value.trim().length > revnueCustomTextMax
        ? { ok: false, message: messages.maxLength(label, revnueCustomTextMax) }
        : { ok: true, value: value.trim() };
  }
}
