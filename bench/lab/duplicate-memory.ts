// `node --expose-gc --import tsx bench/lab/duplicate-memory.ts [customers]`: how much of the
// search worker's heap the duplicate warning takes, whole and by structure. Each structure is
// built alone over the seeded bench corpus, then the heap is measured after a full gc, so the
// difference is what that structure keeps alive. docs/duplicates.md ("Memory") holds the figures.
import { loadavg } from 'node:os';
import { DuplicateIndex } from '../../src-shared/duplicates';
import type { DuplicateFields } from '../../src-shared/duplicates';
import { duplicateCorpus } from '../../src-shared/duplicates/test-support/duplicate-corpus';
import { DuplicateFeed } from '../../src-renderer/lib/search/duplicate-feed';

const customers = Number(process.argv[2] ?? 100_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

function heapMb(): number {
  gc!();
  gc!();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 1e6;
}

/** A row as the worker gets it: its own strings, not shared with the corpus. */
function freshRow(fields: DuplicateFields): DuplicateFields {
  return JSON.parse(JSON.stringify(fields)) as DuplicateFields;
}

const corpus = duplicateCorpus(customers, 0);
const rows = [...corpus.customers];
const figures: Record<string, number> = {};

async function measure(name: string, build: () => unknown | Promise<unknown>): Promise<void> {
  const before = heapMb();
  const started = process.cpuUsage();
  const kept = await build();
  const used = process.cpuUsage(started);
  const after = heapMb();
  figures[name] = after - before;
  console.log(
    `${name}: ${(after - before).toFixed(1)} MB (built in ${((used.user + used.system) / 1e6).toFixed(1)} s CPU)`,
  );
  // Keep the structure alive until after the measurement.
  if (kept === undefined) throw new Error('nothing kept');
}

console.log(
  `${customers.toLocaleString('en')} customers, load average ${loadavg()[0]!.toFixed(1)}`,
);
await measure('rows waiting in the feed (not started)', () => {
  const feed = new DuplicateFeed(() => new Promise(() => {}));
  for (const [key, fields] of rows) feed.upsert(key, freshRow(fields));
  return feed;
});
await measure('index built (all structures)', () => {
  const index = new DuplicateIndex();
  for (const [key, fields] of rows) index.upsert(key, freshRow(fields));
  return index;
});
await measure('feed started and settled', async () => {
  const feed = new DuplicateFeed(() => new Promise((go) => setImmediate(go)));
  for (const [key, fields] of rows) feed.upsert(key, freshRow(fields));
  feed.start();
  await feed.settled();
  return feed;
});
console.log(JSON.stringify({ customers, load: loadavg()[0], figures }));
