// At start, before the engine runs: the store and main's change journal are compared
// (reconcileJournal) and the side that is behind is brought level — a wiped or older store gets
// every waiting change back, in order; a lost journal is rewritten from the store.
import { reconcileJournal } from '../../../src-shared/journal/reconcile-journal';
import type { JournalRecord } from '../../../src-shared/journal/journal-record';
import { StoreError, type JournalReconciled } from './customer-store';
import { readStamp, waitingRecordsOf, writeStamp } from './journal-stamp';
import type { OutboxRow } from './rows';
import { rowTables, type FieldbookDatabase } from './schema';
import { entriesOf, guarded, type StoreContext } from './store-context';
import { rowOf } from './customer-rows';
import { withIndexFields, type StoredCustomerRow } from './stored-row';
import { noteRemoved } from './removal-log';

/** Nothing waits for this record any more: its entries go, its row shows the server's state. */
async function settle(db: FieldbookDatabase, connectionId: string, key: string): Promise<void> {
  const queue = await entriesOf(db, connectionId, key);
  await db.outbox.bulkDelete(
    queue.flatMap((entry) => (entry.seq === undefined ? [] : [entry.seq])),
  );
  const row = await rowOf(db, connectionId, key);
  if (!row) return;
  if (row.base === null) {
    await db.customers.delete([connectionId, key]);
    await noteRemoved(db, connectionId, [key]);
    return;
  }
  await db.customers.put(
    withIndexFields({ ...row, record: row.base, syncState: 'synced', fieldErrors: null }),
  );
}

/**
 * The records' rows, then their entries under new seqs in the order the old store made them
 * (their old seqs): after everything the store holds, so no other entry is ever overwritten.
 */
async function putBack(
  db: FieldbookDatabase,
  connectionId: string,
  records: readonly JournalRecord[],
): Promise<void> {
  for (const record of records) {
    const queue = await entriesOf(db, connectionId, record.recordKey);
    await db.outbox.bulkDelete(
      queue.flatMap((entry) => (entry.seq === undefined ? [] : [entry.seq])),
    );
    if (record.row !== null) {
      await db.customers.put(withIndexFields(record.row as unknown as StoredCustomerRow));
    }
  }
  const entries = records
    .filter((record) => record.row !== null)
    .flatMap((record) => record.entries)
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  for (const { seq: _old, ...entry } of entries) {
    await db.outbox.add(entry as unknown as OutboxRow);
  }
}

export function reconcileWithJournal(
  ctx: StoreContext,
  connectionId: string,
): Promise<JournalReconciled> {
  return guarded('sync', async () => {
    const { journal, strict: db } = ctx;
    if (!journal) return { restored: 0, notices: [] };
    const kept = await journal.read(connectionId);
    const plan = await db.transaction('rw', ...rowTables(db), db.outbox, db.meta, async () => {
      const store = {
        seq: await readStamp(db, connectionId),
        records: await waitingRecordsOf(db, connectionId),
      };
      const decided = reconcileJournal(store, kept);
      if (decided.action !== 'restore') return decided;
      for (const key of decided.settledKeys) await settle(db, connectionId, key);
      await putBack(db, connectionId, decided.records);
      await writeStamp(db, connectionId, decided.seq);
      // The journal from now on holds the entries under the seqs they have here.
      return { ...decided, records: await waitingRecordsOf(db, connectionId) };
    });
    if (plan.action === 'in_step') return { restored: 0, notices: kept.notices };
    await journal.rewrite({ connectionId, seq: plan.seq, records: plan.records });
    if (plan.action === 'restore') ctx.notify(connectionId, 'local');
    return {
      restored: plan.action === 'restore' ? plan.restoredChanges : 0,
      notices: kept.notices,
    };
  });
}

/** For the journal port: a failed call to main, as the store's errors read. */
export function journalFailure(message: string): StoreError {
  return new StoreError(message, 'unknown');
}
