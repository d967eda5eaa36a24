// Opening a database written by an older schema with today's: version 2 (seven customer indexes)
// loses the unused indexes, version 3 gains the personal-list tables; every customer row and
// outbox entry stays as it was.
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openCustomerStore } from './dexie-customer-store';
import { deleteDatabase } from './test-support/delete-database';
import { customersOf, FieldbookDatabase } from './schema';

const versionTwoSchema = {
  customers:
    '[connectionId+key], connectionId, [connectionId+serverId], [connectionId+syncState], [connectionId+hydration], [connectionId+hydrateRank], [connectionId+updatedAt]',
  outbox: '++seq, opId, connectionId, [connectionId+recordKey], [connectionId+state]',
  lookups: '[connectionId+name], connectionId',
  meta: 'connectionId',
};

const factory = new IDBFactory();
const indexedDb = { indexedDB: factory, IDBKeyRange };
const name = 'schema-upgrade';

function row(connectionId: string, key: string, syncState: string) {
  const record = { companyname: `Company ${key}` };
  return {
    connectionId,
    key,
    serverId: key,
    record,
    base: record,
    remote: null,
    remoteHydration: null,
    hydration: 'summary',
    syncState,
    opened: false,
    fieldErrors: null,
    updatedAt: 1,
    hydrateRank: 1,
  };
}

afterEach(() => deleteDatabase(factory, name));

describe('the store schema, version 5', () => {
  it('keeps every row and outbox entry of a version-2 database and drops the unused indexes', async () => {
    const old = new Dexie(name, indexedDb);
    old.version(2).stores(versionTwoSchema);
    await old
      .table('customers')
      .bulkPut([
        row('c1', '1001', 'synced'),
        row('c1', '1002', 'waiting'),
        row('c2', '2001', 'synced'),
      ]);
    await old.table('outbox').add({
      connectionId: 'c1',
      opId: 'op-1',
      recordKey: '1002',
      kind: 'update',
      state: 'pending',
      changed: [{ path: 'companyname', value: 'Renamed' }],
    });
    await old.table('meta').put({ connectionId: 'c1', pullCheckpoint: '2026-01-01T00:00:00Z' });
    old.close();

    const db = new FieldbookDatabase(name, 'strict', indexedDb);
    await db.open();
    expect(db.verno).toBe(5);
    const indexes = db.customers.schema.indexes.map((index) => index.name).sort();
    expect(indexes).toEqual([
      '[connectionId+hydrateRank]',
      '[connectionId+serverId]',
      '[connectionId+updatedAt]',
    ]);
    expect(await customersOf(db, 'c1').primaryKeys()).toEqual([
      ['c1', '1001'],
      ['c1', '1002'],
    ]);
    expect(await customersOf(db, 'c2').count()).toBe(1);
    expect((await db.customers.get(['c1', '1002']))?.syncState).toBe('waiting');
    const outbox = await db.outbox.toArray();
    expect(outbox.map((entry) => [entry.opId, entry.recordKey, entry.state])).toEqual([
      ['op-1', '1002', 'pending'],
    ]);
    expect((await db.meta.get('c1'))?.pullCheckpoint).toBe('2026-01-01T00:00:00Z');
    db.close();

    // The store itself opens the upgraded database and sees the waiting change.
    const store = openCustomerStore(name, { indexedDb });
    expect(await store.countWaiting('c1')).toBe(1);
    store.close();
  });

  it('opens a version-3 database with its rows, and empty saved views, favourites and recents', async () => {
    const old = new Dexie(name, indexedDb);
    old.version(3).stores({
      customers:
        '[connectionId+key], [connectionId+serverId], [connectionId+hydrateRank], [connectionId+updatedAt]',
      outbox: '++seq, opId, connectionId, [connectionId+recordKey], [connectionId+state]',
      lookups: '[connectionId+name], connectionId',
      meta: 'connectionId',
    });
    await old.table('customers').bulkPut([row('c1', '1001', 'synced')]);
    old.close();

    const store = openCustomerStore(name, { indexedDb });
    expect(await store.countRows('c1')).toBe(1);
    expect(await store.lists.views('c1')).toEqual([]);
    expect(await store.lists.favouriteKeys('c1')).toEqual([]);
    await store.lists.setFavourite('c1', '1001', true);
    await store.lists.noteOpened('c1', '1001');
    expect(await store.lists.favouriteKeys('c1')).toEqual(['1001']);
    expect(await store.lists.recentKeys('c1')).toEqual(['1001']);
    store.close();
  });
});
