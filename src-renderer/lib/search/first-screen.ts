// The list's first screen, remembered between sessions: the keys of the first customers by name
// and how many there were, kept in a small database of the search worker's own. On the next open
// the worker reads those rows (and the ones written since) before anything else and answers with
// them, so the first screen shows in display order long before the whole index is built. The
// rows themselves are kept too, read from the store when the screen is saved: with packed summary
// pages, 60 keys spread over the list by name fall on ~57 different pages, each decoded whole
// (~100 ms of CPU at 100,000 customers), while the rows kept as one value read in under 1 ms
// (docs/performance.md#what-the-readers-cost-the-lab). The removal log's position read with them
// says which of them went since; the rows written since are read again as before.
import { Dexie, type Table } from 'dexie';
import { rowsOf } from '../db/customer-rows';
import { removedSince } from '../db/removal-log';
import type { CustomerRow } from '../db/rows';
import { FieldbookDatabase, rowTables, type IndexedDbDependencies } from '../db/schema';
import { publicRow } from '../db/stored-row';

export interface FirstScreen {
  readonly connectionId: string;
  /** The first keys in name order (more than a screen, so a few rows may leave meanwhile). */
  readonly keys: readonly string[];
  /** Customers of the connection when saved. */
  readonly count: number;
  /** Local ms: rows written at or after this are read again on the next open. */
  readonly savedAt: number;
  /** The rows of `keys` still here when saved, in the keys' order (absent: read them by key). */
  readonly rows?: readonly CustomerRow[];
  /** The store's removal log position when `rows` were read: rows removed after it are left out. */
  readonly removedSeq?: number;
}

export interface FirstScreens {
  read(connectionId: string): Promise<FirstScreen | undefined>;
  write(screen: FirstScreen): Promise<void>;
}

/** Keys kept: a screen (80 rows) and a margin for rows that changed or left since. */
export const FIRST_SCREEN_KEYS = 160;

class FirstScreenDatabase extends Dexie {
  declare readonly screens: Table<FirstScreen, string>;

  constructor(name: string, dependencies?: IndexedDbDependencies) {
    super(name, dependencies);
    this.version(1).stores({ screens: 'connectionId' });
  }
}

/** The first screens beside the store `storeName` (its own database: the store's schema stays). */
export function openFirstScreens(
  storeName: string,
  dependencies?: IndexedDbDependencies,
): FirstScreens & { close(): void } {
  const db = new FirstScreenDatabase(`${storeName}-list-first-screen`, dependencies);
  // Opened at once, not on the first read: the list opens it ahead at app start on purpose. A
  // failure to open shows as a failed read, which every reader takes as "nothing remembered".
  db.open().catch(() => {});
  // The store's database, opened only by the first save (reading needs no durability).
  let storeDb: FieldbookDatabase | undefined;
  return {
    read: (connectionId) => db.screens.get(connectionId),
    write: async (screen) => {
      storeDb ??= new FieldbookDatabase(storeName, 'relaxed', dependencies);
      await db.screens.put(screen.rows ? screen : await withRows(storeDb, screen));
    },
    close: () => {
      db.close();
      storeDb?.close();
    },
  };
}

/** The screen with its rows and the removal log's position, read in one transaction. */
async function withRows(storeDb: FieldbookDatabase, screen: FirstScreen): Promise<FirstScreen> {
  const { connectionId, keys } = screen;
  return storeDb.transaction('r', ...rowTables(storeDb), storeDb.meta, async () => {
    const [rows, removals] = await Promise.all([
      rowsOf(storeDb, connectionId, keys),
      removedSince(storeDb, connectionId, Infinity),
    ]);
    const kept = rows.flatMap((row) => (row ? [publicRow(row)] : []));
    return { ...screen, rows: kept, removedSeq: removals.seq };
  });
}
