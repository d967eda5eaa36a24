// The engine tests' timing: backoff 1 s doubling to 8 s (so retries are few clock steps), and
// otherwise the app's defaults. Its own file, so the browser suite need not load fake-indexeddb.
import { fullJitterBackoff, type SyncTiming } from '../sync-status';

export const testTiming: SyncTiming = {
  backoffMs: fullJitterBackoff(1_000, 8_000),
  saveDebounceMs: 750,
  idleIntervalMs: 60_000,
  maxRetryAfterMs: 120_000,
  hydrateBatch: 5,
};
