// The export of most of a connection, read by primary-key range over the real row source
// (fake-indexeddb): the lines come out in the view's order, not the store's; a selection gets only
// its own rows; a row deleted since the view was taken is left out as a read by key leaves it;
// cancel between pages drops the file; progress moves page by page; a small selection is still
// read by key.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { revnueDescriptor } from '../../../src-shared/connectors';
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import { FieldbookDatabase } from '../db/schema';
import type { StoredCustomerRow } from '../db/stored-row';
import { deleteDatabase } from '../db/test-support/delete-database';
import { exportByRange } from './export-by-range';
import { viewColumns } from './export-columns';
import { ExportFailure, type ExportSink } from './export-sinks';
import { openExportRowSource, type ExportRowSource } from './read-rows';
import { runExport } from './run-export';

const descriptor = revnueDescriptor as ConnectorDescriptor<unknown>;
const plan = { format: 'csv' as const, columns: viewColumns(descriptor, {}).slice(0, 1) };
const indexedDb = { indexedDB: new IDBFactory(), IDBKeyRange };
const dbName = 'export-by-range';
/** 40 customers whose keys sort k00…k39 in the store. */
const storeKeys = Array.from({ length: 40 }, (_, i) => `k${String(i).padStart(2, '0')}`);

function rowOf(connectionId: string, key: string): StoredCustomerRow {
  const record = { name: `${connectionId} ${key}`, company: 1 };
  return {
    connectionId,
    key,
    serverId: key,
    record,
    base: record,
    remote: null,
    remoteHydration: null,
    hydration: 'full',
    syncState: 'synced',
    opened: false,
    fieldErrors: null,
    updatedAt: 1,
  };
}

/** The real source, counting how it was read. */
function countedSource(): Required<ExportRowSource> & { byKey: number; pages: number } {
  const real = openExportRowSource(dbName, 'c1', indexedDb);
  const counted = {
    byKey: 0,
    pages: 0,
    read: (keys: readonly string[]) => ((counted.byKey += 1), real.read(keys)),
    count: () => real.count!(),
    page: (after: string | undefined, limit: number) => (
      (counted.pages += 1),
      real.page!(after, limit)
    ),
    close: () => real.close(),
  };
  return counted;
}

function sink() {
  const file = { text: '', finished: false, cancelled: false };
  const s: ExportSink = {
    write: async (text) => void (file.text += text),
    finish: async () => ((file.finished = true), '/tmp/x.csv'),
    cancel: async () => void (file.cancelled = true),
  };
  return { file, sink: s };
}

const csvOf = (keys: readonly string[]) =>
  '\uFEFFName\r\n' + keys.map((key) => `c1 ${key}\r\n`).join('');

/** A view order unlike the store's: every seventh key onwards, wrapping round. */
const shuffled = (keys: readonly string[]) =>
  keys.map((_, i) => keys[(i * 7) % keys.length]!).filter((k, i, all) => all.indexOf(k) === i);

beforeEach(async () => {
  const db = new FieldbookDatabase(dbName, 'strict', indexedDb);
  // A second connection's rows lie on both sides of c1's range and must never be read as c1's.
  await db.customers.bulkPut([
    ...storeKeys.map((key) => rowOf('c1', key)),
    ...storeKeys.map((key) => rowOf('c0', key)),
    ...storeKeys.map((key) => rowOf('c2', key)),
  ]);
  db.close();
});

afterEach(() => deleteDatabase(indexedDb.indexedDB, dbName));

describe('export by primary-key range', () => {
  test('the whole view is read by range and written in the view’s order exactly', async () => {
    const view = [...storeKeys].reverse();
    const source = countedSource();
    const out = sink();
    const outcome = await runExport({ keys: view, source, plan, sink: out.sink, batch: 7 });
    source.close();
    expect(outcome).toEqual({ outcome: 'exported', customers: 40, where: '/tmp/x.csv' });
    expect(out.file.text).toBe(csvOf(view));
    expect(source).toMatchObject({ byKey: 0, pages: 1 });
  });

  test('a large selection gets its own rows only, in its order', async () => {
    const selection = shuffled(storeKeys).slice(0, 20);
    expect(selection).not.toEqual([...selection].sort());
    const source = countedSource();
    const out = sink();
    const outcome = await runExport({ keys: selection, source, plan, sink: out.sink });
    source.close();
    expect(outcome).toMatchObject({ outcome: 'exported', customers: 20 });
    expect(out.file.text).toBe(csvOf(selection));
    expect(source.byKey).toBe(0);
  });

  test('a small selection is still read by key', async () => {
    const selection = ['k31', 'k02', 'k17'];
    const source = countedSource();
    const out = sink();
    await runExport({ keys: selection, source, plan, sink: out.sink });
    source.close();
    expect(out.file.text).toBe(csvOf(selection));
    expect(source).toMatchObject({ byKey: 1, pages: 0 });
  });

  test('rows deleted since the view was taken are left out; progress moves page by page', async () => {
    const view = shuffled(storeKeys);
    const withGone = [...view.slice(0, 10), 'gone-1', ...view.slice(10), 'gone-2'];
    const source = openExportRowSource(dbName, 'c1', indexedDb);
    const out = sink();
    const progress: number[] = [];
    const found = await exportByRange({
      keys: withGone,
      page: source.page!,
      plan,
      sink: out.sink,
      batch: 8,
      pageSize: 15,
      onProgress: (done, total) => progress.push(done, total),
    });
    source.close();
    expect(found).toBe(40);
    expect(out.file.text).toBe(csvOf(view).slice(csvOf([]).length));
    // Three pages (15, 15, 10 rows), then the end said once the text is written.
    expect(progress).toEqual([15, 42, 30, 42, 40, 42, 42, 42]);
  });

  test('cancel between pages stops reading and drops the file', async () => {
    const abort = new AbortController();
    const source = countedSource();
    const out = sink();
    const outcome = await runExport({
      keys: storeKeys,
      source: {
        ...source,
        // Pages of 10 rows, so the export is mid-way when the first page's progress cancels it.
        page: (after) => source.page(after, 10),
      },
      plan,
      sink: out.sink,
      signal: abort.signal,
      onProgress: (done) => done === 10 && abort.abort(),
    });
    source.close();
    expect(outcome).toEqual({ outcome: 'cancelled' });
    expect(out.file).toMatchObject({ finished: false, cancelled: true });
    expect(out.file.text).toBe('\uFEFFName\r\n');
    expect(source.pages).toBeLessThan(4);
  });

  test('a failed page is said in words and the file is dropped', async () => {
    const out = sink();
    const run = runExport({
      keys: storeKeys,
      source: {
        read: async () => [],
        count: async () => 40,
        page: async () => Promise.reject(new Error('UnknownError')),
        close() {},
      },
      plan,
      sink: out.sink,
    });
    await expect(run).rejects.toBeInstanceOf(ExportFailure);
    await expect(run).rejects.toThrow(
      'The customers could not be read from this computer: UnknownError',
    );
    expect(out.file.cancelled).toBe(true);
  });
});
