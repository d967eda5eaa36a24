// The Changes view's data: every outbox entry of one connection, grouped by customer, kept fresh
// from the store's change signal (saves, discards, resolutions, finished pushes) until dispose().
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import type { CustomerStore } from '../db/customer-store';
import type { CustomerRow, OutboxRow } from '../db/rows';
import { describeError } from './error-message';

export interface CustomerChanges {
  readonly key: string;
  readonly name: string;
  readonly row: CustomerRow | undefined;
  readonly entries: readonly OutboxRow[];
}

export class ChangesState {
  #groups = $state.raw<readonly CustomerChanges[]>([]);
  #loading = $state(true);
  #error = $state<string | null>(null);
  readonly #store: CustomerStore;
  readonly #connectionId: string;
  readonly #descriptor: ConnectorDescriptor<unknown>;
  readonly #stop: () => void;
  #generation = 0;

  constructor(
    store: CustomerStore,
    connectionId: string,
    descriptor: ConnectorDescriptor<unknown>,
  ) {
    this.#store = store;
    this.#connectionId = connectionId;
    this.#descriptor = descriptor;
    this.#stop = store.onChange(({ connectionId: changed }) => {
      if (changed === connectionId) void this.refresh();
    });
    void this.refresh();
  }

  get groups(): readonly CustomerChanges[] {
    return this.#groups;
  }
  get loading(): boolean {
    return this.#loading;
  }
  get error(): string | null {
    return this.#error;
  }
  get count(): number {
    return this.#groups.reduce((sum, group) => sum + group.entries.length, 0);
  }

  async refresh(): Promise<void> {
    const generation = ++this.#generation;
    try {
      const entries = await this.#store.listOutbox(this.#connectionId);
      // A plain local grouping, never reactive: the result is assigned to $state.raw below.
      const byKey: Record<string, OutboxRow[]> = {};
      for (const entry of entries) (byKey[entry.recordKey] ??= []).push(entry);
      const groups = await Promise.all(
        Object.entries(byKey).map(async ([key, list]) => {
          const row = await this.#store.getCustomer(this.#connectionId, key);
          const name = row ? this.#descriptor.displayName(row.record).trim() : '';
          return { key, name: name || 'Unnamed customer', row, entries: list };
        }),
      );
      if (generation !== this.#generation) return;
      this.#groups = groups;
      this.#error = null;
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#error = describeError(error);
    } finally {
      if (generation === this.#generation) this.#loading = false;
    }
  }

  /** Drops every waiting change of the customer (the Changes view asks first). */
  async discard(key: string): Promise<void> {
    try {
      await this.#store.discardChanges(this.#connectionId, key);
    } catch (error) {
      this.#error = describeError(error);
    }
    await this.refresh();
  }

  dispose(): void {
    this.#generation += 1;
    this.#stop();
  }
}
