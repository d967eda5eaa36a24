// The sync engine's side of the outbox (docs/sync.md#the-sync-engine): which entries are due,
// marking one in flight before its request leaves, and what each answer does to the entry and its
// record. Every write here is strict: the outbox's progress must survive a crash as surely as the
// edit.
import { rowTables } from './schema';
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import type { AppError } from '../../../src-shared/ipc/result';
import type { Conflict } from '../../../src-shared/sync/merge';
import { completeCreateRows, completeUpdateRows } from './completion';
import { StoreError } from './customer-store';
import { dueHeads, earliestDue } from './outbox-heads';
import { fieldErrorsFor, syncStateOf } from './row-state';
import type { EntryConflict, OutboxRow } from './rows';
import { asEntriesOf, entriesOf, guarded, type StoreContext } from './store-context';
import { rowOf } from './customer-rows';
import { withIndexFields } from './stored-row';
import { moveListEntries } from './personal-lists';
import { appendToJournal, stampChange } from './journal-stamp';
import { noteRemoved } from './removal-log';

async function connectionEntries<T>(ctx: StoreContext, connectionId: string) {
  return asEntriesOf<T>(
    await ctx.strict.outbox.where('connectionId').equals(connectionId).toArray(),
  );
}

export function dueEntries<T>(
  ctx: StoreContext,
  connectionId: string,
  now: number,
  limit: number,
): Promise<OutboxRow<T>[]> {
  return guarded('read', async () =>
    dueHeads(await connectionEntries<T>(ctx, connectionId), now, limit),
  );
}

export function nextDueAt(ctx: StoreContext, connectionId: string): Promise<number | null> {
  return guarded('read', async () => earliestDue(await connectionEntries(ctx, connectionId)));
}

export function recoverInFlight(ctx: StoreContext, connectionId: string): Promise<number> {
  return guarded('sync', async () => {
    const { strict: db } = ctx;
    const recovered = await db.transaction('rw', ...rowTables(db), db.outbox, db.meta, async () => {
      const inFlight = await db.outbox
        .where('[connectionId+state]')
        .equals([connectionId, 'in_flight'])
        .toArray();
      // A create may have reached the server before the crash: look it up before sending again.
      // An update is safe to repeat: the push merges against the server's current record.
      await db.outbox.bulkPut(
        inFlight.map((entry): OutboxRow =>
          entry.kind === 'create'
            ? { ...entry, outcomeUnknown: true }
            : { ...entry, state: 'pending', outcomeUnknown: false },
        ),
      );
      const keys = inFlight.map((entry) => entry.recordKey);
      return {
        count: inFlight.length,
        batch: keys.length > 0 ? await stampChange(db, connectionId, keys) : null,
      };
    });
    await appendToJournal(ctx, recovered.batch, 'bookkeeping');
    return recovered.count;
  });
}

export function markInFlight(
  ctx: StoreContext,
  seq: number,
  now: number,
): Promise<OutboxRow | undefined> {
  return guarded('sync', async () => {
    const { strict: db } = ctx;
    const outcome = await db.transaction('rw', ...rowTables(db), db.outbox, db.meta, async () => {
      const entry = await db.outbox.get(seq);
      if (!entry || entry.state === 'rejected' || entry.state === 'conflict') return undefined;
      const marked: OutboxRow = {
        ...entry,
        state: 'in_flight',
        firstAttemptAt: entry.firstAttemptAt ?? now,
      };
      await db.outbox.put(marked);
      return { marked, batch: await stampChange(db, entry.connectionId, [entry.recordKey]) };
    });
    // The journal knows the request may leave before it does: after a wipe, the entry comes
    // back as possibly sent, never as certainly unsent.
    await appendToJournal(ctx, outcome?.batch);
    return outcome?.marked;
  });
}

export function completeCreate<T>(
  ctx: StoreContext,
  descriptor: ConnectorDescriptor<T>,
  seq: number,
  serverId: string,
  serverRecord: T,
  how: 'created' | 'adopted' = 'created',
): Promise<void> {
  return guarded('sync', async () => {
    const { strict: db } = ctx;
    // The favourite and recent-list entries move with the row, in the same transaction.
    const tables = [...rowTables(db), db.outbox, db.meta, db.favourites, db.recents];
    const batch = await db.transaction('rw', tables, async () => {
      const entry = (await db.outbox.get(seq)) as OutboxRow<T> | undefined;
      if (!entry) return null;
      if (entry.kind !== 'create') throw notA('new customer', entry);
      const { connectionId, recordKey } = entry;
      const sameKey = recordKey === serverId;
      const later = [
        ...(await entriesOf<T>(db, connectionId, recordKey)),
        ...(sameKey ? [] : await entriesOf<T>(db, connectionId, serverId)),
      ]
        .filter((other) => other.seq !== seq)
        .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
      const done = completeCreateRows({
        descriptor,
        entry,
        row: await rowOf<T>(db, connectionId, recordKey),
        existing: sameKey ? undefined : await rowOf<T>(db, connectionId, serverId),
        later,
        serverId,
        serverRecord: descriptor.prepareForStore(serverRecord),
        adopted: how === 'adopted',
        now: ctx.now(),
      });
      await db.outbox.delete(seq);
      if (done.entries.length > 0) await db.outbox.bulkPut(done.entries);
      if (!sameKey) {
        await db.customers.delete([connectionId, recordKey]);
        await noteRemoved(db, connectionId, [recordKey]);
      }
      await db.customers.put(done.row);
      await moveListEntries(db, connectionId, recordKey, serverId);
      return stampChange(db, connectionId, [recordKey, serverId]);
    });
    await appendToJournal(ctx, batch, 'bookkeeping');
  });
}

export function completeUpdate<T>(
  ctx: StoreContext,
  descriptor: ConnectorDescriptor<T>,
  seq: number,
  serverRecord: T,
): Promise<void> {
  return guarded('sync', async () => {
    const { strict: db } = ctx;
    const batch = await db.transaction('rw', ...rowTables(db), db.outbox, db.meta, async () => {
      const entry = (await db.outbox.get(seq)) as OutboxRow<T> | undefined;
      if (!entry) return null;
      if (entry.kind !== 'update') throw notA('change of a customer on the server', entry);
      const { connectionId, recordKey } = entry;
      const done = completeUpdateRows({
        entry,
        row: await rowOf<T>(db, connectionId, recordKey),
        later: (await entriesOf<T>(db, connectionId, recordKey)).filter(
          (other) => other.seq !== seq,
        ),
        serverRecord: descriptor.prepareForStore(serverRecord),
        now: ctx.now(),
      });
      await db.outbox.delete(seq);
      if (done.entries.length > 0) await db.outbox.bulkPut(done.entries);
      await db.customers.put(done.row);
      return stampChange(db, connectionId, [recordKey]);
    });
    await appendToJournal(ctx, batch, 'bookkeeping');
  });
}

function notA(what: string, entry: OutboxRow): StoreError {
  return new StoreError(
    `Fieldbook tried to complete change ${entry.opId} as a ${what}, but it is a ${entry.kind}. Nothing was changed.`,
    'invalid',
  );
}

export function deferEntry(
  ctx: StoreContext,
  seq: number,
  patch: {
    nextAttemptAt: number;
    lastError: AppError;
    outcomeUnknown?: boolean;
    countAttempt: boolean;
  },
): Promise<void> {
  return guarded('sync', async () => {
    const { strict: db } = ctx;
    const batch = await db.transaction('rw', ...rowTables(db), db.outbox, db.meta, async () => {
      const entry = await db.outbox.get(seq);
      if (!entry || entry.state === 'rejected' || entry.state === 'conflict') return null;
      // Only a create can have reached the server unseen; it stays in flight until looked up.
      const unknown = entry.kind === 'create' && (patch.outcomeUnknown ?? entry.outcomeUnknown);
      await db.outbox.put({
        ...entry,
        state: unknown ? 'in_flight' : 'pending',
        outcomeUnknown: unknown,
        nextAttemptAt: patch.nextAttemptAt,
        lastError: patch.lastError,
        attempts: entry.attempts + (patch.countAttempt ? 1 : 0),
      });
      return stampChange(db, entry.connectionId, [entry.recordKey]);
    });
    await appendToJournal(ctx, batch, 'bookkeeping');
  });
}

/** Writes `entry` and brings its row's badge (and server messages, remote) up to date. */
async function settleEntry(
  ctx: StoreContext,
  seq: number,
  change: (entry: OutboxRow) => OutboxRow,
  rowPatch: { fieldErrors?: Readonly<Record<string, string[]>> | null; remote?: unknown },
): Promise<void> {
  const { strict: db } = ctx;
  const batch = await db.transaction('rw', ...rowTables(db), db.outbox, db.meta, async () => {
    const entry = await db.outbox.get(seq);
    if (!entry) return null;
    await db.outbox.put(change(entry));
    const row = await rowOf(db, entry.connectionId, entry.recordKey);
    if (!row) return stampChange(db, entry.connectionId, [entry.recordKey]);
    const entries = await entriesOf(db, entry.connectionId, entry.recordKey);
    const fieldErrors = rowPatch.fieldErrors !== undefined ? rowPatch.fieldErrors : row.fieldErrors;
    await db.customers.put(
      withIndexFields({
        ...row,
        ...(rowPatch.remote === undefined
          ? {}
          : { remote: rowPatch.remote, remoteHydration: rowPatch.remote === null ? null : 'full' }),
        syncState: syncStateOf(entries),
        fieldErrors: fieldErrorsFor(entries, fieldErrors),
        updatedAt: ctx.now(),
      }),
    );
    return stampChange(db, entry.connectionId, [entry.recordKey]);
  });
  await appendToJournal(ctx, batch, 'bookkeeping');
}

export function rejectEntry(ctx: StoreContext, seq: number, error: AppError): Promise<void> {
  return guarded('sync', () =>
    settleEntry(
      ctx,
      seq,
      (entry) => ({
        ...entry,
        state: 'rejected',
        lastError: error,
        nextAttemptAt: null,
        outcomeUnknown: false,
        attempts: entry.attempts + 1,
      }),
      { fieldErrors: error.fields ?? null },
    ),
  );
}

export function conflictEntry<T>(
  ctx: StoreContext,
  seq: number,
  conflict:
    { kind: 'fields'; conflicts: readonly Conflict[]; theirs: T } | { kind: 'deleted_on_server' },
): Promise<void> {
  const stored: EntryConflict = conflict;
  return guarded('sync', () =>
    settleEntry(
      ctx,
      seq,
      (entry) => ({
        ...entry,
        state: 'conflict',
        conflict: stored,
        nextAttemptAt: null,
        outcomeUnknown: false,
      }),
      // The server's version is shown beside the salesperson's while they decide.
      conflict.kind === 'fields' ? { remote: conflict.theirs } : { remote: null },
    ),
  );
}
