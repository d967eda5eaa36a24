// The one read path for customer rows: every read of the `customers` table outside a write goes
// through these functions, each named for what it answers. Today a row is one IndexedDB value per
// customer; with packed summary pages (docs/performance.md#packed-summary-pages-the-plan) a row
// becomes the customer's own row, else its page's record as a derived row, and only this file
// has to learn that. A guard test (scripts/customer-table-reads.test.ts) keeps every other file
// from reading the table.
//
// Each function takes the database instance (`ctx.strict` or `ctx.relaxed`) and runs inside the
// caller's transaction when there is one, so a read-modify-write stays one transaction. They
// return Dexie's own promises (no `async`), so a liveQuery sees every read they make. A caller's
// transaction names `customers` in its scope; with pages it must name their table too.
//
// Writers stay where they are; these are the ones a packed layout must change:
// - pull-writes.ts: `applyChunk` (bulkPut of pulled rows: becomes a page write plus the own-row
//   fold), `markGone` (delete / put: a page record is dropped, an own row as today);
// - connection-data.ts: `deleteConnectionData` (the connection's range: its pages go too).
// These write own rows only and keep doing so (each materialises the row it read):
// local-changes.ts (create, edit, discard, open, resolve), outbox-progress.ts (push outcomes),
// journal-restore.ts (rows put back from the journal).
import { Dexie } from 'dexie';
import { customersOf, type FieldbookDatabase } from './schema';
import type { StoredCustomerRow } from './stored-row';

// The table holds the rows of every connector; a caller's T is its claim about the records of the
// connection it names, which only ever receives records of its own descriptor.
type Row<T> = StoredCustomerRow<T>;

const pairsOf = (connectionId: string, keys: readonly string[]) =>
  keys.map((key): [string, string] => [connectionId, key]);

/** One row by key; undefined when there is none. */
export function rowOf<T>(
  db: FieldbookDatabase,
  connectionId: string,
  key: string,
): Promise<Row<T> | undefined> {
  return db.customers.get([connectionId, key]) as Promise<Row<T> | undefined>;
}

/** The rows of `keys`, in their order, undefined where none is (one get per key). */
export function rowsOf<T>(
  db: FieldbookDatabase,
  connectionId: string,
  keys: readonly string[],
): Promise<(Row<T> | undefined)[]> {
  return db.customers.bulkGet(pairsOf(connectionId, keys)) as Promise<(Row<T> | undefined)[]>;
}

/** Up to `limit` rows in key order after the key `after` (from the first when null): one getAll. */
export function rowsInKeyOrder<T>(
  db: FieldbookDatabase,
  connectionId: string,
  after: string | null,
  limit: number,
): Promise<Row<T>[]> {
  const range =
    after === null
      ? customersOf(db, connectionId)
      : db.customers
          .where('[connectionId+key]')
          .between([connectionId, after], [connectionId, Dexie.maxKey], false, true);
  return range.limit(limit).toArray() as Promise<Row<T>[]>;
}

/** The keys of rows written at or after `since` (the `[connectionId+updatedAt]` index), at most `atMost`. */
export function keysWrittenSince(
  db: FieldbookDatabase,
  connectionId: string,
  since: number,
  atMost = Infinity,
): Promise<string[]> {
  const written = db.customers
    .where('[connectionId+updatedAt]')
    .between([connectionId, since], [connectionId, Dexie.maxKey], true, true);
  return (atMost < Infinity ? written.limit(atMost) : written)
    .primaryKeys()
    .then((keys) => keys.map(([, key]) => key));
}

/** Every key of the connection, in key order. */
export function keysOf(db: FieldbookDatabase, connectionId: string): Promise<string[]> {
  return customersOf(db, connectionId)
    .primaryKeys()
    .then((keys) => keys.map(([, key]) => key));
}

/** How many rows the connection has (IndexedDB walks the range: seconds at 1,000,000). */
export function rowCountOf(db: FieldbookDatabase, connectionId: string): Promise<number> {
  return customersOf(db, connectionId).count();
}

/** The keys from `low` to `high` (both included), at most `limit`: which rows exist, no row read. */
export function keysBetween(
  db: FieldbookDatabase,
  connectionId: string,
  low: string,
  high: string,
  limit: number,
): Promise<string[]> {
  return db.customers
    .where('[connectionId+key]')
    .between([connectionId, low], [connectionId, high], true, true)
    .limit(limit)
    .primaryKeys()
    .then((keys) => keys.map(([, key]) => key));
}

/** The keys of rows with a server id that is not in `seen`, from the server-id index's keys alone. */
export function keysWithServerIdNotIn(
  db: FieldbookDatabase,
  connectionId: string,
  seen: ReadonlySet<string>,
): Promise<string[]> {
  const missing: string[] = [];
  return db.customers
    .where('[connectionId+serverId]')
    .between([connectionId, Dexie.minKey], [connectionId, Dexie.maxKey])
    .eachKey((indexKey, cursor) => {
      const [, serverId] = indexKey as [string, string];
      if (!seen.has(serverId)) missing.push((cursor.primaryKey as [string, string])[1]);
    })
    .then(() => missing);
}

/** The rows whose server id is one of `serverIds` (the `[connectionId+serverId]` index). */
export function rowsWithServerIds(
  db: FieldbookDatabase,
  connectionId: string,
  serverIds: readonly string[],
): Promise<Row<unknown>[]> {
  return db.customers
    .where('[connectionId+serverId]')
    .anyOf(serverIds.map((id) => [connectionId, id]))
    .toArray();
}

/** The hydration queue: up to `limit` rows of `rank` (0 opened, 1 the rest; see withIndexFields). */
export function rowsToFetchInFull(
  db: FieldbookDatabase,
  connectionId: string,
  rank: 0 | 1,
  limit: number,
): Promise<Row<unknown>[]> {
  return db.customers
    .where('[connectionId+hydrateRank]')
    .equals([connectionId, rank])
    .limit(limit)
    .toArray();
}

/** The first row in key order whose row passes `test`, read by one cursor that stops there. */
export function firstRowWhere(
  db: FieldbookDatabase,
  connectionId: string,
  test: (row: Row<unknown>) => boolean,
): Promise<Row<unknown> | undefined> {
  return customersOf(db, connectionId).filter(test).first();
}

/**
 * The connection's first row in key order. The live change signal reads it: Dexie watches the
 * whole range a read asked for, whatever its limit, so any write to the connection answers it.
 */
export function firstRowOf(
  db: FieldbookDatabase,
  connectionId: string,
): Promise<Row<unknown> | undefined> {
  return customersOf(db, connectionId)
    .limit(1)
    .toArray()
    .then((rows) => rows[0]);
}
