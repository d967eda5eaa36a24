// The connection's change count must stay cheap at any size: IndexedDB counts by walking every
// row (seconds at 1,000,000 customers), and the read runs again after every write while holding
// the database's other reads (the list's first rows) behind it. Which rows it reads is seen here
// on fake-indexeddb; that every write still answers it is the store suite's (store-suite-live).
import { Dexie } from 'dexie';
import { IDBFactory, IDBIndex, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, expect, test, vi } from 'vitest';
import { r2Descriptor } from '../../../src-shared/connectors';
import type { CustomerStore } from './customer-store';
import { openCustomerStore } from './dexie-customer-store';
import { r2Case } from './test-support/store-cases';

const factory = new IDBFactory();
// liveQuery runs only where Dexie finds an IndexedDB of its own; Node has none but this fake.
Dexie.dependencies.indexedDB = factory;
Dexie.dependencies.IDBKeyRange = IDBKeyRange;
const connectionId = 'conn-r2';
let store: CustomerStore | null = null;

afterEach(() => {
  vi.restoreAllMocks();
  store?.close();
});

test('the change count neither counts nor reads more than one of the connection’s rows', async () => {
  store = openCustomerStore(`live-reads-${Date.now()}`, {
    indexedDb: { indexedDB: factory, IDBKeyRange },
  });
  await store.applyPulled(
    r2Descriptor,
    connectionId,
    ['1', '2', '3'].map((serverId) => ({
      serverId,
      record: r2Case.serverRecord(serverId, `Customer ${serverId}`),
      hydration: 'full' as const,
    })),
  );
  const counted: string[] = [];
  const rowsAsked: number[] = [];
  const storeCount = IDBObjectStore.prototype.count;
  vi.spyOn(IDBObjectStore.prototype, 'count').mockImplementation(function (
    this: IDBObjectStore,
    ...args
  ) {
    counted.push(this.name);
    return storeCount.apply(this, args);
  });
  const indexCount = IDBIndex.prototype.count;
  vi.spyOn(IDBIndex.prototype, 'count').mockImplementation(function (this: IDBIndex, ...args) {
    counted.push(this.objectStore.name);
    return indexCount.apply(this, args);
  });
  const getAll = IDBObjectStore.prototype.getAll;
  vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementation(function (
    this: IDBObjectStore,
    ...args
  ) {
    if (this.name === 'customers') rowsAsked.push(countAsked(args));
    return getAll.apply(this, args);
  });

  const answers: number[] = [];
  const subscription = store.liveChanges(connectionId).subscribe({
    next: (version) => answers.push(version),
    error: (error) => {
      throw error;
    },
  });
  await vi.waitFor(() => expect(answers).toEqual([0]));
  subscription.unsubscribe();

  expect(counted).not.toContain('customers');
  // The outbox (changes waiting to be sent) is still counted: it is watched as a whole.
  expect(counted).toContain('outbox');
  expect(rowsAsked).toEqual([1]);
});

/** How many rows a getAll asks for: its second argument, or `count` of its options form. */
function countAsked(args: readonly unknown[]): number {
  const [first, count] = args;
  if (first && typeof first === 'object' && 'count' in first) {
    return (first as { count?: number }).count ?? Infinity;
  }
  return typeof count === 'number' ? count : Infinity;
}
