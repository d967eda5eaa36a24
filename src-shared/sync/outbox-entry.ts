// The outbox entry (docs/architecture.md#the-life-of-an-edit): one queued local change of one
// record, stored durably until the server has it. The store persists these; the pure functions here
// decide how they combine.
import type { AppError } from '../ipc/result';
import { applyChanges, getAt } from './apply';
import type { Change } from './diff';
import { isPrefixOrEqual, pathFromSegments, segmentsOf, type FieldPath } from './field-path';
import { deepEqual } from './values';

export type OutboxState = 'pending' | 'in_flight' | 'rejected' | 'conflict';

interface EntryCommon {
  /** uuid; a coalesced entry keeps the opId of the older entry it absorbed the newer one into. */
  readonly opId: string;
  /** The local key of the record (a client key until the server assigns an id). */
  readonly recordKey: string;
  readonly state: OutboxState;
  readonly attempts: number;
  /** Why it waits, as the IPC answered it (with per-field messages): the store's rows carry this. */
  readonly lastError: AppError | null;
}

/** A record the server has never seen. `changed` is its full new local state: what POST sends. */
export interface CreateEntry<T> extends EntryCommon {
  readonly kind: 'create';
  readonly base: null;
  readonly changed: T;
}

/**
 * An edit of a server record. `base` is the server snapshot the edit started from; `changed`
 * lists the edited paths with their new values, in the order they were made — so the local
 * state the entry stands for is `applyChanges(base, changed)`, and the push merges that with
 * the server's current record.
 */
export interface UpdateEntry<T> extends EntryCommon {
  readonly kind: 'update';
  readonly base: T;
  readonly changed: readonly Change[];
}

export type OutboxEntry<T> = CreateEntry<T> | UpdateEntry<T>;

/** The local state after `entry` is applied to `state` (undefined: the record does not exist yet). */
export function applyEntry<T>(state: T | undefined, entry: OutboxEntry<T>): T | undefined {
  return entry.kind === 'create' ? entry.changed : applyChanges(state, entry.changed);
}

/** The local edit an update entry stands for: its base with its changes applied. */
export function localStateOf<T>(entry: UpdateEntry<T>): T {
  return applyChanges(entry.base, entry.changed);
}

/**
 * An update re-based on the server's newer record, after an earlier entry of the same record
 * reached the server: the earlier changes are now in `serverRecord`, so keeping the old base
 * would make this entry conflict with the user's own earlier edit. Because `changed` holds paths
 * rather than a whole state, re-basing applies only the entry's own edits.
 *
 * `ownPaths` are the paths the earlier entry sent: there the server's value is ours. Anywhere else
 * a difference between `serverRecord` and the old base is a colleague's change made meanwhile; at
 * the paths this entry edits, the old base is kept, so the merge at push still sees "both
 * changed" and flags a conflict instead of overwriting the colleague's value unseen.
 */
export function rebaseEntry<T>(
  entry: UpdateEntry<T>,
  serverRecord: T,
  ownPaths: readonly FieldPath[],
): UpdateEntry<T> {
  const colleagues = entry.changed.filter(
    ({ path }) =>
      !ownPaths.some((own) => isPrefixOrEqual(own, path) || isPrefixOrEqual(path, own)) &&
      !deepEqual(getAt(serverRecord, path), getAt(entry.base, path)),
  );
  const keptBase = colleagues.map(({ path }) => oldBaseAt(entry.base, serverRecord, path));
  return { ...entry, base: applyChanges(serverRecord, keptBase) };
}

/**
 * The old base's value at `path` as a change of the server's record; where the server no longer
 * has an item on the way (a colleague removed the contact), the whole old item comes back, so the
 * merge sees its removal rather than a half-built item.
 */
function oldBaseAt(oldBase: unknown, serverRecord: unknown, path: FieldPath): Change {
  const segments = segmentsOf(path);
  for (let length = 1; length < segments.length; length += 1) {
    const prefix = pathFromSegments(segments.slice(0, length));
    if (getAt(serverRecord, prefix) === undefined) {
      return { path: prefix, value: getAt(oldBase, prefix) };
    }
  }
  return { path, value: getAt(oldBase, path) };
}
