// The Customers screen's views, favourites and recently opened for every connection it shows: one
// CustomerViewsState per connection, made on first use and shared by the views bar, the grid's
// stars and the editor. Provided by the screen through context; absent (undefined) elsewhere, so
// the grid and the editor render without stars where no screen provides it (their own tests).
import { getContext, setContext } from 'svelte';
import type { CustomerStore } from '../db/customer-store';
import type { SyncRunner } from '../sync/engine/sync-runner';
import { CustomerViewsState } from './customer-views.svelte';

export class CustomerShortcuts {
  readonly #store: CustomerStore;
  readonly #runner: Pick<SyncRunner, 'fetchInFull'>;
  readonly #byConnection = new Map<string, CustomerViewsState>();

  constructor(store: CustomerStore, runner: Pick<SyncRunner, 'fetchInFull'>) {
    this.#store = store;
    this.#runner = runner;
  }

  of(connectionId: string): CustomerViewsState {
    let views = this.#byConnection.get(connectionId);
    if (!views) {
      views = new CustomerViewsState({
        store: this.#store,
        connectionId,
        keepComplete: (key) => void this.#runner.fetchInFull(connectionId, key).catch(() => {}),
      });
      this.#byConnection.set(connectionId, views);
      void views.load();
    }
    return views;
  }

  dispose(): void {
    for (const views of this.#byConnection.values()) views.dispose();
    this.#byConnection.clear();
  }
}

const contextKey = Symbol('customer-shortcuts');

export function provideShortcuts(shortcuts: CustomerShortcuts): void {
  setContext(contextKey, shortcuts);
}

/** The screen's shortcuts, or undefined where no Customers screen provides them. */
export function findShortcuts(): CustomerShortcuts | undefined {
  return getContext<CustomerShortcuts | undefined>(contextKey);
}
