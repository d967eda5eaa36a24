// The sync loop of ONE connection (docs/sync.md#the-sync-engine): when to run, what a run does, how
// it waits and pauses, and the status it shows. Timing (Clock, SyncTiming, random) is injected.
//
//                  start · online · save (debounced) · timer · "Sync now"
//     ┌──────┐ ───────────────────────────────────────────────────────────► ┌────────────────────┐
//     │ idle │                                                              │ a run:             │
//     └──────┘ ◄──────────── nothing left to retry ──────────────────────── │  recover in-flight │
//        ▲  idle timer (idleIntervalMs) starts a run                        │  lookups           │
//        │                                                                  │  pushing           │
//     ┌─────────────────────────────────┐  429: Retry-After (capped)        │  pulling  ┐ each   │
//     │ waiting until nextAttemptAt     │ ◄── 5xx / network: backoff ────── │  hydrating┘ yields │
//     │ (waitReason says why)           │ ── time reached: run ───────────► │   to pushing       │
//     └─────────────────────────────────┘                                   └────────────────────┘
//                                                                      401 │ offline │ lock lost
//     ┌───────────────────────────────────────────────┐                    ▼
//     │ paused: signed_out | offline | another_window │ ◄──────────────────┘
//     └───────────────────────────────────────────────┘ ── auth.changed signed_in · online · lock
//                                                          acquired (recover again) ──► a run
//     any state ── close() ──► closed
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
import type { EngineContext, Interruption, Problem } from './engine-context';
import { runPhases, type RunKind, type RunResult } from './run-phases';
import { EngineStatus, type EngineStatusListener } from './engine-status';
import { describeProblem, pauseReasonOf, waitReasonFor } from './status-words';

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

const wider = (a: RunKind | null, b: RunKind): RunKind =>
  a === 'full' || b === 'full' ? 'full' : 'push';

export class SyncEngine<T> {
  readonly connectionId: string;
  readonly #store: CustomerStore;
  readonly #adapter: SyncAdapter<T>;
  readonly #descriptor: ConnectorDescriptor<T>;
  readonly #clock: Clock;
  readonly #timing: SyncTiming;
  readonly #random: () => number;
  readonly #isOnline: () => boolean;
  readonly #board: EngineStatus;
  readonly #pauses = new Set<PauseReason>();
  readonly #busyKeys = new Set<string>();
  #closed = false;
  /** In-flight entries left by a crash or by the window that held the lock before us. */
  #needsRecovery = true;
  #running: Promise<void> | null = null;
  #requested: RunKind | null = null;
  #retryWaiting = false;
  /** Nothing is sent before this (a 429's Retry-After). */
  #rateLimitedUntil = 0;
  /** A failed full run is retried at this time (run-level backoff). */
  #retryFullAt: number | null = null;
  #runFailures = 0;
  #lastEntryError: Problem | null = null;
  #waitKind: RunKind | null = null;
  #cancelWait: (() => void) | null = null;
  #cancelIdle: (() => void) | null = null;
  #cancelDebounce: (() => void) | null = null;
  #ready: Promise<void> | null = null;
  readonly #runEnded = new Set<() => void>();
  /** Waiting counts being read (quiet() waits for them, so a test sees the count of its save). */
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
    for (const reason of options.pausedFor ?? []) this.#pauses.add(reason);
    const pauseReason = pauseReasonOf(this.#pauses);
    this.#board = new EngineStatus({
      connectionId: this.connectionId,
      phase: pauseReason ? 'paused' : 'idle',
      pauseReason,
      nextAttemptAt: null,
      waitReason: null,
      done: 0,
      total: null,
      waiting: 0,
      lastSuccessAt: null,
      lastError: null,
    });
  }

  get status(): SyncStatus {
    return this.#board.current;
  }

  subscribe(listener: EngineStatusListener): () => void {
    return this.#board.subscribe(listener);
  }

  /** Called after every run, whether or not the status changed (the runner's `settled`). */
  onRunEnded(listener: () => void): () => void {
    this.#runEnded.add(listener);
    return () => void this.#runEnded.delete(listener);
  }

  /** Loads the cached state, then runs (unless paused: then when the pause ends). */
  start(): Promise<void> {
    // Without cached lookups the run still works (it fetches fresh ones); never block it.
    this.#ready ??= this.init().catch(() => undefined);
    this.requestRun('full');
    return this.#ready;
  }

  /**
   * Gives the adapter the cached lookups (so mapping and validation work offline, in every
   * window) and shows the waiting count and last success. Does not start a run.
   */
  async init(): Promise<void> {
    const [lookups, meta] = await Promise.all([
      this.#store.getLookups(this.connectionId),
      this.#store.getMeta(this.connectionId),
    ]);
    this.#adapter.useLookups(lookups);
    this.#board.set({ lastSuccessAt: meta.lastSuccessAt });
    await this.refreshWaiting();
  }

  setPaused(reason: PauseReason, paused: boolean): void {
    if (this.#closed || this.#pauses.has(reason) === paused) return;
    if (paused) {
      this.#pauses.add(reason);
      // Whoever ran meanwhile (another window) may have left entries in flight.
      if (reason === 'another_window') this.#needsRecovery = true;
      this.#cancelTimers();
      if (!this.#running) this.#showPaused();
      return;
    }
    this.#pauses.delete(reason);
    if (this.#pauses.size > 0) {
      if (!this.#running) this.#showPaused();
      return;
    }
    this.requestRun('full');
  }

  requestRun(kind: RunKind = 'full'): void {
    if (this.#closed) return;
    this.#requested = wider(this.#requested, kind);
    this.#kick();
  }

  /** "Sync now": a full run that also retries every change waiting for its backoff. */
  syncNow(): void {
    this.#retryWaiting = true;
    this.requestRun('full');
  }

  /** A salesperson's change committed: show it as waiting, push once the typing pauses. */
  localChanged(): void {
    if (this.#closed) return;
    void this.refreshWaiting();
    this.#cancelDebounce?.();
    this.#cancelDebounce = this.#clock.schedule(() => {
      this.#cancelDebounce = null;
      this.requestRun('push');
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
    const blocked = this.#pauses.has('signed_out') || this.#pauses.has('offline');
    if (this.#closed || blocked || !this.#isOnline()) return;
    if (this.#clock.now() < this.#rateLimitedUntil || this.#busyKeys.has(key)) return;
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

  /** Resolves once no run is in progress (a run requested meanwhile is waited for too). */
  async quiet(): Promise<void> {
    await this.#ready;
    while (this.#running || this.#refreshes.size > 0) {
      await Promise.all([this.#running, ...this.#refreshes]);
    }
  }

  /** Idle with nothing due and nothing about to start (a pending save debounce counts). */
  async isSettled(): Promise<boolean> {
    await this.quiet();
    if (this.#closed) return true;
    if (this.#cancelDebounce || this.#requested || this.#board.current.phase !== 'idle') {
      return false;
    }
    const due = await this.#store.dueEntries(this.connectionId, this.#clock.now(), 1);
    return due.length === 0 && !this.#running;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#cancelTimers();
    this.#cancelDebounce?.();
    this.#cancelDebounce = null;
    this.#board.set({ phase: 'closed', pauseReason: null, nextAttemptAt: null, waitReason: null });
    await this.quiet();
  }

  #kick(): void {
    if (this.#running || this.#closed || this.#pauses.size > 0 || this.#requested === null) return;
    if (this.#clock.now() < this.#rateLimitedUntil) {
      // No request before the server's Retry-After, whatever asked for the run (and the status
      // says so: this may follow a pause, whose "paused" must not stay on screen).
      this.#scheduleWait(this.#rateLimitedUntil, this.#requested);
      this.#requested = null;
      this.#board.set({
        phase: 'waiting',
        pauseReason: null,
        nextAttemptAt: this.#rateLimitedUntil,
        waitReason: waitReasonFor({ rateLimited: true, runFailed: false, problem: null }),
      });
      return;
    }
    const kind = this.#requested;
    const retryWaiting = this.#retryWaiting;
    this.#requested = null;
    this.#retryWaiting = false;
    this.#cancelTimers();
    this.#running = this.#run(kind, retryWaiting)
      .catch((error: unknown) => {
        // Only the final bookkeeping can get here (the store closed under us).
        this.#board.set({ lastError: describeProblem(error).message });
      })
      .finally(() => {
        this.#running = null;
        this.#kick();
        for (const listener of [...this.#runEnded]) listener();
      });
  }

  async #run(kind: RunKind, retryWaiting: boolean): Promise<void> {
    let result: RunResult;
    try {
      await this.#ready;
      if (this.#needsRecovery) {
        await this.#store.recoverInFlight(this.connectionId);
        this.#needsRecovery = false;
      }
      result = await runPhases(this.#context(), kind, { retryWaiting });
    } catch (error) {
      result = {
        interruption: { kind: 'retry', error: describeProblem(error) },
        runError: null,
        lastEntryError: null,
      };
    }
    // An entry failure stays the reason the waiting changes wait until a push settles them.
    if (result.lastEntryError || result.interruption === null)
      this.#lastEntryError = result.lastEntryError;
    await this.#finish(kind, result.interruption, result.runError);
  }

  /** Bookkeeping after a run, then ONE status change: idle, waiting (until when, why) or paused. */
  async #finish(kind: RunKind, interruption: Interruption | null, runError: Problem | null) {
    const now = this.#clock.now();
    const stoppedEarly = this.#closed || this.#pauses.size > 0;
    const settled: { -readonly [K in keyof SyncStatus]?: SyncStatus[K] } = { done: 0, total: null };
    if (interruption?.kind === 'pause') this.#pauses.add(interruption.reason);
    if (interruption?.kind === 'rate_limited') {
      this.#rateLimitedUntil = Math.max(this.#rateLimitedUntil, interruption.until);
      this.#retryFullAt = interruption.until;
    } else if (interruption?.kind === 'retry') {
      this.#retryFullAt = now + this.#timing.backoffMs(this.#runFailures, this.#random);
      this.#runFailures += 1;
    } else if (!interruption && !stoppedEarly) {
      this.#runFailures = 0;
      if (kind === 'full') this.#retryFullAt = null;
      const meta = await this.#store.getMeta(this.connectionId);
      await this.#store.putMeta({ ...meta, lastSuccessAt: now });
      settled.lastSuccessAt = now;
    }
    const problem = interruption?.error ?? runError ?? this.#lastEntryError;
    settled.lastError = problem?.message ?? null;
    settled.waiting = await this.#store.countWaiting(this.connectionId);
    if (this.#closed) return this.#board.set({ ...settled, phase: 'closed' });
    if (this.#pauses.size > 0) return this.#showPaused(settled);

    const nextDue = await this.#store.nextDueAt(this.connectionId);
    const candidates = [this.#retryFullAt, nextDue].filter((at): at is number => at !== null);
    this.#cancelIdle = this.#clock.schedule(() => {
      this.#cancelIdle = null;
      this.requestRun('full');
    }, this.#timing.idleIntervalMs);
    const noWait = { pauseReason: null, nextAttemptAt: null, waitReason: null };
    if (candidates.length === 0) return this.#board.set({ ...settled, ...noWait, phase: 'idle' });
    const at = Math.max(Math.min(...candidates), this.#rateLimitedUntil, now);
    const full = this.#retryFullAt !== null && this.#retryFullAt <= at;
    this.#scheduleWait(at, full ? 'full' : 'push');
    const rateLimited = this.#rateLimitedUntil >= at;
    this.#board.set({
      ...settled,
      phase: 'waiting',
      pauseReason: null,
      nextAttemptAt: at,
      waitReason: waitReasonFor({ rateLimited, runFailed: full, problem }),
    });
  }

  #scheduleWait(at: number, kind: RunKind): void {
    this.#waitKind = wider(this.#waitKind, kind);
    this.#cancelWait?.();
    this.#cancelWait = this.#clock.schedule(
      () => {
        this.#cancelWait = null;
        const waited = this.#waitKind ?? 'push';
        this.#waitKind = null;
        this.requestRun(waited);
      },
      Math.max(0, at - this.#clock.now()),
    );
  }

  #cancelTimers(): void {
    this.#cancelWait?.();
    this.#cancelWait = null;
    this.#cancelIdle?.();
    this.#cancelIdle = null;
  }

  #showPaused(alsoChanged: Partial<SyncStatus> = {}): void {
    this.#board.set({
      ...alsoChanged,
      phase: 'paused',
      pauseReason: pauseReasonOf(this.#pauses),
      nextAttemptAt: null,
      waitReason: null,
    });
  }

  /** Reads the waiting count again (another window pushed). */
  refreshWaiting(): Promise<void> {
    const refresh = this.#store.countWaiting(this.connectionId).then(
      (waiting) => this.#board.set({ waiting }),
      // The count is shown again after the next change; a closed store says so through the run.
      () => undefined,
    );
    this.#refreshes.add(refresh);
    return refresh.finally(() => this.#refreshes.delete(refresh));
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
      stopping: () => this.#closed || this.#pauses.size > 0,
      busyKeys: this.#busyKeys,
      progress: (patch) =>
        this.#board.set({ ...patch, pauseReason: null, nextAttemptAt: null, waitReason: null }),
      entrySettled: () => void this.refreshWaiting(),
    };
  }
}
