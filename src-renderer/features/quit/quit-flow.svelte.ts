// quit/: the window's half of quitting (docs/desktop.md#quitting): main asks (`quit.requested`),
// this counts the waiting changes, shows the quit dialog when some wait, and answers main
// (`desktop.quitAnswer`).
import type { FieldbookApi } from '../../../src-shared/ipc/fieldbook-api';
import type { CustomerStore } from '../../lib/db/customer-store';
import type { SyncRunner } from '../../lib/sync/engine/sync-runner';
import { countWaitingPerConnection, noCounts, syncBeforeQuit } from './sync-before-quit';

export type QuitStage =
  | { readonly stage: 'closed' }
  /** `waiting` null: the count could not be read (the dialog still asks). */
  | { readonly stage: 'asking'; readonly waiting: number | null }
  | { readonly stage: 'syncing'; readonly waiting: number; readonly total: number }
  | { readonly stage: 'leftover'; readonly waiting: number; readonly message: string };

export interface QuitFlowOptions {
  api: Pick<FieldbookApi, 'on' | 'desktop'>;
  connections: { readonly connections: readonly { id: string; name: string }[] };
  store: Pick<CustomerStore, 'countWaiting'>;
  runner: Pick<SyncRunner, 'syncNow' | 'subscribe' | 'status'>;
  /** How long "what is left" stays on screen before Fieldbook quits (Cancel still works). */
  leftoverMs?: number;
  /** With no word from the sync for this long, it is taken as stuck: what is left is left. */
  quietMs?: number;
  /** The longest "Sync now and quit" waits in all. */
  maxSyncMs?: number;
}

export class QuitFlow {
  #stage = $state<QuitStage>({ stage: 'closed' });
  readonly #options: Required<QuitFlowOptions>;
  #requestId: string | null = null;
  /** Waiting changes per connection when the dialog opened. */
  #counts = noCounts;
  #stopSync: (() => void) | null = null;
  readonly #stopListening: () => void;

  constructor(options: QuitFlowOptions) {
    this.#options = { leftoverMs: 3_000, quietMs: 15_000, maxSyncMs: 120_000, ...options };
    this.#stopListening = options.api.on('quit.requested', ({ requestId }) => {
      void this.#requested(requestId);
    });
  }

  get stage(): QuitStage {
    return this.#stage;
  }

  /** "Quit — changes stay on this computer". */
  quitKeepingChanges(): void {
    this.#finish('quit');
  }

  /** "Cancel" (or Esc): nothing happens; a sync already started goes on in the background. */
  cancel(): void {
    this.#finish('cancel');
  }

  /**
   * "Sync now and quit": quits once no change waits, or — saying what is left and why, for a
   * moment in which Cancel still works — once no connection can send more.
   */
  syncAndQuit(): void {
    if (this.#stage.stage !== 'asking') return;
    const { connections, runner, quietMs, maxSyncMs, leftoverMs } = this.#options;
    this.#stage = { stage: 'syncing', waiting: this.#total(), total: this.#total() };
    this.#stopSync = syncBeforeQuit({
      runner,
      counts: this.#counts,
      connections: connections.connections,
      quietMs,
      maxSyncMs,
      onProgress: (waiting, total) => (this.#stage = { stage: 'syncing', waiting, total }),
      onSent: () => this.#finish('quit'),
      onLeft: (waiting, message) => {
        this.#stage = { stage: 'leftover', waiting, message };
        const timer = setTimeout(() => this.#finish('quit'), leftoverMs);
        this.#stopSync = () => clearTimeout(timer);
      },
    });
  }

  dispose(): void {
    this.#stopListening();
    this.#stopSync?.();
  }

  async #requested(requestId: string): Promise<void> {
    this.#requestId = requestId;
    // Asked again while the dialog is open (Quit pressed twice): it is still being decided.
    if (this.#stage.stage !== 'closed') return this.#answer('asking');
    let waiting: number | null;
    try {
      const ids = this.#options.connections.connections.map((connection) => connection.id);
      this.#counts = await countWaitingPerConnection(this.#options.store, ids);
      waiting = this.#total();
    } catch {
      waiting = null;
    }
    if (requestId !== this.#requestId) return; // a newer request answers for both
    if (waiting === 0) return this.#answer('quit');
    this.#stage = { stage: 'asking', waiting };
    this.#answer('asking');
  }

  #total(): number {
    return [...this.#counts.values()].reduce((sum, count) => sum + count, 0);
  }

  #finish(answer: 'quit' | 'cancel'): void {
    if (this.#stage.stage === 'closed') return;
    this.#stopSync?.();
    this.#stopSync = null;
    this.#stage = { stage: 'closed' };
    this.#answer(answer);
  }

  #answer(answer: 'quit' | 'cancel' | 'asking'): void {
    const requestId = this.#requestId;
    if (requestId === null) return;
    if (answer !== 'asking') this.#requestId = null;
    void this.#options.api.desktop.quitAnswer({ requestId, answer });
  }
}
