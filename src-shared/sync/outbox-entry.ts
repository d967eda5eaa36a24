// The outbox entry (DESIGN §3): one queued local change of one record, stored durably until the
// server has it. The store persists these; the pure functions here decide how they combine.
import type { AppError } from '../ipc/result';
import { applyChanges } from './apply';
import type { Change } from './diff';

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
 * rather than a whole state, re-basing is exact: the entry still applies only its own edits.
 */
export function rebaseEntry<T>(entry: UpdateEntry<T>, serverRecord: T): UpdateEntry<T> {
  return { ...entry, base: serverRecord };
}
