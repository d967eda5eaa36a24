// Dates typed and shown in the salesperson's regional format (docs/editor.md), stored as each API
// keeps them (`yyyy-MM-dd`; R2 date-times `yyyy-MM-ddTHH:mm`, converted from the wire's
// `MM/dd/yyyy HH:mm` when pulled). Not <input type=date>: it follows Chromium's UI language, not
// the OS's regional settings. Pure: the locale is passed in. The editor and the customer list
// both show stored dates through `showDate`.
import { isValidDay } from '../../../src-shared/api/calendar';

type Part = 'day' | 'month' | 'year';

type DateOrder = { readonly order: readonly Part[]; readonly separator: string };
// One Intl.DateTimeFormat per locale: the list formats a date cell for every row it draws, and
// building a formatter costs far more than the formatting.
const orders = new Map<string, DateOrder>();

/** The order of day, month and year in `locale` and its separator ("30.06.2025" → de). */
export function dateOrder(locale: string): DateOrder {
  let known = orders.get(locale);
  if (!known) {
    known = orderOf(locale);
    orders.set(locale, known);
  }
  return known;
}

function orderOf(locale: string): DateOrder {
  const parts = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).formatToParts(new Date(Date.UTC(2025, 5, 30, 12)));
  const order = parts
    .map((part) => part.type)
    .filter((type): type is Part => type === 'day' || type === 'month' || type === 'year');
  const separator = parts.find((part) => part.type === 'literal')?.value ?? '/';
  return { order, separator };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** "2025-06-30" → "30/06/2025" (en-GB), "06/30/2025" (en-US); '' for anything else. */
export function formatDate(iso: string | null | undefined, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  if (!match) return '';
  const values: Record<Part, string> = { year: match[1]!, month: match[2]!, day: match[3]! };
  const { order, separator } = dateOrder(locale);
  return order.map((part) => values[part]).join(separator);
}

/** Typed text → "yyyy-MM-dd", in the locale's order, any separator; null when it is no real day. */
export function parseDate(text: string, locale: string): string | null {
  const numbers = text
    .trim()
    .split(/[^\d]+/)
    .filter(Boolean)
    .map(Number);
  const { order } = dateOrder(locale);
  if (numbers.length !== 3) return null;
  const value = (part: Part) => numbers[order.indexOf(part)] ?? NaN;
  let year = value('year');
  if (year < 100) year += 2000; // "30/06/25": this century
  const month = value('month');
  const day = value('day');
  if (year > 9999 || !isValidDay(year, month, day)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** "2024-01-31T13:05" → "31/01/2024 13:05" (always 24-hour: what R2 keeps). */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  const time = /T(\d{2}:\d{2})/.exec(iso ?? '');
  const date = formatDate(iso, locale);
  return date && time ? `${date} ${time[1]}` : '';
}

/** "31/01/2024 13:05" or "… 1:05 PM" → "2024-01-31T13:05"; null when not a real moment. */
export function parseDateTime(text: string, locale: string): string | null {
  const match = /^(.*?)\s+(\d{1,2}):(\d{2})\s*([ap]\.?m\.?)?$/i.exec(text.trim());
  if (!match) return null;
  const date = parseDate(match[1]!, locale);
  let hour = Number(match[2]);
  const minute = Number(match[3]);
  const meridiem = match[4]?.toLowerCase().startsWith('p');
  if (match[4] !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem ? 12 : 0);
  }
  if (!date || hour > 23 || minute > 59) return null;
  return `${date}T${pad(hour)}:${pad(minute)}`;
}

/** How a stored value is kept: a day (`yyyy-MM-dd`) or a moment (`yyyy-MM-ddTHH:mm`). */
export type DateKind = 'date' | 'datetime';

/**
 * A stored date or date-time as the salesperson reads it ("2024-01-31T13:05" → "31.01.2024 13:05"
 * in de-DE); a value that is no such date is shown as it is, so nothing disappears.
 */
export function showDate(value: string, kind: DateKind, locale: string): string {
  return (kind === 'date' ? formatDate(value, locale) : formatDateTime(value, locale)) || value;
}

/** The example a message shows ("enter a date like 30/06/2025"). */
export const dateExample = (locale: string) => formatDate('2025-06-30', locale);

/** The OS regional format as the renderer sees it (Electron: the system locale). */
export function regionalLocale(): string {
  return Intl.DateTimeFormat().resolvedOptions().locale;
}
