// The list's first screenful on opening, read on the main thread straight from the store while
// the search worker is still starting (docs/performance.md#first-rows-after-a-reload): the rows
// of the first screen the worker remembered last session, and the rows written since, in the
// opening order (by name). A few dozen rows read by key, so the main thread never scans; once the
// worker answers, its rows replace these.
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import type { CustomerStore } from '../db/customer-store';
import { openFirstScreens, type FirstScreens } from '../search/first-screen';
import { readFirstScreenRows } from '../search/first-screen-rows';
import { entryOf } from '../search/index-entry';
import type { DisplayRow } from '../search/search-types';

/** Rows shown before the worker answers: more than a tall window shows, few enough to read fast. */
export const EARLY_ROWS = 40;

/**
 * Remembered keys read: the first EARLY_ROWS of them are right unless more than the margin left
 * or moved down since (then the worker's answer corrects the order a moment later).
 */
const rememberedKeys = EARLY_ROWS + 20;

/** Past this many rows written since, the main thread does not read them: the worker will. */
const changeLimit = 200;

/** First screens' databases opened ahead, by store name, each taken by the list's first read. */
const openedAhead = new Map<string, FirstScreens & { close(): void }>();

/**
 * At app start, before main has said which connection is active: opens the store and the first
 * screens' database, so the list's first read finds both open (opening each is tens of ms, which
 * then overlaps the wait for main instead of following it). A failure here is seen on first use.
 */
export function openForFirstRows(store: CustomerStore): void {
  store.open().catch(() => {});
  if (!openedAhead.has(store.name)) openedAhead.set(store.name, openFirstScreens(store.name));
}

export interface FirstRowsOptions {
  readonly store: CustomerStore;
  readonly connectionId: string;
  readonly descriptor: ConnectorDescriptor<unknown>;
  /** Tests pass their own; by default the worker's database beside the store. */
  readonly screens?: FirstScreens;
}

/** The first rows by name, or none (nothing remembered, too much changed, a failed read). */
export async function readFirstRows(options: FirstRowsOptions): Promise<readonly DisplayRow[]> {
  const { store, connectionId, descriptor } = options;
  const own = options.screens ? null : takeFirstScreens(store.name);
  try {
    const [head, lookups] = await Promise.all([
      readFirstScreenRows(store, options.screens ?? own!, connectionId, {
        keys: rememberedKeys,
        changes: changeLimit,
      }),
      store.getLookups(connectionId),
    ]);
    if (!head) return [];
    // As the worker indexes them: a key keeps its first place (its doc number there), with its
    // newest row; ties in the name then fall in that same order (see SortOrders).
    const byKey = new Map<string, { readonly order: number; name: string; row: DisplayRow }>();
    for (const row of head.rows) {
      const entry = entryOf(row, descriptor, lookups);
      const known = byKey.get(row.key);
      const order = known?.order ?? byKey.size;
      byKey.set(row.key, { order, name: entry.sortKeys.name ?? '', row: entry.display });
    }
    return [...byKey.values()]
      .sort((a, b) => (a.name === b.name ? a.order - b.order : a.name < b.name ? -1 : 1))
      .slice(0, EARLY_ROWS)
      .map((early) => early.row);
  } catch {
    // Only a head start: the worker's answer shows the list without it.
    return [];
  } finally {
    own?.close();
  }
}

function takeFirstScreens(storeName: string): FirstScreens & { close(): void } {
  const ahead = openedAhead.get(storeName);
  openedAhead.delete(storeName);
  return ahead ?? openFirstScreens(storeName);
}
