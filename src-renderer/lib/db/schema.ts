// The IndexedDB database behind the store (Dexie 4): four tables and their indexes. Opened twice:
// `strict` for every write that records a salesperson's change or the outbox's progress, and
// `relaxed` for bulk pull writes the server can always resend.
import { Dexie, type Table } from 'dexie';
import type { ConnectionMeta, LookupRow, OutboxRow } from './rows';
import type { StoredCustomerRow } from './stored-row';

export const storeSchema = {
  customers:
    '[connectionId+key], connectionId, [connectionId+serverId], [connectionId+syncState], [connectionId+hydration], [connectionId+hydrateRank], [connectionId+updatedAt]',
  outbox: '++seq, opId, connectionId, [connectionId+recordKey], [connectionId+state]',
  lookups: '[connectionId+name], connectionId',
  meta: 'connectionId',
} as const;

/** Where Dexie finds IndexedDB: the browser's by default, or one passed in (fake-indexeddb). */
export interface IndexedDbDependencies {
  readonly indexedDB: IDBFactory;
  readonly IDBKeyRange: typeof IDBKeyRange;
}

export class FieldbookDatabase extends Dexie {
  declare readonly customers: Table<StoredCustomerRow, [string, string]>;
  declare readonly outbox: Table<OutboxRow, number>;
  declare readonly lookups: Table<LookupRow, [string, string]>;
  declare readonly meta: Table<ConnectionMeta, string>;

  constructor(
    name: string,
    durability: 'strict' | 'relaxed',
    dependencies?: IndexedDbDependencies,
  ) {
    super(name, { chromeTransactionDurability: durability, ...dependencies });
    // 2: [connectionId+updatedAt], so the customer list's index reads only the rows written since.
    this.version(2).stores(storeSchema);
  }
}
