// The screens' board of every connection's sync status as the runner reports it, plus whether this
// computer is online, for the status bar and the Changes view (runes state). Each engine keeps its
// own connection's status in an EngineStatus (lib/sync/engine); this collects what they report.
// Listens from construction until dispose(). Online is the window's one OnlineState, the same the
// runner pauses on, so the bar and the runner never disagree.
import type { SyncRunner } from '../sync/engine/sync-runner';
import type { SyncStatus } from '../sync/sync-status';
import { BulkProgress } from './bulk-progress.svelte';
import { OnlineState } from './online.svelte';

export class SyncBoard {
  #statuses = $state.raw<Readonly<Record<string, SyncStatus>>>({});
  readonly #online: { readonly online: boolean };
  readonly #runner: SyncRunner;
  /** A running "Edit selected" and its outcome, shown in the status bar. */
  readonly bulk = new BulkProgress();
  readonly #stop: (() => void)[] = [];

  /** `online`: the window's shared one; without it the board listens through one of its own. */
  constructor(runner: SyncRunner, online?: OnlineState) {
    this.#runner = runner;
    this.#stop.push(runner.subscribe((status) => this.#put(status)));
    if (online) {
      this.#online = online;
    } else {
      const own = new OnlineState();
      this.#online = own;
      this.#stop.push(() => own.dispose());
    }
  }

  get online(): boolean {
    return this.#online.online;
  }

  /** The last status the runner reported for `connectionId` (it may not have reported yet). */
  statusOf(connectionId: string | undefined): SyncStatus | undefined {
    if (!connectionId) return undefined;
    return this.#statuses[connectionId] ?? this.#runner.status(connectionId);
  }

  syncNow(connectionId: string): void {
    this.#runner.syncNow(connectionId);
  }

  dispose(): void {
    for (const stop of this.#stop.splice(0)) stop();
  }

  #put(status: SyncStatus): void {
    // A new object per report, so $state.raw tells every reader (statuses are replaced, not edited).
    this.#statuses = { ...this.#statuses, [status.connectionId]: status };
  }
}
