// R2 writes date-times as wall-clock minutes of ITS server with no zone. Instants from
// the app (ISO with offset) are turned into that wall clock here, in one place: the server's UTC
// offset is a setting (default 0 = UTC, which is what the sandbox uses).
import { isoToR2DateTime, r2DateTimeToIso } from '../../../src-shared/connectors/r2/api';

const minuteMs = 60_000;

/** An instant → the server's `MM/dd/yyyy HH:mm`, rounded DOWN to the minute (filters are ≥). */
export function instantToR2Wall(iso: string, serverUtcOffsetMinutes: number): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`“${iso}” is not a date and time`);
  const wall = Math.floor((ms + serverUtcOffsetMinutes * minuteMs) / minuteMs) * minuteMs;
  return isoToR2DateTime(new Date(wall).toISOString().slice(0, 16));
}

/** True when the R2 wall-clock `createddate` is at or after `wall` (both `MM/dd/yyyy HH:mm`). */
export function r2WallAtOrAfter(value: string | null | undefined, wall: string): boolean {
  if (!value) return false;
  try {
    // ISO local date-times sort chronologically as plain strings.
    return r2DateTimeToIso(value) >= r2DateTimeToIso(wall);
  } catch {
    return false;
  }
}
