// The rows behind the remembered first screen (first-screen.ts), read the same way by the search
// worker (its head start) and by the list on the main thread (the rows it shows before the worker
// answers): the remembered rows still here (kept with the screen, or read by key), then every row
// written since the screen was saved.
// The first customers by name are among them, whatever was renamed, added or removed meanwhile.
import type { CustomerStore } from '../db/customer-store';
import type { CustomerRow } from '../db/rows';
import type { FirstScreen, FirstScreens } from './first-screen';

export interface FirstScreenRows {
  /** The remembered rows in their remembered (name) order, then the rows written since. */
  readonly rows: readonly CustomerRow[];
  /** Customers of the connection when the screen was saved. */
  readonly count: number;
}

export interface FirstScreenReadLimits {
  /** How many of the remembered keys to read (they are in name order: the first ones matter). */
  readonly keys: number;
  /** Past this many rows written since, the head start is not worth reading: null. */
  readonly changes: number;
}

/**
 * Null when nothing was remembered (a first open), too much changed since, or the read failed:
 * it is only a head start, and the full read shows the list without it.
 */
export async function readFirstScreenRows(
  store: CustomerStore,
  screens: FirstScreens,
  connectionId: string,
  limits: FirstScreenReadLimits,
): Promise<FirstScreenRows | null> {
  let screen: FirstScreen | undefined;
  try {
    screen = await screens.read(connectionId);
  } catch {
    return null;
  }
  if (!screen || screen.keys.length === 0) return null;
  const savedAt = screen.savedAt;
  // Both reads at once: each is a round trip to IndexedDB's backend, and neither needs the other.
  const [remembered, since] = await Promise.all([
    rememberedRows(store, screen, limits.keys),
    rowsWrittenSince(store, connectionId, savedAt, limits.changes),
  ]);
  if (!since) return null;
  return { rows: [...remembered, ...since], count: screen.count };
}

/**
 * The screen's rows still here: those kept with the screen less the ones removed since (the
 * removal log), or, when none were kept or the log no longer reaches back, read by key.
 */
async function rememberedRows(
  store: CustomerStore,
  screen: FirstScreen,
  limit: number,
): Promise<CustomerRow[]> {
  if (screen.rows && screen.removedSeq !== undefined) {
    const removals = await store.removedSince(screen.connectionId, screen.removedSeq);
    if (removals.keys) {
      const gone = new Set(removals.keys);
      return screen.rows.slice(0, limit).filter((row) => !gone.has(row.key));
    }
  }
  return store.getCustomers(screen.connectionId, screen.keys.slice(0, limit));
}

/** The rows written at or after `since`, or null when there are more than `limit`. */
async function rowsWrittenSince(
  store: CustomerStore,
  connectionId: string,
  since: number,
  limit: number,
): Promise<CustomerRow[] | null> {
  const rows: CustomerRow[] = [];
  // At most one past the limit: that one says enough, without reading the other keys (after a
  // pull with the list closed, every row of the connection may have been written since).
  for await (const chunk of store.listRows(connectionId, since, limit + 1, limit + 1)) {
    rows.push(...chunk);
    if (rows.length > limit) return null;
  }
  return rows;
}
