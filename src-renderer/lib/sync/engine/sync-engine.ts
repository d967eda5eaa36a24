// The sync engine of ONE connection (docs/sync.md#the-sync-engine): what a run does (run-phases.ts
// over the store and the adapter), the salesperson's signals (a save, an opened record) and the
// counts it shows. When it runs, waits and pauses is its SyncLoop (sync-loop.ts), whose file opens
// with the state diagram that is the type EngineState. Timing (Clock, SyncTiming, random) is
// injected.
//
// A save while a run is pushing is pushed by that run; one during pull or hydration goes out
// before the next page. A save-triggered run only pushes (Revnue's list is one request for the
// whole account, within a 100-per-minute budget shared by every user): the idle timer pulls.
import type { ConnectorDescriptor } from '../../../../src-shared/connectors/descriptor';
import type { Clock } from '../../../../src-shared/time/clock';
import type { CustomerStore } from '../../db/customer-store';
import type { SyncAdapter } from '../sync-adapter';
import type { PauseReason, SyncStatus, SyncTiming } from '../sync-status';
import { safely } from './classify-error';
import type { EngineContext } from './engine-context';
import type { EngineStatusListener } from './engine-status';
import { runPhases } from './run-phases';
import { pausesOf, SyncLoop, type EngineState } from './sync-loop';

export interface SyncEngineOptions<T> {
  readonly store: CustomerStore;
  readonly adapter: SyncAdapter<T>;
  readonly clock: Clock;
  readonly timing: SyncTiming;
  readonly random: () => number;
  readonly isOnline: () => boolean;
  /** Reasons the engine starts paused for (the runner: no lock yet, signed out, offline). */
  readonly pausedFor?: Iterable<PauseReason>;
}

export class SyncEngine<T> {
  readonly connectionId: string;
  readonly #store: CustomerStore;
  readonly #adapter: SyncAdapter<T>;
  readonly #descriptor: ConnectorDescriptor<T>;
  readonly #clock: Clock;
  readonly #timing: SyncTiming;
  readonly #random: () => number;
  readonly #isOnline: () => boolean;
  readonly #loop: SyncLoop;
  readonly #busyKeys = new Set<string>();
  #cancelDebounce: (() => void) | null = null;
  #ready: Promise<void> | null = null;
  /** Waiting counts being read (quietly() waits for them, so a caller sees the count of its save). */
  readonly #refreshes = new Set<Promise<void>>();

  constructor(options: SyncEngineOptions<T>) {
    this.#store = options.store;
    this.#adapter = options.adapter;
    this.#descriptor = options.adapter.descriptor;
    this.connectionId = options.adapter.connectionId;
    this.#clock = options.clock;
    this.#timing = options.timing;
    this.#random = options.random;
    this.#isOnline = options.isOnline;
    const { store } = options;
    const connectionId = this.connectionId;
    this.#loop = new SyncLoop({
      connectionId,
      clock: options.clock,
      timing: options.timing,
      random: options.random,
      ...(options.pausedFor ? { pausedFor: options.pausedFor } : {}),
      work: {
        recover: async () => {
          await this.#ready;
          await store.recoverInFlight(connectionId);
        },
        run: async (kind, runOptions) => {
          await this.#ready;
          return runPhases(this.#context(), kind, runOptions);
        },
        recordSuccess: async (at) => {
          const meta = await store.getMeta(connectionId);
          await store.putMeta({ ...meta, lastSuccessAt: at });
        },
        countWaiting: () => store.countWaiting(connectionId),
        nextDueAt: () => store.nextDueAt(connectionId),
      },
    });
  }

  get status(): SyncStatus {
    return this.#loop.status;
  }

  /** Where the engine is: idle, running, waiting, paused or closed (sync-loop.ts). */
  get state(): EngineState {
    return this.#loop.state;
  }

  subscribe(listener: EngineStatusListener): () => void {
    return this.#loop.subscribe(listener);
  }

  /** Called after every run, whether or not the status changed (the runner tells other windows). */
  onRunEnded(listener: () => void): () => void {
    return this.#loop.onRunEnded(listener);
  }

  /** Loads the cached state, then runs (unless paused: then when the pause ends). */
  start(): Promise<void> {
    // Without cached lookups the run still works (it fetches fresh ones); never block it.
    this.#ready ??= this.#init().catch(() => undefined);
    this.#loop.requestRun('full');
    return this.#ready;
  }

  /**
   * Gives the adapter the cached lookups (so mapping and validation work offline, in every
   * window) and shows the waiting count and last success. Does not start a run.
   */
  async #init(): Promise<void> {
    const [lookups, meta] = await Promise.all([
      this.#store.getLookups(this.connectionId),
      this.#store.getMeta(this.connectionId),
    ]);
    this.#adapter.useLookups(lookups);
    this.#loop.report({ lastSuccessAt: meta.lastSuccessAt });
    await this.refreshWaiting();
  }

  setPaused(reason: PauseReason, paused: boolean): void {
    this.#loop.setPaused(reason, paused);
  }

  /** "Sync now": a full run that also retries every change waiting for its backoff. */
  syncNow(): void {
    this.#loop.syncNow();
  }

  /** A salesperson's change committed: show it as waiting, push once the typing pauses. */
  localChanged(): void {
    if (this.#loop.state.name === 'closed') return;
    void this.refreshWaiting();
    this.#cancelDebounce?.();
    this.#cancelDebounce = this.#clock.schedule(() => {
      this.#cancelDebounce = null;
      this.#loop.requestRun('push');
    }, this.#timing.saveDebounceMs);
  }

  /** The salesperson opened a record: keep it complete offline, and fetch it in full now. */
  async open(key: string): Promise<void> {
    await this.#store.markOpened(this.connectionId, key);
    await this.fetchInFull(key);
  }

  /**
   * Fetches a summary record in full now (opened, or just made a favourite), when online, signed
   * in and not rate-limited; otherwise background hydration fetches it later.
   */
  async fetchInFull(key: string): Promise<void> {
    const pauses = pausesOf(this.#loop.state);
    const blocked = pauses.has('signed_out') || pauses.has('offline');
    if (this.#loop.state.name === 'closed' || blocked || !this.#isOnline()) return;
    if (this.#clock.now() < this.#loop.rateLimitedUntil || this.#busyKeys.has(key)) return;
    const row = await this.#store.getCustomer<T>(this.connectionId, key);
    // A record with waiting changes gets its full copy when they are pushed (the push GETs it).
    if (row?.hydration !== 'summary' || row.serverId === null || row.syncState !== 'synced') return;
    const serverId = row.serverId;
    this.#busyKeys.add(key);
    try {
      const answer = await safely(() => this.#adapter.get(serverId));
      if (answer.ok) {
        const pulled = { serverId, record: answer.value, hydration: 'full' as const };
        await this.#store.applyPulled(this.#descriptor, this.connectionId, [pulled]);
      } else if (answer.error.kind === 'not_found') {
        await this.#store.markDeletedOnServer(this.connectionId, [serverId]);
      } else if (answer.error.kind === 'auth') {
        this.setPaused('signed_out', true);
      }
      // Any other failure: background hydration fetches it (opened records come first).
    } finally {
      this.#busyKeys.delete(key);
    }
  }

  /** Stops: no run starts any more; resolves once the one in progress (if any) has ended. */
  async close(): Promise<void> {
    if (this.#loop.state.name === 'closed') return;
    this.#cancelDebounce?.();
    this.#cancelDebounce = null;
    this.#loop.close();
    await this.quietly();
  }

  /** Reads the waiting count again (another window pushed). */
  refreshWaiting(): Promise<void> {
    const refresh = this.#store.countWaiting(this.connectionId).then(
      (waiting) => this.#loop.report({ waiting }),
      // The count is shown again after the next change; a closed store says so through the run.
      () => undefined,
    );
    this.#refreshes.add(refresh);
    return refresh.finally(() => this.#refreshes.delete(refresh));
  }

  /** Resolves once no run and no count read is in progress (a run started meanwhile too). */
  protected async quietly(): Promise<void> {
    await this.#ready;
    while (this.#loop.runInFlight || this.#refreshes.size > 0) {
      await Promise.all([this.#loop.runInFlight, ...this.#refreshes]);
    }
  }

  /** A save's debounce is counting down: its push is about to be asked for. */
  protected get saveDebouncing(): boolean {
    return this.#cancelDebounce !== null;
  }

  #context(): EngineContext<T> {
    return {
      connectionId: this.connectionId,
      store: this.#store,
      adapter: this.#adapter,
      descriptor: this.#descriptor,
      clock: this.#clock,
      timing: this.#timing,
      random: this.#random,
      isOnline: this.#isOnline,
      stopping: () => this.#loop.stopping(),
      busyKeys: this.#busyKeys,
      progress: (patch) => this.#loop.progress(patch),
      entrySettled: () => void this.refreshWaiting(),
    };
  }
}
