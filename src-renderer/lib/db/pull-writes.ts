// What a pull writes (docs/sync.md#the-local-store): pulled records in chunks on the relaxed
// instance (a chunk in key order as packed summary pages, see page-writes.ts; any other as rows),
// deletions the server reports, and which summary rows the second tier fetches next.
import { rowTables } from './schema';
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import type { PulledRecord } from './customer-store';
import { rowAfterPull } from './pulled-rows';
import type { CustomerRow, OutboxRow } from './rows';
import {
  keysBetween,
  keysWithServerIdNotIn,
  ownKeysAmong,
  rowsOf,
  rowsToFetchInFull,
  rowsWithServerIds,
} from './customer-rows';
import { entriesOf, guarded, type StoreContext } from './store-context';
import { publicRow, withIndexFields, type StoredCustomerRow } from './stored-row';
import { appendToJournal, stampChange } from './journal-stamp';
import { noteRemoved } from './removal-log';
import type { JournalAppend } from '../../../src-shared/journal/journal-record';
import { dropFromPages, fitsPages, sweepPages, writePagedChunk } from './page-writes';
import { pagesMeeting } from './summary-page';

/** Rows per transaction: big enough to be fast, small enough to keep the UI's reads flowing. */
export const pullChunkSize = 1_000;

export function applyPulled<T>(
  ctx: StoreContext,
  descriptor: ConnectorDescriptor<T>,
  connectionId: string,
  records: readonly PulledRecord<T>[],
): Promise<void> {
  return guarded('sync', async () => {
    let written = 0;
    for (let start = 0; start < records.length; start += pullChunkSize) {
      written += await applyChunk(
        ctx,
        descriptor,
        connectionId,
        records.slice(start, start + pullChunkSize),
      );
    }
    // One signal per pull, not per chunk: a list re-queries once.
    if (written > 0) ctx.notify(connectionId, 'pulled');
  });
}

function applyChunk<T>(
  ctx: StoreContext,
  descriptor: ConnectorDescriptor<T>,
  connectionId: string,
  chunk: readonly PulledRecord<T>[],
): Promise<number> {
  const { relaxed: db } = ctx;
  return db.transaction('rw', ...rowTables(db), async () => {
    if (fitsPages(chunk)) {
      const paged = await writePagedChunk(db, descriptor, connectionId, chunk, ctx.now());
      if (paged.folded.length > 0) await db.customers.bulkPut([...paged.folded]);
      if (paged.dropped.length > 0) await db.customers.bulkDelete([...paged.dropped]);
      return paged.pagesWritten + paged.folded.length + paged.dropped.length;
    }
    const found = await existingRows<T>(ctx, connectionId, chunk);
    const current = new Map<string, StoredCustomerRow<T> | undefined>();
    chunk.forEach((pulled, index) => {
      if (!current.has(pulled.serverId)) current.set(pulled.serverId, found[index]);
    });
    const changed = new Map<string, StoredCustomerRow<T>>();
    const now = ctx.now();
    for (const pulled of chunk) {
      // The same record twice in one chunk: the later one applies to what the earlier left.
      const existing = changed.get(pulled.serverId) ?? current.get(pulled.serverId);
      const next = rowAfterPull(descriptor, connectionId, existing, pulled, now);
      if (next) changed.set(pulled.serverId, next);
    }
    if (changed.size > 0) await db.customers.bulkPut([...changed.values()]);
    return changed.size;
  });
}

/**
 * The stored rows of the chunk's records (undefined where none). A page of a listing covers a
 * narrow range of ids: one key-only read of that range tells which rows exist, so a first sync
 * (none do) reads no rows at all, and a later one reads only those that exist. When the range
 * holds many more rows than the chunk (ids not in order), the rows are read by key instead.
 */
async function existingRows<T>(
  ctx: StoreContext,
  connectionId: string,
  chunk: readonly PulledRecord<T>[],
): Promise<(StoredCustomerRow<T> | undefined)[]> {
  const { relaxed: db } = ctx;
  const ids = chunk.map((pulled) => pulled.serverId);
  if (chunk.length === 0) return [];
  let low = chunk[0]!.serverId;
  let high = low;
  for (const { serverId } of chunk) {
    if (serverId < low) low = serverId;
    if (serverId > high) high = serverId;
  }
  // Records in pages are rows too: read them by key (rowsOf derives them).
  if ((await pagesMeeting(db, connectionId, low, high)).length > 0) {
    return rowsOf<T>(db, connectionId, ids);
  }
  const probeLimit = chunk.length * 2;
  const inRange = await keysBetween(db, connectionId, low, high, probeLimit + 1);
  if (inRange.length > probeLimit) return rowsOf<T>(db, connectionId, ids);
  const present = new Set(inRange);
  const wanted = ids.filter((serverId) => present.has(serverId));
  const rows = wanted.length === 0 ? [] : await rowsOf<T>(db, connectionId, wanted);
  const byId = new Map<string, StoredCustomerRow<T> | undefined>();
  wanted.forEach((serverId, index) => byId.set(serverId, rows[index]));
  return chunk.map((pulled) => byId.get(pulled.serverId));
}

/**
 * Rows whose server record is gone: without waiting changes they go; with them, the head entry
 * becomes a "deleted on the server" conflict (never a silent loss, never a silent re-creation).
 * A head in flight is left alone: its own request is about to find out. Returns rows affected.
 */
async function markGone(
  ctx: StoreContext,
  rows: readonly StoredCustomerRow[],
): Promise<{ affected: number; batch: JournalAppend | null }> {
  const { strict: db } = ctx;
  let affected = 0;
  const conflicted: string[] = [];
  const deleted: string[] = [];
  for (const row of rows) {
    if (row.syncState === 'synced') {
      // The row may be an own row, a page record, or both: both go.
      await db.customers.delete([row.connectionId, row.key]);
      deleted.push(row.key);
      affected += 1;
      continue;
    }
    const [head] = await entriesOf(db, row.connectionId, row.key);
    if (!head || head.state === 'in_flight' || head.conflict?.kind === 'deleted_on_server') {
      continue;
    }
    const gone: OutboxRow = {
      ...head,
      state: 'conflict',
      conflict: { kind: 'deleted_on_server' },
      nextAttemptAt: null,
    };
    await db.outbox.put(gone);
    await db.customers.put(
      withIndexFields({
        ...row,
        syncState: 'conflict',
        remote: null,
        remoteHydration: null,
        updatedAt: ctx.now(),
      }),
    );
    conflicted.push(row.key);
    affected += 1;
  }
  const connectionId = rows[0]?.connectionId;
  // A conflicted row keeps its own row; the server's summary of it goes from its page all the same.
  if (connectionId !== undefined)
    await dropFromPages(db, connectionId, [...deleted, ...conflicted]);
  if (connectionId !== undefined) await noteRemoved(db, connectionId, deleted);
  const batch =
    connectionId !== undefined && conflicted.length > 0
      ? await stampChange(db, connectionId, conflicted)
      : null;
  return { affected, batch };
}

export function applyDeletions(
  ctx: StoreContext,
  connectionId: string,
  seenServerIds: ReadonlySet<string>,
): Promise<number> {
  return guarded('sync', async () => {
    const { strict: db } = ctx;
    const gone = await db.transaction('rw', ...rowTables(db), db.outbox, db.meta, async () => {
      const missing = await keysWithServerIdNotIn(db, connectionId, seenServerIds);
      const rows = await rowsOf(db, connectionId, missing);
      // Page records not listed go here; those with an own row are the own row's to decide
      // (markGone below), the rest are gone for good and the removal log says so.
      const swept = await sweepPages(db, connectionId, seenServerIds);
      const owned = await ownKeysAmong(db, connectionId, swept);
      await noteRemoved(
        db,
        connectionId,
        swept.filter((key) => !owned.has(key)),
      );
      const gone = await markGone(
        ctx,
        rows.filter((row) => row !== undefined),
      );
      return { affected: gone.affected + swept.length - owned.size, batch: gone.batch };
    });
    await appendToJournal(ctx, gone.batch, 'bookkeeping');
    return gone.affected;
  });
}

export function markDeletedOnServer(
  ctx: StoreContext,
  connectionId: string,
  serverIds: readonly string[],
): Promise<number> {
  return guarded('sync', async () => {
    const { strict: db } = ctx;
    const gone = await db.transaction('rw', ...rowTables(db), db.outbox, db.meta, async () => {
      if (serverIds.length === 0) return { affected: 0, batch: null };
      return markGone(ctx, await rowsWithServerIds(db, connectionId, serverIds));
    });
    await appendToJournal(ctx, gone.batch, 'bookkeeping');
    return gone.affected;
  });
}

export function rowsToHydrate(
  ctx: StoreContext,
  connectionId: string,
  wanted: 'all' | 'opened' | ReadonlySet<string>,
  limit: number,
): Promise<CustomerRow[]> {
  return guarded('read', async () => {
    const { relaxed: db } = ctx;
    if (limit <= 0) return [];
    const opened = await rowsToFetchInFull(db, connectionId, 0, limit);
    const rest = limit - opened.length;
    if (wanted === 'opened' || rest === 0) return opened.map(publicRow);
    if (wanted === 'all') {
      return [...opened, ...(await rowsToFetchInFull(db, connectionId, 1, rest))].map(publicRow);
    }
    const own: StoredCustomerRow[] = [];
    const ids = [...wanted];
    for (let start = 0; start < ids.length && own.length < rest; start += 500) {
      for (const row of await rowsOf(db, connectionId, ids.slice(start, start + 500))) {
        if (row?.hydrateRank === 1 && own.length < rest) own.push(row);
      }
    }
    return [...opened, ...own].map(publicRow);
  });
}
