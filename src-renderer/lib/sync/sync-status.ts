// What the sync engine tells the UI (progress bars, countdowns, "paused: signed out"), and the
// timing it is given (injected, so tests drive it; the retry numbers default to the shared
// retry policy, src-shared/sync/retry-policy.ts).
import { retryPolicy, syncBackoffMs } from '../../../src-shared/sync/retry-policy';

export type SyncPhase =
  'idle' | 'pulling' | 'pushing' | 'hydrating' | 'waiting' | 'paused' | 'closed';

export type PauseReason = 'signed_out' | 'offline' | 'another_window';

export interface SyncStatus {
  readonly connectionId: string;
  readonly phase: SyncPhase;
  /** When phase is 'paused'. */
  readonly pauseReason: PauseReason | null;
  /** When phase is 'waiting': the time (ms) of the next attempt, and why (in words). */
  readonly nextAttemptAt: number | null;
  readonly waitReason: string | null;
  /** Progress of the current phase (pull: records; push: entries); total null while unknown. */
  readonly done: number;
  readonly total: number | null;
  /** Changes still waiting to reach the server (pending, in flight, rejected, conflict). */
  readonly waiting: number;
  readonly lastSuccessAt: number | null;
  /** The last error of a run in words, cleared by the next successful run. */
  readonly lastError: string | null;
}

export interface SyncTiming {
  /** Delay before the n-th retry (0-based) of a retryable failure: full-jitter exponential. */
  backoffMs(attempt: number, random: () => number): number;
  /** After a save, wait this long for more typing before pushing. */
  readonly saveDebounceMs: number;
  /** Sync again this long after a run that ended idle. */
  readonly idleIntervalMs: number;
  /** Longest Retry-After the engine honours (a longer one is capped). */
  readonly maxRetryAfterMs: number;
  /** Full records fetched per hydration batch (the pacer spaces them). */
  readonly hydrateBatch: number;
}

/** SyncTiming.backoffMs: the retry policy's full-jitter wait over another range (tests, the lab). */
export function fullJitterBackoff(baseMs: number, capMs: number) {
  return (attempt: number, random: () => number) =>
    syncBackoffMs(attempt, random, { baseMs, capMs });
}

export const defaultSyncTiming: SyncTiming = {
  backoffMs: (attempt, random) => syncBackoffMs(attempt, random),
  saveDebounceMs: 750,
  idleIntervalMs: 60_000,
  maxRetryAfterMs: retryPolicy.retryAfter.capMs,
  hydrateBatch: 20,
};
