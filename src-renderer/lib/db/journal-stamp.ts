// The store's side of main's change journal (docs/journal.md): every transaction that changes a
// record's waiting entries stamps the connection's next journal sequence in `meta` and answers
// what to append — the records it touched, whole. The append is awaited after the commit, so
// "Saved on this computer" and a request leaving both wait for the journal's fsync.
import type {
  JournalAppend,
  JournalEntry,
  JournalRecord,
  JournalRewrite,
  JournalState,
} from '../../../src-shared/journal/journal-record';
import type { ConnectionMeta, OutboxRow } from './rows';
import type { FieldbookDatabase } from './schema';
import { entriesOf, type StoreContext } from './store-context';
import { rowOf } from './customer-rows';
import type { StoredCustomerRow } from './stored-row';

/** Main's journal as the store uses it; each call throws a StoreError in words when it fails. */
export interface JournalPort {
  append(batch: JournalAppend): Promise<void>;
  read(connectionId: string): Promise<JournalState>;
  rewrite(whole: JournalRewrite): Promise<void>;
}

/**
 * The stamp lives in `meta` under its own key (connection ids are uuids, never this shape), so
 * the schema needs no new table and the engine's own meta row is never overwritten.
 */
interface StampRow {
  readonly connectionId: string;
  readonly journalSeq: number;
}
const stampKey = (connectionId: string) => `journal-stamp/${connectionId}`;

export async function readStamp(db: FieldbookDatabase, connectionId: string): Promise<number> {
  const row = (await db.meta.get(stampKey(connectionId))) as StampRow | undefined;
  return row?.journalSeq ?? 0;
}

export async function writeStamp(
  db: FieldbookDatabase,
  connectionId: string,
  journalSeq: number,
): Promise<void> {
  const row: StampRow = { connectionId: stampKey(connectionId), journalSeq };
  await db.meta.put(row as unknown as ConnectionMeta);
}

export async function deleteStamp(db: FieldbookDatabase, connectionId: string): Promise<void> {
  await db.meta.delete(stampKey(connectionId));
}

export function journalRecordOf(
  recordKey: string,
  row: StoredCustomerRow | undefined,
  entries: readonly OutboxRow[],
): JournalRecord {
  return {
    recordKey,
    row: row ? { ...row } : null,
    entries: entries.map((entry): JournalEntry => ({ ...entry })),
  };
}

/**
 * Inside a transaction over customers, outbox and meta: the next stamp, and the records `keys`
 * name as the transaction leaves them.
 */
export async function stampChange(
  db: FieldbookDatabase,
  connectionId: string,
  keys: readonly string[],
  /** The stamp as this transaction read it earlier, which spares a round trip. */
  knownStamp?: number,
): Promise<JournalAppend> {
  // Every request is issued at once: a save waits for one or two round trips to IndexedDB here,
  // not one per request (the transaction sees its own writes whichever answer comes first).
  const reading = Promise.all(
    [...new Set(keys)].map(async (key) => {
      const [row, entries] = await Promise.all([
        rowOf(db, connectionId, key),
        entriesOf(db, connectionId, key),
      ]);
      return journalRecordOf(key, row, entries);
    }),
  );
  if (knownStamp === undefined) {
    const [stamp, records] = await Promise.all([readStamp(db, connectionId), reading]);
    await writeStamp(db, connectionId, stamp + 1);
    return { connectionId, seq: stamp + 1, records };
  }
  const [records] = await Promise.all([reading, writeStamp(db, connectionId, knownStamp + 1)]);
  return { connectionId, seq: knownStamp + 1, records };
}

/** After the commit: on disk in main before the caller goes on (none in store-only tests). */
export async function appendToJournal(
  ctx: StoreContext,
  batch: JournalAppend | null | undefined,
  durability: 'durable' | 'bookkeeping' = 'durable',
): Promise<void> {
  if (!ctx.journal || !batch || batch.records.length === 0) return;
  await ctx.journal.append(durability === 'durable' ? batch : { ...batch, durable: false });
}

/** Every record of the connection with waiting entries, as the journal keeps them. */
export async function waitingRecordsOf(
  db: FieldbookDatabase,
  connectionId: string,
): Promise<JournalRecord[]> {
  const entries = await db.outbox.where('connectionId').equals(connectionId).sortBy('seq');
  const byKey = new Map<string, OutboxRow[]>();
  for (const entry of entries) {
    byKey.set(entry.recordKey, [...(byKey.get(entry.recordKey) ?? []), entry]);
  }
  const records: JournalRecord[] = [];
  for (const [key, queue] of byKey) {
    const row = await rowOf(db, connectionId, key);
    if (row) records.push(journalRecordOf(key, row, queue));
  }
  return records;
}
