// Coalescing queued edits of one record, so a day of offline edits is one request:
// create + updates → one create; update + update → one update with the oldest base.
import { applyChanges } from './apply';
import type { Change } from './diff';
import type { OutboxEntry } from './outbox-entry';
import { isPrefixOrEqual, isStrictPrefix, relativePath } from './field-path';

/**
 * `newer` folded into `older`, or null when they must stay separate: only two PENDING entries of
 * the same record combine (an in-flight entry may already be on the server), and nothing folds
 * into an update from a later create. Applying the result always equals applying both in order.
 * The result keeps the older entry's opId, base, attempts and lastError — it is still that
 * operation, now carrying more.
 */
export function coalescePair<T>(
  older: OutboxEntry<T>,
  newer: OutboxEntry<T>,
): OutboxEntry<T> | null {
  if (older.recordKey !== newer.recordKey) return null;
  if (older.state !== 'pending' || newer.state !== 'pending') return null;
  if (newer.kind === 'create') return null;
  if (older.kind === 'create') {
    return { ...older, changed: applyChanges(older.changed, newer.changed) };
  }
  return { ...older, changed: composeChanges(older.changed, newer.changed) };
}

/**
 * One record's queue (oldest first) with every run of adjacent pending entries coalesced.
 * Entries in any other state stay as they are and are never merged into.
 */
export function coalesceQueue<T>(entries: readonly OutboxEntry<T>[]): OutboxEntry<T>[] {
  const result: OutboxEntry<T>[] = [];
  for (const entry of entries) {
    const last = result.at(-1);
    const combined = last ? coalescePair(last, entry) : null;
    if (combined) result[result.length - 1] = combined;
    else result.push(entry);
  }
  return result;
}

/**
 * Changes equivalent to applying `first` then `second`. A later change replaces earlier ones at or
 * below its path; a later change inside an earlier whole-value change (a field of a contact added
 * in the first batch) is folded into that value, so the result has one change per place.
 */
export function composeChanges(first: readonly Change[], second: readonly Change[]): Change[] {
  let result: Change[] = [...first];
  for (const change of second) {
    result = result.filter((earlier) => !isPrefixOrEqual(change.path, earlier.path));
    const containerIndex = result.findLastIndex((earlier) =>
      isStrictPrefix(earlier.path, change.path),
    );
    const container = result[containerIndex];
    if (!container) {
      result.push(change);
      continue;
    }
    const inner = { path: relativePath(container.path, change.path), value: change.value };
    result[containerIndex] = {
      path: container.path,
      value: applyChanges(container.value, [inner]),
    };
  }
  return result;
}
