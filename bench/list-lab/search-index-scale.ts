// `node --expose-gc --import tsx bench/list-lab/search-index-scale.ts [customers] [--duplicates]
// [--repeat N]`:
// the customer list's search index alone in Node, at any size (1,000,000 by default), with no
// Chromium, store or worker in the way, so its memory and query cost can be iterated on in
// minutes. Prints the build time, the JS heap and the typed arrays the index holds after a GC,
// and per query length the p50/p95 CPU time of what the worker does per keystroke: the search,
// the answer's copy and its first screen of rows. docs/search.md ("Memory", "Numbers") holds the
// figures. It lives beside the bench page because it imports the renderer's index (typechecked
// with the renderer); the few Node calls it makes are typed here.
import { revnueDescriptor } from '../../src-shared/connectors';
import type { ConnectorDescriptor } from '../../src-shared/connectors/descriptor';
import { DuplicateIndex } from '../../src-shared/duplicates';
import { storedRow } from '../../src-renderer/lib/db/test-support/row-builders';
import { entryOf } from '../../src-renderer/lib/search/index-entry';
import { SearchIndex } from '../../src-renderer/lib/search/search-index';
import { FIRST_ROWS } from '../../src-renderer/lib/search/search-service';
import {
  corpusLookups,
  corpusQueries,
  corpusRecord,
  keystrokes,
} from '../../src-renderer/lib/search/test-support/customer-corpus';

interface NodeProcess {
  argv: string[];
  memoryUsage(): { heapUsed: number; arrayBuffers: number };
  cpuUsage(): { user: number; system: number };
}
const process = (globalThis as unknown as { process: NodeProcess }).process;
const { loadavg } = (await import('node:os' as string)) as { loadavg(): number[] };

const customers = Number(process.argv[2] ?? 1_000_000);
/** --duplicates: also the duplicate warning's index, which lives in the same worker. */
const withDuplicates = process.argv.includes('--duplicates');
/**
 * --repeat N: the 200 keystrokes typed N times over, each keystroke's least CPU time kept, so a
 * loaded machine's slices and cache misses (which only ever add time) weigh less in a comparison.
 */
const repeatAt = process.argv.indexOf('--repeat');
const repeats = repeatAt === -1 ? 1 : Number(process.argv[repeatAt + 1]);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc --import tsx');

/**
 * The JS heap and the typed arrays' memory after a GC: V8 keeps typed arrays' contents outside
 * its heap (`arrayBuffers`), so the postings are counted there, the rest in `heapUsed`.
 */
const memoryMb = () => {
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return { heap: heapUsed / 1024 / 1024, buffers: arrayBuffers / 1024 / 1024 };
};
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
};
const r = (value: number) => Math.round(value * 100) / 100;

const descriptor = revnueDescriptor as ConnectorDescriptor<unknown>;
const before = memoryMb();
const index = new SearchIndex(descriptor.listSearch?.facets);
const buildStart = cpuMs();
for (let i = 0; i < customers; i += 1) {
  // As the store hands it over: a structured clone (flat strings, as IndexedDB gives them).
  const record = structuredClone(corpusRecord(i));
  const row = storedRow(record, { connectionId: 'c', key: String(i + 1), serverId: String(i + 1) });
  index.upsert(entryOf(row, descriptor, corpusLookups));
}
index.pack();
const buildMs = cpuMs() - buildStart;
const sortStart = cpuMs();
index.firstInOrder({ column: 'name', descending: false }, 1);
const sortMs = cpuMs() - sortStart;
const after = memoryMb();
const postingsMb = index.postingBytes / 1024 / 1024;

let duplicatesMb: number | undefined;
if (withDuplicates) {
  const duplicates = new DuplicateIndex();
  for (let i = 0; i < customers; i += 1) {
    duplicates.upsert(String(i + 1), descriptor.duplicateFields(structuredClone(corpusRecord(i))));
  }
  const withThem = memoryMb();
  duplicatesMb = withThem.heap + withThem.buffers - after.heap - after.buffers;
  if (duplicates.size !== customers) throw new Error('duplicates missing');
}

// The keystrokes of the Chromium bench, typed in order (so narrowing works as while typing),
// each timed as the worker answers it: search, the first screenful of docs and its rows, the
// count found so far. The rest of a big answer is put in order (and counted) after that answer is
// posted (in slices the next key interrupts): timed apart, as "rest".
const texts = keystrokes(corpusQueries, 200);
const byLength = new Map<string, number[]>();
const all: number[] = [];
const rest: number[] = [];
const timed: [string, number, number][] = [];
const query = (text: string) => ({
  text,
  facets: {},
  badge: '' as const,
  sort: { column: 'name', descending: false },
});
const spentOf: number[] = texts.map(() => Number.POSITIVE_INFINITY);
const restOf: number[] = texts.map(() => Number.POSITIVE_INFINITY);
const countOf: number[] = texts.map(() => 0);
for (let round = 0; round < repeats; round += 1) {
  texts.forEach((text, at) => {
    const start = cpuMs();
    const answer = index.answer(query(text));
    const head = answer.first(FIRST_ROWS);
    const first = Array.from(head, (doc) => index.display(doc));
    const spent = cpuMs() - start;
    if (first.length === 0 && answer.count > 0) throw new Error('rows missing');
    const restStart = cpuMs();
    // As the worker does once no newer key came: the rest put in order (and, where candidates
    // are confirmed as they are walked, counted), then copied to be posted.
    if (!answer.exact || head.length < answer.count) answer.all().slice();
    restOf[at] = Math.min(restOf[at]!, cpuMs() - restStart);
    spentOf[at] = Math.min(spentOf[at]!, spent);
    countOf[at] = answer.count;
  });
}
texts.forEach((text, at) => {
  const spent = spentOf[at]!;
  rest.push(restOf[at]!);
  const length = text.trim().length;
  const bucket = length <= 3 ? String(length) : length <= 6 ? '4-6' : '7+';
  byLength.set(bucket, [...(byLength.get(bucket) ?? []), spent]);
  all.push(spent);
  timed.push([text, r(spent), countOf[at]!]);
});

console.log(
  JSON.stringify({
    customers,
    repeats,
    load1: r(loadavg()[0]!),
    buildCpuMs: Math.round(buildMs),
    firstSortCpuMs: Math.round(sortMs),
    heapMb: r(after.heap - before.heap),
    arrayBuffersMb: r(after.buffers - before.buffers),
    totalMb: r(after.heap - before.heap + after.buffers - before.buffers),
    postingsMb: r(postingsMb),
    ...(duplicatesMb === undefined ? {} : { duplicateIndexMb: r(duplicatesMb) }),
    slowest: timed.sort((a, b) => b[1] - a[1]).slice(0, 8),
    restCpuMs: { p50: r(percentile(rest, 50)), p95: r(percentile(rest, 95)) },
    keystrokeCpuMs: {
      all: { n: all.length, p50: r(percentile(all, 50)), p95: r(percentile(all, 95)) },
      ...Object.fromEntries(
        [...byLength].map(([bucket, values]) => [
          bucket,
          { n: values.length, p50: r(percentile(values, 50)), p95: r(percentile(values, 95)) },
        ]),
      ),
    },
  }),
);
