// The store in real Chromium on real IndexedDB: the shared suite, plus what only a browser shows —
// a full disk during a save, and data surviving a closed and reopened database.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openCustomerStore } from './dexie-customer-store';
import { StoreError } from './customer-store';
import { FieldbookDatabase } from './schema';
import { deleteDatabase } from './test-support/delete-database';
import { r2Case, revnueCase, type StoreCase } from './test-support/store-cases';
import { customerStoreSuite } from './test-support/store-suite';
import {
  createStoreWorld,
  type StoreEnvironment,
  type StoreWorld,
} from './test-support/store-world';

const environment: StoreEnvironment = {
  project: 'browser',
  open: (name) => openCustomerStore(name),
  remove: (name) => deleteDatabase(indexedDB, name),
};

for (const layout of ['rows', 'pages'] as const) {
  describe(`customers stored as ${layout}`, () => customerStoreSuite({ ...environment, layout }));
}

/**
 * Makes the next IDBObjectStore write (put or add) throw, as Chromium does when the disk is full.
 * (On localhost Dexie's debug mode traces the failed write to the console: that is expected.)
 */
function failNextWrite(): { fired: () => boolean; restore: () => void } {
  const { put, add } = IDBObjectStore.prototype;
  let fired = false;
  const failingOnce = (write: typeof put) =>
    function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (!fired) {
        fired = true;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return write.apply(this, args);
    };
  IDBObjectStore.prototype.put = failingOnce(put);
  IDBObjectStore.prototype.add = failingOnce(add);
  return {
    fired: () => fired,
    restore: () => Object.assign(IDBObjectStore.prototype, { put, add }),
  };
}

function browserOnlyRules<T>(storeCase: StoreCase<T>) {
  describe(`${storeCase.name} records in Chromium`, () => {
    let world: StoreWorld<T>;
    const { descriptor } = storeCase;
    beforeEach(() => {
      world = createStoreWorld(environment, storeCase);
    });
    afterEach(() => world.dispose());

    test('a full disk during a save: a plain sentence, nothing changed, and the next save works', async () => {
      const server = await world.pulled('101');
      const once = storeCase.withPhone(server, '+1 000');
      await world.store.saveCustomer(descriptor, world.connectionId, '101', once);
      const before = { row: await world.row('101'), outbox: await world.outbox() };
      world.changes.length = 0;

      const injected = failNextWrite();
      const twice = storeCase.withCity(once, 'Bath');
      const error = await world.store
        .saveCustomer(descriptor, world.connectionId, '101', twice)
        .catch((caught: unknown) => caught)
        .finally(injected.restore);
      expect(injected.fired()).toBe(true);
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({
        reason: 'quota',
        message:
          'Your disk is full: this change could not be saved on this computer. Free some space and save again.',
      });
      expect(await world.row('101')).toEqual(before.row);
      expect(await world.outbox()).toEqual(before.outbox);
      expect(world.changes).toEqual([]);

      await world.store.saveCustomer(descriptor, world.connectionId, '101', twice);
      expect((await world.row('101')).record).toEqual(twice);
      expect((await world.onlyEntry('101')).changed).toEqual(
        expect.arrayContaining([{ path: storeCase.cityPath, value: 'Bath' }]),
      );
    });

    test('a full disk during a create stores nothing at all', async () => {
      const injected = failNextWrite();
      const created = await world.store
        .createCustomer(descriptor, world.connectionId, storeCase.newRecord('Fresh'))
        .finally(injected.restore)
        .catch((caught: unknown) => caught);
      expect(injected.fired()).toBe(true);
      expect(created).toMatchObject({ reason: 'quota' });
      expect(await world.outbox()).toEqual([]);
      const database = new FieldbookDatabase(world.name, 'relaxed');
      expect(await database.customers.count()).toBe(0);
      database.close();
    });

    test('closed and reopened: every row and entry is still there, and work goes on', async () => {
      const server = await world.pulled('101');
      await world.store.saveCustomer(
        descriptor,
        world.connectionId,
        '101',
        storeCase.withPhone(server, '+1 000'),
      );
      const key = await world.store.createCustomer(
        descriptor,
        world.connectionId,
        storeCase.newRecord('Fresh'),
      );
      await world.store.markInFlight((await world.onlyEntry(key)).seq!, 1_000);
      await world.store.putMeta({
        ...(await world.store.getMeta(world.connectionId)),
        pullCheckpoint: '06/01/2024 10:00',
      });
      const before = {
        rows: [await world.row('101'), await world.row(key)],
        outbox: await world.outbox(),
      };

      world = world.reopen();
      expect([await world.row('101'), await world.row(key)]).toEqual(before.rows);
      expect(await world.outbox()).toEqual(before.outbox);
      expect((await world.store.getMeta(world.connectionId)).pullCheckpoint).toBe(
        '06/01/2024 10:00',
      );
      expect(await world.store.recoverInFlight(world.connectionId)).toBe(1);
      expect(await world.onlyEntry(key)).toMatchObject({
        state: 'in_flight',
        outcomeUnknown: true,
      });
    });
  });
}

browserOnlyRules(r2Case);
browserOnlyRules(revnueCase);
