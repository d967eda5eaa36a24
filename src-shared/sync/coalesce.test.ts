import { describe, expect, test } from 'vitest';
import type { R2CustomerRecord } from '../connectors/r2/api';
import { coalescePair, coalesceQueue, composeChanges } from './coalesce';
import type { Change } from './diff';
import { r2Shape } from '../connectors/r2/shape';
import { merge } from './merge';
import {
  applyEntry,
  localStateOf,
  rebaseEntry,
  type CreateEntry,
  type UpdateEntry,
} from './outbox-entry';
import { acmeOnR2 } from './test-support/sample-records';

function update(
  opId: string,
  changed: Change[],
  extra: Partial<UpdateEntry<R2CustomerRecord>> = {},
) {
  const entry: UpdateEntry<R2CustomerRecord> = {
    opId,
    recordKey: 'R-1001',
    kind: 'update',
    base: acmeOnR2(),
    changed,
    state: 'pending',
    attempts: 0,
    lastError: null,
    ...extra,
  };
  return entry;
}

describe('coalescing the queued edits of one customer', () => {
  test('two updates become one: the union of changed fields, the oldest base, the first opId', () => {
    const olderBase = acmeOnR2();
    const first = update('op-1', [{ path: 'phonenumber', value: '+44 1' }], { base: olderBase });
    const second = update('op-2', [{ path: 'address.city', value: 'York' }]);
    const combined = coalescePair(first, second);
    expect(combined).toEqual({
      ...first,
      changed: [
        { path: 'phonenumber', value: '+44 1' },
        { path: 'address.city', value: 'York' },
      ],
    });
    expect(combined?.base).toBe(olderBase);
  });

  test('the later value of the same field wins', () => {
    expect(
      composeChanges(
        [{ path: 'phonenumber', value: '+44 1' }],
        [{ path: 'phonenumber', value: '+44 2' }],
      ),
    ).toEqual([{ path: 'phonenumber', value: '+44 2' }]);
  });

  test('editing a contact added earlier in the queue folds into that contact', () => {
    const added = { localKey: 'new-1', firstname: 'Liz' };
    expect(
      composeChanges(
        [{ path: 'contacts[localKey=new-1]', value: added }],
        [{ path: 'contacts[localKey=new-1].emailaddr', value: 'liz@acme.example' }],
      ),
    ).toEqual([
      { path: 'contacts[localKey=new-1]', value: { ...added, emailaddr: 'liz@acme.example' } },
    ]);
  });

  test('deleting a contact drops the queued edits of that contact', () => {
    expect(
      composeChanges(
        [{ path: 'contacts[recordid=C-17].workphone', value: '+44 7700' }],
        [{ path: 'contacts[recordid=C-17]', value: undefined }],
      ),
    ).toEqual([{ path: 'contacts[recordid=C-17]', value: undefined }]);
  });

  test('a create followed by edits is one create carrying the latest state', () => {
    const create: CreateEntry<R2CustomerRecord> = {
      opId: 'op-1',
      recordKey: 'local-7',
      kind: 'create',
      base: null,
      changed: { companyname: 'Initech' },
      state: 'pending',
      attempts: 0,
      lastError: null,
    };
    const edit = update('op-2', [{ path: 'phonenumber', value: '+1 555 0199' }], {
      recordKey: 'local-7',
    });
    const combined = coalescePair(create, edit);
    expect(combined).toEqual({
      ...create,
      changed: { companyname: 'Initech', phonenumber: '+1 555 0199' },
    });
    expect(applyEntry(undefined, combined!)).toEqual(
      applyEntry(applyEntry(undefined, create), edit),
    );
  });

  test('an in-flight entry is never merged into: it may already be on the server', () => {
    const sending = update('op-1', [{ path: 'phonenumber', value: '+44 1' }], {
      state: 'in_flight',
    });
    const next = update('op-2', [{ path: 'address.city', value: 'York' }]);
    const last = update('op-3', [{ path: 'address.zip', value: 'YO1' }]);
    const queue = coalesceQueue([sending, next, last]);
    expect(queue.map((entry) => entry.opId)).toEqual(['op-1', 'op-2']);
    expect(queue[0]).toBe(sending);
    expect(queue[1]?.kind === 'update' && queue[1].changed.map((c) => c.path)).toEqual([
      'address.city',
      'address.zip',
    ]);
  });

  test('entries of different records, rejected entries and a later create stay apart', () => {
    const pending = update('op-1', []);
    expect(coalescePair(pending, update('op-2', [], { recordKey: 'R-2' }))).toBeNull();
    expect(coalescePair(update('op-1', [], { state: 'rejected' }), update('op-2', []))).toBeNull();
    const create: CreateEntry<R2CustomerRecord> = {
      ...pending,
      kind: 'create',
      base: null,
      changed: acmeOnR2(),
    };
    expect(coalescePair(pending, create)).toBeNull();
  });
});

describe('after an earlier entry reached the server', () => {
  test('re-basing a later entry on the server’s answer avoids a conflict with my own edit', () => {
    const first = update('op-1', [{ path: 'phonenumber', value: '+44 1' }], { state: 'in_flight' });
    const second = update('op-2', [{ path: 'phonenumber', value: '+44 2' }]);
    const serverAfterFirst = { ...acmeOnR2(), phonenumber: '+44 1', updatedbyname: 'Me' };
    const stale = merge(r2Shape, second.base, localStateOf(second), serverAfterFirst);
    expect(stale.conflicts.map((c) => c.path)).toEqual(['phonenumber']);
    const rebased = rebaseEntry(second, serverAfterFirst, ['phonenumber']);
    const fresh = merge(r2Shape, rebased.base, localStateOf(rebased), serverAfterFirst);
    expect(fresh.conflicts).toEqual([]);
    expect(fresh.changedLocally).toEqual([{ path: 'phonenumber', value: '+44 2' }]);
    expect(first.state).toBe('in_flight');
  });
});

describe('re-basing keeps a colleague’s change visible to the merge', () => {
  test('a field only a colleague changed since stays on the old base: the push flags it', () => {
    const second = update('op-2', [{ path: 'web', value: 'https://mine.example' }]);
    // The first entry sent the phone; a colleague changed the city meanwhile.
    const server = { ...acmeOnR2(), phonenumber: '+44 1', web: 'https://theirs.example' };
    const rebased = rebaseEntry(second, server, ['phonenumber']);
    expect(rebased.base).toEqual({ ...server, web: second.base.web });
    const result = merge(r2Shape, rebased.base, localStateOf(rebased), server);
    expect(result.conflicts.map((c) => c.path)).toEqual(['web']);
  });

  test('a path the earlier entry sent is the server’s again', () => {
    const second = update('op-2', [{ path: 'web', value: 'https://mine.example' }]);
    const server = { ...acmeOnR2(), web: 'https://first.example' };
    expect(rebaseEntry(second, server, ['web']).base).toEqual(server);
  });
});
