import { describe, expect, test } from 'vitest';
import { reconcileJournal } from './reconcile-journal';
import { settledRecord, waitingRecord } from './test-support/journal-records';

const a = waitingRecord('c1', 'local-a', ['A']);
const b = waitingRecord('c1', '7', ['B1', 'B2']);

describe('reconcileJournal', () => {
  test('an empty (wiped) store gets every waiting change of the journal back', () => {
    const plan = reconcileJournal({ seq: 0, records: [] }, { seq: 5, records: [a, b] });
    expect(plan).toEqual({
      action: 'restore',
      seq: 5,
      records: [a, b],
      settledKeys: [],
      restoredChanges: 3,
    });
  });

  test('a store behind the journal: what it lacks is counted, what settled since goes', () => {
    const older = waitingRecord('c1', '7', ['B1']);
    const gone = waitingRecord('c1', 'local-old', ['O']);
    const plan = reconcileJournal({ seq: 3, records: [older, gone] }, { seq: 5, records: [a, b] });
    expect(plan).toMatchObject({
      action: 'restore',
      records: [a, b],
      settledKeys: ['local-old'],
      // local-a's create and B2 are new to the store; B1 it had.
      restoredChanges: 2,
    });
  });

  test('a store ahead of the journal (the journal lost) is kept and the journal rewritten', () => {
    expect(reconcileJournal({ seq: 9, records: [a] }, { seq: 4, records: [b] })).toEqual({
      action: 'rewrite',
      seq: 9,
      records: [a],
    });
    expect(reconcileJournal({ seq: 9, records: [] }, { seq: 0, records: [] })).toEqual({
      action: 'rewrite',
      seq: 9,
      records: [],
    });
  });

  test('a store from before the journal, with waiting changes, writes the journal', () => {
    expect(reconcileJournal({ seq: 0, records: [a] }, { seq: 0, records: [] })).toEqual({
      action: 'rewrite',
      seq: 0,
      records: [a],
    });
  });

  test('the same stamp on both sides changes nothing', () => {
    expect(reconcileJournal({ seq: 5, records: [a] }, { seq: 5, records: [a] })).toEqual({
      action: 'in_step',
    });
    expect(reconcileJournal({ seq: 0, records: [] }, { seq: 0, records: [] })).toEqual({
      action: 'in_step',
    });
  });

  test('settled records on either side are never restored nor kept', () => {
    const plan = reconcileJournal(
      { seq: 0, records: [] },
      { seq: 2, records: [settledRecord('c1', 'x'), a] },
    );
    expect(plan).toMatchObject({ action: 'restore', records: [a], restoredChanges: 1 });
  });

  test('an in-flight create comes back outcome-unknown, an in-flight update as pending', () => {
    const create = waitingRecord('c1', 'local-n', ['N'], 'in_flight');
    const update = waitingRecord('c1', '8', ['U'], 'in_flight');
    const plan = reconcileJournal({ seq: 0, records: [] }, { seq: 2, records: [create, update] });
    if (plan.action !== 'restore') throw new Error(`expected a restore, got ${plan.action}`);
    expect(plan.records[0]?.entries[0]).toMatchObject({
      kind: 'create',
      state: 'in_flight',
      outcomeUnknown: true,
    });
    expect(plan.records[1]?.entries[0]).toMatchObject({
      kind: 'update',
      state: 'pending',
      outcomeUnknown: false,
    });
  });
});
