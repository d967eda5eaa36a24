// Favourites are kept complete offline whatever the connection's offline scope: the second tier
// fetches them in full (before the rest of a 'mine' scope), a new favourite is fetched at once,
// and a favourite the server changed since is fetched in full again.
import { afterEach, describe, expect, it } from 'vitest';
import type { OfflineScope } from '../../../../src-shared/connectors/descriptor';
import { EngineWorld } from '../test-support/engine-world';

let world: EngineWorld;
afterEach(async () => world?.close());

/** The summaries API (R2-like) with `count` customers, Ann's the even ones, and a scope. */
async function summariesWorld(count: number, scope: OfflineScope) {
  world = new EngineWorld({ api: 'summaries', pageSize: 10 });
  for (let index = 0; index < count; index += 1) {
    const owner = index % 2 === 0 ? 'ann' : 'bob';
    world.server.seed({ name: `C${index}`, phone: '', city: '', owner, notes: `n${index}` });
  }
  const meta = await world.store.getMeta(world.connectionId);
  await world.store.putMeta({ ...meta, offlineScope: scope, salespersonId: 'ann' });
}

async function fullRows(count: number): Promise<string[]> {
  const full = [];
  for (let index = 1; index <= count; index += 1) {
    if ((await world.row(`S${index}`))?.hydration === 'full') full.push(`S${index}`);
  }
  return full;
}

describe('favourites outside the offline scope', () => {
  it('are fetched in full by the next run in the "only those I open" scope', async () => {
    await summariesWorld(5, 'opened');
    world.start();
    await world.settle();
    expect(await fullRows(5)).toEqual([]);
    await world.store.lists.setFavourite(world.connectionId, 'S4', true);
    world.runner.syncNow();
    await world.settle();
    expect(await fullRows(5)).toEqual(['S4']);
    expect((await world.row('S4'))?.record.notes).toBe('n3');
    // A favourite is not "opened": it does not join that scope by the back door.
    expect((await world.row('S4'))?.opened).toBe(false);
  });

  it('are fetched first, besides the salesperson’s own, in the "mine" scope', async () => {
    await summariesWorld(6, 'mine');
    world.start();
    await world.settle();
    expect(await fullRows(6)).toEqual(['S1', 'S3', 'S5']);
    await world.store.lists.setFavourite(world.connectionId, 'S2', true);
    await world.store.lists.setFavourite(world.connectionId, 'S6', true);
    const before = world.server.requests('get').length;
    world.runner.syncNow();
    await world.settle();
    expect(
      world.server
        .requests('get')
        .slice(before)
        .map((entry) => entry.id),
    ).toEqual(['S2', 'S6']);
    expect(await fullRows(6)).toEqual(['S1', 'S2', 'S3', 'S5', 'S6']);
  });

  it('a new favourite is fetched at once (fetchInFull), without a run', async () => {
    await summariesWorld(3, 'opened');
    world.start();
    await world.settle();
    await world.store.lists.setFavourite(world.connectionId, 'S2', true);
    await world.runner.fetchInFull(world.connectionId, 'S2');
    expect((await world.row('S2'))?.hydration).toBe('full');
    expect(world.server.requests('get').map((entry) => entry.id)).toEqual(['S2']);
    expect(world.server.requests('list')).toHaveLength(1);
  });

  it('a favourite the server changed since is completed again', async () => {
    await summariesWorld(3, 'opened');
    world.start();
    await world.settle();
    await world.store.lists.setFavourite(world.connectionId, 'S1', true);
    world.runner.syncNow();
    await world.settle();
    expect((await world.row('S1'))?.hydration).toBe('full');
    world.server.edit('S1', [{ path: 'city', value: 'Leeds' }]);
    world.runner.syncNow();
    await world.settle();
    const row = await world.row('S1');
    expect(row?.record.city).toBe('Leeds');
    expect(row?.hydration).toBe('full');
  });
});
