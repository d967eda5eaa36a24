// The salesperson's own lists on the real store (fake-indexeddb): saved views and their names,
// favourites, the recently opened list (order, the cap of 30, deleted customers dropping out),
// what survives a reopen, and what follows a create to its server id.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from './customer-store';
import { openCustomerStore } from './dexie-customer-store';
import type { SavedQuery } from './personal-rows';
import { deleteDatabase } from './test-support/delete-database';
import { r2Case } from './test-support/store-cases';
import { createStoreWorld, type StoreWorld } from './test-support/store-world';
import type { R2CustomerRecord } from '../../../src-shared/connectors/r2/api';

const factory = new IDBFactory();
const environment = {
  project: 'node' as const,
  open: (name: string) =>
    openCustomerStore(name, { indexedDb: { indexedDB: factory, IDBKeyRange } }),
  remove: (name: string) => deleteDatabase(factory, name),
};

const query: SavedQuery = {
  text: 'york',
  facets: { status: 'Active' },
  badge: '',
  sort: { column: 'city', descending: true },
};

let world: StoreWorld<R2CustomerRecord> | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

function freshWorld(): StoreWorld<R2CustomerRecord> {
  world = createStoreWorld(environment, r2Case);
  return world;
}

async function problemOf(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(StoreError);
  return (error as StoreError).message;
}

describe('saved views', () => {
  it('keeps a view with its query, lists views by name, and keeps them across a reopen', async () => {
    const { store, connectionId } = freshWorld();
    await store.lists.saveView(connectionId, '  Yorkshire   key accounts ', query);
    await store.lists.saveView(connectionId, 'active', { ...query, text: '' });
    await store.lists.saveView('another-connection', 'Elsewhere', query);
    world = world!.reopen();
    const views = await world.store.lists.views(connectionId);
    expect(views.map((view) => view.name)).toEqual(['active', 'Yorkshire key accounts']);
    expect(views[1]?.query).toEqual(query);
  });

  it('refuses an empty, duplicate (any case) or built-in name in words, and keeps nothing', async () => {
    const { store, connectionId } = freshWorld();
    await store.lists.saveView(connectionId, 'Key accounts', query);
    expect(await problemOf(store.lists.saveView(connectionId, '   ', query))).toBe(
      'Give the view a name.',
    );
    expect(await problemOf(store.lists.saveView(connectionId, 'KEY accounts ', query))).toBe(
      'There is already a view named “KEY accounts”. Choose another name.',
    );
    expect(await problemOf(store.lists.saveView(connectionId, 'favourites', query))).toMatch(
      /built-in view/,
    );
    expect(await problemOf(store.lists.saveView(connectionId, 'x'.repeat(61), query))).toMatch(
      /at most 60 characters/,
    );
    expect((await store.lists.views(connectionId)).map((view) => view.name)).toEqual([
      'Key accounts',
    ]);
  });

  it('renames a view (not onto another view’s name) and deletes it', async () => {
    const { store, connectionId } = freshWorld();
    const first = await store.lists.saveView(connectionId, 'North', query);
    await store.lists.saveView(connectionId, 'South', query);
    expect(await problemOf(store.lists.renameView(connectionId, first.id, 'south'))).toMatch(
      /already a view named/,
    );
    // Its own name in another case is fine.
    await store.lists.renameView(connectionId, first.id, 'NORTH');
    await store.lists.renameView(connectionId, first.id, 'North-east');
    expect((await store.lists.views(connectionId)).map((view) => view.name)).toEqual([
      'North-east',
      'South',
    ]);
    await store.lists.deleteView(connectionId, first.id);
    expect((await store.lists.views(connectionId)).map((view) => view.name)).toEqual(['South']);
    expect(await problemOf(store.lists.renameView(connectionId, first.id, 'Again'))).toBe(
      'This view is no longer saved.',
    );
  });
});

describe('favourites', () => {
  it('adds and removes favourites, oldest first, and keeps them across a reopen', async () => {
    const { store, connectionId } = freshWorld();
    for (const id of ['1', '2', '3']) await world!.pulled(id);
    await store.lists.setFavourite(connectionId, '2', true);
    await store.lists.setFavourite(connectionId, '1', true);
    await store.lists.setFavourite(connectionId, '2', true);
    world = world!.reopen();
    expect(await world.store.lists.favouriteKeys(connectionId)).toEqual(['2', '1']);
    await world.store.lists.setFavourite(connectionId, '2', false);
    expect(await world.store.lists.favouriteKeys(connectionId)).toEqual(['1']);
  });

  it('keeps the order of two stars given in the same millisecond', async () => {
    const name = `tie-${Math.random()}`;
    const store = openCustomerStore(name, {
      indexedDb: { indexedDB: factory, IDBKeyRange },
      now: () => 5,
    });
    for (const id of ['1', '2']) {
      const record = r2Case.serverRecord(id, `Customer ${id}`);
      await store.applyPulled(r2Case.descriptor, 'c', [
        { serverId: id, record, hydration: 'full' },
      ]);
    }
    await store.lists.setFavourite('c', '2', true);
    await store.lists.setFavourite('c', '1', true);
    expect(await store.lists.favouriteKeys('c')).toEqual(['2', '1']);
    store.close();
    await deleteDatabase(factory, name);
  });

  it('refuses a customer that is not on this computer, and drops one deleted since', async () => {
    const { store, connectionId } = freshWorld();
    await world!.pulled('1');
    await world!.pulled('2');
    expect(await problemOf(store.lists.setFavourite(connectionId, 'nope', true))).toBe(
      'This customer is no longer on this computer.',
    );
    await store.lists.setFavourite(connectionId, '1', true);
    await store.lists.setFavourite(connectionId, '2', true);
    await store.markDeletedOnServer(connectionId, ['1']);
    expect(await store.lists.favouriteKeys(connectionId)).toEqual(['2']);
  });

  it('follows a new customer from its local key to its server id', async () => {
    const { store, connectionId } = freshWorld();
    const record = r2Case.newRecord('Newco');
    const key = await store.createCustomer(r2Case.descriptor, connectionId, record);
    await store.lists.setFavourite(connectionId, key, true);
    await store.lists.noteOpened(connectionId, key);
    const [create] = await store.listOutbox(connectionId);
    await store.completeCreate(
      r2Case.descriptor,
      create!.seq!,
      '900',
      r2Case.created(record, '900'),
    );
    expect(await store.lists.favouriteKeys(connectionId)).toEqual(['900']);
    expect(await store.lists.recentKeys(connectionId)).toEqual(['900']);
  });

  it('goes with the connection’s data', async () => {
    const { store, connectionId } = freshWorld();
    await world!.pulled('1');
    await store.lists.setFavourite(connectionId, '1', true);
    await store.lists.noteOpened(connectionId, '1');
    await store.lists.saveView(connectionId, 'Mine', query);
    await store.deleteConnectionData(connectionId);
    await world!.pulled('1');
    expect(await store.lists.favouriteKeys(connectionId)).toEqual([]);
    expect(await store.lists.recentKeys(connectionId)).toEqual([]);
    expect(await store.lists.views(connectionId)).toEqual([]);
  });

  it('tells its listeners which list changed', async () => {
    const { store, connectionId } = freshWorld();
    await world!.pulled('1');
    const heard: string[] = [];
    const stop = store.lists.onChange((change) =>
      heard.push(`${change.connectionId}:${change.list}`),
    );
    await store.lists.setFavourite(connectionId, '1', true);
    await store.lists.noteOpened(connectionId, '1');
    await store.lists.saveView(connectionId, 'Mine', query);
    stop();
    await store.lists.setFavourite(connectionId, '1', false);
    expect(heard).toEqual([
      `${connectionId}:favourites`,
      `${connectionId}:recent`,
      `${connectionId}:views`,
    ]);
  });
});

describe('recently opened', () => {
  it('lists the last 30 opened, most recent first; reopening moves one to the top', async () => {
    const { store, connectionId } = freshWorld();
    const ids = Array.from({ length: 35 }, (_, index) => String(index + 1));
    for (const id of ids) await world!.pulled(id);
    for (const id of ids) await store.lists.noteOpened(connectionId, id);
    await store.lists.noteOpened(connectionId, '10');
    const recent = await store.lists.recentKeys(connectionId);
    expect(recent).toHaveLength(30);
    // 1 … 5 fell off when 31 … 35 were opened; 10 went to the top, the rest keep their order.
    expect(recent[0]).toBe('10');
    expect(recent.slice(1)).toEqual(
      ids
        .slice(5)
        .filter((id) => id !== '10')
        .reverse(),
    );
  });

  it('drops a customer deleted since, and keeps the order across a reopen', async () => {
    const { store, connectionId } = freshWorld();
    for (const id of ['1', '2', '3']) await world!.pulled(id);
    for (const id of ['1', '2', '3']) await store.lists.noteOpened(connectionId, id);
    await store.markDeletedOnServer(connectionId, ['2']);
    world = world!.reopen();
    expect(await world.store.lists.recentKeys(connectionId)).toEqual(['3', '1']);
  });
});
