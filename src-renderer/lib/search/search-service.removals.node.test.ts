// How the worker learns of rows that went (discarded, deleted on the server, re-keyed by a
// create, settled by a journal restore): from the store's removal log, never by counting the
// connection's rows, which walks every row (seconds at 1,000,000) after each save.
import { IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { revnueDescriptor } from '../../../src-shared/connectors';
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import type { RevnueCustomerRecord } from '../../../src-shared/connectors/revnue-v2/api';
import type { CustomerStore } from '../db/customer-store';
import { openCustomerStore } from '../db/dexie-customer-store';
import { REMOVALS_KEPT } from '../db/removal-log';
import { createMemoryJournal } from '../db/test-support/memory-journal';
import { SearchService } from './search-service';
import type { FromWorker } from './search-types';
import { corpusPulled } from './test-support/customer-corpus';
import { allByName, factory, searchServiceWorld } from './test-support/service-world';

const opened: CustomerStore[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

/** The store as the worker sees it, with the name of every method it calls, in order. */
function counted(store: CustomerStore): { store: CustomerStore; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(property));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

async function world(count: number) {
  const made = await searchServiceWorld(count);
  opened.push(made.store);
  const watched = counted(made.store);
  const messages: FromWorker[] = [];
  const service = new SearchService(
    watched.store,
    'c',
    revnueDescriptor as ConnectorDescriptor<unknown>,
    (message) => messages.push(message),
  );
  await service.load();
  await service.duplicateFeed.settled();
  return { store: made.store, service, calls: watched.calls };
}

/** The worker's keys and the store's are the same set; the duplicate index holds as many. */
async function expectInStep(store: CustomerStore, service: SearchService): Promise<void> {
  const docs = service.index.search(allByName);
  const indexed = Array.from(docs, (doc) => service.index.key(doc)).sort();
  expect(indexed).toEqual((await store.listKeys('c')).sort());
  await service.duplicateFeed.settled();
  expect(service.duplicateFeed.indexed).toBe(indexed.length);
}

async function rename(store: CustomerStore, key: string, name: string): Promise<void> {
  const row = (await store.getCustomer<RevnueCustomerRecord>('c', key))!;
  await store.saveCustomer(revnueDescriptor, 'c', key, { ...row.record, name });
}

const newCustomer = (store: CustomerStore, name: string) =>
  store.createCustomer(revnueDescriptor, 'c', { ...revnueDescriptor.emptyRecord(), name });

describe('SearchService: rows that went', () => {
  it('a refresh after a plain save neither counts the rows nor lists their keys', async () => {
    const { store, service, calls } = await world(20);
    await rename(store, '3', 'Zebra');
    calls.length = 0;
    await service.refresh();
    expect(calls).not.toContain('countRows');
    expect(calls).not.toContain('listKeys');
    expect(calls).toContain('removedSince');
    expect(
      service.index.display(service.index.search({ ...allByName, text: 'zebra' })[0]!),
    ).toMatchObject({ name: 'Zebra' });
  });

  it('a discarded new customer is dropped, and only it', async () => {
    const { store, service, calls } = await world(20);
    const key = await newCustomer(store, 'Discarded');
    await service.refresh();
    expect(service.index.size).toBe(21);
    await store.discardChanges('c', key);
    calls.length = 0;
    await service.refresh();
    expect(calls).not.toContain('listKeys');
    expect(service.index.size).toBe(20);
    await expectInStep(store, service);
  });

  it('rows a complete listing no longer has are dropped', async () => {
    const { store, service } = await world(20);
    const seen = new Set(corpusPulled(0, 20).map((pulled) => pulled.serverId));
    seen.delete('4');
    seen.delete('9');
    await store.applyDeletions('c', seen);
    await service.refresh();
    expect(service.index.size).toBe(18);
    await expectInStep(store, service);
  });

  it('a create completed under the server id: the local key goes, the server id stays', async () => {
    const { store, service } = await world(20);
    const key = await newCustomer(store, 'Acme Neu');
    await service.refresh();
    const [entry] = await store.listOutbox<RevnueCustomerRecord>('c');
    await store.markInFlight(entry!.seq!, 1);
    await store.completeCreate(revnueDescriptor, entry!.seq!, '900', {
      ...entry!.changed,
      id: 900,
    } as RevnueCustomerRecord);
    await service.refresh();
    expect(service.index.key(service.index.search({ ...allByName, text: 'acme neu' })[0]!)).toBe(
      '900',
    );
    expect(service.index.size).toBe(21);
    expect(key).not.toBe('900');
    await expectInStep(store, service);
  });

  it('a new customer settled by a journal restore is dropped', async () => {
    const { store, service } = await world(20);
    await newCustomer(store, 'Settled');
    await service.refresh();
    expect(service.index.size).toBe(21);
    // The journal is ahead and knows nothing waits: the store's waiting new customer goes.
    const journal = createMemoryJournal();
    await journal.rewrite({ connectionId: 'c', seq: 50, records: [] });
    const restoring = openCustomerStore(store.name, {
      indexedDb: { indexedDB: factory, IDBKeyRange },
      journal,
    });
    opened.push(restoring);
    await restoring.reconcileJournal!('c');
    await service.refresh();
    expect(service.index.size).toBe(20);
    await expectInStep(store, service);
  });

  it('a key removed and written again before the refresh stays', async () => {
    const { store, service } = await world(20);
    const seen = new Set(corpusPulled(0, 20).map((pulled) => pulled.serverId));
    seen.delete('5');
    await store.applyDeletions('c', seen);
    await store.applyPulled(revnueDescriptor, 'c', corpusPulled(4, 1));
    await service.refresh();
    expect(service.index.size).toBe(20);
    await expectInStep(store, service);
  });

  it(`more than ${REMOVALS_KEPT} removals since: every key is listed, and the index is exact`, async () => {
    const count = REMOVALS_KEPT + 60;
    const { store, service, calls } = await world(count);
    const kept = new Set(['1', '2', '3']);
    await store.applyDeletions('c', kept);
    calls.length = 0;
    await service.refresh();
    expect(calls).toContain('listKeys');
    expect(service.index.size).toBe(3);
    await expectInStep(store, service);
  });
});
