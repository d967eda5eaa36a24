// The Changes view's data: every outbox entry of one connection, grouped by customer, kept fresh
// by the store's live read (saves, discards, resolutions, push outcomes) while follow() is read.
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import type { CustomerStore } from '../db/customer-store';
import type { CustomerRow, OutboxRow } from '../db/rows';
import { untrack } from 'svelte';
import { describeError } from './error-message';
import { LiveValue } from './live-value.svelte';

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
  /** Counts the writes to this connection's rows and entries (the store's live read). */
  readonly #changes: LiveValue<number>;
  #generation = 0;

  constructor(
    store: CustomerStore,
    connectionId: string,
    descriptor: ConnectorDescriptor<unknown>,
  ) {
    this.#store = store;
    this.#connectionId = connectionId;
    this.#descriptor = descriptor;
    this.#changes = new LiveValue(store.liveChanges(connectionId), -1);
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

  /**
   * Reads the entries again after every write to this connection's data — a push's outcome
   * included, which no other signal announces. Called from an effect (the Changes screen): the
   * live read runs while that effect lives. Its first answer reads too: a write between the
   * constructor's read and the subscription would otherwise wait for the next one.
   */
  follow(): void {
    const version = this.#changes.current;
    const failed = this.#changes.error;
    untrack(() => {
      if (failed !== null) this.#error = describeError(failed);
      else if (version >= 0) void this.refresh();
    });
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
  }
}
