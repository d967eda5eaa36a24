// The worker's logic on the real Dexie store (fake-indexeddb): the first read in chunks, then only
// the rows written since — a save, a new customer, a discard that removes a row.
import { IDBKeyRange } from 'fake-indexeddb';
import { allByName, answeredDocs, factory, searchServiceWorld } from './test-support/service-world';
import { afterEach, describe, expect, it } from 'vitest';
import { revnueDescriptor } from '../../../src-shared/connectors';
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import type { CustomerStore } from '../db/customer-store';
import { openCustomerStore } from '../db/dexie-customer-store';
import { openFirstScreens } from './first-screen';
import { FIRST_ROWS, SearchService } from './search-service';
import type { FromWorker } from './search-types';
import type { corpusRecord } from './test-support/customer-corpus';
import { corpusLookups, corpusPulled } from './test-support/customer-corpus';

const query = allByName;
let store: CustomerStore | undefined;

afterEach(() => store?.close());

async function world(count: number) {
  const made = await searchServiceWorld(count);
  store = made.store;
  const { service, messages } = made;
  const results = () => messages.flatMap((m) => (m.type === 'result' ? [m] : []));
  return { store, service, messages, results };
}

describe('SearchService', () => {
  it('indexes every row, answering the first screen after the first chunk', async () => {
    const { service, messages, results } = await world(4_500);
    service.query(1, query);
    await service.load();
    const progress = messages.flatMap((m) => (m.type === 'progress' ? [m] : []));
    expect(progress.map((p) => p.indexed)).toEqual([2_000, 4_000, 4_500, 4_500]);
    expect(progress.at(-1)!.ready).toBe(true);
    expect(results()[0]!.docs.length).toBe(2_000);
    const last = results().at(-1)!;
    expect(last.count).toBe(4_500);
    expect(last.total).toBe(4_500);
    expect(last.firstRows.length).toBe(80);
    // In name order, with the lookups read: the country column says "Germany", not 276.
    const shown = last.firstRows.map(([, row]) => row);
    const folded = shown.map((row) =>
      row.name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
    );
    expect(folded).toEqual([...folded].sort());
    expect(new Set(shown.map((row) => row.cells[2]))).toEqual(new Set(['Germany']));
  });

  it('answers with the first screenful and the count; every doc follows unless a newer query came', async () => {
    const { service, messages, results } = await world(3_000);
    await service.load();
    service.query(1, { ...query, text: 'a' });
    service.query(2, { ...query, text: 'e' });
    const first = results().find((r) => r.seq === 1)!;
    const second = results().find((r) => r.seq === 2)!;
    const everyE = service.index.search({ ...query, text: 'e' });
    expect(everyE.length).toBeGreaterThan(FIRST_ROWS);
    expect(second.count).toBe(everyE.length);
    expect(Array.from(second.docs)).toEqual(Array.from(everyE.subarray(0, FIRST_ROWS)));
    expect(first.docs.length).toBe(FIRST_ROWS);
    expect(first.count).toBeGreaterThan(FIRST_ROWS);
    expect(Array.from(await answeredDocs(messages, 2))).toEqual(Array.from(everyE));
    // Query 1 was superseded before its rest was put in order: it never is.
    expect(messages.some((m) => m.type === 'docs' && m.seq === 1)).toBe(false);
  });

  it('posts a search whose candidates need their text read with the count so far, then every doc', async () => {
    const { service, messages, results } = await world(3_000);
    await service.load();
    // Four letters: more than a screenful of candidates, each confirmed on its text.
    const text = corpusTerm(service, 4);
    service.query(1, { ...query, text });
    const every = service.index.search({ ...query, text });
    expect(every.length).toBeGreaterThan(FIRST_ROWS);
    const result = results().find((r) => r.seq === 1)!;
    expect(result.counting).toBe(true);
    expect(result.count).toBe(FIRST_ROWS);
    expect(Array.from(result.docs)).toEqual(Array.from(every.subarray(0, FIRST_ROWS)));
    // The docs message brings every one: their number is the count.
    expect(Array.from(await answeredDocs(messages, 1))).toEqual(Array.from(every));
    // A query of short terms is exact from its postings: counted at once.
    service.query(2, { ...query, text: 'e' });
    const short = results().find((r) => r.seq === 2)!;
    expect([short.counting, short.count]).toEqual([
      undefined,
      service.index.search({ ...query, text: 'e' }).length,
    ]);
  });

  it('lookups that arrive after the first read (a first sync) re-index the rows with names', async () => {
    store = openCustomerStore(`search-${Math.random()}`, {
      indexedDb: { indexedDB: factory, IDBKeyRange },
    });
    const messages: FromWorker[] = [];
    const service = new SearchService(
      store,
      'c',
      revnueDescriptor as ConnectorDescriptor<unknown>,
      (message) => messages.push(message),
    );
    service.query(1, query);
    await service.load(); // the list opens before the first sync has written anything
    await store.applyPulled(revnueDescriptor, 'c', corpusPulled(0, 20));
    await service.refresh();
    await store.putLookups('c', corpusLookups, 2);
    await service.refresh();
    const last = messages.flatMap((m) => (m.type === 'result' ? [m] : [])).at(-1)!;
    expect(last.docs.length).toBe(20);
    expect(new Set(last.firstRows.map(([, row]) => row.cells[2]))).toEqual(new Set(['Germany']));
  });

  it('after a save and a new customer, a refresh reads only those and answers again', async () => {
    const { store, service, results } = await world(50);
    service.query(1, { ...query, text: 'zebra' });
    await service.load();
    expect(results().at(-1)!.docs.length).toBe(0);
    const row = (await store.getCustomer<ReturnType<typeof corpusRecord>>('c', '7'))!;
    await store.saveCustomer(revnueDescriptor, 'c', '7', {
      ...row.record,
      name: 'Zebra Kran GmbH',
    });
    await store.createCustomer(revnueDescriptor, 'c', {
      ...revnueDescriptor.emptyRecord(),
      name: 'Zebra Neu',
    });
    await service.refresh();
    const answer = results().at(-1)!;
    expect(answer.total).toBe(51);
    const shown = answer.firstRows.map(([, r]) => [r.name, r.badge]);
    expect(shown).toEqual([
      ['Zebra Kran GmbH', 'waiting'],
      ['Zebra Neu', 'waiting'],
    ]);
  });

  it('drops a row that left the store (a discarded new customer)', async () => {
    const { store, service, results } = await world(10);
    service.query(1, query);
    await service.load();
    const key = await store.createCustomer(revnueDescriptor, 'c', {
      ...revnueDescriptor.emptyRecord(),
      name: 'Gone',
    });
    await service.refresh();
    expect(results().at(-1)!.total).toBe(11);
    await store.discardChanges('c', key);
    await service.refresh();
    expect(results().at(-1)!.total).toBe(10);
    expect(
      results()
        .at(-1)!
        .firstRows.some(([, r]) => r.name === 'Gone'),
    ).toBe(false);
  });

  it('opens with the remembered first screen in name order before reading any chunk', async () => {
    // Every pulled row written in one millisecond, as a real pull does; the edits come later.
    let clock = 1_000;
    store = openCustomerStore(`search-${Math.random()}`, {
      indexedDb: { indexedDB: factory, IDBKeyRange },
      now: () => clock,
    });
    await store.putLookups('c', corpusLookups, 1);
    await store.applyPulled(revnueDescriptor, 'c', corpusPulled(0, 3_000));
    const screens = openFirstScreens(store.name, { indexedDB: factory, IDBKeyRange });
    const remembering = new SearchService(
      store,
      'c',
      revnueDescriptor as ConnectorDescriptor<unknown>,
      () => {},
      screens,
    );
    await remembering.load();
    clock = 5_000;
    // Written since: a customer renamed to come first, and a new one.
    const row = (await store.getCustomer<ReturnType<typeof corpusRecord>>('c', '2500'))!;
    await store.saveCustomer(revnueDescriptor, 'c', '2500', { ...row.record, name: 'Aaron Bau' });
    await store.createCustomer(revnueDescriptor, 'c', {
      ...revnueDescriptor.emptyRecord(),
      name: 'Abel Kran',
    });
    const messages: FromWorker[] = [];
    const reopened = new SearchService(
      store,
      'c',
      revnueDescriptor as ConnectorDescriptor<unknown>,
      (message) => messages.push(message),
      screens,
    );
    reopened.query(1, query);
    await reopened.load();
    screens.close();
    const results = messages.flatMap((m) => (m.type === 'result' ? [m] : []));
    const early = results[0]!;
    // Answered before the first chunk: no progress message counted a whole chunk yet.
    const before = messages.slice(0, messages.indexOf(early));
    expect(before.every((m) => m.type !== 'progress' || m.indexed < 2_000)).toBe(true);
    expect(early.docs.length).toBeLessThan(2_000);
    expect(early.total).toBe(3_000);
    const names = (result: typeof early) => result.firstRows.map(([, r]) => r.name);
    expect(names(early).slice(0, 2)).toEqual(['Aaron Bau', 'Abel Kran']);
    expect(names(early)).toEqual(names(results.at(-1)!));
    expect(results.at(-1)!.total).toBe(3_001);
  });

  it('opens as before when no first screen was remembered', async () => {
    const { store } = await world(2_500);
    const screens = openFirstScreens(`${store.name}-none`, { indexedDB: factory, IDBKeyRange });
    const messages: FromWorker[] = [];
    const service = new SearchService(
      store,
      'c',
      revnueDescriptor as ConnectorDescriptor<unknown>,
      (message) => messages.push(message),
      screens,
    );
    service.query(1, query);
    await service.load();
    screens.close();
    const first = messages.find((m) => m.type === 'result')!;
    expect(first.type === 'result' && first.docs.length).toBe(2_000);
  });
});

/**
 * A word of `length` letters from a customer's name found in more than 400 customers: more
 * candidates than are sorted by rank (256 at 3,000), so they are confirmed as the order is walked.
 */
function corpusTerm(service: SearchService, length: number): string {
  for (let doc = 0; doc < 50; doc += 1) {
    const name = service.index.entry(doc)!.sortKeys['name']!;
    for (let at = 0; at + length <= name.length; at += 1) {
      const term = name.slice(at, at + length);
      if (!/^[a-z]+$/.test(term)) continue;
      // Another sort: the index keeps no answer of the list's view to give back as it was.
      const other = { ...allByName, text: term, sort: { column: 'name', descending: true } };
      if (service.index.search(other).length > 400) return term;
    }
  }
  throw new Error('no common term');
}
