// A customer row as IndexedDB holds it: the public CustomerRow plus two fields only the store
// reads — how complete the kept `remote` is, and the index that finds rows to fetch in full.
import type { CustomerRow, Hydration } from './rows';

export interface StoredCustomerRow<T = unknown> extends CustomerRow<T> {
  /** How complete `remote` is; null when there is no remote. */
  readonly remoteHydration: Hydration | null;
  /**
   * Set only on rows the second pull tier should fetch by ID (indexed with the connection): 0 for
   * rows the salesperson opened, so they come first, 1 for the rest. Absent on complete rows.
   */
  readonly hydrateRank?: 0 | 1;
}

/**
 * The row with its index fields recomputed. A summary row needs fetching unless a full server
 * version is already kept as its remote (then the push will use that, and fetching again would
 * only repeat itself); a row the server has never seen has nothing to fetch.
 */
export function withIndexFields<T>(row: StoredCustomerRow<T>): StoredCustomerRow<T> {
  const { hydrateRank: _previous, ...rest } = row;
  const wanted =
    row.serverId !== null && row.hydration === 'summary' && row.remoteHydration !== 'full';
  return wanted ? { ...rest, hydrateRank: row.opened ? 0 : 1 } : rest;
}

/** What callers of the store see: the row without the store's own bookkeeping. */
export function publicRow<T>(row: StoredCustomerRow<T>): CustomerRow<T> {
  const { remoteHydration: _remote, hydrateRank: _rank, ...rest } = row;
  return rest;
}
