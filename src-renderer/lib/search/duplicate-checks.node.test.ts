// The worker's duplicate checks on the real Dexie store (fake-indexeddb): the duplicate index
// follows the same rows as the search — the first read, a save, a new customer, a discard — and a
// check never offers the customer being edited.
import { searchServiceWorld } from './test-support/service-world';
import { afterEach, describe, expect, it } from 'vitest';
import { revnueDescriptor } from '../../../src-shared/connectors';
import { noDuplicateFields, type DuplicateFields } from '../../../src-shared/duplicates';
import type { CustomerStore } from '../db/customer-store';
import { DuplicateChecks } from './duplicate-checkers';
import type { ToWorker } from './search-types';
import { corpusRecord } from './test-support/customer-corpus';

let store: CustomerStore | undefined;
afterEach(() => store?.close());

async function world(count: number) {
  const made = await searchServiceWorld(count);
  store = made.store;
  const { service, messages } = made;
  let seq = 0;
  /** Keys of the candidates for a probe, as the worker answers them. */
  const check = (probe: Partial<DuplicateFields>, excludeKey: string | null = null) => {
    seq += 1;
    service.duplicates(seq, {
      probe: { ...noDuplicateFields, ...probe },
      excludeKey,
      typing: true,
    });
    const answer = messages.find((m) => m.type === 'duplicates' && m.seq === seq);
    return answer?.type === 'duplicates' ? answer.candidates : [];
  };
  const names = (probe: Partial<DuplicateFields>, excludeKey: string | null = null) =>
    check(probe, excludeKey).map((candidate) => candidate.name);
  return { store, service, check, names };
}

describe('SearchService duplicate checks', () => {
  it('finds a stored customer by a respelled name, and never the one being edited', async () => {
    const { service, check, names } = await world(300);
    await service.load();
    const name = corpusRecord(42).name;
    const found = check({ name: `  ${name.toUpperCase()} ` }).find((c) => c.name === name);
    expect(found?.reasons).toContain('Same name');
    expect(names({ name }, found!.key)).not.toContain(name);
  });

  it('follows saves, new customers and discards', async () => {
    const { store, service, names: check } = await world(20);
    await service.load();
    expect(check({ name: 'Zebrakran Logistik' })).toEqual([]);
    const row = (await store.getCustomer<ReturnType<typeof corpusRecord>>('c', '7'))!;
    await store.saveCustomer(revnueDescriptor, 'c', '7', { ...row.record, name: 'Zebrakran GmbH' });
    const key = await store.createCustomer(revnueDescriptor, 'c', {
      ...revnueDescriptor.emptyRecord(),
      name: 'Quokkamat AG',
      phone: '+49 171 5550123',
    });
    await service.refresh();
    expect(check({ name: 'Zebrakran' })).toEqual(['Zebrakran GmbH']);
    expect(check({ phones: ['0171 555 01 23'] })).toEqual(['Quokkamat AG']);
    await store.discardChanges('c', key);
    await service.refresh();
    expect(check({ phones: ['0171 555 01 23'] })).toEqual([]);
  });
});

describe('DuplicateChecks (the client side)', () => {
  it('answers each question with its own answer, and nobody waits after close', async () => {
    const sent: ToWorker[] = [];
    const checks = new DuplicateChecks((message) => sent.push(message));
    const first = checks.ask({ probe: noDuplicateFields, excludeKey: null, typing: true });
    const second = checks.ask({ probe: noDuplicateFields, excludeKey: 'k', typing: false });
    const seqs = sent.map((m) => (m.type === 'duplicates' ? m.seq : -1));
    checks.answer(seqs[1]!, [{ key: 'b', name: 'B', reasons: ['Same name'], score: 85 }]);
    expect((await second).map((c) => c.key)).toEqual(['b']);
    checks.close();
    expect(await first).toEqual([]);
  });
});
