// The salesperson's views of one connection's customers (docs/customer-list.md#views-favourites-recently-opened):
// the saved views, the favourites and the recently opened, as the store keeps them, and which view
// is shown. Reads again whenever a list or the customers change (a deleted customer drops out).
import { StoreError, type CustomerStore } from '../db/customer-store';
import type { SavedQuery, SavedViewRow } from '../db/personal-rows';
import { viewNameProblem } from '../db/view-names';
import type { KeyScope } from '../search/search-types';
import { describeError } from './error-message';

export type ViewChoice =
  | { readonly kind: 'all' | 'favourites' | 'recent' }
  | { readonly kind: 'saved'; readonly id: string };

export interface CustomerViewsOptions {
  readonly store: Pick<CustomerStore, 'lists' | 'onChange'>;
  readonly connectionId: string;
  /** A customer just became a favourite: fetch it in full now (the sync runner). */
  readonly keepComplete?: (key: string) => void;
}

export class CustomerViewsState {
  #views = $state.raw<readonly SavedViewRow[]>([]);
  #favourites = $state.raw<readonly string[]>([]);
  // A fresh Set per favourites list, never mutated: the derived is the signal, not the Set.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- see above
  #favouriteSet = $derived(new Set(this.#favourites));
  #recent = $state.raw<readonly string[]>([]);
  #current = $state.raw<ViewChoice>({ kind: 'all' });
  #problem = $state<string | null>(null);
  readonly #options: CustomerViewsOptions;
  readonly #stop: (() => void)[] = [];

  constructor(options: CustomerViewsOptions) {
    this.#options = options;
    const { store, connectionId } = options;
    this.#stop.push(
      store.lists.onChange((change) => {
        if (change.connectionId === connectionId) void this.#read(change.list);
      }),
      // Customers deleted (on the server, a discarded new one) leave both lists.
      store.onChange((change) => {
        if (change.connectionId !== connectionId) return;
        void this.#read('favourites');
        void this.#read('recent');
      }),
    );
  }

  /** The first read of the three lists. */
  async load(): Promise<void> {
    await Promise.all([this.#read('views'), this.#read('favourites'), this.#read('recent')]);
  }

  get views(): readonly SavedViewRow[] {
    return this.#views;
  }
  get favourites(): readonly string[] {
    return this.#favourites;
  }
  get recent(): readonly string[] {
    return this.#recent;
  }
  get current(): ViewChoice {
    return this.#current;
  }
  /** The last failure to read or change a list, in words (null: none). */
  get problem(): string | null {
    return this.#problem;
  }

  isFavourite(key: string): boolean {
    return this.#favouriteSet.has(key);
  }

  isCurrent(choice: ViewChoice): boolean {
    const current = this.#current;
    if (current.kind !== choice.kind) return false;
    return current.kind !== 'saved' || (choice.kind === 'saved' && choice.id === current.id);
  }

  /** Which customers the current view limits the list to (null: every customer). */
  get scope(): KeyScope | null {
    return this.#scope;
  }
  // Derived, so it keeps its identity until the view or its keys change: the list re-asks only then.
  #scope = $derived.by((): KeyScope | null => {
    switch (this.#current.kind) {
      case 'favourites':
        return { keys: this.#favourites, keepOrder: false };
      case 'recent':
        return { keys: this.#recent, keepOrder: true };
      default:
        return null;
    }
  });

  /** Shows `choice`; a saved view also gives the search, filters and sort to restore. */
  choose(choice: ViewChoice): SavedQuery | null {
    this.#current = choice;
    if (choice.kind !== 'saved') return null;
    return this.#views.find((view) => view.id === choice.id)?.query ?? null;
  }

  /** Why `name` cannot name a view (`exceptId`: the view being renamed), or null. */
  nameProblem(name: string, exceptId?: string): string | null {
    const others = this.#views.filter((view) => view.id !== exceptId).map((view) => view.name);
    return viewNameProblem(name, others);
  }

  /** Saves the list's query as a view and shows it; the reason in words when it cannot. */
  async saveView(name: string, query: SavedQuery): Promise<string | null> {
    const problem = this.nameProblem(name);
    if (problem) return problem;
    return this.#attempt(async () => {
      const saved = await this.#options.store.lists.saveView(
        this.#options.connectionId,
        name,
        query,
      );
      await this.#read('views');
      this.#current = { kind: 'saved', id: saved.id };
    });
  }

  async renameView(id: string, name: string): Promise<string | null> {
    const problem = this.nameProblem(name, id);
    if (problem) return problem;
    return this.#attempt(async () => {
      await this.#options.store.lists.renameView(this.#options.connectionId, id, name);
      await this.#read('views');
    });
  }

  async deleteView(id: string): Promise<string | null> {
    return this.#attempt(async () => {
      await this.#options.store.lists.deleteView(this.#options.connectionId, id);
      await this.#read('views');
      // The list keeps showing what it showed; it is just no longer a saved view.
      if (this.#current.kind === 'saved' && this.#current.id === id)
        this.#current = { kind: 'all' };
    });
  }

  async toggleFavourite(key: string): Promise<string | null> {
    const favourite = !this.isFavourite(key);
    return this.#attempt(async () => {
      await this.#options.store.lists.setFavourite(this.#options.connectionId, key, favourite);
      await this.#read('favourites');
      if (favourite) this.#options.keepComplete?.(key);
    });
  }

  /** The customer was opened in the editor (a failure only costs its place in the list). */
  async noteOpened(key: string): Promise<void> {
    await this.#attempt(() =>
      this.#options.store.lists.noteOpened(this.#options.connectionId, key),
    );
  }

  dispose(): void {
    for (const stop of this.#stop.splice(0)) stop();
  }

  async #attempt(work: () => Promise<void>): Promise<string | null> {
    try {
      await work();
      this.#problem = null;
      return null;
    } catch (error) {
      const words = error instanceof StoreError ? error.message : describeError(error);
      this.#problem = words;
      return words;
    }
  }

  async #read(list: 'views' | 'favourites' | 'recent'): Promise<void> {
    const { store, connectionId } = this.#options;
    try {
      if (list === 'views') this.#views = await store.lists.views(connectionId);
      else if (list === 'favourites') {
        const keys = await store.lists.favouriteKeys(connectionId);
        if (!sameKeys(keys, this.#favourites)) this.#favourites = keys;
      } else {
        const keys = await store.lists.recentKeys(connectionId);
        if (!sameKeys(keys, this.#recent)) this.#recent = keys;
      }
    } catch (error) {
      this.#problem = describeError(error);
    }
  }
}

/** Unchanged lists keep their identity, so the list is not asked again for the same answer. */
function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, at) => key === b[at]);
}
