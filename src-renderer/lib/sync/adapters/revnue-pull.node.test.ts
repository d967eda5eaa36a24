// The Revnue pull through main's list cursor, end to end in Node: the adapter over main's real
// router against the sandbox over HTTP, the pull phase, the real Dexie store on fake-indexeddb.
// The list arrives in pages and is stored page by page; a list that fails half-way deletes nothing
// and keeps every row as it was, and rows with waiting changes are never overwritten by a pull.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RevnueCustomerRecord } from '../../../../src-shared/api/revnue-v2';
import type { ConnectorLookups } from '../../../../src-shared/connectors/descriptor';
import { revnueDescriptor } from '../../../../src-shared/connectors/revnue-v2';
import type { FieldbookApi } from '../../../../src-shared/ipc/fieldbook-api';
import { systemClock } from '../../../../src-shared/time/clock';
import type { CustomerStore } from '../../db/customer-store';
import { openCustomerStore } from '../../db/dexie-customer-store';
import type { EngineContext } from '../engine/engine-context';
import { pullPhase } from '../engine/pull-phase';
import type { SyncStatus } from '../sync-status';
import type { SyncAdapter } from '../sync-adapter';
import { createAdapterWorld, type AdapterWorld } from '../test-support/adapter-world.node';
import { testTiming } from '../test-support/test-timing';
import { createRevnueAdapter } from './revnue-adapter';

const PAGE = 4;
let world: AdapterWorld;
let lookups: ConnectorLookups;
let stores = 0;
beforeAll(async () => {
  world = await createAdapterWorld();
  const fetched = await world.revnue.fetchLookups();
  if (!fetched.ok) throw new Error(fetched.error.message);
  lookups = fetched.value;
});
afterAll(async () => {
  await world.close();
});

/** The adapter over `api` (main's router, or a wrapper that breaks the list half-way). */
function adapterOver(api: FieldbookApi): SyncAdapter<RevnueCustomerRecord> {
  const adapter = createRevnueAdapter(api, world.revnueConnection, { listPageSize: PAGE });
  adapter.useLookups(lookups);
  return adapter;
}

function freshStore(): CustomerStore {
  stores += 1;
  return openCustomerStore(`revnue-pull-${stores}`, {
    indexedDb: { indexedDB: new IDBFactory(), IDBKeyRange },
  });
}

async function pull(store: CustomerStore, adapter: SyncAdapter<RevnueCustomerRecord>) {
  const progress: Partial<SyncStatus>[] = [];
  const context: EngineContext<RevnueCustomerRecord> = {
    connectionId: world.revnueConnection.id,
    store,
    adapter,
    descriptor: revnueDescriptor,
    clock: systemClock,
    timing: testTiming,
    random: () => 0.5,
    isOnline: () => true,
    stopping: () => false,
    busyKeys: new Set(),
    progress: (patch) => progress.push(patch),
    entrySettled: () => {},
  };
  const between = async () => ({ interruption: null, pushed: 0 });
  const interruption = await pullPhase(context, between);
  return { interruption, progress };
}

async function serverIds(): Promise<string[]> {
  const listed = await world.api.revnue.customers.list({ connectionId: world.revnueConnection.id });
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value.map((customer) => String(customer.id));
}

/** A customer the server no longer has, as an earlier pull left it on this computer. */
async function storeGhost(store: CustomerStore): Promise<void> {
  await store.applyPulled(revnueDescriptor, world.revnueConnection.id, [
    {
      serverId: '987654',
      record: { ...revnueDescriptor.emptyRecord(world.revnueConnection), id: 987654, name: 'Gone' },
      hydration: 'full',
    },
  ]);
}

/** The api, except that the list stops working after `pages` pages (its cursor is closed). */
function breakingAfter(pages: number): { api: FieldbookApi; pagesRead: () => number } {
  let read = 0;
  const customers = {
    ...world.api.revnue.customers,
    listNext: async (input: Parameters<FieldbookApi['revnue']['customers']['listNext']>[0]) => {
      read += 1;
      // As if main had expired the cursor, or the server dropped the connection mid-list.
      if (read > pages) {
        const closed = await world.api.revnue.customers.listClose({
          connectionId: input.connectionId,
          cursor: input.cursor,
        });
        if (!closed.ok) throw new Error(closed.error.message);
      }
      return world.api.revnue.customers.listNext(input);
    },
  };
  const api = { ...world.api, revnue: { ...world.api.revnue, customers } } as FieldbookApi;
  return { api, pagesRead: () => read };
}

describe('the Revnue pull, page by page', () => {
  test('stores every customer page by page with progress in customers received, then deletes what the server no longer has', async () => {
    const store = freshStore();
    await storeGhost(store);
    const ids = await serverIds();
    expect(ids.length).toBeGreaterThan(PAGE * 2);

    const { interruption, progress } = await pull(store, adapterOver(world.api));
    expect(interruption).toBeNull();
    expect((await store.listKeys(world.revnueConnection.id)).sort()).toEqual([...ids].sort());
    // No total while the list is read: it is known only once the list has ended.
    const counts = progress.filter((p) => (p.done ?? 0) > 0);
    expect(counts[0]).toEqual({ phase: 'pulling', done: PAGE, total: null });
    expect(counts.at(-1)).toEqual({ phase: 'pulling', done: ids.length, total: ids.length });
    store.close();
  });

  test('a list that fails half-way keeps every row, deletes nothing, and stored the pages it got', async () => {
    const store = freshStore();
    await storeGhost(store);
    const { api, pagesRead } = breakingAfter(2);

    const { interruption } = await pull(store, adapterOver(api));
    expect(interruption).toMatchObject({
      kind: 'retry',
      error: { kind: 'not_found', message: expect.stringMatching(/no longer open/) },
    });
    expect(pagesRead()).toBe(3);
    const keys = await store.listKeys(world.revnueConnection.id);
    // The ghost stays (the list was not read to its end), beside the two pages that arrived.
    expect(keys).toContain('987654');
    expect(keys).toHaveLength(1 + 2 * PAGE);
    store.close();
  });

  test('a pull never overwrites a customer with a waiting change, and the complete pull after a failed one deletes', async () => {
    const store = freshStore();
    const connectionId = world.revnueConnection.id;
    expect((await pull(store, adapterOver(world.api))).interruption).toBeNull();
    const [first] = await serverIds();
    const row = await store.getCustomer<RevnueCustomerRecord>(connectionId, first!);
    await store.saveCustomer(revnueDescriptor, connectionId, first!, {
      ...row!.record,
      city: 'Typed offline',
    });
    await storeGhost(store);

    expect((await pull(store, adapterOver(breakingAfter(1).api))).interruption).not.toBeNull();
    expect((await store.getCustomer<RevnueCustomerRecord>(connectionId, first!))?.record.city).toBe(
      'Typed offline',
    );
    expect(await store.listKeys(connectionId)).toContain('987654');

    expect((await pull(store, adapterOver(world.api))).interruption).toBeNull();
    expect((await store.getCustomer<RevnueCustomerRecord>(connectionId, first!))?.record.city).toBe(
      'Typed offline',
    );
    expect(await store.listKeys(connectionId)).not.toContain('987654');
    store.close();
  });
});
