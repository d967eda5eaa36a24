// A restore from main's change journal is a store write like any other: the live reads answer it
// with the restored row, so an open editor and the list show it with no other signal.
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, expect, test, vi } from 'vitest';
import type { R2CustomerRecord } from '../../../src-shared/connectors/r2/api';
import { r2Descriptor } from '../../../src-shared/connectors';
import type { CustomerStore } from './customer-store';
import { openCustomerStore } from './dexie-customer-store';
import type { CustomerRow } from './rows';
import { r2Case } from './test-support/store-cases';
import { createMemoryJournal, type MemoryJournal } from './test-support/memory-journal';

const factory = new IDBFactory();
// liveQuery runs only where Dexie finds an IndexedDB of its own; Node has none but this fake.
Dexie.dependencies.indexedDB = factory;
Dexie.dependencies.IDBKeyRange = IDBKeyRange;
const connectionId = 'conn-r2';
let opened: CustomerStore[] = [];
const stops: (() => void)[] = [];
let counter = 0;

function open(journal: MemoryJournal): CustomerStore {
  const store = openCustomerStore(`live-restore-${counter++}`, {
    indexedDb: { indexedDB: factory, IDBKeyRange },
    journal,
  });
  opened.push(store);
  return store;
}
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  for (const store of opened) store.close();
  opened = [];
});

test('a restored customer answers its live row and the connection’s change count', async () => {
  const journal = createMemoryJournal();
  const before = open(journal);
  const key = await before.createCustomer(r2Descriptor, connectionId, r2Case.newRecord('Acme'));

  const wiped = open(journal);
  const rows: (CustomerRow<R2CustomerRecord> | undefined)[] = [];
  const changes: number[] = [];
  const fail = (error: unknown) => {
    throw error;
  };
  const row = wiped.liveCustomer<R2CustomerRecord>(connectionId, key).subscribe({
    next: (value) => rows.push(value),
    error: fail,
  });
  const count = wiped
    .liveChanges(connectionId)
    .subscribe({ next: (value) => changes.push(value), error: fail });
  stops.push(
    () => row.unsubscribe(),
    () => count.unsubscribe(),
  );
  await vi.waitFor(() => expect([rows, changes]).toEqual([[undefined], [0]]));

  expect(await wiped.reconcileJournal!(connectionId)).toEqual({ restored: 1, notices: [] });
  await vi.waitFor(() => expect(changes.at(-1)).toBeGreaterThan(0));
  await vi.waitFor(() =>
    expect(rows.at(-1)).toMatchObject({
      key,
      syncState: 'waiting',
      record: { companyname: 'Acme' },
    }),
  );
});
