// The one full-jitter backoff main's HTTP retries and the sync engine share.
import { describe, expect, it } from 'vitest';
import { fullJitterDelayMs } from './backoff';

describe('full jitter', () => {
  it('stays under the capped exponential ceiling', () => {
    const policy = { baseMs: 100, capMs: 1000, maxAttempts: 5 };
    expect(fullJitterDelayMs(policy, 0, () => 0.999)).toBe(99);
    expect(fullJitterDelayMs(policy, 10, () => 0.5)).toBe(500);
    expect(fullJitterDelayMs(policy, 3, () => 0)).toBe(0);
  });

  it('grows by doubling until the cap, also after very many attempts', () => {
    const range = { baseMs: 1_000, capMs: 300_000 };
    const top = () => 0.999_999;
    expect([0, 1, 2, 3].map((attempt) => fullJitterDelayMs(range, attempt, top))).toEqual([
      999, 1_999, 3_999, 7_999,
    ]);
    expect(fullJitterDelayMs(range, 5_000, top)).toBe(299_999);
  });
});
