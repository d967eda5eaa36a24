// What a row and its remaining entries become once the server has taken an entry
// (docs/sync.md#the-local-store): the server's record is the new snapshot, later entries are
// re-based on it, and a create re-keys the row and every later entry from its local key to the
// server id.
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import { ROOT_PATH, type FieldPath } from '../../../src-shared/sync/field-path';
import { rebaseEntry } from '../../../src-shared/sync/outbox-entry';
import { renameChangePaths } from '../../../src-shared/connectors/rename-change-paths';
import { fieldErrorsFor, localRecordOf, syncStateOf } from './row-state';
import type { CreateRow, OutboxRow, UpdateRow } from './rows';
import { withIndexFields, type StoredCustomerRow } from './stored-row';

export interface Completed<T> {
  readonly row: StoredCustomerRow<T>;
  /** The record's remaining entries, oldest first, with their seqs. */
  readonly entries: OutboxRow<T>[];
}

/**
 * Later pending updates start from the server's record now (their own changes stay exact); at
 * the paths they edit that `ownPaths` (what the completed entry sent) do not cover, a colleague's
 * change since keeps its old base, so it becomes a conflict at push (see rebaseEntry). Used after
 * a completed entry and after a settled conflict alike.
 */
export function rebasedOn<T>(
  entries: readonly OutboxRow<T>[],
  serverRecord: T,
  ownPaths: readonly FieldPath[],
): OutboxRow<T>[] {
  return entries.map((entry) =>
    entry.kind === 'update' && entry.state === 'pending'
      ? { ...entry, ...rebaseEntry(entry, serverRecord, ownPaths) }
      : entry,
  );
}

function settledRow<T>(
  key: string,
  serverId: string,
  serverRecord: T,
  entries: readonly OutboxRow<T>[],
  previous: Pick<StoredCustomerRow<T>, 'connectionId' | 'opened' | 'fieldErrors'>,
  now: number,
): StoredCustomerRow<T> {
  return withIndexFields({
    connectionId: previous.connectionId,
    key,
    serverId,
    record: localRecordOf(serverRecord, entries) ?? serverRecord,
    base: serverRecord,
    remote: null,
    remoteHydration: null,
    hydration: 'full',
    syncState: syncStateOf(entries),
    opened: previous.opened,
    fieldErrors: fieldErrorsFor(entries, previous.fieldErrors),
    updatedAt: now,
  });
}

export interface CreateCompletion<T> {
  readonly descriptor: ConnectorDescriptor<T>;
  readonly entry: CreateRow<T>;
  /** The row under the local key, if it is still there. */
  readonly row: StoredCustomerRow<T> | undefined;
  /** A row a pull already stored under the server id, if any (it is replaced). */
  readonly existing: StoredCustomerRow<T> | undefined;
  /** Every other entry of the local key and of the server id, oldest first. */
  readonly later: readonly OutboxRow<T>[];
  readonly serverId: string;
  readonly serverRecord: T;
  /** Found again after a lost answer: the server's record may already hold others' edits. */
  readonly adopted?: boolean;
  readonly now: number;
}

/**
 * The create is on the server: the row moves to the server id with the server's record as its
 * snapshot; later entries move with it, their item paths renamed to the ids the server gave
 * (contacts[localKey=…] → contacts[recordid=…]), and re-based on the server's record.
 */
export function completeCreateRows<T>(done: CreateCompletion<T>): Completed<T> {
  const renames = done.descriptor.itemRenames(done.entry.changed, done.serverRecord);
  const moved = done.later.map((entry): OutboxRow<T> => {
    if (entry.kind === 'create') return { ...entry, recordKey: done.serverId };
    return {
      ...entry,
      recordKey: done.serverId,
      changed: renameChangePaths(entry.changed, renames),
    };
  });
  // Edits queued behind the create started from what was SENT. A record we created ourselves is
  // that (as the server spelled it); an adopted one may carry a colleague's edits since, which a
  // base of what was sent (in the server's item ids) turns into "theirs" for the merge at push.
  const laterBase = done.adopted
    ? (renameChangePaths([{ path: ROOT_PATH, value: done.entry.changed }], renames)[0]?.value as T)
    : done.serverRecord;
  // Either base holds nothing of a colleague's that later entries could overwrite unseen.
  const entries = rebasedOn(moved, laterBase, [ROOT_PATH]);
  const previous = done.row ?? done.existing;
  const row = settledRow(
    done.serverId,
    done.serverId,
    done.serverRecord,
    entries,
    {
      connectionId: done.entry.connectionId,
      opened: Boolean(done.row?.opened || done.existing?.opened),
      fieldErrors: previous?.fieldErrors ?? null,
    },
    done.now,
  );
  return { row, entries };
}

export interface UpdateCompletion<T> {
  readonly entry: UpdateRow<T>;
  readonly row: StoredCustomerRow<T> | undefined;
  /** Every other entry of the record, oldest first. */
  readonly later: readonly OutboxRow<T>[];
  readonly serverRecord: T;
  readonly now: number;
}

/** The update is on the server: its record is the new snapshot; later entries re-based on it. */
export function completeUpdateRows<T>(done: UpdateCompletion<T>): Completed<T> {
  const ownPaths = done.entry.changed.map((change) => change.path);
  const entries = rebasedOn(done.later, done.serverRecord, ownPaths);
  const row = settledRow(
    done.entry.recordKey,
    done.row?.serverId ?? done.entry.recordKey,
    done.serverRecord,
    entries,
    {
      connectionId: done.entry.connectionId,
      opened: done.row?.opened ?? false,
      fieldErrors: done.row?.fieldErrors ?? null,
    },
    done.now,
  );
  return { row, entries };
}
