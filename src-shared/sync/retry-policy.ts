// When Fieldbook tries a failed request again, for both processes (docs/architecture.md#the-retry-policy):
// main's HTTP client retries a GET a few times inside one call; the renderer's sync engine retries
// entries and runs for as long as it takes. The numbers and the decisions live here, once.
import type { ErrorKind } from '../ipc/result';
import { fullJitterDelayMs, type JitterRange } from '../time/backoff';

/** A full-jitter range plus how many attempts one call makes, the first included. */
export interface AttemptLimit extends JitterRange {
  readonly maxAttempts: number;
}

export interface RetryPolicy {
  /** Main: a GET is tried again inside one call (writes never are: see getMayRetry). */
  readonly get: AttemptLimit;
  /** The sync engine: the wait before an entry's, or a failed run's, n-th retry (no limit). */
  readonly sync: JitterRange;
  readonly retryAfter: {
    /** Longest wait a Retry-After may impose, in both processes (a hostile or odd header). */
    readonly capMs: number;
    /** Main's pacer, when a 429 carries no usable Retry-After. */
    readonly missingHeaderMs: number;
    /**
     * The engine, when a `rate_limited` answer says no wait at all (main always says one; a
     * sign-in check may not): every limit we know is per minute.
     */
    readonly missingWaitMs: number;
    /** A GET waits out at most this much inside one call; longer goes back to the engine. */
    readonly inlineMaxMs: number;
  };
  /** Retryable entry failures in a row after which a push stops for the run. */
  readonly failuresBeforePushStops: number;
}

export const retryPolicy: RetryPolicy = {
  get: { baseMs: 250, capMs: 8_000, maxAttempts: 4 },
  sync: { baseMs: 1_000, capMs: 5 * 60_000 },
  retryAfter: {
    capMs: 120_000,
    missingHeaderMs: 5_000,
    missingWaitMs: 60_000,
    inlineMaxMs: 15_000,
  },
  failuresBeforePushStops: 3,
};

/**
 * What a failed answer means for the change or run that got it — the one reaction type of both
 * the push and the reads: `refused` (only the salesperson can fix the data), `gone` (404), `retry`
 * later with backoff, `pause` until a signal (sign-in, online), or wait for the server's limit.
 */
export type FailureReaction =
  | { readonly kind: 'refused' }
  | { readonly kind: 'gone' }
  | { readonly kind: 'retry' }
  | { readonly kind: 'pause'; readonly reason: 'signed_out' | 'offline' }
  | { readonly kind: 'rate_limited'; readonly waitMs: number };

export function reactionToFailure(
  error: { readonly kind: ErrorKind; readonly retryAfterMs?: number },
  situation: { readonly isOnline: boolean; readonly maxRetryAfterMs: number },
  policy: RetryPolicy = retryPolicy,
): FailureReaction {
  switch (error.kind) {
    case 'validation':
      return { kind: 'refused' };
    case 'not_found':
      return { kind: 'gone' };
    case 'auth':
      return { kind: 'pause', reason: 'signed_out' };
    case 'rate_limited': {
      const asked = error.retryAfterMs ?? policy.retryAfter.missingWaitMs;
      return { kind: 'rate_limited', waitMs: Math.min(asked, situation.maxRetryAfterMs) };
    }
    case 'network':
      // A network failure while the computer says it is offline is not the server's fault:
      // pause until the online signal instead of burning retries.
      return situation.isOnline ? { kind: 'retry' } : { kind: 'pause', reason: 'offline' };
    case 'server':
    case 'bad_response':
    case 'conflict':
      return { kind: 'retry' };
  }
}

/** The engine's wait before retry number `attempt` (0-based) of an entry or a run. */
export function syncBackoffMs(
  attempt: number,
  random: () => number,
  range: JitterRange = retryPolicy.sync,
): number {
  return fullJitterDelayMs(range, attempt, random);
}

/** The push stops for this run: a server failing every request is not sent the whole backlog. */
export function pushStops(failuresInARow: number, policy: RetryPolicy = retryPolicy): boolean {
  return failuresInARow >= policy.failuresBeforePushStops;
}

/** A Retry-After as the pacer honours it: the fallback when missing, never negative, capped. */
export function cappedRetryAfterMs(
  askedMs: number | undefined,
  capMs: number = retryPolicy.retryAfter.capMs,
  policy: RetryPolicy = retryPolicy,
): number {
  return Math.min(Math.max(0, askedMs ?? policy.retryAfter.missingHeaderMs), capMs);
}

/** What went wrong with one attempt of a GET, as far as retrying it inside the call matters. */
export type GetFailure =
  /** No HTTP status at all (time-out, reset, refused). */
  | { readonly kind: 'thrown' }
  /** 429: the pacer already holds every request back for `waitMs`. */
  | { readonly kind: 'rate_limited'; readonly waitMs: number }
  /** 5xx, perhaps with the server's Retry-After (a 503's). */
  | { readonly kind: 'server'; readonly retryAfterMs?: number };

/**
 * Whether main's HTTP client sends a GET again inside the same call, and after how long (ms);
 * `null`: answer the failure. Writes are never retried here: only the sync engine knows whether
 * a lost create must be looked up before it is sent again. `retries` counts retries so far.
 */
export function getRetryDelayMs(
  failure: GetFailure,
  retries: number,
  random: () => number,
  limit: AttemptLimit = retryPolicy.get,
  policy: RetryPolicy = retryPolicy,
): number | null {
  if (retries + 1 >= limit.maxAttempts) return null;
  const inlineMaxMs = policy.retryAfter.inlineMaxMs;
  switch (failure.kind) {
    case 'thrown':
      return fullJitterDelayMs(limit, retries, random);
    case 'rate_limited':
      // A short wait is taken here (the pacer holds the retry back until Retry-After has
      // passed); a long one goes back to the caller, which can schedule instead of hanging.
      return failure.waitMs <= inlineMaxMs ? 0 : null;
    case 'server': {
      // A 503 may say how long the server expects to be down: retrying sooner only adds load.
      const asked = failure.retryAfterMs ?? 0;
      if (asked > inlineMaxMs) return null;
      return Math.max(fullJitterDelayMs(limit, retries, random), asked);
    }
  }
}
