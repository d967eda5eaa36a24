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
import { entriesOf, rowOf, type StoreContext } from './store-context';
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
): Promise<JournalAppend> {
  const seq = (await readStamp(db, connectionId)) + 1;
  await writeStamp(db, connectionId, seq);
  const records: JournalRecord[] = [];
  for (const key of new Set(keys)) {
    records.push(
      journalRecordOf(
        key,
        await rowOf(db, connectionId, key),
        await entriesOf(db, connectionId, key),
      ),
    );
  }
  return { connectionId, seq, records };
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
