// A connection's SyncEngine as tests drive it: the real engine plus ways to wait for it (quiet,
// isSettled), which the app never needs and so does not have.
import { SyncEngine } from '../engine/sync-engine';

export class SettlingSyncEngine<T> extends SyncEngine<T> {
  readonly #isDue: (now: number) => Promise<boolean>;
  readonly #now: () => number;

  constructor(options: ConstructorParameters<typeof SyncEngine<T>>[0]) {
    super(options);
    const { store, clock } = options;
    const connectionId = options.adapter.connectionId;
    this.#now = () => clock.now();
    this.#isDue = async (now) => (await store.dueEntries(connectionId, now, 1)).length > 0;
  }

  /** Resolves once no run is in progress (a run requested meanwhile is waited for too). */
  quiet(): Promise<void> {
    return this.quietly();
  }

  /** Idle with nothing due and nothing about to start (a pending save debounce counts). */
  async isSettled(): Promise<boolean> {
    await this.quiet();
    if (this.state.name === 'closed') return true;
    if (this.saveDebouncing || this.state.name !== 'idle') return false;
    return !(await this.#isDue(this.#now())) && this.state.name === 'idle';
  }
}
