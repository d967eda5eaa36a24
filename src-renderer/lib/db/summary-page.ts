// Packed summary pages (docs/performance.md#packed-summary-pages-the-plan): a pull whose chunk comes in key
// order stores its server summaries as ONE IndexedDB value per page instead of one per customer,
// because IndexedDB's cost is per value and index entry, not per byte. A page's records are
// synced summaries only, so the row of each is derived; a customer that is more than that
// (opened, edited, hydrated, created here) has its own row in `customers`, which wins.
import { Dexie } from 'dexie';
import type { FieldbookDatabase } from './schema';
import { withIndexFields, type StoredCustomerRow } from './stored-row';

export interface SummaryPage {
  readonly connectionId: string;
  /** The first of `keys`: pages never overlap, so the page of a key is the last one starting ≤ it. */
  readonly firstKey: string;
  readonly lastKey: string;
  /** Strictly ascending; each key is also the record's server id. */
  readonly keys: readonly string[];
  /** The server summaries as the store keeps them (prepareForStore), parallel to `keys`. */
  readonly records: readonly unknown[];
  /** When the page was written (ms): the search worker re-reads pages written since its last read. */
  readonly updatedAt: number;
}

/** At most this many records per page value: the lab's page size, a few hundred KB of JSON. */
export const PAGE_RECORDS = 250;

/** The row a page's record stands for: a synced server summary nobody opened. */
export function derivedRow<T>(page: SummaryPage, index: number): StoredCustomerRow<T> {
  const record = page.records[index] as T;
  const key = page.keys[index]!;
  return withIndexFields<T>({
    connectionId: page.connectionId,
    key,
    serverId: key,
    record,
    base: record,
    remote: null,
    remoteHydration: null,
    hydration: 'summary',
    syncState: 'synced',
    opened: false,
    fieldErrors: null,
    updatedAt: page.updatedAt,
  });
}

/** Where `key` is in the page's keys, or -1 (binary search: the keys are sorted). */
export function indexInPage(page: SummaryPage, key: string): number {
  let low = 0;
  let high = page.keys.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = page.keys[middle]!;
    if (at === key) return middle;
    if (at < key) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** The index of the first key of the page that is > `after`. */
export function indexAfter(page: SummaryPage, after: string): number {
  let low = 0;
  let high = page.keys.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (page.keys[middle]! <= after) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Every page of a connection, in key order. */
export function pagesOf(db: FieldbookDatabase, connectionId: string) {
  return db.summaryPages
    .where('[connectionId+firstKey]')
    .between([connectionId, Dexie.minKey], [connectionId, Dexie.maxKey], true, true);
}

/** The page that would hold `key`: the last whose firstKey ≤ key (one cursor step backwards). */
export function pageAt(
  db: FieldbookDatabase,
  connectionId: string,
  key: string,
): Promise<SummaryPage | undefined> {
  return db.summaryPages
    .where('[connectionId+firstKey]')
    .between([connectionId, Dexie.minKey], [connectionId, key], true, true)
    .reverse()
    .first();
}

/** The stored pages whose key range meets [low, high], in key order. */
export function pagesMeeting(
  db: FieldbookDatabase,
  connectionId: string,
  low: string,
  high: string,
): Promise<SummaryPage[]> {
  return db.summaryPages
    .where('[connectionId+firstKey]')
    .between([connectionId, Dexie.minKey], [connectionId, high], true, true)
    .reverse()
    .until((page) => page.lastKey < low)
    .toArray()
    .then((pages) => pages.filter((page) => page.lastKey >= low).reverse());
}

/** Pages built from sorted keys and their records, at most PAGE_RECORDS each. */
export function pagesFrom(
  connectionId: string,
  keys: readonly string[],
  records: readonly unknown[],
  updatedAt: number,
): SummaryPage[] {
  const pages: SummaryPage[] = [];
  // Even sizes: a span of 260 becomes 130 + 130, not 250 + 10.
  const count = Math.ceil(keys.length / PAGE_RECORDS);
  for (let index = 0; index < count; index += 1) {
    const start = Math.floor((index * keys.length) / count);
    const end = Math.floor(((index + 1) * keys.length) / count);
    const pageKeys = keys.slice(start, end);
    pages.push({
      connectionId,
      firstKey: pageKeys[0]!,
      lastKey: pageKeys[pageKeys.length - 1]!,
      keys: pageKeys,
      records: records.slice(start, end),
      updatedAt,
    });
  }
  return pages;
}
