// `node --expose-gc --import tsx bench/lab/duplicate-memory.ts [customers] [--whole|--feed]`: how
// much of the search worker's heap the duplicate warning takes: the feed while the list loads and
// once settled (JS heap and typed arrays apart), the index whole, and by structure. Each is built
// alone over the seeded bench corpus, then the heap is measured after a full gc, so the
// difference is what it keeps alive. docs/duplicates.md ("Memory") holds the figures.
import { loadavg } from 'node:os';
import { DuplicateIndex } from '../../src-shared/duplicates';
import { DuplicateFeed } from '../../src-renderer/lib/search/duplicate-feed';
import type { DuplicateFields } from '../../src-shared/duplicates';
import { duplicateCorpus } from '../../src-shared/duplicates/test-support/duplicate-corpus';
import { deletionKeys, typosAllowed } from '../../src-shared/duplicates/edit-distance';
import {
  addressKey,
  companyDomain,
  customerNumberKey,
  emailKey,
  nameTokens,
  phoneKey,
} from '../../src-shared/duplicates/normalize';
import {
  HashedTermPostings,
  TextTermPostings,
  type TermPostings,
} from '../../src-shared/duplicates/term-postings';

const customers = Number(process.argv[2] ?? 100_000);
/** Only the whole index and feed, not each structure (a 1,000,000 run takes minutes). */
const wholeOnly = process.argv.includes('--whole');
/** Only the feed, as the worker holds it while the list loads and once settled. */
const feedOnly = process.argv.includes('--feed');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

function heapMb(): number {
  return heapSplit().heap + heapSplit().buffers;
}

/**
 * The JS heap and the typed arrays' memory apart: Chromium's worker heap figure (CDP
 * Runtime.getHeapUsage) counts only the first, so both are printed for the feed.
 */
function heapSplit(): { heap: number; buffers: number } {
  gc!();
  gc!();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return { heap: heapUsed / 1e6, buffers: arrayBuffers / 1e6 };
}

/** A row as the worker gets it: its own strings, not shared with the corpus. */
function freshRow(fields: DuplicateFields): DuplicateFields {
  return JSON.parse(JSON.stringify(fields)) as DuplicateFields;
}

const corpus = duplicateCorpus(customers, 0);
// Copies made here, flat: the corpus builds its strings by concatenation, and flattening them
// later (JSON.stringify does) would free memory inside a measurement.
const rows = [...corpus.customers].map(([key, fields]) => [key, freshRow(fields)] as const);
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
// The worker's DuplicateFeed itself, while the list loads and once settled. The search index
// beside it holds every key and name already (the same strings, read from the same records), so
// they are made before the first measurement and count as the search index's.
{
  // A small feed first, so that compiling its code does not count as the feed's heap.
  const warmUp = new DuplicateFeed(() => new Promise((go) => setImmediate(go)));
  for (const [key, fields] of rows.slice(0, 5_000)) warmUp.upsert(key, freshRow(fields));
  warmUp.start();
  await warmUp.settled();
  const keys = rows.map(([key]) => JSON.parse(JSON.stringify(key)) as string);
  const names = rows.map(([, fields]) => JSON.parse(JSON.stringify(fields.name)) as string);
  const start = heapSplit();
  const cpu = process.cpuUsage();
  const feed = new DuplicateFeed(() => new Promise((go) => setImmediate(go)));
  rows.forEach(([, fields], at) =>
    feed.upsert(keys[at]!, { ...freshRow(fields), name: names[at]! }),
  );
  const loadCpu = process.cpuUsage(cpu);
  const waiting = heapSplit();
  feed.start();
  await feed.settled();
  const settledCpu = process.cpuUsage(cpu);
  const settled = heapSplit();
  const show = (at: { heap: number; buffers: number }) =>
    `JS heap ${(at.heap - start.heap).toFixed(1)} MB + array buffers ${(at.buffers - start.buffers).toFixed(1)} MB`;
  const seconds = (used: NodeJS.CpuUsage) => ((used.user + used.system) / 1e6).toFixed(1);
  console.log(`feed, list loaded (rows waiting): ${show(waiting)}; ${seconds(loadCpu)} s CPU`);
  console.log(`feed settled (index built): ${show(settled)}; ${seconds(settledCpu)} s CPU in all`);
  figures['feed waiting, JS heap'] = waiting.heap - start.heap;
  figures['feed waiting, array buffers'] = waiting.buffers - start.buffers;
  figures['feed settled, JS heap'] = settled.heap - start.heap;
  figures['feed settled, array buffers'] = settled.buffers - start.buffers;
  // Kept alive until here, so that none of it is collected between the measurements.
  if (feed.indexed !== keys.length || names.length !== keys.length || warmUp.waiting > 0) {
    throw new Error('rows missing');
  }
}

if (!feedOnly) {
  await measure('index built and trimmed (all structures)', () => {
    const index = new DuplicateIndex();
    for (const [key, fields] of rows) index.upsert(key, freshRow(fields));
    index.trim();
    return index;
  });
}
if (!wholeOnly && !feedOnly) await byStructure();

async function byStructure(): Promise<void> {
  await measure('  doc columns (key → doc, names)', () => {
    const docOfKey = new Map<string, number>();
    const names: string[] = [];
    for (const [key, fields] of rows) {
      docOfKey.set(key, names.length);
      names.push(freshRow(fields).name.trim());
    }
    return [docOfKey, names];
  });
  await measure('  name words and their postings', () => {
    const words = new TextTermPostings();
    rows.forEach(([, fields], doc) => {
      for (const word of new Set(nameTokens(fields.name))) words.add(words.intern(word), doc);
    });
    return words;
  });
  await measure('  typo variants (hashed)', () => {
    const words = new TextTermPostings();
    const variants = new HashedTermPostings();
    for (const [, fields] of rows) {
      for (const word of nameTokens(fields.name)) {
        if (words.find(word) >= 0) continue;
        const term = words.intern(word);
        if (typosAllowed(word.length) === 0) continue;
        for (const variant of new Set([word, ...deletionKeys(word)])) {
          variants.add(variants.intern(variant), term);
        }
      }
    }
    return variants;
  });
  const exactKeys: Record<string, (fields: DuplicateFields) => string[]> = {
    'name keys': (f) => [[...nameTokens(f.name)].sort().join(' ')],
    'customer numbers': (f) => [customerNumberKey(f.customerNumber)],
    addresses: (f) => [addressKey(f.addressLine, f.city)],
    phones: (f) => f.phones.map(phoneKey),
    emails: (f) => f.emails.map(emailKey),
    domains: (f) => [...f.emails.map(emailKey), ...f.websites].map(companyDomain),
  };
  for (const [name, keysOf] of Object.entries(exactKeys)) {
    await measure(`  ${name} (hashed)`, () => {
      const postings: TermPostings = new HashedTermPostings();
      rows.forEach(([, fields], doc) => {
        for (const value of new Set(keysOf(fields))) {
          if (value) postings.add(postings.intern(value), doc);
        }
      });
      return postings;
    });
  }
}

console.log(JSON.stringify({ customers, load: loadavg()[0], figures }));
