// The sandbox's R2 clock: audit dates are `MM/dd/yyyy HH:mm` wall-clock times of the server.
// The sandbox's wall clock is UTC, and it keeps whole minutes like R2 does.
import { isR2DateTime } from '../../src-shared/connectors/r2/api/dates';

const minuteMs = 60_000;

export function truncateToMinute(epochMs: number): number {
  return Math.floor(epochMs / minuteMs) * minuteMs;
}

export function formatR2DateTime(epochMs: number): string {
  const date = new Date(epochMs);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(date.getUTCMonth() + 1)}/${two(date.getUTCDate())}/${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}`;
}

/** `MM/dd/yyyy HH:mm` → epoch ms (UTC), or undefined when it is not such a date-time. */
export function parseR2DateTime(text: string): number | undefined {
  if (!isR2DateTime(text)) return undefined;
  const [month, day, year, hour, minute] = text.split(/[/ :]/).map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
}
