// The Favourites and Recently opened views on the worker's real logic (fake-indexeddb): only the
// given customers, in the sort's order or in the given order, and the search still narrows them.
import { allByName, answeredDocs, searchServiceWorld } from './test-support/service-world';
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerStore } from '../db/customer-store';
import type { ListQuery } from './search-types';

const all = allByName;
let store: CustomerStore | undefined;
afterEach(() => store?.close());

async function answer(queries: ListQuery[]) {
  const made = await searchServiceWorld(300, { clock: false });
  store = made.store;
  const { service, messages } = made;
  await service.load();
  const answers = [];
  for (const [at, query] of queries.entries()) {
    service.query(at + 1, query);
    const docs = await answeredDocs(messages, at + 1);
    answers.push(Array.from(docs, (doc) => service.index.entry(doc)!.display));
  }
  return answers;
}

describe('a list limited to some customers', () => {
  it('shows only those keys: in the sort order, or in their own order, and narrowed by text', async () => {
    const [everyone] = await answer([all]);
    const picked = [everyone![250]!, everyone![3]!, everyone![120]!];
    const keys = picked.map((row) => row.key);
    const [sorted, ordered, descending, narrowed] = await answer([
      { ...all, only: { keys, keepOrder: false } },
      { ...all, only: { keys, keepOrder: true } },
      { ...all, sort: { column: 'name', descending: true }, only: { keys, keepOrder: false } },
      { ...all, text: picked[2]!.name, only: { keys, keepOrder: true } },
    ]);
    expect(sorted!.map((row) => row.key)).toEqual([
      everyone![3]!.key,
      everyone![120]!.key,
      everyone![250]!.key,
    ]);
    expect(ordered!.map((row) => row.key)).toEqual(keys);
    expect(descending!.map((row) => row.key)).toEqual([...sorted!].reverse().map((r) => r.key));
    expect(narrowed!.map((row) => row.key)).toEqual([picked[2]!.key]);
  });

  it('shows nothing for an empty list, and skips keys no longer here', async () => {
    const [none, some] = await answer([
      { ...all, only: { keys: [], keepOrder: false } },
      { ...all, only: { keys: ['gone-1', 'gone-2'], keepOrder: true } },
    ]);
    expect(none).toEqual([]);
    expect(some).toEqual([]);
  });
});
