// The list's first screenful read on the main thread (first-rows.ts) on the real Dexie store over
// fake-indexeddb: the same rows, in the same order, as the search worker's first answer after a
// reload — with rows renamed and added since the first screen was remembered — and nothing when
// nothing was remembered or too much changed since.
import { IDBFactory, IDBIndex, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, expect, it, vi } from 'vitest';
import { revnueDescriptor } from '../../../src-shared/connectors';
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import type { CustomerStore } from '../db/customer-store';
import { openCustomerStore } from '../db/dexie-customer-store';
import { openFirstScreens } from '../search/first-screen';
import { SearchService } from '../search/search-service';
import type { FromWorker } from '../search/search-types';
import {
  corpusLookups,
  corpusPulled,
  type corpusRecord,
} from '../search/test-support/customer-corpus';
import { EARLY_ROWS, readFirstRows } from './first-rows';

const dependencies = { indexedDB: new IDBFactory(), IDBKeyRange };
const descriptor = revnueDescriptor as ConnectorDescriptor<unknown>;
const closers: (() => void)[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const close of closers.splice(0)) close();
});

/** A store of `count` customers whose first screen a worker remembered; a clock tests move. */
async function remembered(count: number) {
  const clock = { now: 1_000 };
  const store = openCustomerStore(`first-rows-${Math.random()}`, {
    indexedDb: dependencies,
    now: () => (clock.now += 1),
  });
  const screens = openFirstScreens(store.name, dependencies);
  closers.push(
    () => store.close(),
    () => screens.close(),
  );
  await store.putLookups('c', corpusLookups, 1);
  await store.applyPulled(revnueDescriptor, 'c', corpusPulled(0, count));
  await new SearchService(store, 'c', descriptor, () => {}, screens).load();
  clock.now = 5_000;
  return { store, screens, clock };
}

async function rename(store: CustomerStore, key: string, name: string) {
  const row = (await store.getCustomer<ReturnType<typeof corpusRecord>>('c', key))!;
  await store.saveCustomer(revnueDescriptor, 'c', key, { ...row.record, name });
}

/** What the worker answers first on a reload (the reference). */
async function workerFirstRows(store: CustomerStore, screens: ReturnType<typeof openFirstScreens>) {
  const messages: FromWorker[] = [];
  const service = new SearchService(store, 'c', descriptor, (m) => messages.push(m), screens);
  service.query(1, {
    text: '',
    facets: {},
    badge: '',
    sort: { column: 'name', descending: false },
  });
  await service.load();
  const first = messages.find((m) => m.type === 'result')!;
  return first.firstRows.map(([, row]) => row);
}

it('reads the first screenful as the worker first answers it, rows written since included', async () => {
  const { store, screens } = await remembered(3_000);
  await rename(store, '2500', 'Aaron Bau');
  // Moved down: the remembered first customer is now far behind the first screen.
  const [firstKey] = (await screens.read('c'))!.keys;
  await rename(store, firstKey!, 'Zz Moved Down');
  await store.createCustomer(revnueDescriptor, 'c', {
    ...revnueDescriptor.emptyRecord(),
    name: 'Abel Kran',
  });

  const rows = await readFirstRows({ store, connectionId: 'c', descriptor, screens });

  expect(rows.length).toBe(EARLY_ROWS);
  expect(rows.slice(0, 2).map((row) => row.name)).toEqual(['Aaron Bau', 'Abel Kran']);
  expect(rows.map((row) => row.key)).not.toContain(firstKey);
  // Cells and badges as the worker shows them (the lookups read: a country by name).
  expect(rows).toEqual((await workerFirstRows(store, screens)).slice(0, EARLY_ROWS));
  expect(rows[2]!.cells).toContain('Germany');
  expect(rows.find((row) => row.name === 'Aaron Bau')!.badge).toBe('waiting');
});

it('reads nothing on a first open, or when more changed since than a screenful is worth', async () => {
  const { store, screens } = await remembered(400);
  const other = openCustomerStore(`first-rows-${Math.random()}`, { indexedDb: dependencies });
  const none = openFirstScreens(other.name, dependencies);
  closers.push(
    () => other.close(),
    () => none.close(),
  );
  await other.applyPulled(revnueDescriptor, 'c', corpusPulled(0, 50));
  const first = await readFirstRows({ store: other, connectionId: 'c', descriptor, screens: none });
  expect(first).toEqual([]);

  for (let key = 1; key <= 201; key += 1) await rename(store, String(key), `Renamed ${key}`);
  expect(await readFirstRows({ store, connectionId: 'c', descriptor, screens })).toEqual([]);
});

it('reads no more keys of the rows written since than one past its limit', async () => {
  const { store, screens } = await remembered(400);
  // Every row written since, as after a pull while the list was closed.
  await store.applyPulled(
    revnueDescriptor,
    'c',
    corpusPulled(0, 400).map((pulled) => ({
      ...pulled,
      record: { ...pulled.record, name: `${pulled.record.name} again` },
    })),
  );
  const keysAsked: number[] = [];
  const getAllKeys = IDBIndex.prototype.getAllKeys;
  vi.spyOn(IDBIndex.prototype, 'getAllKeys').mockImplementation(function (this: IDBIndex, ...args) {
    keysAsked.push(countAsked(args));
    return getAllKeys.apply(this, args);
  });
  expect(await readFirstRows({ store, connectionId: 'c', descriptor, screens })).toEqual([]);
  expect(keysAsked).toEqual([201]);
});

/** How many entries a getAll/getAllKeys asks for: its second argument, or its options' count. */
function countAsked(args: readonly unknown[]): number {
  const [first, count] = args;
  if (first && typeof first === 'object' && 'count' in first) {
    return (first as { count?: number }).count ?? Infinity;
  }
  return typeof count === 'number' ? count : Infinity;
}
