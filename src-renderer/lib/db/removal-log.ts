// Which customer rows went, per connection, for the list's search worker: it keeps its index
// current from the rows written since its last read, and a deleted row is never "written since".
// Counting the connection's rows to notice one walks every row (about 4 s at 1,000,000 customers
// in Chromium, holding every other read and write behind it), so each transaction that deletes a
// row notes its key here instead, in the same transaction (docs/search.md#rows-that-went).
import type { Removals } from './customer-store';
import type { ConnectionMeta } from './rows';
import type { FieldbookDatabase } from './schema';

/** Removals kept: a reader further behind than this lists the connection's keys instead. */
export const REMOVALS_KEPT = 256;

/**
 * Lives in `meta` under its own key like the journal stamp (connection ids are uuids, never this
 * shape), so the schema needs no new table. `seq` counts every removal ever noted; `recent` holds
 * the last REMOVALS_KEPT of them, oldest first.
 */
interface RemovalLogRow {
  readonly connectionId: string;
  readonly seq: number;
  readonly recent: readonly { readonly seq: number; readonly key: string }[];
}

const logKey = (connectionId: string) => `removed-keys/${connectionId}`;

async function readLog(db: FieldbookDatabase, connectionId: string): Promise<RemovalLogRow> {
  const row = (await db.meta.get(logKey(connectionId))) as RemovalLogRow | undefined;
  return row ?? { connectionId: logKey(connectionId), seq: 0, recent: [] };
}

/** Inside the transaction (over `meta`) that deletes the rows of `keys`. */
export async function noteRemoved(
  db: FieldbookDatabase,
  connectionId: string,
  keys: readonly string[],
): Promise<void> {
  if (keys.length === 0) return;
  const log = await readLog(db, connectionId);
  const kept = keys.slice(-REMOVALS_KEPT);
  const first = log.seq + keys.length - kept.length + 1;
  const added = kept.map((key, index) => ({ seq: first + index, key }));
  const row: RemovalLogRow = {
    connectionId: logKey(connectionId),
    seq: log.seq + keys.length,
    recent: [...log.recent, ...added].slice(-REMOVALS_KEPT),
  };
  await db.meta.put(row as unknown as ConnectionMeta);
}

/**
 * The keys removed after `afterSeq` (each once, in no particular order) and the log's seq now;
 * `Infinity` reads the seq alone. Keys null: more went since than the log keeps, or the log is
 * younger than the reader's seq (the database was deleted under it).
 */
export async function removedSince(
  db: FieldbookDatabase,
  connectionId: string,
  afterSeq: number,
): Promise<Removals> {
  const log = await readLog(db, connectionId);
  if (afterSeq === Infinity || afterSeq === log.seq) return { seq: log.seq, keys: [] };
  const oldestKept = log.seq - log.recent.length;
  if (afterSeq > log.seq || afterSeq < oldestKept) return { seq: log.seq, keys: null };
  const keys = log.recent.filter((removal) => removal.seq > afterSeq).map(({ key }) => key);
  return { seq: log.seq, keys: [...new Set(keys)] };
}

export async function deleteRemovalLog(db: FieldbookDatabase, connectionId: string): Promise<void> {
  await db.meta.delete(logKey(connectionId));
}
