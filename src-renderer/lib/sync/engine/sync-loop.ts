// When ONE connection's sync runs, waits and pauses (docs/architecture.md#the-engines-states). The
// state diagram below IS the type EngineState; every change of state goes through `#enter`, which
// cancels the timers the old state had, arms the new state's, and publishes the status.
//
//   EngineState      armed timers       status phase            leaves by
//   ───────────────  ─────────────────  ──────────────────────  ───────────────────────────────────
//   idle             idle               idle                    a request (start · online · save ·
//                                                               idle timer · "Sync now") → running
//                                                               (or → waiting while rate limited)
//   running{kind,    none               pulling · pushing ·     its end → idle | waiting | paused;
//     next, pauses}                     hydrating               then `next`, if asked for meanwhile
//   waiting{until,   wait (at until)    waiting (nextAttemptAt  wait timer · a request → running;
//     then, why}     + idle             = until, waitReason)    the idle timer asks for a full run
//   paused{reasons}  none               paused (pauseReason)    last reason ends → running | waiting
//   closed           none               closed                  never: closed is final
//
//   idle | waiting ── a pause reason ──► paused;   running ── a pause reason ──► running (it stops
//   early, then paused);   any state ── close() ──► closed.
//   A run ends in: paused (401 · offline · lock lost), waiting (429 until the capped Retry-After;
//   5xx · network · a store failure: backoff; entries due later), or idle (nothing left to retry).
//
// What the loop remembers across states (not states themselves): when the server's Retry-After
// ends, when a failed full run is retried, how many runs failed in a row, the last entry failure,
// whether in-flight entries need recovering, and whether "Sync now" asked to retry waiting entries.
import type { Clock } from '../../../../src-shared/time/clock';
import type { PauseReason, SyncStatus, SyncTiming } from '../sync-status';
import type { Problem, RunReport } from './engine-context';
import { EngineStatus, type EngineStatusListener } from './engine-status';
import type { RunKind } from './run-phases';
import { describeProblem, pauseReasonOf, waitReasonFor } from './status-words';

export type EngineState =
  | { readonly name: 'idle' }
  | {
      readonly name: 'running';
      readonly kind: RunKind;
      /** A run asked for while this one runs: it starts when this one ends. */
      readonly next: RunKind | null;
      /** Pause reasons that arrived during the run: it stops early, then the loop is paused. */
      readonly pauses: ReadonlySet<PauseReason>;
    }
  | {
      readonly name: 'waiting';
      readonly until: number;
      /** The run the wait timer starts. */
      readonly then: RunKind;
      /** In words, for the status. */
      readonly why: string;
    }
  | { readonly name: 'paused'; readonly reasons: ReadonlySet<PauseReason> }
  | { readonly name: 'closed' };

/** What the loop asks of the engine: the run itself and the store's bookkeeping around it. */
export interface LoopWork {
  /** In-flight entries left by a crash or another window go back to the queue. */
  recover(): Promise<void>;
  /** One run; a throw counts as a failed run. */
  run(kind: RunKind, options: { retryWaiting: boolean }): Promise<RunReport>;
  recordSuccess(at: number): Promise<void>;
  countWaiting(): Promise<number>;
  nextDueAt(): Promise<number | null>;
}

export interface SyncLoopOptions {
  readonly connectionId: string;
  readonly clock: Clock;
  readonly timing: SyncTiming;
  readonly random: () => number;
  readonly work: LoopWork;
  /** Reasons the loop starts paused for (the runner: no lock yet, signed out, offline). */
  readonly pausedFor?: Iterable<PauseReason>;
}

type StatusPatch = Partial<Omit<SyncStatus, 'connectionId'>>;

/** How a run ended: the status it leaves, and the wait it asks for (null: nothing to wait for). */
interface RunEnding {
  readonly settled: StatusPatch;
  readonly wait: { readonly until: number; readonly then: RunKind; readonly why: string } | null;
}

const wider = (a: RunKind | null, b: RunKind): RunKind =>
  a === 'full' || b === 'full' ? 'full' : 'push';

const noPauses: ReadonlySet<PauseReason> = new Set();

export function pausesOf(state: EngineState): ReadonlySet<PauseReason> {
  if (state.name === 'paused') return state.reasons;
  if (state.name === 'running') return state.pauses;
  return noPauses;
}

export class SyncLoop {
  readonly #clock: Clock;
  readonly #timing: SyncTiming;
  readonly #random: () => number;
  readonly #work: LoopWork;
  readonly #board: EngineStatus;
  #state: EngineState;
  #cancelWait: (() => void) | null = null;
  #cancelIdle: (() => void) | null = null;
  #runInFlight: Promise<void> | null = null;
  readonly #runEnded = new Set<() => void>();
  // ── Remembered across states ──
  /** Nothing is sent before this (a 429's Retry-After). */
  #rateLimitedUntil = 0;
  /** A failed full run is retried at this time (run-level backoff). */
  #retryFullAt: number | null = null;
  #runFailures = 0;
  #lastEntryError: Problem | null = null;
  #needsRecovery = true;
  #retryWaiting = false;

  constructor(options: SyncLoopOptions) {
    this.#clock = options.clock;
    this.#timing = options.timing;
    this.#random = options.random;
    this.#work = options.work;
    const reasons = new Set(options.pausedFor ?? []);
    this.#board = new EngineStatus({
      connectionId: options.connectionId,
      phase: reasons.size > 0 ? 'paused' : 'idle',
      pauseReason: pauseReasonOf(reasons),
      nextAttemptAt: null,
      waitReason: null,
      done: 0,
      total: null,
      waiting: 0,
      lastSuccessAt: null,
      lastError: null,
    });
    this.#state = reasons.size > 0 ? { name: 'paused', reasons } : { name: 'idle' };
    this.#armTimers(this.#state);
  }

  get state(): EngineState {
    return this.#state;
  }

  get status(): SyncStatus {
    return this.#board.current;
  }

  /** Until when the server asked for no requests (0: it did not). */
  get rateLimitedUntil(): number {
    return this.#rateLimitedUntil;
  }

  /** The run in progress must end as soon as the work in hand is done (paused, closed). */
  stopping(): boolean {
    return this.#state.name === 'closed' || pausesOf(this.#state).size > 0;
  }

  /** The run in progress, if any (it may outlive close(): its end is still awaited). */
  get runInFlight(): Promise<void> | null {
    return this.#runInFlight;
  }

  subscribe(listener: EngineStatusListener): () => void {
    return this.#board.subscribe(listener);
  }

  /** Called after every run, whether or not the status changed. */
  onRunEnded(listener: () => void): () => void {
    this.#runEnded.add(listener);
    return () => void this.#runEnded.delete(listener);
  }

  /** Counts that change in any state (the waiting count, the last success). */
  report(patch: Partial<Pick<SyncStatus, 'waiting' | 'lastSuccessAt'>>): void {
    this.#board.set(patch);
  }

  /** A run's progress (phase and how far it is); nothing once the loop has closed. */
  progress(patch: Partial<Pick<SyncStatus, 'phase' | 'done' | 'total'>>): void {
    if (this.#state.name !== 'running') return;
    this.#board.set({ ...patch, pauseReason: null, nextAttemptAt: null, waitReason: null });
  }

  requestRun(kind: RunKind): void {
    const state = this.#state;
    switch (state.name) {
      case 'closed':
      case 'paused':
        // Paused: the end of the last pause asks for a full run, which covers this one.
        return;
      case 'running':
        this.#enter({ ...state, next: wider(state.next, kind) });
        return;
      case 'idle':
      case 'waiting':
        this.#begin(kind);
    }
  }

  /** "Sync now": a full run that also retries every change waiting for its backoff. */
  syncNow(): void {
    if (this.#state.name === 'closed') return;
    this.#retryWaiting = true;
    this.requestRun('full');
  }

  setPaused(reason: PauseReason, paused: boolean): void {
    const state = this.#state;
    if (state.name === 'closed') return;
    const reasons = new Set(pausesOf(state));
    if (reasons.has(reason) === paused) return;
    if (paused) {
      reasons.add(reason);
      // Whoever ran meanwhile (another window) may have left entries in flight.
      if (reason === 'another_window') this.#needsRecovery = true;
    } else {
      reasons.delete(reason);
    }
    if (state.name === 'running') {
      this.#enter({ ...state, pauses: reasons, next: reasons.size > 0 ? state.next : 'full' });
    } else if (reasons.size > 0) {
      this.#enter({ name: 'paused', reasons });
    } else {
      this.#begin('full');
    }
  }

  close(): void {
    this.#enter({ name: 'closed' });
  }

  /** THE transition: cancels the old state's timers, arms the new one's, publishes the status. */
  #enter(next: EngineState, also: StatusPatch = {}): void {
    const previous = this.#state;
    if (previous.name === 'closed') return;
    this.#state = next;
    this.#armTimers(next);
    this.#board.set({ ...also, ...this.#statusOf(previous, next) });
  }

  #armTimers(state: EngineState): void {
    this.#cancelWait?.();
    this.#cancelWait = null;
    if (state.name === 'idle' || state.name === 'waiting') {
      // Kept when it already runs (moving between idle and waiting): the full run stays due.
      this.#cancelIdle ??= this.#clock.schedule(() => {
        this.#cancelIdle = null;
        this.requestRun('full');
      }, this.#timing.idleIntervalMs);
    } else {
      this.#cancelIdle?.();
      this.#cancelIdle = null;
    }
    if (state.name === 'waiting') {
      this.#cancelWait = this.#clock.schedule(
        () => {
          this.#cancelWait = null;
          this.requestRun(state.then);
        },
        Math.max(0, state.until - this.#clock.now()),
      );
    }
  }

  #statusOf(previous: EngineState, next: EngineState): StatusPatch {
    const clear = { pauseReason: null, nextAttemptAt: null, waitReason: null };
    switch (next.name) {
      case 'idle':
        return { ...clear, phase: 'idle' };
      case 'running':
        // Within a run the phases report their own progress.
        if (previous.name === 'running') return {};
        return {
          ...clear,
          phase: next.kind === 'full' ? 'pulling' : 'pushing',
          done: 0,
          total: null,
        };
      case 'waiting':
        return { ...clear, phase: 'waiting', nextAttemptAt: next.until, waitReason: next.why };
      case 'paused':
        return { ...clear, phase: 'paused', pauseReason: pauseReasonOf(next.reasons) };
      case 'closed':
        return { ...clear, phase: 'closed' };
    }
  }

  /** Starts a run of `kind`, or waits when the server asked for no requests yet. */
  #begin(kind: RunKind): void {
    const state = this.#state;
    if (this.#clock.now() < this.#rateLimitedUntil) {
      // No request before the server's Retry-After, whatever asked for the run.
      this.#enter({
        name: 'waiting',
        until: this.#rateLimitedUntil,
        then: wider(state.name === 'waiting' ? state.then : null, kind),
        why: waitReasonFor({ rateLimited: true, runFailed: false, problem: null }),
      });
      return;
    }
    const retryWaiting = this.#retryWaiting;
    this.#retryWaiting = false;
    this.#enter({ name: 'running', kind, next: null, pauses: noPauses });
    this.#runInFlight = this.#runOnce(kind, retryWaiting)
      .catch((error: unknown) => this.#bookkeepingFailed(error))
      .then((ending) => {
        this.#runInFlight = null;
        this.#ended(ending);
        for (const listener of [...this.#runEnded]) listener();
      });
  }

  async #runOnce(kind: RunKind, retryWaiting: boolean): Promise<RunEnding> {
    let report: RunReport;
    try {
      if (this.#needsRecovery) {
        await this.#work.recover();
        this.#needsRecovery = false;
      }
      report = await this.#work.run(kind, { retryWaiting });
    } catch (error) {
      const interruption = { kind: 'retry' as const, error: describeProblem(error) };
      report = { interruption, runError: null, lastEntryError: null, pushed: 0 };
    }
    // An entry failure stays the reason the waiting changes wait until a push settles them.
    if (report.lastEntryError || report.interruption === null) {
      this.#lastEntryError = report.lastEntryError;
    }
    return this.#afterRun(kind, report);
  }

  /** The retry bookkeeping after a run, and what it leaves: idle, a wait, or (the state) paused. */
  async #afterRun(kind: RunKind, report: RunReport): Promise<RunEnding> {
    const { interruption, runError } = report;
    const now = this.#clock.now();
    const stoppedEarly = this.stopping();
    const settled: { -readonly [K in keyof SyncStatus]?: SyncStatus[K] } = { done: 0, total: null };
    const state = this.#state;
    if (interruption?.kind === 'pause' && state.name === 'running') {
      this.#enter({ ...state, pauses: new Set([...state.pauses, interruption.reason]) });
    }
    if (interruption?.kind === 'rate_limited') {
      this.#rateLimitedUntil = Math.max(this.#rateLimitedUntil, interruption.until);
      this.#retryFullAt = interruption.until;
    } else if (interruption?.kind === 'retry') {
      this.#retryFullAt = now + this.#timing.backoffMs(this.#runFailures, this.#random);
      this.#runFailures += 1;
    } else if (!interruption && !stoppedEarly) {
      this.#runFailures = 0;
      if (kind === 'full') this.#retryFullAt = null;
      await this.#work.recordSuccess(now);
      settled.lastSuccessAt = now;
    }
    const problem = interruption?.error ?? runError ?? this.#lastEntryError;
    settled.lastError = problem?.message ?? null;
    settled.waiting = await this.#work.countWaiting();
    if (this.stopping()) return { settled, wait: null };

    const nextDue = await this.#work.nextDueAt();
    const candidates = [this.#retryFullAt, nextDue].filter((at): at is number => at !== null);
    if (candidates.length === 0) return { settled, wait: null };
    const until = Math.max(Math.min(...candidates), this.#rateLimitedUntil, now);
    const full = this.#retryFullAt !== null && this.#retryFullAt <= until;
    const rateLimited = this.#rateLimitedUntil >= until;
    const why = waitReasonFor({ rateLimited, runFailed: full, problem });
    return { settled, wait: { until, then: full ? 'full' : 'push', why } };
  }

  /** The store failed in the bookkeeping itself (closed under us): show it, back off. */
  #bookkeepingFailed(error: unknown): RunEnding {
    const problem = describeProblem(error);
    const until = this.#clock.now() + this.#timing.backoffMs(this.#runFailures, this.#random);
    this.#runFailures += 1;
    const why = waitReasonFor({ rateLimited: false, runFailed: true, problem });
    return { settled: { lastError: problem.message }, wait: { until, then: 'full', why } };
  }

  #ended(ending: RunEnding): void {
    const state = this.#state;
    if (state.name !== 'running') {
      // Closed during the run: only the counts change.
      this.#board.set(ending.settled);
      return;
    }
    if (state.pauses.size > 0) {
      this.#enter({ name: 'paused', reasons: state.pauses }, ending.settled);
    } else if (ending.wait) {
      this.#enter({ name: 'waiting', ...ending.wait }, ending.settled);
    } else {
      this.#enter({ name: 'idle' }, ending.settled);
    }
    if (state.next) this.requestRun(state.next);
  }
}
