// The worker's logic on the real Dexie store (fake-indexeddb): the first read in chunks, then only
// the rows written since — a save, a new customer, a discard that removes a row.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { revnueDescriptor } from '../../../src-shared/connectors';
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import type { CustomerStore } from '../db/customer-store';
import { openCustomerStore } from '../db/dexie-customer-store';
import { SearchService } from './search-service';
import type { FromWorker, ListQuery } from './search-types';
import type { corpusRecord } from './test-support/customer-corpus';
import { corpusLookups, corpusPulled } from './test-support/customer-corpus';

const factory = new IDBFactory();
const query: ListQuery = {
  text: '',
  facets: {},
  badge: '',
  sort: { column: 'name', descending: false },
};
let store: CustomerStore | undefined;

afterEach(() => store?.close());

async function world(count: number) {
  let clock = 1_000;
  store = openCustomerStore(`search-${Math.random()}`, {
    indexedDb: { indexedDB: factory, IDBKeyRange },
    now: () => (clock += 1),
  });
  await store.putLookups('c', corpusLookups, 1);
  await store.applyPulled(revnueDescriptor, 'c', corpusPulled(0, count));
  const messages: FromWorker[] = [];
  const service = new SearchService(
    store,
    'c',
    revnueDescriptor as ConnectorDescriptor<unknown>,
    (message) => messages.push(message),
  );
  const results = () => messages.flatMap((m) => (m.type === 'result' ? [m] : []));
  return { store, service, messages, results };
}

describe('SearchService', () => {
  it('indexes every row, answering the first screen after the first chunk', async () => {
    const { service, messages, results } = await world(4_500);
    service.query(1, query);
    await service.load();
    const progress = messages.flatMap((m) => (m.type === 'progress' ? [m] : []));
    expect(progress.map((p) => p.indexed)).toEqual([2_000, 4_000, 4_500, 4_500]);
    expect(progress.at(-1)!.ready).toBe(true);
    expect(results()[0]!.docs.length).toBe(2_000);
    const last = results().at(-1)!;
    expect(last.docs.length).toBe(4_500);
    expect(last.total).toBe(4_500);
    expect(last.firstRows.length).toBe(80);
    // In name order, with the lookups read: the country column says "Germany", not 276.
    const shown = last.firstRows.map(([, row]) => row);
    const folded = shown.map((row) =>
      row.name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
    );
    expect(folded).toEqual([...folded].sort());
    expect(new Set(shown.map((row) => row.cells[2]))).toEqual(new Set(['Germany']));
  });

  it('lookups that arrive after the first read (a first sync) re-index the rows with names', async () => {
    store = openCustomerStore(`search-${Math.random()}`, {
      indexedDb: { indexedDB: factory, IDBKeyRange },
    });
    const messages: FromWorker[] = [];
    const service = new SearchService(
      store,
      'c',
      revnueDescriptor as ConnectorDescriptor<unknown>,
      (message) => messages.push(message),
    );
    service.query(1, query);
    await service.load(); // the list opens before the first sync has written anything
    await store.applyPulled(revnueDescriptor, 'c', corpusPulled(0, 20));
    await service.refresh();
    await store.putLookups('c', corpusLookups, 2);
    await service.refresh();
    const last = messages.flatMap((m) => (m.type === 'result' ? [m] : [])).at(-1)!;
    expect(last.docs.length).toBe(20);
    expect(new Set(last.firstRows.map(([, row]) => row.cells[2]))).toEqual(new Set(['Germany']));
  });

  it('after a save and a new customer, a refresh reads only those and answers again', async () => {
    const { store, service, results } = await world(50);
    service.query(1, { ...query, text: 'zebra' });
    await service.load();
    expect(results().at(-1)!.docs.length).toBe(0);
    const row = (await store.getCustomer<ReturnType<typeof corpusRecord>>('c', '7'))!;
    await store.saveCustomer(revnueDescriptor, 'c', '7', {
      ...row.record,
      name: 'Zebra Kran GmbH',
    });
    await store.createCustomer(revnueDescriptor, 'c', {
      ...revnueDescriptor.emptyRecord(),
      name: 'Zebra Neu',
    });
    await service.refresh();
    const answer = results().at(-1)!;
    expect(answer.total).toBe(51);
    const shown = answer.firstRows.map(([, r]) => [r.name, r.badge]);
    expect(shown).toEqual([
      ['Zebra Kran GmbH', 'waiting'],
      ['Zebra Neu', 'waiting'],
    ]);
  });

  it('drops a row that left the store (a discarded new customer)', async () => {
    const { store, service, results } = await world(10);
    service.query(1, query);
    await service.load();
    const key = await store.createCustomer(revnueDescriptor, 'c', {
      ...revnueDescriptor.emptyRecord(),
      name: 'Gone',
    });
    await service.refresh();
    expect(results().at(-1)!.total).toBe(11);
    await store.discardChanges('c', key);
    await service.refresh();
    expect(results().at(-1)!.total).toBe(10);
    expect(
      results()
        .at(-1)!
        .firstRows.some(([, r]) => r.name === 'Gone'),
    ).toBe(false);
  });
});
