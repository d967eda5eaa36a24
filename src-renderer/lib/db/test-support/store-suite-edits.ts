// The salesperson's side of the store: create, save, coalescing, rejection fixes,
// discard. Shared by the browser project (real IndexedDB) and the node project (fake-indexeddb).
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { StoreError } from '../customer-store';
import type { CustomerRow } from '../rows';
import { type StoreCase } from './store-cases';
import { createStoreWorld, type StoreEnvironment, type StoreWorld } from './store-world';

export function editRules<T>(environment: StoreEnvironment, storeCase: StoreCase<T>): void {
  describe(`${storeCase.name} records: what the salesperson does`, () => {
    let world: StoreWorld<T>;
    const { descriptor } = storeCase;
    beforeEach(() => {
      world = createStoreWorld(environment, storeCase);
    });
    afterEach(() => world.dispose());

    test('a new customer is one local row with one pending create of the whole record', async () => {
      const record = storeCase.newRecord('Fresh Ltd');
      const key = await world.store.createCustomer(descriptor, world.connectionId, record);
      expect(key).toMatch(/^local-[0-9a-f-]{36}$/);
      const row = await world.row(key);
      expect(row).toMatchObject({
        serverId: null,
        base: null,
        syncState: 'waiting',
        hydration: 'full',
      });
      expect(row.record).toMatchObject(record as object);
      // Stored as prepared: every item already has its identity (R2 contacts a localKey).
      expect(descriptor.prepareForStore(row.record)).toBe(row.record);
      const entry = await world.onlyEntry(key);
      expect(entry).toMatchObject({
        kind: 'create',
        state: 'pending',
        base: null,
        changed: row.record,
        attempts: 0,
        connectionId: world.connectionId,
      });
      expect(world.changes).toEqual([{ connectionId: world.connectionId, cause: 'local' }]);
    });

    test('a record the schema refuses is not stored, and the error names the field', async () => {
      const invalid = storeCase.withName(storeCase.newRecord('x'), '');
      const error = await world.store
        .createCustomer(descriptor, world.connectionId, invalid)
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ reason: 'invalid' });
      expect(Object.keys((error as StoreError).fields ?? {})).toContain(storeCase.namePath);
      expect((error as StoreError).message).toMatch(/not saved/);
      expect(await world.outbox()).toEqual([]);
      expect(await world.store.countWaiting(world.connectionId)).toBe(0);
    });

    test('saving without a change queues nothing', async () => {
      const server = await world.pulled('101');
      world.changes.length = 0;
      await world.store.saveCustomer(descriptor, world.connectionId, '101', server);
      expect(await world.outbox()).toEqual([]);
      expect((await world.row('101')).syncState).toBe('synced');
      expect(world.changes).toEqual([]);
    });

    test('an edit of a synced record is an update of just that field against the server snapshot', async () => {
      const server = await world.pulled('101');
      const edited = storeCase.withPhone(server, '+1 000');
      await world.store.saveCustomer(descriptor, world.connectionId, '101', edited);
      const entry = await world.onlyEntry('101');
      expect(entry).toMatchObject({
        kind: 'update',
        state: 'pending',
        base: server,
        changed: [{ path: storeCase.phonePath, value: '+1 000' }],
      });
      const row = await world.row('101');
      expect(row.record).toEqual(edited);
      expect(row.base).toEqual(server);
      expect(row.syncState).toBe('waiting');
      expect(world.changes.at(-1)).toEqual({ connectionId: world.connectionId, cause: 'local' });
    });

    test('a second edit folds into the pending update: one entry, oldest base, both fields', async () => {
      const server = await world.pulled('101');
      const once = storeCase.withPhone(server, '+1 000');
      await world.store.saveCustomer(descriptor, world.connectionId, '101', once);
      const first = await world.onlyEntry('101');
      const twice = storeCase.withCity(storeCase.withPhone(once, '+1 111'), 'Bath');
      await world.store.saveCustomer(descriptor, world.connectionId, '101', twice);
      const entry = await world.onlyEntry('101');
      expect(entry.opId).toBe(first.opId);
      expect(entry.seq).toBe(first.seq);
      expect(entry.base).toEqual(server);
      expect(entry.changed).toEqual(
        expect.arrayContaining([
          { path: storeCase.phonePath, value: '+1 111' },
          { path: storeCase.cityPath, value: 'Bath' },
        ]),
      );
      expect((await world.row('101')).record).toEqual(twice);
    });

    test('an edit behind an entry in flight is its own entry, based on the previous local state', async () => {
      const server = await world.pulled('101');
      const once = storeCase.withPhone(server, '+1 000');
      await world.store.saveCustomer(descriptor, world.connectionId, '101', once);
      const first = await world.onlyEntry('101');
      await world.store.markInFlight(first.seq!, 1_000);
      const twice = storeCase.withCity(once, 'Bath');
      await world.store.saveCustomer(descriptor, world.connectionId, '101', twice);
      const [inFlight, next] = await world.outbox();
      expect(inFlight).toMatchObject({ seq: first.seq, state: 'in_flight', base: server });
      expect(next).toMatchObject({
        kind: 'update',
        state: 'pending',
        base: once,
        changed: [{ path: storeCase.cityPath, value: 'Bath' }],
      });
      expect(next!.seq!).toBeGreaterThan(first.seq!);
    });

    test('an edit of a customer not yet on the server folds into its pending create', async () => {
      const key = await world.store.createCustomer(
        descriptor,
        world.connectionId,
        storeCase.newRecord('Fresh Ltd'),
      );
      const row = await world.row(key);
      const edited = storeCase.withPhone(row.record, '+1 222');
      await world.store.saveCustomer(descriptor, world.connectionId, key, edited);
      const entry = await world.onlyEntry(key);
      expect(entry.kind).toBe('create');
      expect(entry.changed).toEqual(edited);
      expect((await world.row(key)).record).toEqual(edited);
    });

    test('an edit while the create is in flight waits behind it as an update of the created record', async () => {
      const key = await world.store.createCustomer(
        descriptor,
        world.connectionId,
        storeCase.newRecord('Fresh Ltd'),
      );
      const create = await world.onlyEntry(key);
      await world.store.markInFlight(create.seq!, 1_000);
      const sent = (await world.row(key)).record;
      await world.store.saveCustomer(
        descriptor,
        world.connectionId,
        key,
        storeCase.withPhone(sent, '+1 333'),
      );
      const entries = await world.outbox();
      expect(entries.map((entry) => [entry.kind, entry.state])).toEqual([
        ['create', 'in_flight'],
        ['update', 'pending'],
      ]);
      expect(entries[1]).toMatchObject({
        base: sent,
        changed: [{ path: storeCase.phonePath, value: '+1 333' }],
      });
    });

    test('editing a rejected change re-queues it with the fix, and clears the server messages', async () => {
      const server = await world.pulled('101');
      await world.store.saveCustomer(
        descriptor,
        world.connectionId,
        '101',
        storeCase.withPhone(server, 'bad'),
      );
      const entry = await world.onlyEntry('101');
      await world.store.markInFlight(entry.seq!, 1_000);
      await world.store.rejectEntry(entry.seq!, {
        kind: 'validation',
        status: 400,
        message: 'The server refused this change.',
        fields: { [storeCase.phonePath]: ['Enter a valid phone number.'] },
      });
      expect(await world.row('101')).toMatchObject({
        syncState: 'rejected',
        fieldErrors: { [storeCase.phonePath]: ['Enter a valid phone number.'] },
      });
      const fixed = storeCase.withPhone(server, '+1 444');
      await world.store.saveCustomer(descriptor, world.connectionId, '101', fixed);
      const requeued = await world.onlyEntry('101');
      expect(requeued).toMatchObject({
        seq: entry.seq,
        state: 'pending',
        lastError: null,
        base: server,
        changed: [{ path: storeCase.phonePath, value: '+1 444' }],
      });
      expect(await world.row('101')).toMatchObject({ syncState: 'waiting', fieldErrors: null });
    });

    test('a conflicted change never absorbs an edit: the edit waits behind it', async () => {
      const server = await world.pulled('101');
      await world.store.saveCustomer(
        descriptor,
        world.connectionId,
        '101',
        storeCase.withPhone(server, '+1 555'),
      );
      const entry = await world.onlyEntry('101');
      const theirs = storeCase.withPhone(server, '+1 999');
      await world.store.conflictEntry(entry.seq!, {
        kind: 'fields',
        conflicts: [
          {
            path: storeCase.phonePath,
            base: storeCase.phoneOf(server),
            mine: '+1 555',
            theirs: '+1 999',
          },
        ],
        theirs,
      });
      const local = (await world.row('101')).record;
      await world.store.saveCustomer(
        descriptor,
        world.connectionId,
        '101',
        storeCase.withCity(local, 'Bath'),
      );
      const entries = await world.outbox();
      expect(entries.map((row) => row.state)).toEqual(['conflict', 'pending']);
      expect(entries[1]).toMatchObject({
        base: local,
        changed: [{ path: storeCase.cityPath, value: 'Bath' }],
      });
      expect((await world.row('101')).syncState).toBe('conflict');
    });

    test('a refused save leaves the record and its queue as they were', async () => {
      const server = await world.pulled('101');
      const once = storeCase.withPhone(server, '+1 000');
      await world.store.saveCustomer(descriptor, world.connectionId, '101', once);
      const before = { row: await world.row('101'), outbox: await world.outbox() };
      await expect(
        world.store.saveCustomer(
          descriptor,
          world.connectionId,
          '101',
          storeCase.withName(once, ''),
        ),
      ).rejects.toMatchObject({ reason: 'invalid' });
      expect(await world.row('101')).toEqual(before.row);
      expect(await world.outbox()).toEqual(before.outbox);
    });

    test('saving a customer that is no longer here says so', async () => {
      const error = await world.store
        .saveCustomer(descriptor, world.connectionId, 'local-gone', storeCase.newRecord('Gone'))
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StoreError);
      expect(error).toMatchObject({ reason: 'not_found' });
      expect((error as Error).message).toMatch(/no longer on this computer/);
    });

    test('discarding drops every waiting change and restores the server state', async () => {
      const server = await world.pulled('101');
      const once = storeCase.withPhone(server, '+1 000');
      await world.store.saveCustomer(descriptor, world.connectionId, '101', once);
      await world.store.markInFlight((await world.onlyEntry('101')).seq!, 1_000);
      await world.store.saveCustomer(
        descriptor,
        world.connectionId,
        '101',
        storeCase.withCity(once, 'Bath'),
      );
      await world.store.discardChanges(world.connectionId, '101');
      expect(await world.outbox()).toEqual([]);
      expect(await world.row('101')).toMatchObject<Partial<CustomerRow<T>>>({
        record: server,
        base: server,
        syncState: 'synced',
        fieldErrors: null,
      });
    });

    test('discarding after a pull saw a newer server version restores that version', async () => {
      const server = await world.pulled('101');
      await world.store.saveCustomer(
        descriptor,
        world.connectionId,
        '101',
        storeCase.withPhone(server, '+1 000'),
      );
      const newer = storeCase.withCity(server, 'Colleague City');
      await world.store.applyPulled(descriptor, world.connectionId, [
        { serverId: '101', record: newer, hydration: 'full' },
      ]);
      await world.store.discardChanges(world.connectionId, '101');
      expect(await world.row('101')).toMatchObject({ record: newer, base: newer, remote: null });
    });

    test('discarding a customer never sent to the server removes it', async () => {
      const key = await world.store.createCustomer(
        descriptor,
        world.connectionId,
        storeCase.newRecord('Fresh Ltd'),
      );
      await world.store.discardChanges(world.connectionId, key);
      expect(await world.store.getCustomer(world.connectionId, key)).toBeUndefined();
      expect(await world.outbox()).toEqual([]);
    });

    test('opening a customer marks it once, without queuing anything', async () => {
      await world.pulled('101');
      world.changes.length = 0;
      await world.store.markOpened(world.connectionId, '101');
      await world.store.markOpened(world.connectionId, '101');
      expect((await world.row('101')).opened).toBe(true);
      expect((await world.row('101')).syncState).toBe('synced');
      expect(await world.outbox()).toEqual([]);
      expect(world.changes).toHaveLength(1);
    });

    test('a closed database says so in words', async () => {
      const server = await world.pulled('101');
      world.store.close();
      await expect(
        world.store.saveCustomer(
          descriptor,
          world.connectionId,
          '101',
          storeCase.withPhone(server, '1'),
        ),
      ).rejects.toMatchObject({ reason: 'closed', message: expect.stringMatching(/closed/) });
    });
    test('counts every change not yet on the server', async () => {
      const server = await world.pulled('101');
      await world.store.saveCustomer(
        descriptor,
        world.connectionId,
        '101',
        storeCase.withPhone(server, '+1 000'),
      );
      await world.store.createCustomer(descriptor, world.connectionId, storeCase.newRecord('B'));
      expect(await world.store.countWaiting(world.connectionId)).toBe(2);
      expect(await world.store.countWaiting('another-connection')).toBe(0);
    });
  });
}
