// A change saved while a push is running goes out in that same run — not at the next
// edit, not at the next timer. The clock does not move in these tests once the push has started.
import { afterEach, describe, expect, it } from 'vitest';
import { EngineWorld } from '../test-support/engine-world';

let world: EngineWorld;
afterEach(async () => world?.close());

describe('changes saved during a push', () => {
  it('of another record are pushed by the same run', async () => {
    world = new EngineWorld({ parallelPushes: 1 }).start();
    await world.quiet();
    const held = world.adapter.hold('create');
    await world.create({ name: 'First' });
    world.clock.advance(world.timing.saveDebounceMs);
    await held.reached;
    expect(world.status().phase).toBe('pushing');

    await world.create({ name: 'Second' });
    held.release();
    await world.quiet();
    expect(world.server.records().map((entry) => entry.record.name)).toEqual(['First', 'Second']);
    expect(await world.store.countWaiting(world.connectionId)).toBe(0);
  });

  it('of the record being created are kept and pushed after it (not folded into the sent body)', async () => {
    world = new EngineWorld().start();
    await world.quiet();
    const held = world.adapter.hold('create');
    const key = await world.create({ name: 'Acme', city: 'Leeds' });
    world.clock.advance(world.timing.saveDebounceMs);
    await held.reached;

    await world.edit(key, { city: 'York' });
    held.release();
    await world.quiet();
    const [onServer] = world.server.records();
    expect(onServer?.record).toMatchObject({ name: 'Acme', city: 'York' });
    expect(world.server.requests().map((entry) => entry.op)).toEqual([
      'lookups',
      'list',
      'create',
      'get',
      'update',
    ]);
    expect((await world.row(onServer!.id))?.syncState).toBe('synced');
  });

  it('made during a pull go out before the next page', async () => {
    world = new EngineWorld({ api: 'summaries', pageSize: 2 });
    for (let index = 0; index < 6; index += 1) {
      world.server.seed({ name: `S${index}`, phone: '', city: '', owner: 'bob' });
    }
    world.start();
    const held = world.adapter.hold('list');
    await held.reached;
    await world.create({ name: 'New' });
    held.release();
    await world.quiet();
    const ops = world.server.requests().map((entry) => entry.op);
    expect(ops.slice(0, 4)).toEqual(['lookups', 'list', 'create', 'list']);
    expect(world.server.records().some((entry) => entry.record.name === 'New')).toBe(true);
  });
});
