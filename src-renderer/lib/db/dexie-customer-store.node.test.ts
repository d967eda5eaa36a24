// The store's suite in Node over fake-indexeddb: the same rules as in Chromium, so code that
// builds on the store (the sync engine) can unit-test against the real store without a browser.
import { Dexie } from 'dexie';
import { describe } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openCustomerStore } from './dexie-customer-store';
import { deleteDatabase } from './test-support/delete-database';
import { customerStoreSuite } from './test-support/store-suite';

const factory = new IDBFactory();
// liveQuery runs only where Dexie finds an IndexedDB of its own (a browser has one; Node does not),
// so the live reads' rules get this file's fake one.
Dexie.dependencies.indexedDB = factory;
Dexie.dependencies.IDBKeyRange = IDBKeyRange;

for (const layout of ['rows', 'pages'] as const) {
  describe(`customers stored as ${layout}`, () => {
    customerStoreSuite({
      project: 'node',
      layout,
      open: (name) => openCustomerStore(name, { indexedDb: { indexedDB: factory, IDBKeyRange } }),
      remove: (name) => deleteDatabase(factory, name),
    });
  });
}
