import { describe, expect, test } from 'vitest';
import { JournalState, shouldCompact } from './journal-state';
import {
  batch,
  settledRecord,
  waitingRecord,
} from '../../src-shared/journal/test-support/journal-records';

describe('the journal in memory', () => {
  test('the waiting count kept as appends arrive matches a walk over every record', () => {
    const state = new JournalState();
    // A fixed pseudo-random walk: waits, settles and late appends over a handful of records.
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    for (let step = 1; step <= 2_000; step += 1) {
      const key = `k${next() % 9}`;
      const record = next() % 3 === 0 ? settledRecord('c1', key) : waitingRecord('c1', key, ['v']);
      const late = next() % 5 === 0;
      state.apply(batch('c1', late ? Math.max(1, step - 40) : step, [record]));
      expect(state.waitingCount).toBe(state.waiting().length);
    }
  });

  test('a compaction is due once the history outweighs what waits, and a rewrite has none', () => {
    const state = new JournalState();
    for (let seq = 1; seq <= 64; seq += 1) {
      state.apply(batch('c1', seq, [waitingRecord('c1', 'k', [`v${seq}`])]));
    }
    expect(state.dead).toBe(63);
    expect(shouldCompact(state)).toBe(false);
    state.apply(batch('c1', 65, [waitingRecord('c1', 'k', ['v65'])]));
    expect(shouldCompact(state)).toBe(true);
    const rewritten = JournalState.rewritten(65, state.waiting());
    expect([rewritten.dead, rewritten.waitingCount, shouldCompact(rewritten)]).toEqual([
      0,
      1,
      false,
    ]);
  });
});
