// What has not synced yet is always visible — the waiting count follows every save,
// and stays up while changes wait (offline, refused, in conflict), whatever the phase says.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../sync-status';
import { EngineWorld } from '../test-support/engine-world';

let world: EngineWorld;
afterEach(async () => world?.close());

describe('the waiting count', () => {
  it('counts offline saves at once and drops to 0 only when the server has them', async () => {
    world = new EngineWorld({ online: false }).start();
    const seen: SyncStatus[] = [];
    world.runner.subscribe((status) => seen.push(status));
    const keys = [];
    for (const name of ['A', 'B', 'C']) {
      keys.push(await world.create({ name }));
      await world.quiet();
      expect(world.status().waiting).toBe(keys.length);
    }
    await world.edit(keys[0]!, { city: 'Leeds' }); // coalesces with A's create
    await world.quiet();
    expect(world.status()).toMatchObject({ phase: 'paused', pauseReason: 'offline', waiting: 3 });

    world.setOnline(true);
    await world.settle();
    expect(world.status()).toMatchObject({ phase: 'idle', waiting: 0, lastError: null });
    // It never claimed 0 while something was still waiting.
    const zeroAt = seen.findIndex((status) => status.waiting === 0);
    expect(world.server.records()).toHaveLength(3);
    expect(seen.slice(0, zeroAt).every((status) => status.waiting > 0)).toBe(true);
  });

  it('keeps a refused change counted (the banner must not say "all synced")', async () => {
    world = new EngineWorld().start();
    await world.quiet();
    world.server.fault({ op: 'create', kind: 'validation' });
    await world.create({ name: 'A' });
    await world.settle();
    expect(world.status()).toMatchObject({ phase: 'idle', waiting: 1 });
    expect(world.status().lastError).toMatch(/refused/);
  });

  it('shows the last error until a run succeeds', async () => {
    world = new EngineWorld().start();
    await world.quiet();
    world.server.fault({ op: 'list', kind: 'server', times: 1 });
    world.runner.syncNow();
    await world.quiet();
    expect(world.status().lastError).toMatch(/server had a problem/);
    await world.settle();
    expect(world.status().lastError).toBeNull();
    expect(world.status().lastSuccessAt).toBe(world.clock.now());
  });
});

describe('settled()', () => {
  it('resolves once a save is on the server, not before', async () => {
    world = new EngineWorld().start();
    await world.quiet();
    await world.create({ name: 'A' });
    let settled = false;
    const done = world.runner.settled().then(() => (settled = true));
    await world.quiet();
    expect(settled).toBe(false); // the save's debounce has not fired yet
    world.clock.advance(world.timing.saveDebounceMs);
    await done;
    expect(world.server.records().map((entry) => entry.record.name)).toEqual(['A']);
  });
});
