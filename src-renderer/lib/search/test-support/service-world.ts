// The search worker's logic (SearchService) on a real Dexie store over fake-indexeddb, holding
// `count` generated Revnue customers of connection 'c': the set-up the worker's node tests share.
// The caller closes the store (each test file keeps one and closes it after each test).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { revnueDescriptor } from '../../../../src-shared/connectors';
import type { ConnectorDescriptor } from '../../../../src-shared/connectors/descriptor';
import type { CustomerStore } from '../../db/customer-store';
import { openCustomerStore } from '../../db/dexie-customer-store';
import { SearchService } from '../search-service';
import type { FromWorker, ListQuery } from '../search-types';
import { corpusLookups, corpusPulled } from './customer-corpus';

/** One fake IndexedDB for the whole file: a test that reopens a database finds what it wrote. */
export const factory = new IDBFactory();

/** Everyone, by name: the list's opening query. */
export const allByName: ListQuery = {
  text: '',
  facets: {},
  badge: '',
  sort: { column: 'name', descending: false },
};

export interface ServiceWorld {
  readonly store: CustomerStore;
  readonly service: SearchService;
  /** Every message the service posted, in order. */
  readonly messages: FromWorker[];
}

export async function searchServiceWorld(count: number, options: { clock?: boolean } = {}) {
  let clock = 1_000;
  const store = openCustomerStore(`search-${Math.random()}`, {
    indexedDb: { indexedDB: factory, IDBKeyRange },
    ...(options.clock === false ? {} : { now: () => (clock += 1) }),
  });
  await store.putLookups('c', corpusLookups, 1);
  await store.applyPulled(revnueDescriptor, 'c', corpusPulled(0, count));
  const messages: FromWorker[] = [];
  const service = new SearchService(
    store,
    'c',
    revnueDescriptor as ConnectorDescriptor<unknown>,
    (message) => messages.push(message),
  );
  return { store, service, messages } satisfies ServiceWorld;
}

/**
 * Every doc the service answered query `seq` with, in order: the result's own when it carried
 * them all, else the `docs` message that follows it (waiting turns for it).
 */
export async function answeredDocs(messages: readonly FromWorker[], seq: number) {
  for (let turn = 0; turn < 1_000; turn += 1) {
    const result = messages.findLast((m) => m.type === 'result' && m.seq === seq);
    if (result?.type === 'result' && result.docs.length === result.count && !result.counting)
      return result.docs;
    const rest = messages.findLast((m) => m.type === 'docs' && m.seq === seq);
    if (rest?.type === 'docs') return rest.docs;
    await new Promise((go) => setTimeout(go, 0));
  }
  throw new Error(`no answer to ${seq}`);
}
