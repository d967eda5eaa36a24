// The pull (docs/sync.md#the-sync-engine): it pages through the list with visible progress and a
// stored checkpoint, starts over after a failure, deletes only after a complete listing; the second
// tier fetches full records for the offline scope (opened ones at once), yielding to the push.
// Lookups are cached for offline.
import { afterEach, describe, expect, it } from 'vitest';
import type { OfflineScope } from '../../../../src-shared/connectors/descriptor';
import type { SyncStatus } from '../sync-status';
import { EngineWorld, type EngineWorldOptions } from '../test-support/engine-world';

let world: EngineWorld;
afterEach(async () => world?.close());

/** A world on the summaries API whose server holds `count` customers, half of them Ann's. */
async function r2Like(count: number, options: EngineWorldOptions = {}, scope?: OfflineScope) {
  world = new EngineWorld({ api: 'summaries', pageSize: 2, ...options });
  const ids = [];
  for (let index = 0; index < count; index += 1) {
    const owner = index % 2 === 0 ? 'ann' : 'bob';
    ids.push(
      world.server.seed({ name: `C${index}`, phone: '', city: '', owner, notes: `n${index}` }).id,
    );
  }
  if (scope) {
    const meta = await world.store.getMeta(world.connectionId);
    await world.store.putMeta({ ...meta, offlineScope: scope, salespersonId: 'ann' });
  }
  return ids;
}

describe('the pull', () => {
  it('pages through the list with progress, and keeps the checkpoint for a delta next time', async () => {
    await r2Like(5, {}, 'opened');
    const seen: SyncStatus[] = [];
    world.runner.subscribe((status) => seen.push(status));
    world.start();
    await world.settle();

    const pulling = seen.filter((status) => status.phase === 'pulling' && status.done > 0);
    const steps = new Set(pulling.map((status) => `${status.done}/${status.total}`));
    expect([...steps]).toEqual(['2/5', '4/5', '5/5']);
    expect(seen.at(-1)?.phase).toBe('idle');
    const meta = await world.store.getMeta(world.connectionId);
    expect(meta.pullCheckpoint).toBe(String(world.server.version));
    expect(meta.lastPullAt).toBe(world.clock.now());
    expect(world.status().lastSuccessAt).toBe(world.clock.now());

    world.server.edit('S3', [{ path: 'city', value: 'York' }]);
    const before = world.server.log.length;
    world.runner.syncNow();
    await world.settle();
    expect(world.server.log.slice(before).map((entry) => entry.op)).toEqual(['lookups', 'list']);
    expect((await world.row('S3'))?.record.city).toBe('York');
  });

  it('after a failed page waits with backoff and starts again from the first page', async () => {
    await r2Like(5, {}, 'opened');
    world.server.fault({ op: 'list', kind: 'server', skip: 1, times: 1 });
    world.start();
    await world.quiet();
    expect(world.status()).toMatchObject({ phase: 'waiting' });
    expect(world.status().waitReason).toMatch(/did not finish/);
    await world.settle();
    const lists = world.server.requests('list').map((entry) => entry.answer);
    expect(lists).toEqual(['ok', 'server', 'ok', 'ok', 'ok']);
    for (const id of ['S1', 'S5']) expect(await world.row(id)).toBeDefined();
  });

  it('does not delete what an incomplete (R2) list leaves out', async () => {
    await r2Like(3, {}, 'opened');
    world.start();
    await world.settle();
    world.server.remove('S2');
    world.runner.syncNow();
    await world.settle();
    expect(await world.row('S2')).toBeDefined();
  });
});

describe('full records (second tier)', () => {
  it('are fetched for every summary in the "all" scope', async () => {
    await r2Like(7);
    world.start();
    await world.settle();
    for (let index = 1; index <= 7; index += 1) {
      const row = await world.row(`S${index}`);
      expect(row?.hydration).toBe('full');
      expect(row?.record.notes).toBe(`n${index - 1}`);
    }
    expect(world.server.requests('get')).toHaveLength(7);
  });

  it('only for the salesperson’s own in the "mine" scope', async () => {
    await r2Like(6, {}, 'mine');
    world.start();
    await world.settle();
    const hydrated = [];
    for (let index = 1; index <= 6; index += 1) {
      if ((await world.row(`S${index}`))?.hydration === 'full') hydrated.push(`S${index}`);
    }
    expect(hydrated).toEqual(['S1', 'S3', 'S5']); // Ann's
  });

  it('only once opened in the "opened" scope; open() fetches it at once', async () => {
    await r2Like(4, {}, 'opened');
    world.start();
    await world.settle();
    expect(world.server.requests('get')).toHaveLength(0);
    await world.runner.open(world.connectionId, 'S2');
    expect((await world.row('S2'))?.record.notes).toBe('n1');
    expect((await world.row('S2'))?.opened).toBe(true);
    expect(world.server.requests('get').map((entry) => entry.id)).toEqual(['S2']);
  });

  it('a scope changed in Settings (putMeta, then syncNow) is honoured by the next run', async () => {
    await r2Like(6, {}, 'opened');
    world.start();
    await world.settle();
    expect(world.server.requests('get')).toHaveLength(0);
    // What Settings does: keep the other meta fields, change the scope and the id, wake the engine.
    const meta = await world.store.getMeta(world.connectionId);
    await world.store.putMeta({ ...meta, offlineScope: 'mine', salespersonId: 'bob' });
    world.runner.syncNow();
    await world.settle();
    const hydrated = [];
    for (let index = 1; index <= 6; index += 1) {
      if ((await world.row(`S${index}`))?.hydration === 'full') hydrated.push(`S${index}`);
    }
    expect(hydrated).toEqual(['S2', 'S4', 'S6']); // Bob's
  });

  it('a 404 by id removes a record without local changes', async () => {
    await r2Like(3, {}, 'opened');
    world.start();
    await world.settle();
    world.server.remove('S2');
    await world.runner.open(world.connectionId, 'S2');
    expect(await world.row('S2')).toBeUndefined();
  });

  it('yield to the push: a save during hydration goes out before the next batch', async () => {
    await r2Like(12);
    world.start();
    const held = world.adapter.hold('get');
    await held.reached;
    expect(world.status().phase).toBe('hydrating');
    await world.create({ name: 'New' });
    held.release();
    await world.settle();
    const ops = world.server.requests().map((entry) => entry.op);
    const create = ops.indexOf('create');
    // One batch (5 by id) was under way; the create comes right after it, before the rest.
    expect(ops.slice(create - 5, create)).toEqual(['get', 'get', 'get', 'get', 'get']);
    expect(ops.slice(create + 1).filter((op) => op === 'get')).toHaveLength(7);
  });
});

describe('lookups', () => {
  it('are fetched on every full run, cached, and used at once', async () => {
    world = new EngineWorld().start();
    await world.settle();
    world.server.lookups = { countries: [{ id: 250, name: 'France' }] };
    world.runner.syncNow();
    await world.settle();
    expect(world.server.requests('lookups')).toHaveLength(2);
    expect(await world.store.getLookups(world.connectionId)).toEqual(world.server.lookups);
    expect(world.adapter.usedLookups).toEqual(world.server.lookups);
  });

  it('from the cache reach the adapter of a restarted, offline window', async () => {
    world = new EngineWorld().start();
    await world.settle();
    world.setOnline(false);
    world.crash();
    world.restart();
    await world.quiet();
    expect(world.adapter.usedLookups).toEqual(world.server.lookups);
    expect(world.server.requests('lookups')).toHaveLength(1);
  });
});
