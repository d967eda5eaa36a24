// Which requests every reader of `customers` and `summaryPages` sends to IndexedDB: the store's operations, its live
// reads and the export's row source, each traced on fake-indexeddb (request, index, key range).
// The trace is kept in a snapshot so that moving the readers behind one read path
// (customer-rows.ts) shows it sends the same requests over the same indexes: no extra read, no
// other index. A change of a reader's requests shows up here as a snapshot difference to review.
import { Dexie } from 'dexie';
import { IDBFactory, IDBIndex, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { R2CustomerRecord } from '../../../src-shared/connectors/r2/api';
import { openExportRowSource } from '../export/read-rows';
import type { CustomerStore } from './customer-store';
import type { LiveRead } from './live-read';
import { openCustomerStore } from './dexie-customer-store';
import { r2Case } from './test-support/store-cases';

const factory = new IDBFactory();
// liveQuery runs only where Dexie finds an IndexedDB of its own; Node has none but this fake.
Dexie.dependencies.indexedDB = factory;
Dexie.dependencies.IDBKeyRange = IDBKeyRange;
const indexedDb = { indexedDB: factory, IDBKeyRange };
const dbName = 'customer-reads-trace';
const c = 'conn-r2';
const descriptor = r2Case.descriptor;
let store: CustomerStore;
let localKey: string;

const readRequests = [
  'get',
  'getKey',
  'getAll',
  'getAllKeys',
  'count',
  'openCursor',
  'openKeyCursor',
] as const;
let trace: string[] = [];

function describeQuery(query: unknown): string {
  if (query instanceof IDBKeyRange) {
    const lower = query.lower === undefined ? '' : JSON.stringify(query.lower);
    const upper = query.upper === undefined ? '' : JSON.stringify(query.upper);
    return `${query.lowerOpen ? '(' : '['}${lower}..${upper}${query.upperOpen ? ')' : ']'}`;
  }
  return JSON.stringify(query) ?? 'all';
}

function traced(where: 'store' | 'index', prototype: object, method: string): void {
  const original = (prototype as Record<string, (...args: unknown[]) => unknown>)[method]!;
  vi.spyOn(prototype as Record<string, (...args: unknown[]) => unknown>, method).mockImplementation(
    function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
      const storeName = this instanceof IDBIndex ? this.objectStore.name : this.name;
      if (storeName === 'customers' || storeName === 'summaryPages') {
        const on = this instanceof IDBIndex ? this.name : 'primary';
        const [query, second] = args;
        const extra = second === undefined ? '' : ` ${JSON.stringify(second)}`;
        // Own rows as before; the packed pages' requests marked as such.
        const table = storeName === 'summaryPages' ? 'pages ' : '';
        trace.push(
          `${table}${where === 'index' ? 'index' : 'store'} ${on} ${method} ${describeQuery(query)}${extra}`,
        );
      }
      return original.apply(this, args);
    },
  );
}

/** The read requests `work` sends to the customers table, in the order sent. */
async function requestsOf(work: () => Promise<unknown>): Promise<string[]> {
  trace = [];
  await work();
  return trace;
}

beforeAll(async () => {
  let id = 0;
  store = openCustomerStore(dbName, {
    indexedDb,
    now: () => 1_000,
    newId: () => `id-${++id}`,
  });
  await store.applyPulled(
    descriptor,
    c,
    ['1', '2', '3', '4'].map((serverId) => ({
      serverId,
      record: r2Case.serverRecord(serverId, `Customer ${serverId}`),
      hydration: serverId === '4' ? ('full' as const) : ('summary' as const),
    })),
  );
  localKey = await store.createCustomer(descriptor, c, r2Case.newRecord('New one'));
  await store.lists.setFavourite(c, '3', true);
  await store.lists.noteOpened(c, '4');
  for (const method of readRequests) {
    traced('store', IDBObjectStore.prototype, method);
    traced('index', IDBIndex.prototype, method);
  }
});

afterAll(() => {
  vi.restoreAllMocks();
  store.close();
});

const chunks = async (rows: AsyncIterable<unknown[]>) => {
  for await (const _chunk of rows) {
    // read to the end
  }
};

/** Resolves on a live read's first answer (its first run), then stops watching. */
function firstAnswer<V>(read: LiveRead<V>): Promise<void> {
  return new Promise((resolve, reject) => {
    const subscription = read.subscribe({
      next: () => {
        queueMicrotask(() => subscription.unsubscribe());
        resolve();
      },
      error: reject,
    });
  });
}

test('the store’s reads of customer rows send these requests', async () => {
  const reads: Record<string, string[]> = {
    getCustomer: await requestsOf(() => store.getCustomer(c, '2')),
    getCustomers: await requestsOf(() => store.getCustomers(c, ['3', 'missing', '1'])),
    'listRows all': await requestsOf(() => chunks(store.listRows(c, undefined, 2))),
    'listRows since': await requestsOf(() => chunks(store.listRows(c, 1_000, 2, 3))),
    listKeys: await requestsOf(() => store.listKeys(c)),
    countRows: await requestsOf(() => store.countRows(c)),
    findOtherCustomer: await requestsOf(() =>
      store.findOtherCustomer(
        c,
        '1',
        (record) => (record as R2CustomerRecord).companyname === 'none',
      ),
    ),
    'rowsToHydrate all': await requestsOf(() => store.rowsToHydrate(c, 'all', 10)),
    'rowsToHydrate opened': await requestsOf(() => store.rowsToHydrate(c, 'opened', 10)),
    'rowsToHydrate ids': await requestsOf(() => store.rowsToHydrate(c, new Set(['3', '4']), 10)),
    favouriteKeys: await requestsOf(() => store.lists.favouriteKeys(c)),
    recentKeys: await requestsOf(() => store.lists.recentKeys(c)),
    liveCustomer: await requestsOf(() => firstAnswer(store.liveCustomer(c, '2'))),
    liveChanges: await requestsOf(() => firstAnswer(store.liveChanges(c))),
  };
  expect(reads).toMatchSnapshot();
});

test('the store’s changes read customer rows with these requests', async () => {
  const name = r2Case.namePath;
  const reads: Record<string, string[]> = {
    markOpened: await requestsOf(() => store.markOpened(c, '2')),
    setFavourite: await requestsOf(() => store.lists.setFavourite(c, '2', true)),
    saveCustomer: await requestsOf(() =>
      store.saveCustomer(
        descriptor,
        c,
        '1',
        r2Case.withCity(r2Case.serverRecord('1', 'Customer 1'), 'Zurich'),
      ),
    ),
    setFieldOfMany: await requestsOf(() =>
      store.setFieldOfMany(descriptor, c, ['2', 'gone'], {
        path: name,
        value: 'Renamed',
        lookups: {},
      }),
    ),
    discardChanges: await requestsOf(() => store.discardChanges(c, '2')),
    'applyPulled (rows exist)': await requestsOf(() =>
      store.applyPulled(descriptor, c, [
        { serverId: '3', record: r2Case.serverRecord('3', 'Customer 3b'), hydration: 'summary' },
        { serverId: '5', record: r2Case.serverRecord('5', 'Customer 5'), hydration: 'summary' },
      ]),
    ),
    markDeletedOnServer: await requestsOf(() => store.markDeletedOnServer(c, ['5'])),
    applyDeletions: await requestsOf(() => store.applyDeletions(c, new Set(['1', '2', '3']))),
  };
  expect(reads).toMatchSnapshot();
});

test('the export’s row source reads customer rows with these requests', async () => {
  const source = openExportRowSource(dbName, c, indexedDb);
  const reads: Record<string, string[]> = {
    read: await requestsOf(() => source.read(['2', 'missing', localKey])),
    count: await requestsOf(() => source.count!()),
    'page first': await requestsOf(() => source.page!(undefined, 2)),
    'page after': await requestsOf(() => source.page!('2', 2)),
  };
  source.close();
  expect(reads).toMatchSnapshot();
});
