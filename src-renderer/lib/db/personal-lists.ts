// The salesperson's own lists per connection (docs/customer-list.md#views-favourites-recently-opened):
// saved views, favourites and recently opened customers, kept in the store's IndexedDB beside the
// customers so they survive restarts and go when the connection is deleted.
import { Dexie } from 'dexie';
import { StoreError } from './customer-store';
import { rowOf, rowsOf } from './customer-rows';
import type {
  FavouriteRow,
  PersonalList,
  PersonalLists,
  RecentRow,
  SavedViewRow,
} from './personal-rows';
import { rowTables, type FieldbookDatabase } from './schema';
import { guarded, type StoreContext } from './store-context';
import { tidyViewName, viewNameProblem } from './view-names';

/** How many recently opened customers are kept per connection. */
export const recentLimit = 30;

export type { PersonalLists };

const byConnection = <R>(table: Dexie.Table<R, [string, string]>, connectionId: string) =>
  table
    .where('[connectionId+key]')
    .between([connectionId, Dexie.minKey], [connectionId, Dexie.maxKey], true, true);

function viewsOf(db: FieldbookDatabase, connectionId: string): Promise<SavedViewRow[]> {
  return db.savedViews.where('connectionId').equals(connectionId).toArray();
}

const byName = (a: SavedViewRow, b: SavedViewRow) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

function invalid(message: string): StoreError {
  return new StoreError(message, 'invalid');
}

/**
 * The rows whose customer is still here; the others (deleted on the server, a discarded new one)
 * are dropped from `table`. Read-only over the customers, so the list's reads never wait on it.
 */
async function withoutGone<R extends { key: string }>(
  db: FieldbookDatabase,
  table: Dexie.Table<R, [string, string]>,
  connectionId: string,
  read: () => Promise<R[]>,
): Promise<R[]> {
  const { rows, present } = await db.transaction('r', table, ...rowTables(db), async () => {
    const rows = await read();
    const present = await rowsOf(
      db,
      connectionId,
      rows.map((row) => row.key),
    );
    return { rows, present };
  });
  const gone = rows.filter((_row, index) => present[index] === undefined);
  if (gone.length > 0) await table.bulkDelete(gone.map((row) => [connectionId, row.key]));
  return rows.filter((_row, index) => present[index] !== undefined);
}

export function personalLists(ctx: StoreContext): PersonalLists {
  const { strict: db } = ctx;
  const listeners = new Set<Parameters<PersonalLists['onChange']>[0]>();
  const changed = (connectionId: string, list: PersonalList) => {
    for (const listener of [...listeners]) listener({ connectionId, list });
  };

  return {
    views: (connectionId) =>
      guarded('read', async () => (await viewsOf(db, connectionId)).sort(byName)),

    saveView: (connectionId, name, query) =>
      guarded('change', async () => {
        const saved = await db.transaction('rw', db.savedViews, async () => {
          const others = (await viewsOf(db, connectionId)).map((view) => view.name);
          const problem = viewNameProblem(name, others);
          if (problem) throw invalid(problem);
          const row: SavedViewRow = {
            connectionId,
            id: ctx.newId(),
            name: tidyViewName(name),
            query: structuredClone(query),
            createdAt: ctx.now(),
          };
          await db.savedViews.add(row);
          return row;
        });
        changed(connectionId, 'views');
        return saved;
      }),

    renameView: (connectionId, id, name) =>
      guarded('change', async () => {
        await db.transaction('rw', db.savedViews, async () => {
          const views = await viewsOf(db, connectionId);
          const view = views.find((candidate) => candidate.id === id);
          if (!view) throw new StoreError('This view is no longer saved.', 'not_found');
          const others = views.filter((other) => other.id !== id).map((other) => other.name);
          const problem = viewNameProblem(name, others);
          if (problem) throw invalid(problem);
          await db.savedViews.put({ ...view, name: tidyViewName(name) });
        });
        changed(connectionId, 'views');
      }),

    deleteView: (connectionId, id) =>
      guarded('change', async () => {
        await db.savedViews.delete([connectionId, id]);
        changed(connectionId, 'views');
      }),

    favouriteKeys: (connectionId) =>
      guarded('read', async () => {
        const kept = await withoutGone(db, db.favourites, connectionId, () =>
          byConnection(db.favourites, connectionId).toArray(),
        );
        return kept.sort((a, b) => a.addedAt - b.addedAt).map((row) => row.key);
      }),

    setFavourite: (connectionId, key, favourite) =>
      guarded('change', async () => {
        await db.transaction('rw', db.favourites, ...rowTables(db), async () => {
          if (!favourite) return db.favourites.delete([connectionId, key]);
          if (!(await rowOf(db, connectionId, key))) {
            throw new StoreError('This customer is no longer on this computer.', 'not_found');
          }
          const favourites = await byConnection(db.favourites, connectionId).toArray();
          if (favourites.some((row) => row.key === key)) return;
          // Strictly after the newest, so "oldest first" never ties (two stars in one ms).
          const newest = Math.max(0, ...favourites.map((row) => row.addedAt));
          const row: FavouriteRow = { connectionId, key, addedAt: Math.max(ctx.now(), newest + 1) };
          await db.favourites.add(row);
        });
        changed(connectionId, 'favourites');
      }),

    recentKeys: (connectionId) =>
      guarded('read', async () => {
        const kept = await withoutGone(db, db.recents, connectionId, () =>
          newestFirst(db, connectionId).limit(recentLimit).toArray(),
        );
        return kept.map((row) => row.key);
      }),

    noteOpened: (connectionId, key) =>
      guarded('change', async () => {
        await db.transaction('rw', db.recents, async () => {
          const [latest] = await newestFirst(db, connectionId).limit(1).toArray();
          // Strictly after the newest, even when the clock stands still or goes back.
          const openedAt = Math.max(ctx.now(), (latest?.openedAt ?? 0) + 1);
          const row: RecentRow = { connectionId, key, openedAt };
          await db.recents.put(row);
          const beyond = await newestFirst(db, connectionId).offset(recentLimit).primaryKeys();
          if (beyond.length > 0) await db.recents.bulkDelete(beyond);
        });
        changed(connectionId, 'recent');
      }),

    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

function newestFirst(db: FieldbookDatabase, connectionId: string) {
  return db.recents
    .where('[connectionId+openedAt]')
    .between([connectionId, Dexie.minKey], [connectionId, Dexie.maxKey], true, true)
    .reverse();
}

/**
 * A create reached the server and its row moved from the local key to the server id: its
 * favourite and recent entries move with it. Runs inside the caller's transaction, which must
 * include both tables.
 */
export async function moveListEntries(
  db: FieldbookDatabase,
  connectionId: string,
  fromKey: string,
  toKey: string,
): Promise<void> {
  if (fromKey === toKey) return;
  const favourite = await db.favourites.get([connectionId, fromKey]);
  if (favourite) {
    await db.favourites.delete([connectionId, fromKey]);
    await db.favourites.put({ ...favourite, key: toKey });
  }
  const recent = await db.recents.get([connectionId, fromKey]);
  if (recent) {
    await db.recents.delete([connectionId, fromKey]);
    await db.recents.put({ ...recent, key: toKey });
  }
}

/** Every list entry of a connection (inside the caller's transaction over the three tables). */
export async function deleteListsOf(db: FieldbookDatabase, connectionId: string): Promise<void> {
  await db.savedViews.where('connectionId').equals(connectionId).delete();
  await db.favourites.where('connectionId').equals(connectionId).delete();
  await byConnection(db.recents, connectionId).delete();
}
