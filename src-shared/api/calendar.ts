// Calendar checks shared by both connectors: a date string must name a real day (no 2023-02-29,
// no 2024-13-01), which a pattern alone cannot tell.

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] ?? 0);
}

/** True for `yyyy-MM-dd` strings that name a real calendar day. */
export function isCalendarDate(value: string): boolean {
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  return isValidDay(Number(match[1]), Number(match[2]), Number(match[3]));
}
