// The engine's SyncStatus and its subscribers: one immutable status object per change, so a UI
// (a runes class later) can store it as is and re-render only when something actually moved.
import type { SyncStatus } from '../sync-status';

export type StatusListener = (status: SyncStatus) => void;

export class StatusBoard {
  #status: SyncStatus;
  readonly #listeners = new Set<StatusListener>();

  constructor(initial: SyncStatus) {
    this.#status = initial;
  }

  get current(): SyncStatus {
    return this.#status;
  }

  set(patch: Partial<Omit<SyncStatus, 'connectionId'>>): void {
    const next = { ...this.#status, ...patch };
    const keys = Object.keys(next) as (keyof SyncStatus)[];
    if (keys.every((key) => next[key] === this.#status[key])) return;
    this.#status = next;
    for (const listener of [...this.#listeners]) listener(next);
  }

  subscribe(listener: StatusListener): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }
}
