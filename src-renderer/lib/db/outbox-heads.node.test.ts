import { expect, test } from 'vitest';
import { dueHeads, earliestDue, headsOf } from './outbox-heads';
import { createEntry, updateEntry } from './test-support/row-builders';

const base = { name: 'A' };
const a1 = updateEntry(base, [], { seq: 1, recordKey: 'a' });
const b1 = updateEntry(base, [], { seq: 2, recordKey: 'b', state: 'rejected' });
const a2 = updateEntry(base, [], { seq: 3, recordKey: 'a' });
const b2 = updateEntry(base, [], { seq: 4, recordKey: 'b' });
const c1 = updateEntry(base, [], { seq: 5, recordKey: 'c', nextAttemptAt: 500 });
const d1 = createEntry(base, { seq: 6, recordKey: 'd', state: 'in_flight', outcomeUnknown: true });
const e1 = createEntry(base, { seq: 7, recordKey: 'e', state: 'in_flight' });

test('only the oldest entry of each record is a head', () => {
  expect(headsOf([a1, b1, a2, b2]).map((head) => head.seq)).toEqual([1, 2]);
});

test('a rejected head blocks its own record and no other; backoff is respected', () => {
  const all = [a1, b1, a2, b2, c1, d1, e1];
  expect(dueHeads(all, 100, 10).map((head) => head.seq)).toEqual([1, 6]);
  expect(dueHeads(all, 500, 10).map((head) => head.seq)).toEqual([1, 5, 6]);
  expect(dueHeads(all, 500, 2).map((head) => head.seq)).toEqual([1, 5]);
});

test('a head with no backoff is due at once, whatever clock the caller uses', () => {
  expect(dueHeads([a1], -1_000, 1)).toHaveLength(0);
  expect(dueHeads([a1], 0, 1)).toHaveLength(1);
  expect(earliestDue([c1, a1])).toBe(0);
  expect(earliestDue([c1])).toBe(500);
  expect(earliestDue([b1, e1])).toBeNull();
});
