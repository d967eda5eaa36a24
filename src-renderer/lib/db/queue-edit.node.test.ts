import { describe, expect, test } from 'vitest';
import { queueEdit, removedSeqs, updateRow, type Edit } from './queue-edit';
import type { UpdateRow } from './rows';
import { createEntry, updateEntry } from './test-support/row-builders';

type Simple = { name: string; phone?: string; city?: string };
const server: Simple = { name: 'Acme', phone: '1' };
const entry = { connectionId: 'c1', recordKey: 'k1', opId: 'new-op', now: 50 };

function edit(
  queue: Edit<Simple>['queue'],
  previous: Simple,
  next: Simple,
  base: Simple | null = server,
) {
  const changes = Object.keys({ ...previous, ...next })
    .filter((key) => previous[key as keyof Simple] !== next[key as keyof Simple])
    .map((key) => ({ path: key, value: next[key as keyof Simple] }));
  return queueEdit({ queue, previous, next, serverBase: base, changes, entry });
}

describe('an edit enters the queue', () => {
  test('with nothing queued: one update against the server snapshot', () => {
    const after = edit([], server, { ...server, phone: '2' });
    expect(after).toEqual([
      expect.objectContaining({
        kind: 'update',
        state: 'pending',
        opId: 'new-op',
        base: server,
        changed: [{ path: 'phone', value: '2' }],
        createdAt: 50,
      }),
    ]);
    expect(after[0]!.seq).toBeUndefined();
  });

  test('a pending update absorbs it and stays the same entry', () => {
    const pending = updateEntry(server, [{ path: 'phone', value: '2' }], { seq: 7, opId: 'old' });
    const local = { ...server, phone: '2' };
    const after = edit([pending], local, { ...local, city: 'Bath' });
    expect(after).toEqual([
      {
        ...pending,
        changed: [
          { path: 'phone', value: '2' },
          { path: 'city', value: 'Bath' },
        ],
      },
    ]);
  });

  test('behind an in-flight entry: a new entry based on the previous local state', () => {
    const inFlight = updateEntry(server, [{ path: 'phone', value: '2' }], {
      seq: 7,
      state: 'in_flight',
    });
    const local = { ...server, phone: '2' };
    const after = edit([inFlight], local, { ...local, city: 'Bath' });
    expect(after).toHaveLength(2);
    expect(after[0]).toBe(inFlight);
    expect(after[1]).toMatchObject({ base: local, changed: [{ path: 'city', value: 'Bath' }] });
  });

  test('a rejected entry goes back to pending, loses its old error, and absorbs the fix', () => {
    const rejected = updateEntry(server, [{ path: 'phone', value: 'bad' }], {
      seq: 7,
      state: 'rejected',
      lastError: { kind: 'validation', message: 'Refused.' },
      nextAttemptAt: 99,
    });
    const after = edit([rejected], { ...server, phone: 'bad' }, { ...server, phone: '3' });
    expect(after).toEqual([
      {
        ...rejected,
        state: 'pending',
        lastError: null,
        nextAttemptAt: null,
        changed: [{ path: 'phone', value: '3' }],
      },
    ]);
  });

  test('a conflict entry never absorbs: the edit follows it', () => {
    const conflicted = updateEntry(server, [{ path: 'phone', value: '2' }], {
      seq: 7,
      state: 'conflict',
    });
    const local = { ...server, phone: '2' };
    const after = edit([conflicted], local, { ...local, city: 'Bath' });
    expect(after.map((row) => row.state)).toEqual(['conflict', 'pending']);
  });

  test('a pending create takes the edit into its record', () => {
    const created = { name: 'New' };
    const create = createEntry(created, { seq: 3 });
    const after = edit([create], created, { name: 'New', city: 'York' }, null);
    expect(after).toEqual([{ ...create, changed: { name: 'New', city: 'York' } }]);
  });

  test('never on the server and nothing queued: a create, so nothing is lost', () => {
    const after = edit([], { name: 'Lost' }, { name: 'Lost', city: 'York' }, null);
    expect(after).toEqual([
      expect.objectContaining({ kind: 'create', changed: { name: 'Lost', city: 'York' } }),
    ]);
  });

  test('entries absorbed into an older one are reported for deletion', () => {
    const older = updateEntry(server, [{ path: 'phone', value: '2' }], {
      seq: 1,
      state: 'rejected',
    });
    const newer = updateEntry(server, [{ path: 'city', value: 'A' }], { seq: 2 });
    const after = edit(
      [older, newer],
      { ...server, phone: '2', city: 'A' },
      { ...server, phone: '2', city: 'B' },
    );
    expect(after).toHaveLength(1);
    expect(after[0]!.seq).toBe(1);
    expect(removedSeqs([older, newer], after)).toEqual([2]);
  });
});

describe('an update already sent', () => {
  test('does not absorb a later edit (its answer may have been lost); a rejected one does', () => {
    const sent: UpdateRow<{ name: string }> = {
      ...updateRow({ connectionId: 'c', recordKey: '7', opId: 'op-1', now: 1 }, { name: 'A' }, [
        { path: 'name', value: 'B' },
      ]),
      seq: 1,
      firstAttemptAt: 5,
    };
    const edit: Omit<Edit<{ name: string }>, 'queue'> = {
      previous: { name: 'B' },
      serverBase: { name: 'A' },
      changes: [{ path: 'name', value: 'C' }],
      next: { name: 'C' },
      entry: { connectionId: 'c', recordKey: '7', opId: 'op-2', now: 9 },
    };
    expect(queueEdit({ ...edit, queue: [sent] }).map((row) => row.opId)).toEqual(['op-1', 'op-2']);
    const rejected: UpdateRow<{ name: string }> = { ...sent, state: 'rejected' };
    const folded = queueEdit({ ...edit, queue: [rejected] });
    expect(folded.map((row) => [row.opId, row.state, row.firstAttemptAt])).toEqual([
      ['op-1', 'pending', null],
    ]);
  });
});
