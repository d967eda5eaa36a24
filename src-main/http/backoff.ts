// Full-jitter exponential backoff (AWS architecture blog, "Exponential Backoff And Jitter"):
// a random wait in [0, min(cap, base·2^attempt)) spreads retries of many clients apart.

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  /** Total attempts for a GET, the first included. */
  maxAttempts: number;
}

export const defaultGetBackoff: BackoffPolicy = { baseMs: 250, capMs: 8_000, maxAttempts: 4 };

/** `attempt` counts from 0 for the first retry. `random` returns [0, 1). */
export function fullJitterDelayMs(
  policy: BackoffPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}
