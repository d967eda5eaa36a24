// Packed summary pages (summary-page.ts, page-writes.ts): what the pull writes where, and what the
// readers then answer. The store suite runs every rule on both layouts; these are the rules of
// the layout itself — which chunk becomes pages, carry-over of unaligned pages, the own-row fold,
// the deletion sweep and its removal log, the hydration queue, a connection's deletion.
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { R2CustomerRecord } from '../../../src-shared/connectors/r2/api';
import type { CustomerStore, PulledRecord } from './customer-store';
import { openCustomerStore } from './dexie-customer-store';
import { FieldbookDatabase } from './schema';
import { r2Case } from './test-support/store-cases';

const descriptor = r2Case.descriptor;
const c = 'conn-r2';
const other = 'conn-other';
let factory: IDBFactory;
let store: CustomerStore;
let raw: FieldbookDatabase;
let clock = 1_000;

const id = (n: number) => String(n).padStart(5, '0');
const summary = (n: number, name = `Customer ${n}`): PulledRecord<R2CustomerRecord> => ({
  serverId: id(n),
  record: r2Case.serverRecord(id(n), name),
  hydration: 'summary',
});
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => summary(from + i));
const pull = (records: PulledRecord<R2CustomerRecord>[], connectionId = c) =>
  store.applyPulled(descriptor, connectionId, records);

async function allRows(connectionId = c) {
  const rows = [];
  for await (const chunk of store.listRows<R2CustomerRecord>(connectionId, undefined, 7)) {
    rows.push(...chunk);
  }
  return rows;
}
const pagesOf = (connectionId = c) =>
  raw.summaryPages
    .where('[connectionId+firstKey]')
    .between([connectionId, ''], [connectionId, '\uffff'])
    .toArray();
const ownKeys = (connectionId = c) =>
  raw.customers
    .where('[connectionId+key]')
    .between([connectionId, ''], [connectionId, '\uffff'])
    .primaryKeys()
    .then((keys) => keys.map(([, key]) => key));

beforeEach(async () => {
  factory = new IDBFactory();
  const indexedDb = { indexedDB: factory, IDBKeyRange };
  store = openCustomerStore('pages', { indexedDb, now: () => (clock += 1) });
  await store.open();
  raw = new FieldbookDatabase('pages', 'relaxed', indexedDb);
});
afterEach(() => {
  store.close();
  raw.close();
});

describe('which chunk becomes pages', () => {
  test('summaries in key order are pages, no row per customer; every reader sees them', async () => {
    await pull(range(1, 600));
    await pull(range(1, 3), other);
    expect(await ownKeys()).toEqual([]);
    const pages = await pagesOf();
    expect(pages.map((page) => page.keys.length)).toEqual([200, 200, 200]);
    expect(pages.flatMap((page) => page.keys)).toEqual(range(1, 600).map((r) => r.serverId));
    expect(await store.countRows(c)).toBe(600);
    expect(await store.listKeys(c)).toEqual(range(1, 600).map((r) => r.serverId));
    const rows = await allRows();
    expect(rows.map((row) => row.key)).toEqual(range(1, 600).map((r) => r.serverId));
    expect(rows[42]).toMatchObject({
      key: id(43),
      serverId: id(43),
      hydration: 'summary',
      syncState: 'synced',
      opened: false,
      remote: null,
    });
    expect(rows[42]!.record.companyname).toBe('Customer 43');
    expect((await store.getCustomer<R2CustomerRecord>(c, id(250)))?.record.companyname).toBe(
      'Customer 250',
    );
    expect(await store.getCustomer(c, id(601))).toBeUndefined();
    expect((await store.getCustomers(c, [id(599), id(2), 'nope'])).map((r) => r.key)).toEqual([
      id(599),
      id(2),
    ]);
  });

  test('a chunk not in key order, or of full records, is written as rows', async () => {
    await pull([summary(3), summary(1), summary(2)]);
    await pull([{ ...summary(7), hydration: 'full' }]);
    expect(await pagesOf()).toEqual([]);
    expect(await ownKeys()).toEqual([id(1), id(2), id(3), id(7)]);
  });

  test('the same chunk applied twice writes nothing the second time', async () => {
    await pull(range(1, 10));
    const [before] = await pagesOf();
    await pull(range(1, 10));
    expect(await pagesOf()).toEqual([before]);
  });
});

describe('a later pull over stored pages', () => {
  test('an unaligned chunk keeps the records around and inside it (a page never deletes)', async () => {
    await pull(range(1, 20));
    await pull(range(21, 40));
    // 15–25 again, but without 18 and with 22 renamed: 18 is carried over, nothing is lost.
    await pull([...range(15, 17), ...range(19, 21), summary(22, 'Renamed'), ...range(23, 25)]);
    const pages = await pagesOf();
    const keys = pages.flatMap((page) => page.keys);
    expect(keys).toEqual(range(1, 40).map((r) => r.serverId));
    for (let i = 1; i < pages.length; i += 1) {
      expect(pages[i - 1]!.lastKey < pages[i]!.firstKey).toBe(true);
    }
    expect((await store.getCustomer<R2CustomerRecord>(c, id(22)))?.record.companyname).toBe(
      'Renamed',
    );
    expect(await store.countRows(c)).toBe(40);
  });

  test('an own row with a waiting change is folded as before; a plain synced one is dropped', async () => {
    await pull(range(1, 10));
    const edited = (await store.getCustomer<R2CustomerRecord>(c, id(4)))!;
    await store.saveCustomer(descriptor, c, id(4), r2Case.withPhone(edited.record, '+1 555'));
    await store.markOpened(c, id(5));
    await pull([{ ...summary(6), hydration: 'full' }]);
    expect(await ownKeys()).toEqual([id(4), id(5), id(6)]);
    await pull([...range(1, 5), summary(6, 'New name'), ...range(7, 10)]);
    // 6 was a complete copy; the changed summary makes it a plain summary again: the page says it.
    expect(await ownKeys()).toEqual([id(4), id(5)]);
    const four = (await store.getCustomer<R2CustomerRecord>(c, id(4)))!;
    expect(four.syncState).toBe('waiting');
    expect(r2Case.phoneOf(four.record)).toBe('+1 555');
    expect((await store.getCustomer(c, id(5)))?.opened).toBe(true);
    await pull([...range(1, 3), summary(4, 'Server rename'), ...range(5, 10)]);
    const after = (await store.getCustomer<R2CustomerRecord>(c, id(4)))!;
    expect(r2Case.phoneOf(after.record)).toBe('+1 555');
    expect(after.remote?.companyname).toBe('Server rename');
  });
});

describe('records leaving pages', () => {
  test('a complete listing drops the records it did not hold and notes them as removed', async () => {
    await pull(range(1, 10));
    const edited = (await store.getCustomer<R2CustomerRecord>(c, id(3)))!;
    await store.saveCustomer(descriptor, c, id(3), r2Case.withPhone(edited.record, '+1 555'));
    const { seq } = await store.removedSince(c, Infinity);
    const seen = new Set([1, 2, 4, 5, 6].map(id));
    expect(await store.applyDeletions(c, seen)).toBe(5);
    expect(await store.listKeys(c)).toEqual([...seen, id(3)].sort());
    expect((await store.getCustomer(c, id(3)))?.syncState).toBe('conflict');
    const removed = await store.removedSince(c, seq);
    expect([...(removed.keys ?? [])].sort()).toEqual([7, 8, 9, 10].map(id));
  });

  test('a record reported gone by id leaves its page and the log says so', async () => {
    await pull(range(1, 10));
    const { seq } = await store.removedSince(c, Infinity);
    expect(await store.markDeletedOnServer(c, [id(5), id(99)])).toBe(1);
    expect(await store.getCustomer(c, id(5))).toBeUndefined();
    expect(await store.countRows(c)).toBe(9);
    expect((await store.removedSince(c, seq)).keys).toEqual([id(5)]);
  });

  test('deleting a connection deletes its pages and no other connection’s', async () => {
    await pull(range(1, 10));
    await pull(range(1, 10), other);
    await store.deleteConnectionData(c);
    expect(await pagesOf()).toEqual([]);
    expect(await store.countRows(other)).toBe(10);
  });
});

describe('readers of pages', () => {
  test('rows written since a watermark include every record of a page written since', async () => {
    await pull(range(1, 10));
    await pull(range(11, 20));
    const since = clock + 1;
    await pull([...range(11, 14), summary(15, 'Changed'), ...range(16, 20)]);
    const rows = [];
    for await (const chunk of store.listRows(c, since)) rows.push(...chunk);
    expect(rows.map((row) => row.key)).toEqual(range(11, 20).map((r) => r.serverId));
  });

  test('the hydration queue holds page records without an own row, after the opened ones', async () => {
    await pull(range(1, 5));
    await store.markOpened(c, id(4));
    await pull([{ ...summary(2), hydration: 'full' }]);
    const queue = await store.rowsToHydrate(c, 'all', 10);
    expect(queue.map((row) => row.key)).toEqual([id(4), id(1), id(3), id(5)]);
    expect((await store.rowsToHydrate(c, new Set([id(5), id(2)]), 10)).map((r) => r.key)).toEqual([
      id(4),
      id(5),
    ]);
  });

  test('the export’s and the search worker’s reads in key order merge own rows and pages', async () => {
    await pull(range(1, 20));
    await store.createCustomer(descriptor, c, r2Case.newRecord('Local'));
    await store.markOpened(c, id(9));
    const rows = await allRows();
    expect(rows).toHaveLength(21);
    expect(rows.filter((row) => row.key === id(9))).toMatchObject([{ opened: true }]);
    expect(rows.at(-1)?.key.startsWith('local-')).toBe(true);
  });
});

describe('by-key readers decode each page once', () => {
  test('a bulk edit of keys on one page reads that page once, and a key named twice is re-read', async () => {
    await pull(range(1, 100));
    const pageReads = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const keys = [id(10), id(20), id(30), id(40), id(50), id(10)];
    const result = await store.setFieldOfMany(descriptor, c, keys, {
      path: r2Case.phonePath,
      value: '+44 20 7946 0000',
      lookups: {},
    });
    const onPages = pageReads.mock.contexts.filter(
      (s) => (s as IDBObjectStore).name === 'summaryPages',
    );
    pageReads.mockRestore();
    expect(result).toEqual({ queued: 5, unchanged: 1, missing: 0, refused: [] });
    expect(onPages).toHaveLength(1);
  });
});
