// Reads customer rows by key, a batch at a time, from the same IndexedDB database as the store
// (its `relaxed` side: reading needs no durability), in the order the keys are given.
import type { CustomerRow } from '../db/rows';
import { FieldbookDatabase, type IndexedDbDependencies } from '../db/schema';
import { publicRow, type StoredCustomerRow } from '../db/stored-row';

export interface ExportRowSource {
  /** The rows of `keys`, in their order; a key no longer here (deleted since) is left out. */
  read(keys: readonly string[]): Promise<CustomerRow[]>;
  close(): void;
}

export function openExportRowSource(
  dbName: string,
  connectionId: string,
  indexedDb?: IndexedDbDependencies,
): ExportRowSource {
  const db = new FieldbookDatabase(dbName, 'relaxed', indexedDb);
  return {
    async read(keys) {
      const rows = await db.customers.bulkGet(keys.map((key) => [connectionId, key]));
      const found: CustomerRow[] = [];
      for (const row of rows) if (row) found.push(publicRow(row as StoredCustomerRow));
      return found;
    },
    close: () => db.close(),
  };
}
