// How main's HTTP client retries a GET: the full-jitter wait itself is the shared
// fullJitterDelayMs (src-shared/time/backoff.ts), the same one the sync engine uses.
import type { JitterRange } from '../../src-shared/time/backoff';

export interface BackoffPolicy extends JitterRange {
  /** Total attempts for a GET, the first included. */
  readonly maxAttempts: number;
}

export const defaultGetBackoff: BackoffPolicy = { baseMs: 250, capMs: 8_000, maxAttempts: 4 };
