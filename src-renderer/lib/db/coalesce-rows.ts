// The sync core's coalescing (coalescePair) over stored outbox rows: the same rule, but the rows
// keep their store fields (seq, connectionId, timestamps) and their exact row type.
import { coalescePair } from '../../../src-shared/sync/coalesce';
import type { OutboxRow } from './rows';

/**
 * One record's rows (oldest first) with every run of adjacent pending rows folded into the
 * oldest of the run, which keeps its seq and opId. In-flight, rejected and conflict rows stay.
 * An update that was already sent may be on the server (its answer was lost): it never absorbs
 * a newer edit, which would then be merged against its old base and conflict with itself.
 */
export function coalesceRows<T>(rows: readonly OutboxRow<T>[]): OutboxRow<T>[] {
  const result: OutboxRow<T>[] = [];
  for (const row of rows) {
    const last = result.at(-1);
    const combined = last ? combineRows(last, row) : null;
    if (combined) result[result.length - 1] = combined;
    else result.push(row);
  }
  return result;
}

function combineRows<T>(older: OutboxRow<T>, newer: OutboxRow<T>): OutboxRow<T> | null {
  if (older.kind === 'update' && older.firstAttemptAt !== null) return null;
  const combined = coalescePair<T>(older, newer);
  // coalescePair keeps the older entry as it is except for `changed`: take only that from it.
  if (combined?.kind === 'create' && older.kind === 'create') {
    return { ...older, changed: combined.changed };
  }
  if (combined?.kind === 'update' && older.kind === 'update') {
    return { ...older, changed: combined.changed };
  }
  return null;
}
