// The interleavings behind a run that stopped with "No local row for … Alder" right after a
// wipe: a push-only run goes through before any pull has. That sets lastSuccessAt (a push that
// went through IS a successful sync), but the list was never pulled: a customer synced before the
// wipe (so not in the journal) is not local yet, and the faults run must not edit it then.
import { afterEach, expect, it } from 'vitest';
import { EngineWorld } from '../../src-renderer/lib/sync/test-support/engine-world';
import { listIsBack } from './list-is-back';

let world: EngineWorld;
afterEach(async () => world?.close());

/** Full jitter's draws in order: the failed change's backoff, then the failed run's. */
function draws(...values: number[]): () => number {
  return () => values.shift() ?? 0.5;
}

/** The local row of the server's customer of that name (undefined: not in the store). */
async function localRow(name: string) {
  const server = world.server.records().find((entry) => entry.record.name === name);
  return server ? world.row(server.id) : undefined;
}

async function lastPulls() {
  const meta = await world.store.getMeta(world.connectionId);
  return { [world.connectionId]: meta.lastPullAt };
}

it('waits for a pull when the failed change gets the shorter backoff than the failed run', async () => {
  world = new EngineWorld({ online: false, random: draws(0.1, 0.9) });
  // Synced before the wipe: on the server, not in the journal, so not in the wiped store.
  world.server.seed(world.record({ name: 'Alder' }));
  // The change the journal put back (a fresh store on an empty database is what a wipe leaves).
  await world.create({ name: 'Birch' });
  world.start();
  await world.quiet();
  world.server.fault({ op: 'create', kind: 'server', times: 1 });
  world.server.fault({ op: 'list', kind: 'server', times: 1 });
  world.setOnline(true);
  await world.quiet();
  expect(world.status().phase).toBe('waiting');

  // The change's shorter backoff ends first: a push-only run sends it and succeeds.
  world.clock.advance(world.status().nextAttemptAt! - world.clock.now());
  await world.quiet();
  expect(world.server.records().map((entry) => entry.record.name)).toContain('Birch');
  expect(world.status().lastSuccessAt).not.toBeNull();
  expect(await localRow('Alder')).toBeUndefined();
  expect(listIsBack([world.status()], await lastPulls())).toBe(false);

  // The run's own retry pulls the list: now Alder is there to edit.
  await world.settle();
  expect((await localRow('Alder'))?.record.name).toBe('Alder');
  expect(listIsBack([world.status()], await lastPulls())).toBe(true);
});

it('waits for a pull when the first run stopped its push after failures in a row', async () => {
  world = new EngineWorld({ online: false, parallelPushes: 1 });
  world.server.seed(world.record({ name: 'Alder' }));
  for (const name of ['Birch', 'Cedar', 'Dune', 'Ember', 'Fjord']) await world.create({ name });
  world.start();
  await world.quiet();
  // Three failures in a row stop the push for the run (the shared retry policy): no pull, and
  // the changes not tried yet are due at once, so a push-only run follows straight away.
  world.server.fault({ op: 'create', kind: 'server', times: 3 });
  world.setOnline(true);
  await world.quiet();
  world.clock.advance(0);
  await world.quiet();

  expect(world.server.records().map((entry) => entry.record.name)).toHaveLength(3);
  expect(world.server.requests('list')).toEqual([]);
  expect(world.status().lastSuccessAt).not.toBeNull();
  expect(await localRow('Alder')).toBeUndefined();
  expect(listIsBack([world.status()], await lastPulls())).toBe(false);

  await world.settle();
  expect((await localRow('Alder'))?.record.name).toBe('Alder');
  expect(listIsBack([world.status()], await lastPulls())).toBe(true);
});
