// A store world: a real Dexie store on a fresh database (real IndexedDB in Chromium, or
// fake-indexeddb in Node), one connection of one case's API, and the change signals it gave.
import type { CustomerStore, PulledRecord } from '../customer-store';
import type { CustomerRow, OutboxRow } from '../rows';
import type { StoreCase } from './store-cases';

/** How a test project opens and removes a store database. */
export interface StoreEnvironment {
  readonly project: 'browser' | 'node';
  open(name: string): CustomerStore;
  remove(name: string): Promise<void>;
  /**
   * How `pulled` stores a server record: 'rows' as a full record (an own row per customer, as
   * hydration writes it), 'pages' as a summary in key order (a packed summary page, as a first
   * sync writes it). The suite's rules hold for both.
   */
  readonly layout?: 'rows' | 'pages';
}

export interface StoreWorld<T> {
  readonly store: CustomerStore;
  readonly connectionId: string;
  readonly name: string;
  readonly changes: { connectionId: string; cause: 'local' | 'pulled' }[];
  readonly case: StoreCase<T>;
  /** Stores `serverRecord(id, name)` as a pull would, and returns it. */
  pulled(serverId: string, name?: string): Promise<T>;
  row(key: string): Promise<CustomerRow<T>>;
  outbox(): Promise<OutboxRow<T>[]>;
  /** The record's only entry (fails the test when there are more or none). */
  onlyEntry(key: string): Promise<OutboxRow<T>>;
  reopen(): StoreWorld<T>;
  dispose(): Promise<void>;
}

let counter = 0;

export function createStoreWorld<T>(
  environment: StoreEnvironment,
  storeCase: StoreCase<T>,
): StoreWorld<T> {
  const name = `fieldbook-test-${Date.now()}-${counter++}-${Math.random().toString(36).slice(2)}`;
  return worldOn(environment, storeCase, name, `conn-${storeCase.name}`);
}

function worldOn<T>(
  environment: StoreEnvironment,
  storeCase: StoreCase<T>,
  name: string,
  connectionId: string,
): StoreWorld<T> {
  const store = environment.open(name);
  const changes: StoreWorld<T>['changes'] = [];
  store.onChange((change) => changes.push(change));
  const world: StoreWorld<T> = {
    store,
    connectionId,
    name,
    changes,
    case: storeCase,
    async pulled(serverId, customerName = `Customer ${serverId}`) {
      const record = storeCase.serverRecord(serverId, customerName);
      const hydration = environment.layout === 'pages' ? 'summary' : 'full';
      const pulled: PulledRecord<T> = { serverId, record, hydration };
      await store.applyPulled(storeCase.descriptor, connectionId, [pulled]);
      return storeCase.descriptor.prepareForStore(record);
    },
    async row(key) {
      const row = await store.getCustomer<T>(connectionId, key);
      if (!row) throw new Error(`No row ${key}`);
      return row;
    },
    outbox: () => store.listOutbox<T>(connectionId),
    async onlyEntry(key) {
      const entries = (await world.outbox()).filter((entry) => entry.recordKey === key);
      if (entries.length !== 1) throw new Error(`${entries.length} entries for ${key}, not 1`);
      return entries[0]!;
    },
    reopen() {
      store.close();
      return worldOn(environment, storeCase, name, connectionId);
    },
    async dispose() {
      store.close();
      await environment.remove(name);
    },
  };
  return world;
}
