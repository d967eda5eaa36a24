// quit/: the window's half of quitting (docs/desktop.md#quitting): main asks (`quit.requested`),
// this counts the waiting changes, shows the quit dialog when some wait, and answers `quit.answer`.
//
// "Sync now and quit" runs a sync of every connection with changes waiting and quits once none
// wait — or once no connection can send more (offline, signed out, backing off, conflicts,
// rejections): then it says what is left and quits keeping them. It never waits forever.
import type { FieldbookApi } from '../../../src-shared/ipc/fieldbook-api';
import type { CustomerStore } from '../../lib/db/customer-store';
import type { SyncRunner } from '../../lib/sync/engine/sync-runner';
import type { SyncStatus } from '../../lib/sync/sync-status';
import { changesCount, leftBehindReason } from './quit-words';

export type QuitStage =
  | { readonly stage: 'closed' }
  /** `waiting` null: the count could not be read (the dialog still asks). */
  | { readonly stage: 'asking'; readonly waiting: number | null }
  | { readonly stage: 'syncing'; readonly waiting: number; readonly total: number }
  | { readonly stage: 'leftover'; readonly waiting: number; readonly message: string };

export interface QuitFlowOptions {
  api: Pick<FieldbookApi, 'on' | 'quit'>;
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

const runningPhases = new Set(['pulling', 'pushing', 'hydrating']);

export class QuitFlow {
  #stage = $state<QuitStage>({ stage: 'closed' });
  readonly #options: Required<QuitFlowOptions>;
  #requestId: string | null = null;
  /** Waiting changes per connection when the dialog opened. */
  #counts = new Map<string, number>();
  #endSync: (() => void) | null = null;
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

  /** "Sync now and quit". */
  syncAndQuit(): void {
    if (this.#stage.stage !== 'asking') return;
    const pending = [...this.#counts].filter(([, count]) => count > 0).map(([id]) => id);
    const latest = new Map<string, SyncStatus>();
    const sawRun = new Set<string>();
    const total = pending.reduce((sum, id) => sum + (this.#counts.get(id) ?? 0), 0);
    const timers: ReturnType<typeof setTimeout>[] = [];
    let quiet: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe = () => {};
    const stop = () => {
      unsubscribe();
      if (quiet !== undefined) clearTimeout(quiet);
      timers.forEach(clearTimeout);
    };

    const waitingNow = () =>
      pending.reduce((sum, id) => sum + (latest.get(id)?.waiting ?? this.#counts.get(id) ?? 0), 0);
    // A connection can send no more when its sync is paused or stopped, or a run it started after
    // "Sync now" has ended (idle or backing off) with changes still waiting.
    const stuck = (id: string) => {
      const status = latest.get(id);
      if (!status) return false;
      if (status.phase === 'paused' || status.phase === 'closed') return true;
      return (status.phase === 'idle' || status.phase === 'waiting') && sawRun.has(id);
    };
    const leaveWhatIsLeft = () => {
      const left = pending.filter((id) => (latest.get(id)?.waiting ?? this.#counts.get(id)) !== 0);
      const names = new Map(this.#options.connections.connections.map((c) => [c.id, c.name]));
      const reasons = [
        ...new Set(left.map((id) => leftBehindReason(latest.get(id), names.get(id) ?? id))),
      ];
      const waiting = waitingNow();
      stop();
      this.#stage = {
        stage: 'leftover',
        waiting,
        message: `${changesCount(waiting)} could not be sent: ${reasons.join('; ')}. They stay on this computer and sync the next time Fieldbook can.`,
      };
      timers.push(setTimeout(() => this.#finish('quit'), this.#options.leftoverMs));
      this.#endSync = () => timers.forEach(clearTimeout);
    };
    const check = () => {
      if (this.#stage.stage !== 'syncing') return;
      const waiting = waitingNow();
      if (waiting === 0) return this.#finish('quit');
      this.#stage = { stage: 'syncing', waiting, total };
      if (pending.filter((id) => (latest.get(id)?.waiting ?? 1) > 0).every(stuck)) {
        leaveWhatIsLeft();
      }
    };
    const heardFromSync = () => {
      if (quiet !== undefined) clearTimeout(quiet);
      quiet = setTimeout(leaveWhatIsLeft, this.#options.quietMs);
    };
    unsubscribe = this.#options.runner.subscribe((status) => {
      if (!pending.includes(status.connectionId)) return;
      latest.set(status.connectionId, status);
      if (runningPhases.has(status.phase)) sawRun.add(status.connectionId);
      heardFromSync();
      check();
    });
    this.#endSync = stop;
    this.#stage = { stage: 'syncing', waiting: total, total };
    heardFromSync();
    timers.push(setTimeout(leaveWhatIsLeft, this.#options.maxSyncMs));
    for (const id of pending) {
      // A paused sync (offline, signed out) does not run for "Sync now": it is stuck from the start.
      const now = this.#options.runner.status(id);
      if (now?.phase === 'paused') latest.set(id, now);
      this.#options.runner.syncNow(id);
    }
    check();
  }

  dispose(): void {
    this.#stopListening();
    this.#endSync?.();
  }

  async #requested(requestId: string): Promise<void> {
    this.#requestId = requestId;
    // Asked again while the dialog is open (Quit pressed twice): it is still being decided.
    if (this.#stage.stage !== 'closed') return this.#answer('asking');
    let waiting: number | null;
    try {
      waiting = await this.#countAll();
    } catch {
      waiting = null;
    }
    if (requestId !== this.#requestId) return; // a newer request answers for both
    if (waiting === 0) return this.#answer('quit');
    this.#stage = { stage: 'asking', waiting };
    this.#answer('asking');
  }

  async #countAll(): Promise<number> {
    const ids = this.#options.connections.connections.map((connection) => connection.id);
    const counts = await Promise.all(ids.map((id) => this.#options.store.countWaiting(id)));
    this.#counts = new Map(ids.map((id, index) => [id, counts[index] ?? 0]));
    return counts.reduce((sum, count) => sum + count, 0);
  }

  #finish(answer: 'quit' | 'cancel'): void {
    if (this.#stage.stage === 'closed') return;
    this.#endSync?.();
    this.#endSync = null;
    this.#stage = { stage: 'closed' };
    this.#answer(answer);
  }

  #answer(answer: 'quit' | 'cancel' | 'asking'): void {
    const requestId = this.#requestId;
    if (requestId === null) return;
    if (answer !== 'asking') this.#requestId = null;
    void this.#options.api.quit.answer({ requestId, answer });
  }
}
