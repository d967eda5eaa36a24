// Never two server records: a create whose answer was lost, or that was in flight when the window
// died, is looked up by its natural key before anything is sent again — the server never holds it
// twice (docs/architecture.md#the-life-of-an-edit, step 5).
import { afterEach, describe, expect, it } from 'vitest';
import { EngineWorld } from '../test-support/engine-world';
import {
  cardConnector,
  revnueConnector,
  type CardLike,
  type WorldConnector,
} from '../test-support/fake-server-connectors';

let world: EngineWorld<CardLike>;
/** The test cards, and the shipped Revnue descriptor over the same fake server. */
const connectors = [cardConnector, revnueConnector] as unknown as WorldConnector<CardLike>[];
afterEach(async () => world?.close());

const serverNames = () => world.server.created.map((entry) => entry.record.name);

describe.each(connectors)('a create whose outcome is unknown ($label)', (connector) => {
  const newWorld = () => new EngineWorld<CardLike>({ connector });

  it('is adopted, not sent again, when the server committed it but the answer was lost', async () => {
    world = newWorld().start();
    await world.quiet();
    world.server.fault({ op: 'create', kind: 'lost', times: 1 });
    const key = await world.create({ name: 'Acme', city: 'Leeds' });
    await world.settle();

    expect(serverNames()).toEqual(['Acme']);
    expect(world.server.requests('create')).toHaveLength(1);
    expect(world.server.requests('find')).toHaveLength(1);
    const [onServer] = world.server.records();
    expect(await world.row(key)).toBeUndefined(); // re-keyed to the server id
    expect((await world.row(onServer!.id))?.record).toMatchObject({ name: 'Acme', city: 'Leeds' });
    expect(await world.store.countWaiting(world.connectionId)).toBe(0);
  });

  it('is adopted without overwriting what a colleague changed on it meanwhile (same field: a conflict)', async () => {
    world = newWorld().start();
    await world.quiet();
    world.server.fault({ op: 'create', kind: 'lost', times: 1 });
    const key = await world.create({ name: 'Acme', city: 'Leeds', phone: '111' });
    for (let step = 0; step < 50 && world.server.requests('create').length === 0; step += 1) {
      world.clock.advance(world.timing.saveDebounceMs);
      await world.quiet();
    }
    // The POST landed but its answer was lost; before Fieldbook finds the record again, a
    // colleague edits it and the salesperson edits the same field (and another) here.
    const [onServer] = world.server.records();
    world.server.edit(onServer!.id, [{ path: 'city', value: 'York' }]);
    await world.edit(key, { city: 'Bradford', phone: '222' });
    await world.settle();

    expect(serverNames()).toEqual(['Acme']);
    const row = await world.row(onServer!.id);
    expect(row?.syncState).toBe('conflict');
    const [entry] = await world.store.listOutbox(world.connectionId);
    expect(entry?.conflict).toMatchObject({
      kind: 'fields',
      conflicts: [{ path: 'city', base: 'Leeds', mine: 'Bradford', theirs: 'York' }],
    });
    // Nothing of the colleague's was overwritten; the salesperson's value waits for a choice.
    expect(world.server.records()[0]?.record).toMatchObject({ city: 'York' });
  });

  it('is adopted after a 5xx that the server had committed before failing', async () => {
    world = newWorld().start();
    await world.quiet();
    world.server.fault({ op: 'create', kind: 'server', commitFirst: true, times: 1 });
    await world.create({ name: 'Acme' });
    await world.settle();
    expect(serverNames()).toEqual(['Acme']);
    expect(world.server.requests('create')).toHaveLength(1);
  });

  it('is sent again once the lookup shows the server never got it', async () => {
    world = newWorld().start();
    await world.quiet();
    world.server.fault({ op: 'create', kind: 'server', times: 1 });
    await world.create({ name: 'Acme' });
    await world.settle();
    expect(serverNames()).toEqual(['Acme']);
    expect(world.server.requests('create').map((entry) => entry.answer)).toEqual(['server', 'ok']);
    expect(world.server.requests('find')).toHaveLength(1);
  });

  it('keeps looking (never POSTs blind) while the lookup itself fails', async () => {
    world = newWorld().start();
    await world.quiet();
    world.server.fault({ op: 'create', kind: 'lost', times: 1 });
    world.server.fault({ op: 'find', kind: 'server', times: 3 });
    await world.create({ name: 'Acme' });
    await world.settle();
    expect(serverNames()).toEqual(['Acme']);
    expect(world.server.requests('create')).toHaveLength(1);
    expect(world.server.requests('find').map((entry) => entry.answer)).toEqual([
      'server',
      'server',
      'server',
      'ok',
    ]);
  });

  it.each([{ commit: true }, { commit: false }])(
    'survives the window dying during the POST (server committed: $commit)',
    async ({ commit }) => {
      world = newWorld().start();
      await world.quiet();
      const crashed = world.adapter.armCrash(1, commit);
      await world.create({ name: 'Acme', city: 'Leeds' });
      world.clock.advance(world.timing.saveDebounceMs);
      await crashed;
      world.crash();

      world.restart();
      await world.settle();
      expect(serverNames()).toEqual(['Acme']);
      expect(world.server.records()).toHaveLength(1);
      // Recovery looked the create up first; only a create the server never saw is sent again.
      expect(world.server.requests('find')).toHaveLength(1);
      expect(world.server.requests('create')).toHaveLength(1);
      const local = await world.row(world.server.records()[0]!.id);
      expect(local?.record).toMatchObject({ name: 'Acme', city: 'Leeds' });
    },
  );

  it('keeps edits made while the create was in flight, on the adopted record', async () => {
    world = newWorld().start();
    await world.quiet();
    world.server.fault({ op: 'create', kind: 'lost', times: 1 });
    const key = await world.create({ name: 'Acme', city: 'Leeds' });
    world.clock.advance(world.timing.saveDebounceMs);
    await world.quiet();
    await world.edit(key, { phone: '0113 496 0000' });
    await world.settle();
    expect(world.server.records().map((entry) => entry.record)).toEqual([
      expect.objectContaining({ name: 'Acme', city: 'Leeds', phone: '0113 496 0000' }),
    ]);
    expect(serverNames()).toEqual(['Acme']);
  });
});
