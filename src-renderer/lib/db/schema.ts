// The IndexedDB database behind the store (Dexie 4): eight tables and their indexes. Opened twice:
// `strict` for every write that records a salesperson's change or the outbox's progress, and
// `relaxed` for bulk pull writes the server can always resend.
import { Dexie, type Table } from 'dexie';
import type { ConnectionMeta, LookupRow, OutboxRow } from './rows';
import type { FavouriteRow, RecentRow, SavedViewRow } from './personal-rows';
import type { StoredCustomerRow } from './stored-row';
import type { SummaryPage } from './summary-page';

export const storeSchema = {
  // Every index costs a write per pulled row, so only those a query uses: a connection's rows
  // are a range of the primary key (see `customersOf`), nothing queries by syncState/hydration.
  customers:
    '[connectionId+key], [connectionId+serverId], [connectionId+hydrateRank], [connectionId+updatedAt]',
  outbox: '++seq, opId, connectionId, [connectionId+recordKey], [connectionId+state]',
  lookups: '[connectionId+name], connectionId',
  meta: 'connectionId',
  // The salesperson's own lists per connection: saved views, favourites, recently opened.
  savedViews: '[connectionId+id], connectionId',
  favourites: '[connectionId+key], connectionId',
  recents: '[connectionId+key], [connectionId+openedAt]',
  // Server summaries packed one value per list page (summary-page.ts); the updatedAt index finds
  // the pages written since a reader's last read.
  summaryPages: '[connectionId+firstKey], [connectionId+updatedAt]',
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
  declare readonly savedViews: Table<SavedViewRow, [string, string]>;
  declare readonly favourites: Table<FavouriteRow, [string, string]>;
  declare readonly recents: Table<RecentRow, [string, string]>;
  declare readonly summaryPages: Table<SummaryPage, [string, string]>;

  constructor(
    name: string,
    durability: 'strict' | 'relaxed',
    dependencies?: IndexedDbDependencies,
  ) {
    super(name, { chromeTransactionDurability: durability, ...dependencies });
    // 2: [connectionId+updatedAt], so the customer list's index reads only the rows written since.
    // 3: without the customers' connectionId, [connectionId+syncState] and [connectionId+hydration]
    // indexes (a pull wrote four index entries per row that no query read). Dropping an index keeps
    // every row and the outbox as they are, so no upgrade function is needed.
    // 4: three new tables (saved views, favourites, recently opened); nothing existing changes, so
    // again no upgrade function.
    // 5: summaryPages. The existing rows are valid own rows (a row wins over a page record), so
    // again no upgrade function; a connection moves to pages as its next pull writes them.
    this.version(5).stores(storeSchema);
  }
}

/**
 * The tables a customer row lives in: a transaction that reads a row names both, so a pull
 * cannot replace the row's page between the read and the write that depends on it.
 */
export function rowTables(db: FieldbookDatabase) {
  return [db.customers, db.summaryPages] as const;
}

/** Every customer row of a connection: a range of the primary key, so no index of its own. */
export function customersOf(db: FieldbookDatabase, connectionId: string) {
  return db.customers
    .where('[connectionId+key]')
    .between([connectionId, Dexie.minKey], [connectionId, Dexie.maxKey], true, true);
}
