// The sync engine's side of the store: due heads, in flight, retries,
// rejections, conflicts, and what a completed create or update does to the record and its queue.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { AppError } from '../../../../src-shared/ipc/result';
import { merge } from '../../../../src-shared/sync/merge';
import { StoreError } from '../customer-store';
import type { StoreCase } from './store-cases';
import { createStoreWorld, type StoreEnvironment, type StoreWorld } from './store-world';

const offline: AppError = { kind: 'network', message: 'No connection.' };

export function engineRules<T>(environment: StoreEnvironment, storeCase: StoreCase<T>): void {
  describe(`${storeCase.name} records: what the sync engine does`, () => {
    let world: StoreWorld<T>;
    const { descriptor } = storeCase;
    beforeEach(() => {
      world = createStoreWorld(environment, storeCase);
    });
    afterEach(() => world.dispose());

    /** Saves `edit(current record)` and returns the record's newest entry's seq. */
    async function save(key: string, edit: (record: T) => T): Promise<number> {
      const row = await world.row(key);
      await world.store.saveCustomer(descriptor, world.connectionId, key, edit(row.record));
      const entries = (await world.outbox()).filter((entry) => entry.recordKey === key);
      return entries.at(-1)!.seq!;
    }

    test('only each record’s head is due; a rejected head holds only its own record', async () => {
      await Promise.all(['101', '102', '103'].map((id) => world.pulled(id)));
      const a1 = await save('101', (record) => storeCase.withPhone(record, 'a1'));
      await world.store.markInFlight(a1, 10);
      const a2 = await save('101', (record) => storeCase.withCity(record, 'a2'));
      await world.store.deferEntry(a1, {
        nextAttemptAt: 900,
        lastError: offline,
        countAttempt: true,
      });
      const b1 = await save('102', (record) => storeCase.withPhone(record, 'b1'));
      await world.store.markInFlight(b1, 10);
      await world.store.rejectEntry(b1, { kind: 'validation', message: 'Refused.' });
      const c1 = await save('103', (record) => storeCase.withPhone(record, 'c1'));
      await world.store.deferEntry(c1, {
        nextAttemptAt: 5_000,
        lastError: offline,
        countAttempt: true,
      });
      const newKey = await world.store.createCustomer(
        descriptor,
        world.connectionId,
        storeCase.newRecord('Fresh'),
      );
      const d1 = (await world.onlyEntry(newKey)).seq!;

      const due = async (now: number, limit = 10) =>
        (await world.store.dueEntries(world.connectionId, now, limit)).map((entry) => entry.seq);
      expect(await due(1_000)).toEqual([a1, d1]);
      expect(await due(5_000)).toEqual([a1, c1, d1]);
      expect(await due(5_000, 2)).toEqual([a1, c1]);
      expect(await due(5_000)).not.toContain(a2);
      expect(await world.store.dueEntries('another-connection', 5_000, 10)).toEqual([]);
      expect(await world.store.nextDueAt(world.connectionId)).toBe(0);
    });

    test('the next due time is the earliest backoff among sendable heads', async () => {
      expect(await world.store.nextDueAt(world.connectionId)).toBeNull();
      await world.pulled('101');
      const seq = await save('101', (record) => storeCase.withPhone(record, '1'));
      await world.store.deferEntry(seq, {
        nextAttemptAt: 7_000,
        lastError: offline,
        countAttempt: true,
      });
      expect(await world.store.nextDueAt(world.connectionId)).toBe(7_000);
      await world.store.rejectEntry(seq, { kind: 'validation', message: 'Refused.' });
      expect(await world.store.nextDueAt(world.connectionId)).toBeNull();
    });

    test('marking in flight is durable, keeps the first attempt time, and refuses held entries', async () => {
      await world.pulled('101');
      const seq = await save('101', (record) => storeCase.withPhone(record, '1'));
      expect(await world.store.markInFlight(seq, 1_000)).toMatchObject({
        state: 'in_flight',
        firstAttemptAt: 1_000,
      });
      await world.store.deferEntry(seq, {
        nextAttemptAt: 2_000,
        lastError: offline,
        countAttempt: true,
      });
      expect(await world.store.markInFlight(seq, 3_000)).toMatchObject({ firstAttemptAt: 1_000 });
      expect((await world.onlyEntry('101')).state).toBe('in_flight');
      await world.store.rejectEntry(seq, { kind: 'validation', message: 'Refused.' });
      expect(await world.store.markInFlight(seq, 4_000)).toBeUndefined();
      expect(await world.store.markInFlight(seq + 1_000, 4_000)).toBeUndefined();
    });

    test('after a crash, an in-flight create must be looked up; an in-flight update is simply pending', async () => {
      await world.pulled('101');
      const update = await save('101', (record) => storeCase.withPhone(record, '1'));
      const key = await world.store.createCustomer(
        descriptor,
        world.connectionId,
        storeCase.newRecord('New'),
      );
      const create = (await world.onlyEntry(key)).seq!;
      await world.store.markInFlight(update, 1_000);
      await world.store.markInFlight(create, 1_000);
      expect(await world.store.recoverInFlight(world.connectionId)).toBe(2);
      expect(await world.onlyEntry('101')).toMatchObject({
        state: 'pending',
        outcomeUnknown: false,
      });
      expect(await world.onlyEntry(key)).toMatchObject({
        state: 'in_flight',
        outcomeUnknown: true,
        firstAttemptAt: 1_000,
      });
      const due = await world.store.dueEntries(world.connectionId, 2_000, 10);
      expect(due.map((entry) => entry.seq)).toEqual([update, create]);
    });

    test('a retryable failure waits with its reason; a create with an unknown outcome stays in flight', async () => {
      await world.pulled('101');
      const update = await save('101', (record) => storeCase.withPhone(record, '1'));
      await world.store.markInFlight(update, 1_000);
      await world.store.deferEntry(update, {
        nextAttemptAt: 2_000,
        lastError: offline,
        countAttempt: true,
      });
      expect(await world.onlyEntry('101')).toMatchObject({
        state: 'pending',
        attempts: 1,
        nextAttemptAt: 2_000,
        lastError: offline,
      });
      const throttled: AppError = {
        kind: 'rate_limited',
        message: 'Slow down.',
        retryAfterMs: 30_000,
      };
      await world.store.deferEntry(update, {
        nextAttemptAt: 32_000,
        lastError: throttled,
        countAttempt: false,
      });
      expect(await world.onlyEntry('101')).toMatchObject({ attempts: 1, lastError: throttled });

      const key = await world.store.createCustomer(
        descriptor,
        world.connectionId,
        storeCase.newRecord('New'),
      );
      const create = (await world.onlyEntry(key)).seq!;
      await world.store.markInFlight(create, 1_000);
      const lost: AppError = { kind: 'network', message: 'The answer was lost.' };
      await world.store.deferEntry(create, {
        nextAttemptAt: 3_000,
        lastError: lost,
        outcomeUnknown: true,
        countAttempt: true,
      });
      expect(await world.onlyEntry(key)).toMatchObject({
        state: 'in_flight',
        outcomeUnknown: true,
      });
      // Looked up and not found: safe to send again.
      await world.store.deferEntry(create, {
        nextAttemptAt: 3_000,
        lastError: lost,
        outcomeUnknown: false,
        countAttempt: false,
      });
      expect(await world.onlyEntry(key)).toMatchObject({ state: 'pending', outcomeUnknown: false });
    });

    test('a change on both sides holds the record as a conflict, with the server’s version kept', async () => {
      const server = await world.pulled('101');
      const seq = await save('101', (record) => storeCase.withPhone(record, 'mine'));
      const theirs = storeCase.withPhone(server, 'theirs');
      const { conflicts } = merge(
        descriptor.shape,
        server,
        storeCase.withPhone(server, 'mine'),
        theirs,
      );
      await world.store.conflictEntry(seq, { kind: 'fields', conflicts, theirs });
      expect(await world.onlyEntry('101')).toMatchObject({
        state: 'conflict',
        conflict: { kind: 'fields', conflicts, theirs },
      });
      expect(await world.row('101')).toMatchObject({ syncState: 'conflict', remote: theirs });
      expect(await world.store.dueEntries(world.connectionId, 10_000, 10)).toEqual([]);
    });

    test('a create the server took: row and later entries move to the server id, re-based', async () => {
      const key = await world.store.createCustomer(
        descriptor,
        world.connectionId,
        storeCase.newRecord('New'),
      );
      const create = (await world.onlyEntry(key)).seq!;
      await world.store.markInFlight(create, 1_000);
      const sent = (await world.row(key)).record;
      await save(key, (record) => storeCase.withPhone(record, 'later'));
      const serverRecord = storeCase.created(sent, '900');
      world.changes.length = 0;
      await world.store.completeCreate(descriptor, create, '900', serverRecord);

      expect(await world.store.getCustomer(world.connectionId, key)).toBeUndefined();
      const stored = descriptor.prepareForStore(serverRecord);
      const entry = await world.onlyEntry('900');
      expect(entry).toMatchObject({
        kind: 'update',
        recordKey: '900',
        base: stored,
        changed: [{ path: storeCase.phonePath, value: 'later' }],
      });
      expect(await world.row('900')).toMatchObject({
        key: '900',
        serverId: '900',
        base: stored,
        record: storeCase.withPhone(stored, 'later'),
        syncState: 'waiting',
        hydration: 'full',
      });
      expect(await world.store.countWaiting(world.connectionId)).toBe(1);
    });

    test('a create a pull already listed ends as ONE row for the server record', async () => {
      const key = await world.store.createCustomer(
        descriptor,
        world.connectionId,
        storeCase.newRecord('New'),
      );
      const create = (await world.onlyEntry(key)).seq!;
      await world.store.markInFlight(create, 1_000);
      const serverRecord = storeCase.created((await world.row(key)).record, '900');
      await world.store.applyPulled(descriptor, world.connectionId, [
        { serverId: '900', record: descriptor.summaryOf(serverRecord), hydration: 'summary' },
      ]);
      await world.store.completeCreate(descriptor, create, '900', serverRecord);
      const rows = await Promise.all(
        [key, '900'].map((rowKey) => world.store.getCustomer(world.connectionId, rowKey)),
      );
      expect(rows[0]).toBeUndefined();
      expect(rows[1]).toMatchObject({
        record: descriptor.prepareForStore(serverRecord),
        hydration: 'full',
        syncState: 'synced',
      });
      expect(await world.outbox()).toEqual([]);
    });

    test('completing an entry that is gone (discarded meanwhile) changes nothing', async () => {
      const server = await world.pulled('101');
      const seq = await save('101', (record) => storeCase.withPhone(record, '1'));
      await world.store.discardChanges(world.connectionId, '101');
      await world.store.completeUpdate(descriptor, seq, storeCase.withPhone(server, '1'));
      await world.store.completeCreate(descriptor, seq, '999', server);
      expect(await world.row('101')).toMatchObject({ record: server, syncState: 'synced' });
      expect(await world.store.getCustomer(world.connectionId, '999')).toBeUndefined();
    });

    test('completing an entry as the wrong kind is refused in words', async () => {
      const server = await world.pulled('101');
      const seq = await save('101', (record) => storeCase.withPhone(record, '1'));
      await expect(world.store.completeCreate(descriptor, seq, '101', server)).rejects.toThrow(
        StoreError,
      );
      expect((await world.onlyEntry('101')).seq).toBe(seq);
    });

    test('an update the server took: its answer is the snapshot; the next edit is re-based on it', async () => {
      const server = await world.pulled('101');
      const first = await save('101', (record) => storeCase.withPhone(record, 'first'));
      await world.store.markInFlight(first, 1_000);
      await save('101', (record) => storeCase.withCity(record, 'Second City'));
      // The server also has a colleague's change, merged in by the push.
      const answered = storeCase.withName(
        storeCase.withPhone(server, 'first'),
        'Renamed by colleague',
      );
      await world.store.completeUpdate(descriptor, first, answered);
      const entry = await world.onlyEntry('101');
      expect(entry).toMatchObject({
        base: answered,
        changed: [{ path: storeCase.cityPath, value: 'Second City' }],
      });
      expect(await world.row('101')).toMatchObject({
        base: answered,
        record: storeCase.withCity(answered, 'Second City'),
        remote: null,
        syncState: 'waiting',
      });
    });
  });
}
