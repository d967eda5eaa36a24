// The store's live reads (docs/architecture.md#one-signal-for-every-data-change): every kind of
// write answers them again — saves, pulls, push outcomes, deletions, bulk edits — with nothing but
// the write itself, and an unsubscribed read hears nothing more.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { LiveRead } from '../live-read';
import type { CustomerRow } from '../rows';
import type { StoreCase } from './store-cases';
import { createStoreWorld, type StoreEnvironment, type StoreWorld } from './store-world';

/** Every answer of `read` from now on, and a way to stop listening. */
function listen<V>(read: LiveRead<V>) {
  const answers: V[] = [];
  const errors: unknown[] = [];
  const subscription = read.subscribe({
    next: (value) => answers.push(value),
    error: (error) => errors.push(error),
  });
  return { answers, errors, stop: () => subscription.unsubscribe() };
}

export function liveRules<T>(environment: StoreEnvironment, storeCase: StoreCase<T>): void {
  describe(`${storeCase.name} records: live reads answer every write`, () => {
    let world: StoreWorld<T>;
    const { descriptor } = storeCase;
    beforeEach(() => {
      world = createStoreWorld(environment, storeCase);
    });
    afterEach(() => world.dispose());

    /** Waits until `changes` has answered more than `seen` times; returns the new count. */
    async function nextChange(changes: { answers: number[] }, seen: number): Promise<number> {
      await vi.waitFor(() => expect(changes.answers.length).toBeGreaterThan(seen));
      return changes.answers.length;
    }

    test('the change count answers saves, push outcomes, pulls, deletions and bulk edits', async () => {
      await world.pulled('101');
      await world.pulled('102');
      const changes = listen(world.store.liveChanges(world.connectionId));
      let seen = await nextChange(changes, 0);
      const row = await world.row('101');

      await world.store.saveCustomer(
        descriptor,
        world.connectionId,
        '101',
        storeCase.withPhone(row.record, '1'),
      );
      seen = await nextChange(changes, seen);
      const [entry] = await world.outbox();
      await world.store.markInFlight(entry!.seq!, 10);
      seen = await nextChange(changes, seen);
      await world.store.rejectEntry(entry!.seq!, { kind: 'validation', message: 'Refused.' });
      seen = await nextChange(changes, seen);
      // An older row deleted on the server: not the newest row, still a change.
      await world.store.markDeletedOnServer(world.connectionId, ['102']);
      seen = await nextChange(changes, seen);
      await world.pulled('103');
      seen = await nextChange(changes, seen);
      await world.store.setFieldOfMany(descriptor, world.connectionId, ['103'], {
        path: storeCase.phonePath,
        value: '+44 20 7946 0000',
        lookups: {},
      });
      seen = await nextChange(changes, seen);
      expect(changes.errors).toEqual([]);
      expect(changes.answers).toEqual(Array.from({ length: seen }, (_, index) => index));
      changes.stop();
    });

    // The read behind the count is the connection's first row (counting them walks every row):
    // a write anywhere in the connection still answers, before that row, at it and after it.
    test('the change count answers writes before, at and after the first row', async () => {
      await world.pulled('500');
      await world.pulled('600');
      const changes = listen(world.store.liveChanges(world.connectionId));
      let seen = await nextChange(changes, 0);
      await world.pulled('100');
      seen = await nextChange(changes, seen);
      await world.pulled('700');
      seen = await nextChange(changes, seen);
      await world.pulled('600', 'Renamed');
      seen = await nextChange(changes, seen);
      // The first row and the last one leave.
      await world.store.markDeletedOnServer(world.connectionId, ['100']);
      seen = await nextChange(changes, seen);
      await world.store.markDeletedOnServer(world.connectionId, ['700']);
      seen = await nextChange(changes, seen);
      // Every row gone: the read finds none, and the next write still answers.
      await world.store.applyDeletions(world.connectionId, new Set());
      seen = await nextChange(changes, seen);
      await world.pulled('900');
      seen = await nextChange(changes, seen);
      expect(changes.errors).toEqual([]);
      expect(changes.answers).toEqual(Array.from({ length: seen }, (_, index) => index));
      changes.stop();
    });

    test('writes to another connection do not answer', async () => {
      const changes = listen(world.store.liveChanges(world.connectionId));
      await nextChange(changes, 0);
      await world.store.applyPulled(descriptor, 'another-connection', [
        { serverId: '9', record: storeCase.serverRecord('9', 'Elsewhere'), hydration: 'full' },
      ]);
      // The write to this connection after it is the proof the listener still runs.
      await world.pulled('104');
      await nextChange(changes, 1);
      expect(changes.answers).toEqual([0, 1]);
      changes.stop();
    });

    test('a customer’s live row follows a push outcome and says when the row is gone', async () => {
      await world.pulled('101');
      const live = listen(world.store.liveCustomer<T>(world.connectionId, '101'));
      await vi.waitFor(() => expect(live.answers).toHaveLength(1));
      const server = await world.row('101');
      await world.store.saveCustomer(
        descriptor,
        world.connectionId,
        '101',
        storeCase.withPhone(server.record, '1'),
      );
      const [entry] = await world.outbox();
      await world.store.markInFlight(entry!.seq!, 10);
      await world.store.conflictEntry(entry!.seq!, { kind: 'deleted_on_server' });
      await vi.waitFor(() =>
        expect(live.answers.at(-1)).toMatchObject({ syncState: 'conflict' } as CustomerRow<T>),
      );
      await world.store.resolveDeleted(descriptor, world.connectionId, '101', 'discard');
      await vi.waitFor(() => expect(live.answers.at(-1)).toBeUndefined());
      expect(live.errors).toEqual([]);
      live.stop();
    });

    test('after unsubscribing, a read hears no more writes', async () => {
      await world.pulled('101');
      const changes = listen(world.store.liveChanges(world.connectionId));
      await nextChange(changes, 0);
      changes.stop();
      await world.pulled('102');
      // A second listener proves the write was signalled; the first one stayed quiet.
      const other = listen(world.store.liveChanges(world.connectionId));
      await nextChange(other, 0);
      await world.pulled('103');
      await nextChange(other, 1);
      expect(changes.answers).toEqual([0]);
      other.stop();
    });
  });
}
