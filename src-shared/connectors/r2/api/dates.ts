// R2's `MM/dd/yyyy HH:mm` date-times. The wire carries NO time zone: they are wall-clock times of
// the R2 server. We do not invent one: locally they become ISO 8601 LOCAL date-times without an
// offset ("2024-01-31T13:05", what <input type="datetime-local"> uses), never shifted to UTC.
// Such strings sort chronologically as plain strings (all fields are zero-padded).
import { z } from 'zod';
import { isValidDay } from '../../../api/calendar';
import { messages } from '../../../api/messages';

const r2Pattern = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/;
const isoPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

export class R2DateError extends Error {
  override name = 'R2DateError';
}

function isValidMoment(year: string, month: string, day: string, hour: string, minute: string) {
  return (
    isValidDay(Number(year), Number(month), Number(day)) && Number(hour) < 24 && Number(minute) < 60
  );
}

/** The number written at `value[from…from+count)`, or -1 unless each of those is 0–9. */
function digitsAt(value: string, from: number, count: number): number {
  let number = 0;
  for (let at = from; at < from + count; at += 1) {
    const digit = value.charCodeAt(at) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    number = number * 10 + digit;
  }
  return number;
}

/**
 * True for `MM/dd/yyyy HH:mm` strings that name a real day and time. Read character by character
 * instead of by `r2Pattern` and five numbers made from its match: every row of R2's list has four
 * such dates (2,000 per page), and the regex, match array and strings were a measurable part of
 * checking a page. It accepts exactly what the pattern and `isValidMoment` accept (dates.test.ts).
 */
export function isR2DateTime(value: string): boolean {
  if (value.length !== 16) return false;
  if (value[2] !== '/' || value[5] !== '/' || value[10] !== ' ' || value[13] !== ':') return false;
  const month = digitsAt(value, 0, 2);
  const day = digitsAt(value, 3, 2);
  const year = digitsAt(value, 6, 4);
  const hour = digitsAt(value, 11, 2);
  const minute = digitsAt(value, 14, 2);
  if (month < 0 || day < 0 || year < 0 || hour < 0 || minute < 0) return false;
  return hour < 24 && minute < 60 && isValidDay(year, month, day);
}

/** True for minute-precision ISO local date-times `yyyy-MM-ddTHH:mm` (the record's form). */
export function isIsoLocalDateTime(value: string): boolean {
  const m = isoPattern.exec(value);
  return m !== null && m[6] === undefined && isValidMoment(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!);
}

export const r2DateTimeSchema = z
  .string({ error: messages.r2DateTime })
  .refine(isR2DateTime, messages.r2DateTime);

/** A record's date-time field; messages name the field ("Insurance expires: enter a date …"). */
export function isoLocalDateTimeFor(label: string) {
  return z
    .string({ error: messages.dateTime(label) })
    .refine(isIsoLocalDateTime, messages.dateTime(label));
}
export const isoLocalDateTimeSchema = isoLocalDateTimeFor('Date');

/** "01/31/2024 13:05" → "2024-01-31T13:05". Throws `R2DateError` for anything else. */
export function r2DateTimeToIso(value: string): string {
  const m = r2Pattern.exec(value);
  if (!m || !isR2DateTime(value)) {
    throw new R2DateError(`“${value}” is not a date and time in the format MM/dd/yyyy HH:mm`);
  }
  return `${m[3]}-${m[1]}-${m[2]}T${m[4]}:${m[5]}`;
}

/**
 * "2024-01-31T13:05" (seconds allowed only if zero: R2 keeps minutes) → "01/31/2024 13:05".
 * A value with a zone ("Z", "+02:00") is refused rather than guessed at: R2 has no zone.
 */
export function isoToR2DateTime(value: string): string {
  const m = isoPattern.exec(value);
  if (!m || !isValidMoment(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!)) {
    throw new R2DateError(
      `“${value}” is not a local date and time (yyyy-MM-ddTHH:mm, no time zone) that R2 can store`,
    );
  }
  if (Number(m[6] ?? 0) !== 0 || Number(m[7] ?? 0) !== 0) {
    throw new R2DateError(`“${value}” has seconds; R2 stores date-times to the minute`);
  }
  return `${m[2]}/${m[3]}/${m[1]} ${m[4]}:${m[5]}`;
}
