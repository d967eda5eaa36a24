// ONE engine's (one connection's) current SyncStatus and its subscribers, plain TypeScript inside
// the engine: one immutable status object per change, so the runner can relay it and the screens'
// SyncBoard (lib/state, every connection at once, in runes) can store it as is.
import type { SyncStatus } from '../sync-status';

export type EngineStatusListener = (status: SyncStatus) => void;

export class EngineStatus {
  #status: SyncStatus;
  readonly #listeners = new Set<EngineStatusListener>();

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

  subscribe(listener: EngineStatusListener): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }
}
