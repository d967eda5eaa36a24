// Dates in the user's regional format: typed and shown as the locale writes them, stored as the
// APIs keep them.
import { expect, test } from 'vitest';
import {
  dateExample,
  formatDate,
  formatDateTime,
  parseDate,
  parseDateTime,
  showDate,
} from './locale-dates';

test('a stored day is shown in the order and with the separator of the locale', () => {
  expect(formatDate('2025-06-30', 'en-GB')).toBe('30/06/2025');
  expect(formatDate('2025-06-30', 'en-US')).toBe('06/30/2025');
  expect(formatDate('2025-06-30', 'de-DE')).toBe('30.06.2025');
  expect(formatDate(null, 'de-DE')).toBe('');
  expect(dateExample('de-DE')).toBe('30.06.2025');
});

test('typed text is read in the locale’s order, with any separator and two-digit years', () => {
  expect(parseDate('30.06.2025', 'de-DE')).toBe('2025-06-30');
  expect(parseDate('6/30/2025', 'en-US')).toBe('2025-06-30');
  expect(parseDate('30/6/25', 'en-GB')).toBe('2025-06-30');
  expect(parseDate('06/30/2025', 'en-GB')).toBeNull(); // month 30
  expect(parseDate('29.02.2023', 'de-DE')).toBeNull(); // no such day
  expect(parseDate('soon', 'de-DE')).toBeNull();
});

test('date-times round-trip through the locale, 24-hour or AM/PM typed', () => {
  expect(formatDateTime('2024-01-31T13:05', 'en-GB')).toBe('31/01/2024 13:05');
  expect(parseDateTime('31/01/2024 13:05', 'en-GB')).toBe('2024-01-31T13:05');
  expect(parseDateTime('01/31/2024 1:05 PM', 'en-US')).toBe('2024-01-31T13:05');
  expect(parseDateTime('01/31/2024 12:05 am', 'en-US')).toBe('2024-01-31T00:05');
  expect(parseDateTime('31/01/2024 25:00', 'en-GB')).toBeNull();
  expect(parseDateTime('31/01/2024', 'en-GB')).toBeNull();
});

test('showDate: one formatting of stored dates for the editor and the list', () => {
  expect(showDate('2026-09-27T04:05', 'datetime', 'de-DE')).toBe('27.09.2026 04:05');
  expect(showDate('2026-09-27T04:05', 'datetime', 'en-US')).toBe('09/27/2026 04:05');
  expect(showDate('2026-09-27', 'date', 'en-GB')).toBe('27/09/2026');
  // What is no such date is shown as it is: nothing disappears.
  expect(showDate('soon', 'date', 'de-DE')).toBe('soon');
  expect(showDate('2026-09-27', 'datetime', 'de-DE')).toBe('2026-09-27');
});
