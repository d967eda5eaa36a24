// The one read path for customer rows: every read of the `customers` and `summaryPages` tables
// outside a write goes through these functions, each named for what it answers. A row is the
// customer's own row in `customers` when there is one, else its page's record as a derived row
// (summary-page.ts; docs/performance.md#packed-summary-pages-the-plan). A guard test
// (scripts/customer-table-reads.test.ts) keeps every other file from reading the tables.
//
// Each function takes the database instance (`ctx.strict` or `ctx.relaxed`) and runs inside the
// caller's transaction when there is one, so a read-modify-write stays one transaction. A caller's
// transaction names both tables in its scope (`rowTables`). The reads the live queries make
// (`rowOf`, `firstRowOf`, `firstPageOf`) return Dexie's own promises (no `async`), so a liveQuery
// sees every read they make.
//
// Writers: pull-writes.ts and page-writes.ts write pages (the pull's chunk in key order, the
// deletion sweep, `markGone`); connection-data.ts deletes a connection's rows and pages. These
// write own rows only (each materialises the row it read): local-changes.ts (create, edit,
// discard, open, resolve), outbox-progress.ts (push outcomes), journal-restore.ts.
import { Dexie } from 'dexie';
import { customersOf, type FieldbookDatabase } from './schema';
import type { StoredCustomerRow } from './stored-row';
import {
  derivedRow,
  indexAfter,
  indexInPage,
  pageAt,
  pagesOf,
  type SummaryPage,
} from './summary-page';

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
  return db.customers
    .get([connectionId, key])
    .then((own) =>
      own ? (own as Row<T>) : pageAt(db, connectionId, key).then((page) => pageRowOf<T>(page, key)),
    );
}

function pageRowOf<T>(page: SummaryPage | undefined, key: string): Row<T> | undefined {
  const index = page ? indexInPage(page, key) : -1;
  return index < 0 ? undefined : derivedRow<T>(page!, index);
}

/** The rows of `keys`, in their order, undefined where none is (one get per key). */
export function rowsOf<T>(
  db: FieldbookDatabase,
  connectionId: string,
  keys: readonly string[],
): Promise<(Row<T> | undefined)[]> {
  return db.customers.bulkGet(pairsOf(connectionId, keys)).then(async (found) => {
    const own = found as (Row<T> | undefined)[];
    const missing = [...new Set(keys.filter((_, index) => !own[index]))].sort();
    if (missing.length === 0) return own;
    // Each page is read once, however many of the keys it holds (keys sorted: pages in order).
    const fromPages = new Map<string, Row<T>>();
    let page: SummaryPage | undefined;
    for (const key of missing) {
      if (!page || key < page.firstKey || key > page.lastKey) {
        page = await pageAt(db, connectionId, key);
      }
      const row = pageRowOf<T>(page, key);
      if (row) fromPages.set(key, row);
    }
    return keys.map((key, index) => own[index] ?? fromPages.get(key));
  });
}

/** Up to `limit` rows in key order after the key `after` (from the first when null). */
export async function rowsInKeyOrder<T>(
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
  const own = (await range.limit(limit).toArray()) as Row<T>[];
  const paged = await pageRowsAfter<T>(db, connectionId, after, limit);
  return mergedByKey(own, paged).slice(0, limit);
}

/** Up to `limit` page records after `after` as derived rows, in key order. */
async function pageRowsAfter<T>(
  db: FieldbookDatabase,
  connectionId: string,
  after: string | null,
  limit: number,
): Promise<Row<T>[]> {
  const rows: Row<T>[] = [];
  const take = (page: SummaryPage, from: number) => {
    for (let index = from; index < page.keys.length && rows.length < limit; index += 1) {
      rows.push(derivedRow<T>(page, index));
    }
  };
  let from = after;
  if (after !== null) {
    const holding = await pageAt(db, connectionId, after);
    if (holding) take(holding, indexAfter(holding, after));
  }
  while (rows.length < limit) {
    const next = await pagesAfter(db, connectionId, from);
    for (const page of next) take(page, 0);
    if (next.length < 8) break;
    from = next[next.length - 1]!.firstKey;
  }
  return rows;
}

/** Two key-ordered lists as one; where both hold a key, the own row wins. */
function mergedByKey<T>(own: readonly Row<T>[], paged: readonly Row<T>[]): Row<T>[] {
  if (paged.length === 0) return [...own];
  if (own.length === 0) return [...paged];
  const out: Row<T>[] = [];
  let o = 0;
  let p = 0;
  while (o < own.length || p < paged.length) {
    const ownKey = own[o]?.key;
    const pageKey = paged[p]?.key;
    if (pageKey === undefined || (ownKey !== undefined && ownKey <= pageKey)) {
      if (ownKey === pageKey) p += 1;
      out.push(own[o++]!);
    } else {
      out.push(paged[p++]!);
    }
  }
  return out;
}

/**
 * The keys of rows written at or after `since`, at most `atMost`: own rows by their
 * `[connectionId+updatedAt]` index, and every key of the pages written since (a page is written
 * whole, so all its records count as written).
 */
export async function keysWrittenSince(
  db: FieldbookDatabase,
  connectionId: string,
  since: number,
  atMost = Infinity,
): Promise<string[]> {
  const written = db.customers
    .where('[connectionId+updatedAt]')
    .between([connectionId, since], [connectionId, Dexie.maxKey], true, true);
  const own = await (atMost < Infinity ? written.limit(atMost) : written)
    .primaryKeys()
    .then((keys) => keys.map(([, key]) => key));
  const pages = db.summaryPages
    .where('[connectionId+updatedAt]')
    .between([connectionId, since], [connectionId, Dexie.maxKey], true, true);
  const keys = new Set(own);
  await pages
    .until(() => keys.size >= atMost)
    .each((page) => {
      for (const key of page.keys) keys.add(key);
    });
  return [...keys].slice(0, atMost);
}

/** Every key of the connection, in key order. */
export async function keysOf(db: FieldbookDatabase, connectionId: string): Promise<string[]> {
  const own = await customersOf(db, connectionId)
    .primaryKeys()
    .then((keys) => keys.map(([, key]) => key));
  const paged: string[] = [];
  await pagesOf(db, connectionId).each((page) => {
    for (const key of page.keys) paged.push(key);
  });
  if (paged.length === 0) return own;
  const ownSet = new Set(own);
  return [...own, ...paged.filter((key) => !ownSet.has(key))].sort();
}

/**
 * How many rows the connection has. Without pages IndexedDB counts the own rows (it walks the
 * range: seconds at 1,000,000); with pages every page is read for its keys (~0.8 s at 100,000).
 */
export async function rowCountOf(db: FieldbookDatabase, connectionId: string): Promise<number> {
  if ((await pagesOf(db, connectionId).count()) === 0) return customersOf(db, connectionId).count();
  return (await keysOf(db, connectionId)).length;
}

/** The own rows' keys from `low` to `high` (both included), at most `limit`: no row read. */
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

/**
 * The keys of own rows with a server id that is not in `seen`, from the server-id index's keys
 * alone (page records are swept by page-writes.ts).
 */
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

/** The rows whose server id is one of `serverIds`: own rows by index, else page records. */
export async function rowsWithServerIds(
  db: FieldbookDatabase,
  connectionId: string,
  serverIds: readonly string[],
): Promise<Row<unknown>[]> {
  const own = await db.customers
    .where('[connectionId+serverId]')
    .anyOf(serverIds.map((id) => [connectionId, id]))
    .toArray();
  const found = new Set(own.map((row) => row.serverId));
  // A page record's key is its server id.
  const rest = serverIds.filter((id) => !found.has(id));
  const paged = rest.length === 0 ? [] : await rowsOf(db, connectionId, rest);
  return [...own, ...paged.filter((row): row is Row<unknown> => row !== undefined)];
}

/**
 * The hydration queue: up to `limit` rows of `rank` (0 opened, 1 the rest; see withIndexFields).
 * Rank 0 is own rows only (opening materialises one); rank 1 is own rows of rank 1, then page
 * records without an own row (a hydrated customer has one), in key order.
 */
export async function rowsToFetchInFull(
  db: FieldbookDatabase,
  connectionId: string,
  rank: 0 | 1,
  limit: number,
): Promise<Row<unknown>[]> {
  const own = await db.customers
    .where('[connectionId+hydrateRank]')
    .equals([connectionId, rank])
    .limit(limit)
    .toArray();
  if (rank === 0 || own.length >= limit) return own;
  const queued = new Set(own.map((row) => row.key));
  const rows = [...own];
  let from: string | null = null;
  while (rows.length < limit) {
    const pages: SummaryPage[] = await pagesAfter(db, connectionId, from);
    for (const page of pages) {
      const owned = new Set(
        await keysBetween(db, connectionId, page.firstKey, page.lastKey, Infinity),
      );
      page.keys.forEach((key, index) => {
        if (rows.length < limit && !owned.has(key) && !queued.has(key)) {
          rows.push(derivedRow(page, index));
        }
      });
      if (rows.length >= limit) break;
    }
    if (pages.length < 8) break;
    from = pages[pages.length - 1]!.firstKey;
  }
  return rows;
}

/** The first row in key order whose row passes `test`, read in chunks until one does. */
export async function firstRowWhere(
  db: FieldbookDatabase,
  connectionId: string,
  test: (row: Row<unknown>) => boolean,
): Promise<Row<unknown> | undefined> {
  if ((await pagesOf(db, connectionId).count()) === 0) {
    return customersOf(db, connectionId).filter(test).first();
  }
  let after: string | null = null;
  for (;;) {
    const rows: Row<unknown>[] = await rowsInKeyOrder(db, connectionId, after, 2_000);
    const match = rows.find(test);
    if (match || rows.length < 2_000) return match;
    after = rows[rows.length - 1]!.key;
  }
}

/**
 * The connection's first own row in key order. The live change signal reads it: Dexie watches the
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

/** The connection's first page: for the live change signal, as `firstRowOf` for own rows. */
export function firstPageOf(
  db: FieldbookDatabase,
  connectionId: string,
): Promise<SummaryPage | undefined> {
  return pagesOf(db, connectionId)
    .limit(1)
    .toArray()
    .then((pages) => pages[0]);
}

/** The own rows from `low` to `high` (both included): the few a pulled page must fold. */
export function ownRowsBetween<T>(
  db: FieldbookDatabase,
  connectionId: string,
  low: string,
  high: string,
): Promise<Row<T>[]> {
  return db.customers
    .where('[connectionId+key]')
    .between([connectionId, low], [connectionId, high], true, true)
    .toArray() as Promise<Row<T>[]>;
}

/** Which of `keys` have an own row (keys only, no row read). */
export function ownKeysAmong(
  db: FieldbookDatabase,
  connectionId: string,
  keys: readonly string[],
): Promise<Set<string>> {
  if (keys.length === 0) return Promise.resolve(new Set());
  return db.customers
    .where('[connectionId+key]')
    .anyOf(pairsOf(connectionId, keys))
    .primaryKeys()
    .then((found) => new Set(found.map(([, key]) => key)));
}

/** The next 8 pages of the connection in key order: from its first when `from` is null, else after `from`. */
function pagesAfter(
  db: FieldbookDatabase,
  connectionId: string,
  from: string | null,
): Promise<SummaryPage[]> {
  return db.summaryPages
    .where('[connectionId+firstKey]')
    .between(
      [connectionId, from ?? Dexie.minKey],
      [connectionId, Dexie.maxKey],
      from === null,
      true,
    )
    .limit(8)
    .toArray();
}
