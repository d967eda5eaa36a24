// The Favourites and Recently opened views on the worker's real logic (fake-indexeddb): only the
// given customers, in the sort's order or in the given order, and the search still narrows them.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { revnueDescriptor } from '../../../src-shared/connectors';
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import type { CustomerStore } from '../db/customer-store';
import { openCustomerStore } from '../db/dexie-customer-store';
import { SearchService } from './search-service';
import type { FromWorker, ListQuery } from './search-types';
import { corpusLookups, corpusPulled } from './test-support/customer-corpus';

const factory = new IDBFactory();
const all: ListQuery = {
  text: '',
  facets: {},
  badge: '',
  sort: { column: 'name', descending: false },
};
let store: CustomerStore | undefined;
afterEach(() => store?.close());

async function answer(queries: ListQuery[]) {
  store = openCustomerStore(`scope-${Math.random()}`, {
    indexedDb: { indexedDB: factory, IDBKeyRange },
  });
  await store.putLookups('c', corpusLookups, 1);
  await store.applyPulled(revnueDescriptor, 'c', corpusPulled(0, 300));
  const messages: FromWorker[] = [];
  const service = new SearchService(
    store,
    'c',
    revnueDescriptor as ConnectorDescriptor<unknown>,
    (message) => messages.push(message),
  );
  await service.load();
  const keysOf = (seq: number) => {
    const result = messages.findLast((m) => m.type === 'result' && m.seq === seq);
    if (result?.type !== 'result') throw new Error(`no answer to ${seq}`);
    return Array.from(result.docs, (doc) => service.index.entry(doc)!.display);
  };
  return queries.map((query, at) => {
    service.query(at + 1, query);
    return keysOf(at + 1);
  });
}

describe('a list limited to some customers', () => {
  it('shows only those keys: in the sort order, or in their own order, and narrowed by text', async () => {
    const [everyone] = await answer([all]);
    const picked = [everyone![250]!, everyone![3]!, everyone![120]!];
    const keys = picked.map((row) => row.key);
    const [sorted, ordered, descending, narrowed] = await answer([
      { ...all, only: { keys, keepOrder: false } },
      { ...all, only: { keys, keepOrder: true } },
      { ...all, sort: { column: 'name', descending: true }, only: { keys, keepOrder: false } },
      { ...all, text: picked[2]!.name, only: { keys, keepOrder: true } },
    ]);
    expect(sorted!.map((row) => row.key)).toEqual([
      everyone![3]!.key,
      everyone![120]!.key,
      everyone![250]!.key,
    ]);
    expect(ordered!.map((row) => row.key)).toEqual(keys);
    expect(descending!.map((row) => row.key)).toEqual([...sorted!].reverse().map((r) => r.key));
    expect(narrowed!.map((row) => row.key)).toEqual([picked[2]!.key]);
  });

  it('shows nothing for an empty list, and skips keys no longer here', async () => {
    const [none, some] = await answer([
      { ...all, only: { keys: [], keepOrder: false } },
      { ...all, only: { keys: ['gone-1', 'gone-2'], keepOrder: true } },
    ]);
    expect(none).toEqual([]);
    expect(some).toEqual([]);
  });
});
