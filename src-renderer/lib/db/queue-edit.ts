// How a salesperson's edit enters its record's queue (docs/architecture.md#the-life-of-an-edit): as
// an update of what changed, folded into a waiting entry when one can take it. Pure, so every rule
// has a unit test.
import type { Change } from '../../../src-shared/sync/diff';
import { coalesceRows } from './coalesce-rows';
import type { CreateRow, OutboxRow, UpdateRow } from './rows';

/** What a new entry needs to know besides its change. */
export interface NewEntry {
  readonly connectionId: string;
  readonly recordKey: string;
  readonly opId: string;
  readonly now: number;
}

function fresh(entry: NewEntry) {
  return {
    connectionId: entry.connectionId,
    opId: entry.opId,
    recordKey: entry.recordKey,
    state: 'pending' as const,
    attempts: 0,
    firstAttemptAt: null,
    nextAttemptAt: null,
    lastError: null,
    outcomeUnknown: false,
    conflict: null,
    createdAt: entry.now,
  };
}

export function createRow<T>(entry: NewEntry, record: T): CreateRow<T> {
  return { ...fresh(entry), kind: 'create', base: null, changed: record };
}

export function updateRow<T>(entry: NewEntry, base: T, changed: readonly Change[]): UpdateRow<T> {
  return { ...fresh(entry), kind: 'update', base, changed };
}

export interface Edit<T> {
  /** The record's entries, oldest first. */
  readonly queue: readonly OutboxRow<T>[];
  /** The row's record before the edit (its local state) and its server snapshot. */
  readonly previous: T;
  readonly serverBase: T | null;
  /** diff(shape, previous, next) — never empty here: no change queues nothing. */
  readonly changes: readonly Change[];
  readonly next: T;
  readonly entry: NewEntry;
}

/**
 * The record's queue after the edit. Editing is how a salesperson fixes what the server refused,
 * so a rejected entry goes back to pending (without its old error). The new update starts from
 * the previous local state when earlier entries wait (they are re-based when they complete), else
 * from the server snapshot. Then adjacent pending entries fold together: a pending create takes
 * the edit into its record, a pending update into its changes; an in-flight or conflict entry, or
 * an update already sent (its outcome unknown), never absorbs: the edit waits behind it.
 */
export function queueEdit<T>(edit: Edit<T>): OutboxRow<T>[] {
  const requeued = edit.queue.map((row): OutboxRow<T> =>
    row.state === 'rejected'
      ? // The server refused it, so it is not there: as good as never sent, it takes the fix.
        { ...row, state: 'pending', lastError: null, nextAttemptAt: null, firstAttemptAt: null }
      : row,
  );
  const added: OutboxRow<T> =
    requeued.length > 0
      ? updateRow(edit.entry, edit.previous, edit.changes)
      : edit.serverBase === null
        ? // Never on the server and nothing queued: only a create can carry it (never lose it).
          createRow(edit.entry, edit.next)
        : updateRow(edit.entry, edit.serverBase, edit.changes);
  return coalesceRows([...requeued, added]);
}

/** The seqs of `before` that `after` no longer holds (absorbed into an older entry). */
export function removedSeqs(before: readonly OutboxRow[], after: readonly OutboxRow[]): number[] {
  const kept = new Set(after.map((row) => row.seq));
  return before.flatMap((row) => (row.seq !== undefined && !kept.has(row.seq) ? [row.seq] : []));
}
