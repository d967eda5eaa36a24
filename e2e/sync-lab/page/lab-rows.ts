// Finding a row again by its natural key: a record this run created changes its key from
// `local-…` to the server id when its create completes, and the CustomerStore interface has no
// "find by natural key" operation — so the lab reads the connection's rows read-only through the
// store's own read path (customer-rows.ts: own rows and packed summary pages), test code only.
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import { rowsInKeyOrder } from '../../../src-renderer/lib/db/customer-rows';
import type { CustomerRow } from '../../../src-renderer/lib/db/rows';
import { FieldbookDatabase } from '../../../src-renderer/lib/db/schema';

const chunk = 2_000;

export function createRowFinder(databaseName: string) {
  let db: FieldbookDatabase | undefined;
  return {
    async byNaturalKey<T>(
      descriptor: ConnectorDescriptor<T>,
      connectionId: string,
      naturalKey: string,
    ): Promise<CustomerRow<T>[]> {
      db ??= new FieldbookDatabase(databaseName, 'relaxed');
      const found: CustomerRow<T>[] = [];
      let after: string | null = null;
      for (;;) {
        const rows: CustomerRow<T>[] = await rowsInKeyOrder<T>(db, connectionId, after, chunk);
        found.push(...rows.filter((row) => descriptor.naturalKey(row.record) === naturalKey));
        if (rows.length < chunk) return found;
        after = rows[rows.length - 1]!.key;
      }
    },
    close() {
      db?.close();
    },
  };
}
