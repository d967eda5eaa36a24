// Our index against MiniSearch and uFuzzy on the same customers and the same keystrokes, in the
// same page: search time per keystroke for each (ours includes its sort order and filters).
import uFuzzy from '@leeoniya/ufuzzy';
import MiniSearch from 'minisearch';
import { revnueDescriptor } from '../../src-shared/connectors';
import type { ConnectorDescriptor } from '../../src-shared/connectors/descriptor';
import type { CustomerRow } from '../../src-renderer/lib/db/rows';
import { entryOf } from '../../src-renderer/lib/search/index-entry';
import { SearchIndex } from '../../src-renderer/lib/search/search-index';
import {
  corpusLookups,
  corpusRecord,
} from '../../src-renderer/lib/search/test-support/customer-corpus';

function time(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

export type Engine = 'minisearch' | 'ufuzzy';

export function compareEngines(
  count: number,
  texts: readonly string[],
  engines: readonly Engine[] = ['minisearch', 'ufuzzy'],
) {
  const descriptor = revnueDescriptor as ConnectorDescriptor<unknown>;
  const ours = new SearchIndex(descriptor.listSearch?.facets);
  const haystack: string[] = [];
  const documents: { id: number; text: string }[] = [];
  for (let i = 0; i < count; i += 1) {
    const record = corpusRecord(i);
    const row = {
      key: String(i + 1),
      record,
      hydration: 'full',
      syncState: 'synced',
    } as CustomerRow;
    const entry = entryOf(row, descriptor, corpusLookups);
    ours.upsert(entry);
    // The same searchable text for all three, phones as typed.
    const text = `${entry.text}\n${record.phone}\n${record.mobile}`;
    haystack.push(text);
    documents.push({ id: i, text });
  }
  const mini = new MiniSearch({ fields: ['text'], storeFields: [] });
  const build = {
    minisearch: engines.includes('minisearch')
      ? time(() => {
          mini.addAll(documents);
        })
      : 0,
  };
  const query = (text: string) => ({
    text,
    facets: {},
    badge: '' as const,
    sort: { column: 'name', descending: false },
  });
  ours.search(query('')); // the sort order, built once like the worker does on load
  const uf = new uFuzzy({});
  const results = { ours: [] as number[], minisearch: [] as number[], ufuzzy: [] as number[] };
  for (const text of texts) {
    results.ours.push(time(() => ours.search(query(text))));
    if (engines.includes('minisearch')) {
      results.minisearch.push(time(() => mini.search(text, { prefix: true, combineWith: 'AND' })));
    }
    if (engines.includes('ufuzzy')) results.ufuzzy.push(time(() => uf.search(haystack, text)));
  }
  return { build, results };
}
