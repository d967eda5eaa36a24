// How the pull writes packed summary pages (summary-page.ts): a chunk in key order becomes page
// values, the own rows in its range are folded as before, and records leave a page only when the
// server says so (the deletion sweep after a complete listing, or a record reported gone).
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import { deepEqual } from '../../../src-shared/sync/values';
import type { PulledRecord } from './customer-store';
import { ownRowsBetween } from './customer-rows';
import { rowAfterPull } from './pulled-rows';
import type { FieldbookDatabase } from './schema';
import type { StoredCustomerRow } from './stored-row';
import {
  pageAt,
  pagesFrom,
  pagesMeeting,
  pagesOf,
  indexInPage,
  type SummaryPage,
} from './summary-page';

/**
 * Whether a chunk can be one span of pages: every record a summary (a page holds summaries
 * only) and the keys strictly ascending (pages cover disjoint key ranges; neither API documents
 * its listing's order, so this is decided per chunk and anything else is written as rows).
 */
export function fitsPages<T>(chunk: readonly PulledRecord<T>[]): boolean {
  if (chunk.length === 0) return false;
  for (let index = 0; index < chunk.length; index += 1) {
    if (chunk[index]!.hydration !== 'summary') return false;
    if (index > 0 && !(chunk[index - 1]!.serverId < chunk[index]!.serverId)) return false;
  }
  return true;
}

export interface PagedChunk<T> {
  readonly pagesWritten: number;
  readonly folded: readonly StoredCustomerRow<T>[];
  readonly dropped: readonly [string, string][];
}

/** A row that says nothing its page record does not: a synced summary nobody opened. */
function plainSummary(row: StoredCustomerRow): boolean {
  return (
    row.syncState === 'synced' &&
    !row.opened &&
    row.hydration === 'summary' &&
    row.remote === null &&
    row.fieldErrors === null &&
    row.serverId === row.key
  );
}

/**
 * Writes a chunk that `fitsPages` inside the caller's transaction (scope: customers and
 * summaryPages). The stored pages the chunk's range meets are replaced by pages of the union of
 * their records and the chunk's (the chunk's win; records the chunk does not hold are carried
 * over, so a page never deletes). Own rows in the range are folded with `rowAfterPull` exactly as
 * the row layout does; those that end up plain synced summaries are dropped, as the page now
 * says the same: the caller writes those own rows (`folded` put, `dropped` deleted) in the same
 * transaction. `pagesWritten` is 0 when the chunk was already stored as it is.
 */
export async function writePagedChunk<T>(
  db: FieldbookDatabase,
  descriptor: ConnectorDescriptor<T>,
  connectionId: string,
  chunk: readonly PulledRecord<T>[],
  now: number,
): Promise<PagedChunk<T>> {
  const first = chunk[0]!.serverId;
  const last = chunk[chunk.length - 1]!.serverId;
  const [stored, own] = await Promise.all([
    pagesMeeting(db, connectionId, first, last),
    ownRowsBetween<T>(db, connectionId, first, last),
  ]);
  const records = new Map<string, unknown>();
  for (const page of stored) page.keys.forEach((key, i) => records.set(key, page.records[i]));
  let pagesChanged = false;
  for (const pulled of chunk) {
    const record = descriptor.prepareForStore(pulled.record);
    const before = records.get(pulled.serverId);
    if (before === undefined || !deepEqual(before, record)) pagesChanged = true;
    records.set(pulled.serverId, record);
  }

  const ownByKey = new Map(own.map((row) => [row.key, row]));
  const folded: StoredCustomerRow<T>[] = [];
  const dropped: [string, string][] = [];
  for (const pulled of chunk) {
    const existing = ownByKey.get(pulled.serverId);
    if (!existing) continue;
    const next = rowAfterPull(descriptor, connectionId, existing, pulled, now);
    if (plainSummary(next ?? existing)) dropped.push([connectionId, existing.key]);
    else if (next) folded.push(next);
  }

  if (pagesChanged) {
    const keys = [...records.keys()].sort();
    await db.summaryPages.bulkDelete(stored.map((page) => [connectionId, page.firstKey]));
    await db.summaryPages.bulkPut(
      pagesFrom(
        connectionId,
        keys,
        keys.map((key) => records.get(key)),
        now,
      ),
    );
  }
  return { pagesWritten: pagesChanged ? chunk.length : 0, folded, dropped };
}

/** Rewrites `pages` without the records `drop` says go; returns the keys dropped. */
async function rewriteWithout(
  db: FieldbookDatabase,
  pages: readonly SummaryPage[],
  drop: (key: string) => boolean,
): Promise<string[]> {
  const gone: string[] = [];
  for (const page of pages) {
    const kept = page.keys.flatMap((key, index) => (drop(key) ? (gone.push(key), []) : [index]));
    if (kept.length === page.keys.length) continue;
    await db.summaryPages.delete([page.connectionId, page.firstKey]);
    if (kept.length === 0) continue;
    const keys = kept.map((index) => page.keys[index]!);
    await db.summaryPages.put({
      ...page,
      firstKey: keys[0]!,
      lastKey: keys[keys.length - 1]!,
      keys,
      records: kept.map((index) => page.records[index]),
    });
  }
  return gone;
}

/**
 * After a complete listing only (the completeness rule): drops every page record whose server id
 * the listing did not hold. Returns the keys dropped; the caller notes in the removal log those
 * that have no own row (an own row goes through markGone and decides itself).
 */
export async function sweepPages(
  db: FieldbookDatabase,
  connectionId: string,
  seenServerIds: ReadonlySet<string>,
): Promise<string[]> {
  const pages = await pagesOf(db, connectionId).toArray();
  return rewriteWithout(db, pages, (key) => !seenServerIds.has(key));
}

/** Drops the page records of `keys` (records the server reported gone); returns those dropped. */
export async function dropFromPages(
  db: FieldbookDatabase,
  connectionId: string,
  keys: readonly string[],
): Promise<string[]> {
  const wanted = new Set(keys);
  const pages = new Map<string, SummaryPage>();
  for (const key of [...wanted].sort()) {
    const page = await pageAt(db, connectionId, key);
    if (page && indexInPage(page, key) >= 0) pages.set(page.firstKey, page);
  }
  return rewriteWithout(db, [...pages.values()], (key) => wanted.has(key));
}
