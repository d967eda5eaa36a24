// The pull's side of the store (docs/sync.md#the-local-store): chunked writes with one signal,
// no overwrite of waiting changes, no downgrade, deletions, and which rows to fetch in full.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { PulledRecord } from '../customer-store';
import type { StoreCase } from './store-cases';
import { createStoreWorld, type StoreEnvironment, type StoreWorld } from './store-world';

export function pullRules<T>(environment: StoreEnvironment, storeCase: StoreCase<T>): void {
  describe(`${storeCase.name} records: what a pull writes`, () => {
    let world: StoreWorld<T>;
    const { descriptor } = storeCase;
    beforeEach(() => {
      world = createStoreWorld(environment, storeCase);
    });
    afterEach(() => world.dispose());

    const full = (serverId: string, name = `Customer ${serverId}`): PulledRecord<T> => ({
      serverId,
      record: storeCase.serverRecord(serverId, name),
      hydration: 'full',
    });
    const summary = (serverId: string, name = `Customer ${serverId}`): PulledRecord<T> => ({
      serverId,
      record: descriptor.summaryOf(storeCase.serverRecord(serverId, name)),
      hydration: 'summary',
    });
    const apply = (records: PulledRecord<T>[]) =>
      world.store.applyPulled(descriptor, world.connectionId, records);

    test('2,500 new records are stored in chunks with ONE change signal', async () => {
      const records = Array.from({ length: 2_500 }, (_, index) => summary(String(1_000 + index)));
      await apply(records);
      expect(world.changes).toEqual([{ connectionId: world.connectionId, cause: 'pulled' }]);
      expect(await world.row('1000')).toMatchObject({
        serverId: '1000',
        base: records[0]!.record,
        hydration: 'summary',
        syncState: 'synced',
      });
      expect(await world.store.getCustomer(world.connectionId, '3499')).toBeDefined();
      expect(await world.store.rowsToHydrate(world.connectionId, 'all', 5_000)).toHaveLength(2_500);
    });

    test('applying the same page twice changes nothing, not even a timestamp', async () => {
      await apply([full('101'), summary('102')]);
      const before = [await world.row('101'), await world.row('102')];
      world.changes.length = 0;
      await apply([full('101'), summary('102')]);
      expect([await world.row('101'), await world.row('102')]).toEqual(before);
      expect(world.changes).toEqual([]);
    });

    test('without waiting changes, a newer server version replaces the record and its base', async () => {
      await apply([full('101')]);
      const newer = full('101', 'Renamed on the server');
      await apply([newer]);
      expect(await world.row('101')).toMatchObject({ record: newer.record, base: newer.record });
    });

    test('a summary never replaces an unchanged complete copy; a changed one does', async () => {
      await apply([full('101')]);
      await world.store.markOpened(world.connectionId, '101');
      await apply([summary('101')]);
      expect((await world.row('101')).hydration).toBe('full');
      const renamed = summary('101', 'Renamed in the list');
      await apply([renamed]);
      expect(await world.row('101')).toMatchObject({
        record: renamed.record,
        hydration: 'summary',
      });
      const [first] = await world.store.rowsToHydrate(world.connectionId, 'opened', 10);
      expect(first?.key).toBe('101');
    });

    test('waiting changes are never overwritten: only the server version is kept beside them', async () => {
      const server = await world.pulled('101');
      const mine = storeCase.withPhone(server, 'mine');
      await world.store.saveCustomer(descriptor, world.connectionId, '101', mine);
      const newer = full('101', 'Renamed by a colleague');
      await apply([newer]);
      expect(await world.row('101')).toMatchObject({
        record: mine,
        base: server,
        remote: newer.record,
        syncState: 'waiting',
      });
      expect((await world.onlyEntry('101')).base).toEqual(server);
    });

    test('a pulled record never lands on a customer that is only local', async () => {
      const key = await world.store.createCustomer(
        descriptor,
        world.connectionId,
        storeCase.newRecord('Local only'),
      );
      await apply([full('101')]);
      expect(await world.row(key)).toMatchObject({ serverId: null, syncState: 'waiting' });
    });

    test('after a complete listing, missing records go — unless changes wait: then it is a conflict', async () => {
      await apply([full('101'), full('102'), full('103')]);
      const server = (await world.row('102')).record;
      await world.store.saveCustomer(
        descriptor,
        world.connectionId,
        '102',
        storeCase.withPhone(server, 'mine'),
      );
      const localKey = await world.store.createCustomer(
        descriptor,
        world.connectionId,
        storeCase.newRecord('Local only'),
      );
      expect(await world.store.applyDeletions(world.connectionId, new Set(['103']))).toBe(2);
      expect(await world.store.getCustomer(world.connectionId, '101')).toBeUndefined();
      expect(await world.row('102')).toMatchObject({ syncState: 'conflict' });
      expect(await world.onlyEntry('102')).toMatchObject({
        state: 'conflict',
        conflict: { kind: 'deleted_on_server' },
      });
      expect(await world.row('103')).toMatchObject({ syncState: 'synced' });
      expect(await world.row(localKey)).toMatchObject({ syncState: 'waiting' });
      // Seen twice: nothing more happens.
      expect(await world.store.applyDeletions(world.connectionId, new Set(['103']))).toBe(0);
    });

    test('a 404 by id removes a synced row, and flags one with waiting changes', async () => {
      await apply([full('101'), full('102')]);
      await world.store.saveCustomer(
        descriptor,
        world.connectionId,
        '102',
        storeCase.withPhone((await world.row('102')).record, 'mine'),
      );
      expect(await world.store.markDeletedOnServer(world.connectionId, ['101', '102', '999'])).toBe(
        2,
      );
      expect(await world.store.getCustomer(world.connectionId, '101')).toBeUndefined();
      expect(await world.row('102')).toMatchObject({ syncState: 'conflict' });
    });

    test('rows to fetch in full: summaries only, opened first, by scope', async () => {
      await apply([summary('101'), summary('102'), summary('103'), full('104')]);
      await world.store.markOpened(world.connectionId, '103');
      const keys = async (wanted: 'all' | 'opened' | ReadonlySet<string>, limit = 10) =>
        (await world.store.rowsToHydrate(world.connectionId, wanted, limit)).map((row) => row.key);
      expect(await keys('all')).toEqual(['103', '101', '102']);
      expect(await keys('all', 2)).toEqual(['103', '101']);
      expect(await keys('opened')).toEqual(['103']);
      expect(await keys(new Set(['102', '104']))).toEqual(['103', '102']);
      await apply([full('101')]);
      expect(await keys('all')).toEqual(['103', '102']);
    });

    test('lookups are replaced whole; meta has defaults; a deleted connection leaves nothing', async () => {
      await world.store.putLookups(world.connectionId, { countries: [1, 2], categories: ['a'] }, 5);
      await world.store.putLookups(world.connectionId, { countries: [3] }, 6);
      expect(await world.store.getLookups(world.connectionId)).toEqual({ countries: [3] });
      expect(await world.store.getMeta(world.connectionId)).toEqual({
        connectionId: world.connectionId,
        pullCheckpoint: null,
        lastPullAt: null,
        lastSuccessAt: null,
        offlineScope: 'all',
        salespersonId: null,
      });
      const meta = {
        connectionId: world.connectionId,
        pullCheckpoint: '06/01/2024 10:00',
        lastPullAt: 7,
        lastSuccessAt: 7,
        offlineScope: 'mine' as const,
        salespersonId: 'SP-1',
      };
      await world.store.putMeta(meta);
      expect(await world.store.getMeta(world.connectionId)).toEqual(meta);

      await apply([full('101')]);
      await world.store.createCustomer(descriptor, world.connectionId, storeCase.newRecord('Mine'));
      await world.store.applyPulled(descriptor, 'other', [full('101')]);
      await world.store.deleteConnectionData(world.connectionId);
      expect(await world.store.getCustomer(world.connectionId, '101')).toBeUndefined();
      expect(await world.outbox()).toEqual([]);
      expect(await world.store.getLookups(world.connectionId)).toEqual({});
      expect((await world.store.getMeta(world.connectionId)).pullCheckpoint).toBeNull();
      expect(await world.store.getCustomer('other', '101')).toBeDefined();
    });
  });
}
