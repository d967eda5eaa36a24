// The update path (docs/architecture.md#the-life-of-an-edit): an offline edit is merged field by
// field with what a colleague changed meanwhile — never overwritten by a pull, never a false
// conflict, no echo; a record deleted on the server while it has local changes becomes a conflict,
// not a loss.
import { afterEach, describe, expect, it } from 'vitest';
import { EngineWorld, type EngineWorldOptions } from '../test-support/engine-world';
import type { Card } from '../test-support/fake-server-descriptor';

let world: EngineWorld;
afterEach(async () => world?.close());

/** A world whose server holds Acme, pulled and complete on this computer. */
async function syncedAcme(options: EngineWorldOptions = {}) {
  world = new EngineWorld(options);
  const { id } = world.server.seed({
    name: 'Acme',
    phone: '111',
    city: 'Leeds',
    owner: 'ann',
    notes: '',
  });
  world.start();
  await world.settle();
  return id;
}

const serverCard = (id: string) => world.server.record(id) as Card;

describe('an offline edit', () => {
  it('is not overwritten by a pull, and both sides’ fields reach the server', async () => {
    const id = await syncedAcme();
    world.setOnline(false);
    await world.edit(id, { phone: '222' });
    world.server.edit(id, [{ path: 'city', value: 'York' }]);
    // The pull comes before this edit's push only if the push failed first: force that order.
    world.server.fault({ op: 'get', kind: 'server', times: 1 });
    world.setOnline(true);
    await world.quiet();
    expect(world.server.requests().map((entry) => entry.op)).toContain('list');
    expect((await world.row(id))?.record).toMatchObject({ phone: '222' });
    await world.settle();

    expect(serverCard(id)).toMatchObject({ phone: '222', city: 'York' });
    expect((await world.row(id))?.record).toMatchObject({ phone: '222', city: 'York' });
    expect(await world.store.countWaiting(world.connectionId)).toBe(0);
  });

  it('sends only what the server lacks: no false conflict when both sides made the same edit', async () => {
    const id = await syncedAcme();
    world.setOnline(false);
    await world.edit(id, { city: 'York', phone: '222' });
    world.server.edit(id, [{ path: 'city', value: 'York' }]);
    world.setOnline(true);
    await world.settle();
    expect(serverCard(id)).toMatchObject({ city: 'York', phone: '222' });
    expect((await world.row(id))?.syncState).toBe('synced');
    const update = world.server.requests('update');
    expect(update).toHaveLength(1);
  });

  it('flags a conflict when both sides changed the same field differently, and holds only that record', async () => {
    const id = await syncedAcme();
    const other = world.server.seed({ name: 'Globex', phone: '9', city: 'Hull', owner: 'ann' });
    world.runner.syncNow();
    await world.settle(); // pulls Globex
    world.setOnline(false);
    await world.edit(id, { city: 'Bradford' });
    await world.edit(other.id, { phone: '10' });
    world.server.edit(id, [{ path: 'city', value: 'York' }]);
    world.setOnline(true);
    await world.settle();

    const row = await world.row(id);
    expect(row?.syncState).toBe('conflict');
    const [entry] = await world.store.listOutbox(world.connectionId);
    expect(entry?.conflict).toMatchObject({
      kind: 'fields',
      conflicts: [{ path: 'city', base: 'Leeds', mine: 'Bradford', theirs: 'York' }],
    });
    expect(serverCard(id).city).toBe('York'); // nothing was overwritten
    expect(serverCard(other.id).phone).toBe('10'); // the other record kept syncing
  });

  it('is resolved by the salesperson’s choice and then pushed', async () => {
    const id = await syncedAcme();
    world.setOnline(false);
    await world.edit(id, { city: 'Bradford' });
    world.server.edit(id, [{ path: 'city', value: 'York' }]);
    world.setOnline(true);
    await world.settle();
    const resolved = await world.store.resolveConflict(
      world.descriptor,
      world.connectionId,
      id,
      { city: 'mine' },
      {},
    );
    expect(resolved).toEqual({ ok: true });
    await world.settle();
    expect(serverCard(id).city).toBe('Bradford');
    expect((await world.row(id))?.syncState).toBe('synced');
  });
});

describe('after a push', () => {
  it('the next pull brings nothing back as new or changed (no echo)', async () => {
    const id = await syncedAcme();
    await world.edit(id, { phone: '222' });
    await world.settle();
    const requestsBefore = world.server.log.length;
    world.clock.advance(world.timing.idleIntervalMs);
    await world.settle();
    // The idle run listed and looked up, and pushed nothing.
    const since = world.server.log.slice(requestsBefore).map((entry) => entry.op);
    expect(since).toEqual(['lookups', 'list']);
    expect(await world.store.countWaiting(world.connectionId)).toBe(0);
    expect((await world.row(id))?.record).toMatchObject({ phone: '222' });
  });

  it('a lost answer to an update is not a conflict with itself: the re-GET shows it landed', async () => {
    const id = await syncedAcme();
    world.server.fault({ op: 'update', kind: 'lost', times: 1 });
    await world.edit(id, { phone: '222' });
    await world.settle();
    expect(world.server.requests('update')).toHaveLength(1);
    expect((await world.row(id))?.syncState).toBe('synced');
    expect(serverCard(id).phone).toBe('222');
  });
});

describe('a record deleted on the server', () => {
  it('with a local edit becomes a "deleted on the server" conflict, not a loss or a resurrection', async () => {
    const id = await syncedAcme();
    world.setOnline(false);
    await world.edit(id, { phone: '222' });
    world.server.remove(id);
    world.setOnline(true);
    await world.settle();
    const [entry] = await world.store.listOutbox(world.connectionId);
    expect(entry?.conflict).toEqual({ kind: 'deleted_on_server' });
    expect((await world.row(id))?.record).toMatchObject({ phone: '222' });
    expect(world.server.records()).toHaveLength(0);
  });

  it('without local changes goes when a complete listing no longer has it', async () => {
    const id = await syncedAcme();
    world.server.remove(id);
    world.clock.advance(world.timing.idleIntervalMs);
    await world.settle();
    expect(await world.row(id)).toBeUndefined();
  });

  it('is re-created on request, once', async () => {
    const id = await syncedAcme();
    world.setOnline(false);
    await world.edit(id, { phone: '222' });
    world.server.remove(id);
    world.setOnline(true);
    await world.settle();
    await world.store.resolveDeleted(world.descriptor, world.connectionId, id, 'recreate');
    await world.settle();
    expect(world.server.records().map((entry) => entry.record)).toEqual([
      expect.objectContaining({ name: 'Acme', phone: '222' }),
    ]);
  });
});
