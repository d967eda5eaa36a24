import { describe, expect, test } from 'vitest';
import type { ConnectionView } from '../../../src-shared/connection';
import type { CustomerStore, JournalReconciled } from '../db/customer-store';
import { createJournalGate } from './journal-gate';

const view = (id: string) => ({ id }) as unknown as ConnectionView;

function storeWith(reconcile?: (id: string) => Promise<JournalReconciled>): CustomerStore {
  return (reconcile ? { reconcileJournal: reconcile } : {}) as unknown as CustomerStore;
}

function deferred() {
  let resolve: (value: JournalReconciled) => void = () => {};
  const promise = new Promise<JournalReconciled>((done) => (resolve = done));
  return { promise, resolve };
}

describe('the journal gate in front of the sync runner', () => {
  test('a connection reaches the runner only after its store and journal are level', async () => {
    const pending = deferred();
    const reported: JournalReconciled[] = [];
    const applied: string[][] = [];
    const gate = createJournalGate(
      storeWith(() => pending.promise),
      { report: (outcome) => reported.push(outcome), failed: () => {} },
    );
    const passed = gate.pass([view('a')], (list) => applied.push(list.map((c) => c.id)));
    await Promise.resolve();
    expect(applied).toEqual([]);
    pending.resolve({ restored: 2, notices: [] });
    await passed;
    expect(applied).toEqual([['a']]);
    expect(reported).toEqual([{ restored: 2, notices: [] }]);
    // Level already: the next list goes through at once, without reconciling again.
    void gate.pass([view('a')], (list) => applied.push(list.map((c) => c.id)));
    expect(applied).toEqual([['a'], ['a']]);
    expect(reported).toHaveLength(1);
  });

  test('a newer list wins over an older one still waiting', async () => {
    const slow = deferred();
    const applied: string[][] = [];
    const gate = createJournalGate(
      storeWith((id) =>
        id === 'a' ? slow.promise : Promise.resolve({ restored: 0, notices: [] }),
      ),
      { report: () => {}, failed: () => {} },
    );
    const older = gate.pass([view('a')], (list) => applied.push(list.map((c) => c.id)));
    const newer = gate.pass([view('b')], (list) => applied.push(list.map((c) => c.id)));
    await newer;
    slow.resolve({ restored: 0, notices: [] });
    await older;
    expect(applied).toEqual([['b']]);
  });

  test('a failed reconcile is said in words and the runner still starts', async () => {
    const failures: string[] = [];
    const applied: string[][] = [];
    const gate = createJournalGate(
      storeWith(() => Promise.reject(new Error('the disk is full'))),
      { report: () => {}, failed: (message) => failures.push(message) },
    );
    await gate.pass([view('a')], (list) => applied.push(list.map((c) => c.id)));
    expect(failures).toEqual(['the disk is full']);
    expect(applied).toEqual([['a']]);
  });

  test('a store without a journal passes every list at once', () => {
    const applied: string[][] = [];
    const gate = createJournalGate(storeWith(), { report: () => {}, failed: () => {} });
    void gate.pass([view('a')], (list) => applied.push(list.map((c) => c.id)));
    expect(applied).toEqual([['a']]);
  });
});
