// What a customer row shows follows from its outbox entries: the badge (sync state) and the local
// record (the server snapshot with every queued change applied, oldest first).
import { applyEntry } from '../../../src-shared/sync/outbox-entry';
import type { OutboxRow, RecordSyncState } from './rows';

/** No entries: synced; any conflict: conflict; else any rejected: rejected; else waiting. */
export function syncStateOf(entries: readonly OutboxRow[]): RecordSyncState {
  if (entries.length === 0) return 'synced';
  if (entries.some((entry) => entry.state === 'conflict')) return 'conflict';
  if (entries.some((entry) => entry.state === 'rejected')) return 'rejected';
  return 'waiting';
}

/**
 * `base` with the entries applied in order (a create replaces the state with its record). Only
 * undefined for a row with neither a server snapshot nor a create, which the store never writes.
 */
export function localRecordOf<T>(base: T | null, entries: readonly OutboxRow<T>[]): T | undefined {
  let state: T | undefined = base ?? undefined;
  for (const entry of entries) state = applyEntry(state, entry);
  return state;
}

/** The server's per-field messages stay on the row only while a rejected entry is still there. */
export function fieldErrorsFor(
  entries: readonly OutboxRow[],
  current: Readonly<Record<string, string[]>> | null,
): Readonly<Record<string, string[]>> | null {
  return syncStateOf(entries) === 'rejected' ? current : null;
}
