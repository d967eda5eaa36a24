// The remembered first screen keeps its rows (first-screen.ts) so an open reads one value instead
// of one page per key; the removal log says which of them went since.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { R2CustomerRecord } from '../../../src-shared/connectors/r2/api';
import type { CustomerStore } from '../db/customer-store';
import { openCustomerStore } from '../db/dexie-customer-store';
import { r2Case } from '../db/test-support/store-cases';
import { openFirstScreens } from './first-screen';
import { readFirstScreenRows } from './first-screen-rows';

const c = 'conn-r2';
const id = (n: number) => String(n).padStart(5, '0');
const limits = { keys: 160, changes: 100 };
let store: CustomerStore;
let screens: ReturnType<typeof openFirstScreens>;

beforeEach(async () => {
  const indexedDb = { indexedDB: new IDBFactory(), IDBKeyRange };
  let clock = 1_000;
  store = openCustomerStore('first-screen', { indexedDb, now: () => (clock += 1) });
  screens = openFirstScreens('first-screen', indexedDb);
  const records = Array.from({ length: 50 }, (_, i) => ({
    serverId: id(i + 1),
    record: r2Case.serverRecord(id(i + 1), `Customer ${i + 1}`),
    hydration: 'summary' as const,
  }));
  await store.applyPulled(r2Case.descriptor, c, records);
});
afterEach(() => {
  store.close();
  screens.close();
});

test('a saved screen keeps its rows; an open reads them, not the rows by key', async () => {
  const keys = [id(40), id(3), id(27)];
  await screens.write({ connectionId: c, keys, count: 50, savedAt: 10_000 });
  const saved = await screens.read(c);
  expect(saved?.rows?.map((row) => row.key)).toEqual(keys);
  const byKey = vi.spyOn(store, 'getCustomers');
  const head = await readFirstScreenRows(store, screens, c, limits);
  expect(byKey).not.toHaveBeenCalled();
  expect(head?.rows.map((row) => (row.record as R2CustomerRecord).companyname)).toEqual([
    'Customer 40',
    'Customer 3',
    'Customer 27',
  ]);
});

test('a kept row removed since the save is left out', async () => {
  await screens.write({ connectionId: c, keys: [id(1), id(2), id(3)], count: 50, savedAt: 10_000 });
  await store.markDeletedOnServer(c, [id(2)]);
  const head = await readFirstScreenRows(store, screens, c, limits);
  expect(head?.rows.map((row) => row.key)).toEqual([id(1), id(3)]);
});

test('when the removal log no longer reaches back, the rows are read by key', async () => {
  await screens.write({ connectionId: c, keys: [id(1), id(2)], count: 50, savedAt: 10_000 });
  const saved = (await screens.read(c))!;
  await screens.write({ ...saved, removedSeq: saved.removedSeq! + 5 });
  const byKey = vi.spyOn(store, 'getCustomers');
  const head = await readFirstScreenRows(store, screens, c, limits);
  expect(byKey).toHaveBeenCalledOnce();
  expect(head?.rows.map((row) => row.key)).toEqual([id(1), id(2)]);
});
