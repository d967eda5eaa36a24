// The salesperson's own lists of one connection, as IndexedDB keeps them: saved views (a named
// search + filters + sort), favourite customers and the customers recently opened in the editor.
import type { ListQuery } from '../search/search-types';

/** What a saved view restores on the Customers screen. */
export type SavedQuery = Pick<ListQuery, 'text' | 'facets' | 'badge' | 'sort'>;

export interface SavedViewRow {
  readonly connectionId: string;
  /** A uuid: the name can change, the id never does. */
  readonly id: string;
  readonly name: string;
  readonly query: SavedQuery;
  readonly createdAt: number;
}

export interface FavouriteRow {
  readonly connectionId: string;
  /** The customer's local key (the server id once synced; moved with it when a create is sent). */
  readonly key: string;
  readonly addedAt: number;
}

export interface RecentRow {
  readonly connectionId: string;
  readonly key: string;
  /** Local ms, strictly increasing per connection so the order never ties. */
  readonly openedAt: number;
}
