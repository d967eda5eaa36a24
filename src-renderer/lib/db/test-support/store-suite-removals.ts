// The removal log (removal-log.ts): every transaction that deletes a customer row names its key,
// so the list's search worker drops exactly the rows that went without counting the connection.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { PulledRecord } from '../customer-store';
import { REMOVALS_KEPT } from '../removal-log';
import type { StoreCase } from './store-cases';
import { createStoreWorld, type StoreEnvironment, type StoreWorld } from './store-world';

export function removalRules<T>(environment: StoreEnvironment, storeCase: StoreCase<T>): void {
  describe(`${storeCase.name} records: the removal log`, () => {
    let world: StoreWorld<T>;
    const { descriptor } = storeCase;
    beforeEach(() => {
      world = createStoreWorld(environment, storeCase);
    });
    afterEach(() => world.dispose());

    const full = (serverId: string): PulledRecord<T> => ({
      serverId,
      record: storeCase.serverRecord(serverId, `Customer ${serverId}`),
      hydration: 'full',
    });
    const since = (seq: number) => world.store.removedSince(world.connectionId, seq);
    const seqNow = async () => (await since(Infinity)).seq;
    const create = (name: string) =>
      world.store.createCustomer(descriptor, world.connectionId, storeCase.newRecord(name));

    test('saves, creates and pulls remove nothing', async () => {
      await world.pulled('101');
      const row = await world.row('101');
      await world.store.saveCustomer(
        descriptor,
        world.connectionId,
        '101',
        storeCase.withPhone(row.record, '1'),
      );
      await create('New');
      expect(await since(0)).toEqual({ seq: 0, keys: [] });
    });

    test('a discarded new customer is logged; a discarded edit of a pulled one is not', async () => {
      await world.pulled('101');
      const row = await world.row('101');
      await world.store.saveCustomer(
        descriptor,
        world.connectionId,
        '101',
        storeCase.withPhone(row.record, '1'),
      );
      const key = await create('Discarded');
      await world.store.discardChanges(world.connectionId, '101');
      await world.store.discardChanges(world.connectionId, key);
      expect(await since(0)).toEqual({ seq: 1, keys: [key] });
    });

    test('a complete listing and a 404 log the rows they delete, not those they flag', async () => {
      await world.store.applyPulled(
        descriptor,
        world.connectionId,
        ['101', '102', '103', '104'].map(full),
      );
      const row = await world.row('102');
      await world.store.saveCustomer(
        descriptor,
        world.connectionId,
        '102',
        storeCase.withPhone(row.record, 'mine'),
      );
      await world.store.applyDeletions(world.connectionId, new Set(['103', '104']));
      expect(await since(0)).toEqual({ seq: 1, keys: ['101'] });
      await world.store.markDeletedOnServer(world.connectionId, ['104']);
      expect(await since(1)).toEqual({ seq: 2, keys: ['104'] });
    });

    test('a create completed under the server id logs the local key', async () => {
      const key = await create('Acme');
      const entry = await world.onlyEntry(key);
      await world.store.markInFlight(entry.seq!, 1);
      const server = storeCase.created(entry.changed as T, '501');
      await world.store.completeCreate(descriptor, entry.seq!, '501', server);
      expect(await world.row('501')).toBeDefined();
      expect(await since(0)).toEqual({ seq: 1, keys: [key] });
    });

    test('deleted on the server: re-creating or discarding logs the old key', async () => {
      await world.store.applyPulled(descriptor, world.connectionId, [full('101'), full('102')]);
      for (const id of ['101', '102']) {
        const row = await world.row(id);
        await world.store.saveCustomer(
          descriptor,
          world.connectionId,
          id,
          storeCase.withPhone(row.record, 'mine'),
        );
      }
      await world.store.markDeletedOnServer(world.connectionId, ['101', '102']);
      expect(await seqNow()).toBe(0);
      await world.store.resolveDeleted(descriptor, world.connectionId, '101', 'recreate');
      await world.store.resolveDeleted(descriptor, world.connectionId, '102', 'discard');
      expect(await since(0)).toEqual({ seq: 2, keys: ['101', '102'] });
    });

    test(`past ${REMOVALS_KEPT} removals a reader further behind is told to list the keys`, async () => {
      // Server ids of four digits: a listing's deletions go in this order.
      const ids = Array.from({ length: 300 }, (_, index) => String(1_000 + index));
      await world.store.applyPulled(descriptor, world.connectionId, ids.map(full));
      await world.store.applyDeletions(world.connectionId, new Set(ids.slice(0, 50)));
      expect(await since(0)).toEqual({ seq: 250, keys: ids.slice(50) });
      await world.store.applyDeletions(world.connectionId, new Set(ids.slice(0, 4)));
      const seq = 296;
      const oldestKept = seq - REMOVALS_KEPT;
      expect(await since(0)).toEqual({ seq, keys: null });
      expect(await since(oldestKept - 1)).toEqual({ seq, keys: null });
      expect(await since(oldestKept)).toEqual({
        seq,
        keys: [...ids.slice(50 + oldestKept), ...ids.slice(4, 50)],
      });
      expect(await since(seq - 4)).toEqual({ seq, keys: ids.slice(46, 50) });
      expect(await since(seq)).toEqual({ seq, keys: [] });
    });

    test('a reader ahead of the log (a database deleted under it) lists the keys', async () => {
      const key = await create('Gone');
      await world.store.discardChanges(world.connectionId, key);
      expect(await since(5)).toEqual({ seq: 1, keys: null });
    });

    test('a deleted connection leaves no log', async () => {
      const key = await create('Gone');
      await world.store.discardChanges(world.connectionId, key);
      await world.store.deleteConnectionData(world.connectionId);
      expect(await since(0)).toEqual({ seq: 0, keys: [] });
    });
  });
}
