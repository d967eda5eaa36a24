// The store in real Chromium on real IndexedDB: the shared suite, plus what only a browser shows —
// a full disk during a save, and data surviving a closed and reopened database.
import { openCustomerStore } from './dexie-customer-store';
import { deleteDatabase } from './test-support/delete-database';
import { customerStoreSuite } from './test-support/store-suite';

customerStoreSuite({
  project: 'browser',
  open: (name) => openCustomerStore(name),
  remove: (name) => deleteDatabase(indexedDB, name),
});
