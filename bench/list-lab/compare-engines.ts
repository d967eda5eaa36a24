// Our index against FlexSearch and uFuzzy on the same customers and the same keystrokes, in the
// same page: search time per keystroke for each (ours includes its sort order and filters).
// MiniSearch is no longer compared: indexing 1,000,000 customers took the renderer down (out of
// memory) and at 100,000 it answered in seconds; FlexSearch is the inverted index to beat.
import uFuzzy from '@leeoniya/ufuzzy';
import { Charset, Index } from 'flexsearch';
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

export type Engine = 'flexsearch' | 'ufuzzy';

export function compareEngines(
  count: number,
  texts: readonly string[],
  engines: readonly Engine[] = ['flexsearch', 'ufuzzy'],
) {
  const descriptor = revnueDescriptor as ConnectorDescriptor<unknown>;
  const ours = new SearchIndex(descriptor.listSearch?.facets);
  const haystack: string[] = [];
  // Word prefixes ("forward"), case and accents folded: FlexSearch's closest to our rule that
  // fits in memory ("full" keeps every substring of every word).
  const flex = new Index({ tokenize: 'forward', encoder: Charset.Normalize });
  const build = { ours: 0, flexsearch: 0 };
  for (let i = 0; i < count; i += 1) {
    const record = corpusRecord(i);
    const row = {
      key: String(i + 1),
      record,
      hydration: 'full',
      syncState: 'synced',
    } as CustomerRow;
    const entry = entryOf(row, descriptor, corpusLookups);
    build.ours += time(() => ours.upsert(entry));
    // The same searchable text for all three, phones as typed.
    const text = `${entry.text}\n${record.phone}\n${record.mobile}`;
    haystack.push(text);
    if (engines.includes('flexsearch')) build.flexsearch += time(() => flex.add(i, text));
  }
  const query = (text: string) => ({
    text,
    facets: {},
    badge: '' as const,
    sort: { column: 'name', descending: false },
  });
  // As the worker does once its read is done: postings packed, the sort order built.
  build.ours += time(() => {
    ours.pack();
    ours.search(query(''));
  });
  const uf = new uFuzzy({});
  const results = { ours: [] as number[], flexsearch: [] as number[], ufuzzy: [] as number[] };
  for (const text of texts) {
    results.ours.push(time(() => ours.search(query(text))));
    if (engines.includes('flexsearch')) {
      // Every match, as the list needs them all (its count and its scrollbar).
      results.flexsearch.push(time(() => flex.search(text, { limit: count })));
    }
    if (engines.includes('ufuzzy')) results.ufuzzy.push(time(() => uf.search(haystack, text)));
  }
  return { build, results };
}
