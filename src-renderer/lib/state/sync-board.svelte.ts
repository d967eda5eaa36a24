// The screens' board of every connection's sync status as the runner reports it, plus whether this
// computer is online, for the status bar and the Changes view (runes state). Each engine keeps its
// own connection's status in an EngineStatus (lib/sync/engine); this collects what they report.
// Listens from construction until dispose().
import type { SyncRunner } from '../sync/engine/sync-runner';
import type { SyncStatus } from '../sync/sync-status';
import { BulkProgress } from './bulk-progress.svelte';

export class SyncBoard {
  #statuses = $state.raw<Readonly<Record<string, SyncStatus>>>({});
  #online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  readonly #runner: SyncRunner;
  /** A running "Edit selected" and its outcome, shown in the status bar. */
  readonly bulk = new BulkProgress();
  readonly #stop: (() => void)[] = [];

  constructor(runner: SyncRunner) {
    this.#runner = runner;
    this.#stop.push(runner.subscribe((status) => this.#put(status)));
    const online = () => (this.#online = true);
    const offline = () => (this.#online = false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    this.#stop.push(() => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    });
  }

  get online(): boolean {
    return this.#online;
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
