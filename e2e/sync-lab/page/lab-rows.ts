// Finding a row again by its natural key: a record this run created changes its key from
// `local-…` to the server id when its create completes, and the CustomerStore interface has no
// "list rows" operation yet (the UI's list will add one) — so the lab reads the store's
// `customers` table (rows.ts CustomerRow) read-only through Dexie, test code only.
import Dexie from 'dexie';
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import type { CustomerRow } from '../../../src-renderer/lib/db/rows';

export function createRowFinder(databaseName: string) {
  let db: Dexie | undefined;
  const table = async () => {
    if (!db) {
      // No version(): Dexie opens the existing database with whatever schema the store gave it.
      db = new Dexie(databaseName);
      await db.open();
    }
    return db.table<CustomerRow>('customers');
  };
  return {
    async byNaturalKey<T>(
      descriptor: ConnectorDescriptor<T>,
      connectionId: string,
      naturalKey: string,
    ): Promise<CustomerRow<T>[]> {
      const rows = await (
        await table()
      )
        .filter((row) => row.connectionId === connectionId)
        .toArray();
      return (rows as CustomerRow<T>[]).filter(
        (row) => descriptor.naturalKey(row.record) === naturalKey,
      );
    },
    close() {
      db?.close();
    },
  };
}
