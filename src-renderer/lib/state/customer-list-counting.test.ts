// The list while the worker still counts a search (its candidates confirmed after the first
// screenful): the count so far is shown as such, the view's export waits for every doc, and the
// docs that follow make the count exact. The worker is a stand-in that answers as the test says.
import { afterEach, describe, expect, it } from 'vitest';
import { revnueDescriptor } from '../../../src-shared/connectors';
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import type { CustomerStore } from '../db/customer-store';
import { openCustomerStore } from '../db/dexie-customer-store';
import type { SearchClient, SearchClientOptions } from '../search/search-client';
import type { FromWorker, ListQuery } from '../search/search-types';
import type { SyncRunner } from '../sync/engine/sync-runner';
import { CustomerListState } from './customer-list.svelte';

let store: CustomerStore | undefined;
let list: CustomerListState | undefined;
afterEach(async () => {
  list?.dispose();
  // The list reads its first rows from the store as it opens: let that read end first.
  await new Promise((go) => setTimeout(go, 50));
  store?.close();
});

function counting() {
  store = openCustomerStore(`counting-${Math.random()}`);
  let post: (message: FromWorker) => void = () => undefined;
  const queries: ListQuery[] = [];
  const keysAsked: number[][] = [];
  const startWorker = (options: SearchClientOptions): SearchClient => {
    post = options.onMessage;
    return {
      query: (query) => queries.push(query),
      rows: () => undefined,
      keys: (docs) => {
        keysAsked.push(Array.from(docs));
        return Promise.resolve(Array.from(docs, (doc) => `k${doc}`));
      },
      refresh: () => undefined,
      checkDuplicates: () => Promise.resolve([]),
      close: () => undefined,
    };
  };
  const runner = { status: () => undefined, subscribe: () => () => undefined };
  list = new CustomerListState({
    connectionId: 'c',
    kind: 'revnue-v2',
    descriptor: revnueDescriptor as ConnectorDescriptor<unknown>,
    store,
    runner: runner as unknown as SyncRunner,
    startWorker,
  });
  return { list, post: (message: FromWorker) => post(message), queries, keysAsked };
}

const docs = (count: number) => Int32Array.from({ length: count }, (_, doc) => doc);

describe('a count still being made', () => {
  it('is the count so far until every doc is here, and the export of the view waits for it', async () => {
    const { list, post, queries, keysAsked } = counting();
    list.text = 'anna';
    const seq = queries.length;
    post({
      type: 'result',
      seq,
      docs: docs(80),
      count: 80,
      counting: true,
      total: 1_000,
      firstRows: [],
      version: 1,
      searchMs: 0,
      postedAt: 0,
    });
    expect([list.counting, list.count]).toEqual([true, 80]);
    // Every doc the worker had is here (80 of 80), but more may match: the export waits.
    const keys = list.keysInView();
    await new Promise((go) => setTimeout(go, 20));
    expect(keysAsked).toEqual([]);
    post({ type: 'docs', seq, version: 1, docs: docs(300) });
    expect([list.counting, list.count]).toEqual([false, 300]);
    expect((await keys).length).toBe(300);
    expect(keysAsked).toEqual([Array.from(docs(300))]);
  });

  it('is exact at once for an answer that was counted', () => {
    const { list, post, queries } = counting();
    list.text = 'an';
    post({
      type: 'result',
      seq: queries.length,
      docs: docs(80),
      count: 500,
      total: 1_000,
      firstRows: [],
      version: 1,
      searchMs: 0,
      postedAt: 0,
    });
    expect([list.counting, list.count]).toEqual([false, 500]);
  });
});
