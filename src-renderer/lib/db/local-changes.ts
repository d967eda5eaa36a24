// What the salesperson does to the local store (docs/sync.md#the-local-store): create, save,
// discard, open, and settle conflicts. Each is ONE strict transaction of the row and its outbox
// entries, so a crash leaves either the old state or the new one, never a record without its queued
// change.
import { rowTables } from './schema';
import { dropFromPages } from './page-writes';
import type {
  ConnectorDescriptor,
  ConnectorLookups,
} from '../../../src-shared/connectors/descriptor';
import { diff } from '../../../src-shared/sync/diff';
import type { Choices } from '../../../src-shared/sync/resolve';
import { deepEqual } from '../../../src-shared/sync/values';
import { validateWith } from '../../../src-shared/sync/validate';
import { resolveFieldsConflict } from './conflict-resolution';
import { StoreError } from './customer-store';
import { coalesceRows } from './coalesce-rows';
import { rebasedOn } from './completion';
import { createRow, queueEdit, removedSeqs } from './queue-edit';
import { fieldErrorsFor, localRecordOf, syncStateOf } from './row-state';
import type { OutboxRow } from './rows';
import { entriesOf, guarded, writeEntries, type StoreContext } from './store-context';
import { rowOf } from './customer-rows';
import { withIndexFields, type StoredCustomerRow } from './stored-row';
import { commitWithJournal } from './journal-early';
import { appendToJournal, readStamp, stampChange } from './journal-stamp';
import { noteRemoved } from './removal-log';

const notHere =
  'This customer is no longer on this computer (its changes were discarded or it was deleted). Reopen it from the list.';

/** The record as it will be stored, or StoreError('invalid') with the schema's field messages. */
export function storable<T>(descriptor: ConnectorDescriptor<T>, record: T): T {
  const prepared = descriptor.prepareForStore(record);
  const checked = validateWith(descriptor.shape, descriptor.recordSchema, prepared);
  if (checked.ok) return prepared;
  const reasons = Object.values(checked.errors).flat().join(' ');
  throw new StoreError(
    `This customer was not saved: ${reasons}`,
    'invalid',
    undefined,
    checked.errors,
  );
}

function newLocalRow<T>(
  connectionId: string,
  key: string,
  record: T,
  now: number,
): StoredCustomerRow<T> {
  return withIndexFields({
    connectionId,
    key,
    serverId: null,
    record,
    base: null,
    remote: null,
    remoteHydration: null,
    hydration: 'full',
    syncState: 'waiting',
    opened: true,
    fieldErrors: null,
    updatedAt: now,
  });
}

export function createCustomer<T>(
  ctx: StoreContext,
  descriptor: ConnectorDescriptor<T>,
  connectionId: string,
  record: T,
): Promise<string> {
  return guarded('change', async () => {
    const prepared = storable(descriptor, record);
    const key = `local-${ctx.newId()}`;
    const now = ctx.now();
    const { strict: db } = ctx;
    await commitWithJournal(ctx, connectionId, (start) =>
      db.transaction('rw', ...rowTables(db), db.outbox, db.meta, async () => {
        await db.customers.add(newLocalRow(connectionId, key, prepared, now));
        await db.outbox.add(
          createRow({ connectionId, recordKey: key, opId: ctx.newId(), now }, prepared),
        );
        return start(await stampChange(db, connectionId, [key]));
      }),
    );
    ctx.notify(connectionId, 'local');
    return key;
  });
}

export function saveCustomer<T>(
  ctx: StoreContext,
  descriptor: ConnectorDescriptor<T>,
  connectionId: string,
  key: string,
  record: T,
): Promise<void> {
  return guarded('change', async () => {
    const next = storable(descriptor, record);
    const { strict: db } = ctx;
    const saved = await commitWithJournal(ctx, connectionId, (start) =>
      db.transaction('rw', ...rowTables(db), db.outbox, db.meta, async () => {
        // Everything the save reads is asked for at once (one round trip, not three).
        const [row, entries, stamp] = await Promise.all([
          rowOf<T>(db, connectionId, key),
          entriesOf<T>(db, connectionId, key),
          readStamp(db, connectionId),
        ]);
        if (!row) throw new StoreError(notHere, 'not_found');
        if (!(await writeEdit(ctx, descriptor, row, next, entries))) return null;
        return start(await stampChange(db, connectionId, [key], stamp));
      }),
    );
    if (saved) ctx.notify(connectionId, 'local');
  });
}

/**
 * An edit of `row` to the storable `next`, inside the caller's rw transaction of customers and
 * outbox: the difference is queued (queueEdit) and the row updated. False when nothing differs
 * (nothing is written). Every save of a salesperson's edit goes through here: the editor's one
 * customer and "Edit selected"'s many.
 */
export async function writeEdit<T>(
  ctx: StoreContext,
  descriptor: ConnectorDescriptor<T>,
  row: StoredCustomerRow<T>,
  next: T,
  /** The record's entries, when the caller already read them in this transaction. */
  entries?: OutboxRow<T>[],
): Promise<boolean> {
  const db = ctx.strict;
  const { connectionId, key } = row;
  const changes = diff(descriptor.shape, row.record, next);
  if (changes.length === 0) return false;
  const queue = entries ?? (await entriesOf<T>(db, connectionId, key));
  const now = ctx.now();
  const entry = { connectionId, recordKey: key, opId: ctx.newId(), now };
  const after = queueEdit({
    queue,
    previous: row.record,
    serverBase: row.base,
    changes,
    next,
    entry,
  });
  // The row and its entries are written side by side: every round trip to IndexedDB inside a
  // save's transaction is time the salesperson waits for "Saved" (docs/journal.md#speed).
  await Promise.all([
    writeEntries(db, after, removedSeqs(queue, after)),
    db.customers.put(
      withIndexFields({
        ...row,
        record: next,
        syncState: syncStateOf(after),
        fieldErrors: fieldErrorsFor(after, row.fieldErrors),
        updatedAt: now,
      }),
    ),
  ]);
  return true;
}

/** The newest server state the row knows: a pulled `remote`, else its snapshot. */
function serverStateOf<T>(row: StoredCustomerRow<T>): StoredCustomerRow<T> | null {
  if (row.remote !== null && row.remoteHydration !== null) {
    return { ...row, record: row.remote, base: row.remote, hydration: row.remoteHydration };
  }
  return row.base === null ? null : { ...row, record: row.base };
}

export function discardChanges(
  ctx: StoreContext,
  connectionId: string,
  key: string,
): Promise<void> {
  return guarded('change', async () => {
    const { strict: db } = ctx;
    const discarded = await db.transaction('rw', ...rowTables(db), db.outbox, db.meta, async () => {
      const row = await rowOf(db, connectionId, key);
      if (!row) return null;
      await db.outbox.where('[connectionId+recordKey]').equals([connectionId, key]).delete();
      const server = serverStateOf(row);
      if (server === null) {
        // Never on the server: without its create there is nothing left of it.
        await db.customers.delete([connectionId, key]);
        await noteRemoved(db, connectionId, [key]);
        return stampChange(db, connectionId, [key]);
      }
      await db.customers.put(
        withIndexFields({
          ...server,
          remote: null,
          remoteHydration: null,
          syncState: 'synced',
          fieldErrors: null,
          updatedAt: ctx.now(),
        }),
      );
      return stampChange(db, connectionId, [key]);
    });
    await appendToJournal(ctx, discarded);
    if (discarded) ctx.notify(connectionId, 'local');
  });
}

export function markOpened(ctx: StoreContext, connectionId: string, key: string): Promise<void> {
  return guarded('change', async () => {
    const { strict: db } = ctx;
    const flipped = await db.transaction('rw', ...rowTables(db), async () => {
      const row = await rowOf(db, connectionId, key);
      if (!row || row.opened) return false;
      await db.customers.put(withIndexFields({ ...row, opened: true, updatedAt: ctx.now() }));
      return true;
    });
    // Not a change to push, but an opened summary is fetched in full first: wake the engine.
    if (flipped) ctx.notify(connectionId, 'local');
  });
}

export function resolveConflict<T>(
  ctx: StoreContext,
  descriptor: ConnectorDescriptor<T>,
  connectionId: string,
  key: string,
  choices: Choices,
  lookups: ConnectorLookups,
): Promise<{ ok: true } | { ok: false; errors: Record<string, string[]> }> {
  return guarded('change', async () => {
    const { strict: db } = ctx;
    const outcome = await db.transaction('rw', ...rowTables(db), db.outbox, db.meta, async () => {
      const row = await rowOf<T>(db, connectionId, key);
      if (!row) throw new StoreError(notHere, 'not_found');
      const queue = await entriesOf<T>(db, connectionId, key);
      const index = queue.findIndex((entry) => entry.conflict?.kind === 'fields');
      const entry = queue[index];
      if (!entry || entry.kind !== 'update') {
        return {
          ok: false as const,
          errors: { '': ['This customer has no conflicting changes to resolve any more.'] },
        };
      }
      const resolution = resolveFieldsConflict(descriptor, entry, choices, lookups);
      if (!resolution.ok) return resolution;
      const { theirs } = resolution;
      const later = queue.slice(index + 1);
      // Later entries were edited before theirs was known: where they change what only the
      // colleague changed, they keep their old base, so the merge at push flags it.
      const ownPaths = entry.changed.map((change) => change.path);
      const rebasedLater = rebasedOn(later, theirs, ownPaths);
      const after = [
        ...queue.slice(0, index),
        ...(resolution.entry ? foldedInto(resolution.entry, rebasedLater, theirs) : rebasedLater),
      ];
      await writeEntries(db, after, removedSeqs(queue, after));
      await db.customers.put(
        withIndexFields({
          ...row,
          base: theirs,
          record: localRecordOf(theirs, after) ?? theirs,
          remote: null,
          remoteHydration: null,
          hydration: 'full',
          syncState: syncStateOf(after),
          fieldErrors: fieldErrorsFor(after, row.fieldErrors),
          updatedAt: ctx.now(),
        }),
      );
      return { ok: true as const, batch: await stampChange(db, connectionId, [key]) };
    });
    if (!outcome.ok) return outcome;
    await appendToJournal(ctx, outcome.batch);
    ctx.notify(connectionId, 'local');
    return { ok: true };
  });
}

/**
 * The resolved change takes in the later edits that now start from theirs exactly; one that
 * kept an old base somewhere (a colleague's change it would overwrite) stays its own entry.
 */
function foldedInto<T>(
  resolved: OutboxRow<T>,
  later: readonly OutboxRow<T>[],
  theirs: T,
): OutboxRow<T>[] {
  const foldable = later.findIndex(
    (entry) => entry.kind !== 'update' || !deepEqual(entry.base, theirs),
  );
  const cut = foldable === -1 ? later.length : foldable;
  return [...coalesceRows([resolved, ...later.slice(0, cut)]), ...later.slice(cut)];
}

export function resolveDeleted<T>(
  ctx: StoreContext,
  descriptor: ConnectorDescriptor<T>,
  connectionId: string,
  key: string,
  choice: 'recreate' | 'discard',
): Promise<string | null> {
  return guarded('change', async () => {
    const { strict: db } = ctx;
    const changed = await db.transaction('rw', ...rowTables(db), db.outbox, db.meta, async () => {
      const row = await rowOf<T>(db, connectionId, key);
      if (!row) throw new StoreError(notHere, 'not_found');
      const queue = await entriesOf<T>(db, connectionId, key);
      if (!queue.some((entry) => entry.conflict?.kind === 'deleted_on_server')) {
        throw new StoreError(
          'This customer was not deleted on the server, so there is nothing to re-create or discard.',
          'invalid',
        );
      }
      await db.outbox.bulkDelete(
        queue.flatMap((entry) => (entry.seq === undefined ? [] : [entry.seq])),
      );
      await db.customers.delete([connectionId, key]);
      // The server's last summary of it may still be in a page: gone too, or it would come back.
      await dropFromPages(db, connectionId, [key]);
      await noteRemoved(db, connectionId, [key]);
      if (choice === 'discard') {
        return { newKey: null, batch: await stampChange(db, connectionId, [key]) };
      }
      // Re-created as a new customer: the server will give it a new id; nothing of the old one stays.
      const record = descriptor.prepareForStore(descriptor.forRecreate(row.record));
      const now = ctx.now();
      const created = `local-${ctx.newId()}`;
      await db.customers.add(newLocalRow(connectionId, created, record, now));
      await db.outbox.add(
        createRow({ connectionId, recordKey: created, opId: ctx.newId(), now }, record),
      );
      return { newKey: created, batch: await stampChange(db, connectionId, [key, created]) };
    });
    await appendToJournal(ctx, changed.batch);
    ctx.notify(connectionId, 'local');
    return changed.newKey;
  });
}
