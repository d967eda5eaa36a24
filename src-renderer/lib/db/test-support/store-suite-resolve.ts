// Settling what holds a record: a conflict resolved field by field, and a
// record deleted on the server re-created or discarded — each one strict transaction.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { merge } from '../../../../src-shared/sync/merge';
import type { StoreCase } from './store-cases';
import { createStoreWorld, type StoreEnvironment, type StoreWorld } from './store-world';

/** `value` without its client item identities (R2 contacts' `localKey`). */
function withoutLocalKeys(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, member: unknown) => (key === 'localKey' ? undefined : member)),
  );
}

export function resolveRules<T>(environment: StoreEnvironment, storeCase: StoreCase<T>): void {
  describe(`${storeCase.name} records: settling conflicts`, () => {
    let world: StoreWorld<T>;
    const { descriptor } = storeCase;
    beforeEach(() => {
      world = createStoreWorld(environment, storeCase);
    });
    afterEach(() => world.dispose());

    /** Saves `edit(current record)`. */
    async function save(key: string, edit: (record: T) => T): Promise<void> {
      const row = await world.row(key);
      await world.store.saveCustomer(descriptor, world.connectionId, key, edit(row.record));
    }

    describe('resolving a conflict', () => {
      async function conflicted() {
        const server = await world.pulled('101');
        const mine = storeCase.withCity(storeCase.withPhone(server, 'mine'), 'My City');
        await world.store.saveCustomer(descriptor, world.connectionId, '101', mine);
        const seq = (await world.onlyEntry('101')).seq!;
        const theirs = storeCase.withPhone(server, 'theirs');
        const { conflicts } = merge(descriptor.shape, server, mine, theirs);
        expect(conflicts.map((conflict) => conflict.path)).toEqual([storeCase.phonePath]);
        await world.store.conflictEntry(seq, { kind: 'fields', conflicts, theirs });
        return { server, mine, theirs, seq };
      }

      test('with the choices made, it is a pending update against theirs', async () => {
        const { theirs, seq } = await conflicted();
        const result = await world.store.resolveConflict(
          descriptor,
          world.connectionId,
          '101',
          { [storeCase.phonePath]: 'mine' },
          {},
        );
        expect(result).toEqual({ ok: true });
        const entry = await world.onlyEntry('101');
        expect(entry).toMatchObject({ seq, state: 'pending', base: theirs, conflict: null });
        expect(entry.changed).toEqual(
          expect.arrayContaining([
            { path: storeCase.phonePath, value: 'mine' },
            { path: storeCase.cityPath, value: 'My City' },
          ]),
        );
        expect(await world.row('101')).toMatchObject({
          base: theirs,
          record: storeCase.withCity(storeCase.withPhone(theirs, 'mine'), 'My City'),
          syncState: 'waiting',
          remote: null,
        });
        expect(world.changes.at(-1)?.cause).toBe('local');
      });

      test('a missing choice changes nothing and says which field needs one', async () => {
        await conflicted();
        const before = { row: await world.row('101'), outbox: await world.outbox() };
        const result = await world.store.resolveConflict(
          descriptor,
          world.connectionId,
          '101',
          {},
          {},
        );
        expect(result.ok).toBe(false);
        expect(!result.ok && Object.keys(result.errors)).toEqual([storeCase.phonePath]);
        expect(await world.row('101')).toEqual(before.row);
        expect(await world.outbox()).toEqual(before.outbox);
      });

      test('an edit made while it waited is folded into the resolved change', async () => {
        await conflicted();
        await save('101', (record) => storeCase.withName(record, 'Later name'));
        expect((await world.outbox()).map((entry) => entry.state)).toEqual(['conflict', 'pending']);
        await world.store.resolveConflict(
          descriptor,
          world.connectionId,
          '101',
          { [storeCase.phonePath]: 'theirs' },
          {},
        );
        const entry = await world.onlyEntry('101');
        expect(entry.changed).toEqual(
          expect.arrayContaining([
            { path: storeCase.cityPath, value: 'My City' },
            { path: storeCase.namePath, value: 'Later name' },
          ]),
        );
        expect(entry.changed).not.toContainEqual(
          expect.objectContaining({ path: storeCase.phonePath }),
        );
      });

      test('taking theirs for everything leaves nothing to send', async () => {
        const server = await world.pulled('101');
        await world.store.saveCustomer(
          descriptor,
          world.connectionId,
          '101',
          storeCase.withPhone(server, 'mine'),
        );
        const seq = (await world.onlyEntry('101')).seq!;
        const theirs = storeCase.withPhone(server, 'theirs');
        const { conflicts } = merge(
          descriptor.shape,
          server,
          storeCase.withPhone(server, 'mine'),
          theirs,
        );
        await world.store.conflictEntry(seq, { kind: 'fields', conflicts, theirs });
        await world.store.resolveConflict(
          descriptor,
          world.connectionId,
          '101',
          { [storeCase.phonePath]: 'theirs' },
          {},
        );
        expect(await world.outbox()).toEqual([]);
        expect(await world.row('101')).toMatchObject({
          record: theirs,
          base: theirs,
          syncState: 'synced',
        });
      });
    });

    describe('a record deleted on the server while changes waited', () => {
      async function deleted() {
        const server = await world.pulled('101');
        await save('101', (record) => storeCase.withPhone(record, 'mine'));
        expect(await world.store.markDeletedOnServer(world.connectionId, ['101'])).toBe(1);
        expect(await world.row('101')).toMatchObject({ syncState: 'conflict' });
        return server;
      }

      test('re-creating it queues a create of the local state under a new key', async () => {
        await deleted();
        const local = (await world.row('101')).record;
        const newKey = await world.store.resolveDeleted(
          descriptor,
          world.connectionId,
          '101',
          'recreate',
        );
        expect(newKey).toMatch(/^local-/);
        expect(await world.store.getCustomer(world.connectionId, '101')).toBeUndefined();
        const row = await world.row(newKey!);
        expect(row).toMatchObject({ serverId: null, base: null, syncState: 'waiting' });
        // Item identities are fresh client keys (random): compare everything else.
        expect(withoutLocalKeys(row.record)).toEqual(
          withoutLocalKeys(descriptor.forRecreate(local)),
        );
        expect(storeCase.serverIdOf(local)).toBeDefined();
        expect(storeCase.serverIdOf(row.record)).toBeUndefined();
        expect(descriptor.prepareForStore(row.record)).toBe(row.record);
        expect(await world.outbox()).toEqual([
          expect.objectContaining({
            kind: 'create',
            recordKey: newKey,
            changed: row.record,
            state: 'pending',
          }),
        ]);
      });

      test('discarding it removes the row and its changes', async () => {
        await deleted();
        expect(
          await world.store.resolveDeleted(descriptor, world.connectionId, '101', 'discard'),
        ).toBeNull();
        expect(await world.store.getCustomer(world.connectionId, '101')).toBeUndefined();
        expect(await world.outbox()).toEqual([]);
      });

      test('a record that was not deleted cannot be resolved that way', async () => {
        await world.pulled('101');
        await expect(
          world.store.resolveDeleted(descriptor, world.connectionId, '101', 'discard'),
        ).rejects.toMatchObject({ reason: 'invalid' });
        expect(await world.row('101')).toBeDefined();
      });
    });
  });
}
