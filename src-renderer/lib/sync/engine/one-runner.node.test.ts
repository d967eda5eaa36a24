// One runner per profile: of all windows of a profile exactly one syncs; the others show "another
// window" and take over when it closes — or, when it hangs (its heartbeat goes stale), steal the
// lock. The same behaviour with Chromium's real navigator.locks: profile-lock.browser.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { EngineWorld, type OtherWindow } from '../test-support/engine-world';

let world: EngineWorld;
let second: OtherWindow | undefined;
afterEach(async () => {
  await second?.close();
  second = undefined;
  await world?.close();
});

async function twoWindows() {
  world = new EngineWorld().start();
  await world.quiet();
  second = world.openWindow();
  await second.runner.quiet();
  return second;
}

describe('two windows of one profile', () => {
  it('only the lock holder syncs; a save in the other window is pushed by the holder', async () => {
    const other = await twoWindows();
    expect(world.status().phase).toBe('idle');
    expect(other.status()).toMatchObject({ phase: 'paused', pauseReason: 'another_window' });

    await other.store.createCustomer(world.descriptor, world.connectionId, {
      name: 'Acme',
      phone: '',
      city: '',
      owner: 'ann',
    });
    await other.runner.quiet();
    expect(other.status()?.waiting).toBe(1); // the waiting count is shown in every window
    await world.settle();
    expect(world.server.records().map((entry) => entry.record.name)).toEqual(['Acme']);
    expect(other.adapter.calls).toBe(0);
    await other.runner.quiet();
    expect(other.status()?.waiting).toBe(0); // told by the holder when its run ended
  });

  it('hands over when the holder closes: the other window recovers and syncs', async () => {
    const other = await twoWindows();
    await world.create({ name: 'Acme' });
    await world.runner.close(); // window closed before its debounce fired
    await other.runner.quiet();
    expect(other.status()?.phase).not.toBe('paused');
    other.runner.syncNow();
    await other.runner.quiet();
    expect(world.server.records().map((entry) => entry.record.name)).toEqual(['Acme']);
    expect(other.adapter.calls).toBeGreaterThan(0);
  });

  it('steals the lock from a holder whose heartbeat went stale, and the holder stops', async () => {
    const other = await twoWindows();
    world.heartbeatFrozen = true;
    // Not yet: the beat is not older than the 30 s threshold of the test timing.
    world.clock.advance(20_000);
    await other.runner.quiet();
    expect(other.status()?.pauseReason).toBe('another_window');

    world.clock.advance(20_000);
    await other.runner.quiet();
    await world.quiet();
    expect(other.status()?.phase).not.toBe('paused');
    expect(world.status()).toMatchObject({ phase: 'paused', pauseReason: 'another_window' });

    const callsBefore = world.adapter.calls;
    await other.store.createCustomer(world.descriptor, world.connectionId, {
      name: 'Acme',
      phone: '',
      city: '',
      owner: 'ann',
    });
    world.clock.advance(world.timing.saveDebounceMs);
    await other.runner.quiet();
    await world.quiet();
    expect(world.server.records().map((entry) => entry.record.name)).toEqual(['Acme']);
    expect(world.adapter.calls).toBe(callsBefore); // the robbed window sent nothing more
  });

  it('does not steal from a holder that keeps beating', async () => {
    const other = await twoWindows();
    for (let minute = 0; minute < 5; minute += 1) {
      world.clock.advance(60_000);
      await other.runner.quiet();
      await world.quiet();
    }
    expect(other.status()?.pauseReason).toBe('another_window');
    expect(world.status().phase).toBe('idle');
    expect(other.adapter.calls).toBe(0);
  });
});
