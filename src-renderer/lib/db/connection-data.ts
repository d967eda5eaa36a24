// Per-connection data beside the customers: cached lookups for offline editing, sync bookkeeping
// (checkpoints, offline scope), and removing everything when a connection is deleted.
import type { ConnectorLookups } from '../../../src-shared/connectors/descriptor';
import type { ConnectionMeta, LookupRow } from './rows';
import { deleteListsOf } from './personal-lists';
import { customersOf, rowTables } from './schema';
import { pagesOf } from './summary-page';
import { guarded, type StoreContext } from './store-context';
import { deleteStamp } from './journal-stamp';
import { deleteRemovalLog } from './removal-log';

export function putLookups(
  ctx: StoreContext,
  connectionId: string,
  lookups: ConnectorLookups,
  now: number,
): Promise<void> {
  return guarded('sync', () => {
    const { relaxed: db } = ctx;
    // The fresh set replaces the old one whole: a list the server no longer has goes too.
    return db.transaction('rw', db.lookups, async () => {
      await db.lookups.where('connectionId').equals(connectionId).delete();
      const rows = Object.entries(lookups).map(([name, value]): LookupRow => ({
        connectionId,
        name,
        value,
        fetchedAt: now,
      }));
      await db.lookups.bulkPut(rows);
    });
  });
}

export function getLookups(ctx: StoreContext, connectionId: string): Promise<ConnectorLookups> {
  return guarded('read', async () => {
    const rows = await ctx.relaxed.lookups.where('connectionId').equals(connectionId).toArray();
    return Object.fromEntries(rows.map((row) => [row.name, row.value]));
  });
}

export function defaultMeta(connectionId: string): ConnectionMeta {
  return {
    connectionId,
    pullCheckpoint: null,
    lastPullAt: null,
    lastSuccessAt: null,
    offlineScope: 'all',
    salespersonId: null,
  };
}

export function getMeta(ctx: StoreContext, connectionId: string): Promise<ConnectionMeta> {
  return guarded(
    'read',
    async () => (await ctx.strict.meta.get(connectionId)) ?? defaultMeta(connectionId),
  );
}

/**
 * Strict on purpose: a checkpoint must never be on disk while the records pulled before it (on
 * the relaxed instance) are not — a strict commit flushes the writes that preceded it.
 */
export function putMeta(ctx: StoreContext, meta: ConnectionMeta): Promise<void> {
  return guarded('sync', async () => {
    await ctx.strict.meta.put(meta);
  });
}

export function deleteConnectionData(ctx: StoreContext, connectionId: string): Promise<void> {
  return guarded('change', () => {
    const { strict: db } = ctx;
    const lists = [db.savedViews, db.favourites, db.recents];
    return db.transaction(
      'rw',
      [...rowTables(db), db.outbox, db.lookups, db.meta, ...lists],
      async () => {
        await customersOf(db, connectionId).delete();
        await pagesOf(db, connectionId).delete();
        await deleteListsOf(db, connectionId);
        await db.outbox.where('connectionId').equals(connectionId).delete();
        await db.lookups.where('connectionId').equals(connectionId).delete();
        await db.meta.delete(connectionId);
        await deleteStamp(db, connectionId);
        await deleteRemovalLog(db, connectionId);
      },
    );
  });
}
