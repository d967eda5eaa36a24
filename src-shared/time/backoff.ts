// Full-jitter exponential backoff (AWS Architecture Blog, "Exponential Backoff And Jitter"): a
// random wait in [0, min(cap, base·2^attempt)) spreads the retries of many clients apart. Main's
// HTTP retries and the renderer's sync engine both wait through this one function.

/** The two numbers a full-jitter wait needs; main's retry policy adds its attempt count. */
export interface JitterRange {
  readonly baseMs: number;
  readonly capMs: number;
}

/** `attempt` counts from 0 for the first retry. `random` returns [0, 1). */
export function fullJitterDelayMs(
  range: JitterRange,
  attempt: number,
  random: () => number = Math.random,
): number {
  // 2^30 already passes any cap; the exponent stays bounded however long a failure lasts.
  const ceiling = Math.min(range.capMs, range.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
