// The search worker for real in Chromium: it opens the same IndexedDB database as the window's
// store, indexes the connection, answers queries (the docs move, they are not copied) and rows.
import { afterEach, expect, test } from 'vitest';
import { revnueDescriptor } from '../../../src-shared/connectors';
import type { CustomerStore } from '../db/customer-store';
import { openCustomerStore } from '../db/dexie-customer-store';
import { startSearchWorker, type SearchClient } from './search-client';
import type { FromWorker, ListQuery } from './search-types';
import { corpusLookups, corpusPulled, corpusRecord } from './test-support/customer-corpus';

let store: CustomerStore | undefined;
let client: SearchClient | undefined;
afterEach(() => {
  client?.close();
  store?.close();
});

const query = (text: string): ListQuery => ({
  text,
  facets: {},
  badge: '',
  sort: { column: 'name', descending: false },
});

test('indexes the store in its own thread and answers queries and rows', async () => {
  store = openCustomerStore(`worker-${Date.now()}`);
  await store.putLookups('c', corpusLookups, 1);
  await store.applyPulled(revnueDescriptor, 'c', corpusPulled(0, 1_500));
  const messages: FromWorker[] = [];
  client = startSearchWorker({
    dbName: store.name,
    connectionId: 'c',
    kind: 'revnue-v2',
    onMessage: (message) => messages.push(message),
  });
  const ready = () => messages.some((m) => m.type === 'progress' && m.ready);
  // Indexing 1,500 rows in the worker can take past the poll's default 1 s on a loaded machine.
  await expect.poll(ready, { timeout: 15_000 }).toBe(true);
  const seq = client.query(query('schmidt'));
  const answer = () => messages.find((m) => m.type === 'result' && m.seq === seq);
  await expect.poll(answer).toBeDefined();
  const result = answer() as Extract<FromWorker, { type: 'result' }>;
  const expected = Array.from({ length: 1_500 }, (_, i) => corpusRecord(i).name).filter((name) =>
    name.includes('Schmidt'),
  );
  // The first screenful of docs and the count; every doc follows in a message of its own.
  expect(result.count).toBe(expected.length);
  expect(result.docs.length).toBe(Math.min(80, expected.length));
  const rest = () => messages.find((m) => m.type === 'docs' && m.seq === seq);
  await expect.poll(rest).toBeDefined();
  expect((rest() as Extract<FromWorker, { type: 'docs' }>).docs.length).toBe(expected.length);
  expect(result.total).toBe(1_500);
  expect(result.firstRows.map(([, row]) => row.name).sort()).toEqual(expected.sort().slice(0, 80));

  client.rows([result.docs[0]!]);
  await expect.poll(() => messages.some((m) => m.type === 'rows')).toBe(true);
  const rows = messages.find((m) => m.type === 'rows') as Extract<FromWorker, { type: 'rows' }>;
  expect(rows.rows[0]![1].name).toBe(result.firstRows[0]![1].name);
  expect(messages.some((m) => m.type === 'error')).toBe(false);
});
