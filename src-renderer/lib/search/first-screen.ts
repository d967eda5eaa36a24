// The list's first screen, remembered between sessions: the keys of the first customers by name
// and how many there were, kept in a small database of the search worker's own. On the next open
// the worker reads those rows (and the ones written since) before anything else and answers with
// them, so the first screen shows in display order long before the whole index is built. Only
// keys and a count are kept: the rows themselves are always read from the store.
import { Dexie, type Table } from 'dexie';
import type { IndexedDbDependencies } from '../db/schema';

export interface FirstScreen {
  readonly connectionId: string;
  /** The first keys in name order (more than a screen, so a few rows may leave meanwhile). */
  readonly keys: readonly string[];
  /** Customers of the connection when saved. */
  readonly count: number;
  /** Local ms: rows written at or after this are read again on the next open. */
  readonly savedAt: number;
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
  return {
    read: (connectionId) => db.screens.get(connectionId),
    write: async (screen) => {
      await db.screens.put(screen);
    },
    close: () => db.close(),
  };
}
