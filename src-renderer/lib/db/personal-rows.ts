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
  /** Local ms, strictly increasing per connection (the Favourites order never ties). */
  readonly addedAt: number;
}

export interface RecentRow {
  readonly connectionId: string;
  readonly key: string;
  /** Local ms, strictly increasing per connection so the order never ties. */
  readonly openedAt: number;
}

export type PersonalList = 'views' | 'favourites' | 'recent';

export interface PersonalLists {
  /** The connection's saved views, by name. */
  views(connectionId: string): Promise<SavedViewRow[]>;
  /** Saves `query` under `name`; a StoreError (`invalid`, in words) for an empty or taken name. */
  saveView(connectionId: string, name: string, query: SavedQuery): Promise<SavedViewRow>;
  renameView(connectionId: string, id: string, name: string): Promise<void>;
  deleteView(connectionId: string, id: string): Promise<void>;
  /** The keys of the connection's favourite customers still on this computer, oldest first. */
  favouriteKeys(connectionId: string): Promise<string[]>;
  /** Adds or removes a favourite; adding a customer no longer here is a `not_found` StoreError. */
  setFavourite(connectionId: string, key: string, favourite: boolean): Promise<void>;
  /** The last 30 customers opened in the editor and still here, most recent first. */
  recentKeys(connectionId: string): Promise<string[]>;
  /** The customer was opened in the editor: it moves to the top of the recent list. */
  noteOpened(connectionId: string, key: string): Promise<void>;
  /** After any change of a list (in this window); returns the unsubscribe. */
  onChange(listener: (change: { connectionId: string; list: PersonalList }) => void): () => void;
}
