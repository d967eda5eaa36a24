// One pacer per connection, shared by every request of that account (no 429 storm from a backlog).
// A token bucket (the `limiter` package) keeps the sustained rate under the account's limit;
// on a 429 the pacer stops everything until Retry-After, then runs at a lower rate and
// climbs back gradually, because the limit is shared with other users we cannot see.
import { TokenBucket } from 'limiter';
import type { Clock } from '../../src-shared/time/clock';
import { systemClock } from '../../src-shared/time/clock';
import { cappedRetryAfterMs, retryPolicy } from '../../src-shared/sync/retry-policy';

export interface PacerOptions {
  /** Requests per interval this client may use (its share of the account's limit). */
  limit: number;
  /** The API's rate-limit window; one minute for both APIs. Tests shorten it. */
  intervalMs?: number;
  /** Longest pause a Retry-After may impose; longer values are capped (a hostile or odd header). */
  maxRetryAfterMs?: number;
  /** Fraction of `limit` to fall back to after a 429 (applied again on each further 429). */
  slowdownFactor?: number;
  /** Lowest fraction of `limit` the pacer ever slows down to. */
  minFactor?: number;
  /** How much of the lost rate each successful response wins back. */
  recoveryStep?: number;
  clock?: Clock;
}

export interface PacerSnapshot {
  limit: number;
  intervalMs: number;
  /** What the pacer currently allows per interval (lower than `limit` after a 429). */
  currentLimit: number;
  pausedUntil: number;
  rateLimitedCount: number;
}

export interface Pacer {
  /** Waits until one request may be sent now. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** The server said 429: stop until `retryAfterMs` (capped) has passed, then go slower. */
  onRateLimited(retryAfterMs: number | undefined): number;
  /** A request went through without 429: win back some of the rate lost to earlier 429s. */
  onSuccess(): void;
  snapshot(): PacerSnapshot;
}

export function createPacer(options: PacerOptions): Pacer {
  const clock = options.clock ?? systemClock;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? retryPolicy.retryAfter.capMs;
  const slowdown = options.slowdownFactor ?? 0.5;
  const minFactor = options.minFactor ?? 0.1;
  const recoveryStep = options.recoveryStep ?? 0.05;
  const { limit } = options;
  const intervalMs = options.intervalMs ?? 60_000;
  if (!(limit > 0) || !(intervalMs > 0))
    throw new RangeError('limit and intervalMs must be positive');

  // Any window of `intervalMs` may see at most `burst + refill` requests, so the refill rate is
  // the limit minus the burst: the account's limit then holds for every sliding window, and so
  // also for the server's fixed windows.
  const burst = Math.max(1, Math.min(10, Math.floor(limit / 10)));
  const sustained = Math.max(limit - burst, limit / 2);
  const bucket = new TokenBucket({
    bucketSize: burst,
    tokensPerInterval: sustained,
    interval: intervalMs,
  });
  bucket.content = burst;

  let factor = 1;
  let pausedUntil = 0;
  let rateLimitedCount = 0;

  const applyFactor = () => {
    bucket.tokensPerInterval = sustained * factor;
  };

  async function waitOutPause(signal?: AbortSignal) {
    for (let now = clock.now(); now < pausedUntil; now = clock.now()) {
      await clock.sleep(pausedUntil - now, signal);
    }
  }

  return {
    async acquire(signal) {
      // A 429 may arrive while this caller waits for a token; check the pause again after it.
      for (;;) {
        await waitOutPause(signal);
        signal?.throwIfAborted();
        await bucket.removeTokens(1);
        if (clock.now() >= pausedUntil) return;
      }
    },
    onRateLimited(retryAfterMs) {
      const wait = cappedRetryAfterMs(retryAfterMs, maxRetryAfterMs);
      pausedUntil = Math.max(pausedUntil, clock.now() + wait);
      rateLimitedCount += 1;
      factor = Math.max(minFactor, factor * slowdown);
      applyFactor();
      // No saved-up burst from before the 429: the server's window has just been spent.
      bucket.drip();
      bucket.content = 0;
      return wait;
    },
    onSuccess() {
      if (factor >= 1) return;
      factor = Math.min(1, factor + recoveryStep);
      applyFactor();
    },
    snapshot() {
      return {
        limit,
        intervalMs,
        currentLimit: burst + sustained * factor,
        pausedUntil,
        rateLimitedCount,
      };
    },
  };
}
