// Reads customer rows from the same IndexedDB database as the store (its `relaxed` side: reading
// needs no durability) through the store's read path (customer-rows.ts), two ways: by key, a batch
// at a time in the order the keys are given (one get per key), or the connection's rows in
// primary-key order, a page per request (a connection's rows are one range of the primary key,
// see `customersOf`). A page costs about a quarter of the same rows by key, so an export of most
// of a connection reads by range.
import { rowCountOf, rowsInKeyOrder, rowsOf } from '../db/customer-rows';
import type { CustomerRow } from '../db/rows';
import { FieldbookDatabase, type IndexedDbDependencies } from '../db/schema';
import { publicRow, type StoredCustomerRow } from '../db/stored-row';

export interface ExportRowSource {
  /** The rows of `keys`, in their order; a key no longer here (deleted since) is left out. */
  read(keys: readonly string[]): Promise<CustomerRow[]>;
  /**
   * How many rows the connection holds, and up to `limit` of them in primary-key order after the
   * key `after` (from the first without it). Optional: a source that can read only by key is
   * always read by key.
   */
  count?(): Promise<number>;
  page?(after: string | undefined, limit: number): Promise<CustomerRow[]>;
  close(): void;
}

export function openExportRowSource(
  dbName: string,
  connectionId: string,
  indexedDb?: IndexedDbDependencies,
): ExportRowSource {
  const db = new FieldbookDatabase(dbName, 'relaxed', indexedDb);
  const found = (rows: readonly (StoredCustomerRow | undefined)[]) => {
    const out: CustomerRow[] = [];
    for (const row of rows) if (row) out.push(publicRow(row));
    return out;
  };
  return {
    async read(keys) {
      return found(await rowsOf(db, connectionId, keys));
    },
    count: () => rowCountOf(db, connectionId),
    async page(after, limit) {
      // One getAll over [after, end of the connection]: a single request per page.
      return found(await rowsInKeyOrder(db, connectionId, after ?? null, limit));
    },
    close: () => db.close(),
  };
}
