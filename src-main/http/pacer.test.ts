import { describe, expect, it } from 'vitest';
import { createPacer } from './pacer';

describe('pacer', () => {
  it('keeps the sustained rate within the limit after the first burst', async () => {
    const pacer = createPacer({ limit: 600 }); // per minute: burst 10, then 590/min
    const started = Date.now();
    for (let i = 0; i < 25; i += 1) await pacer.acquire();
    const elapsedMs = Date.now() - started;
    // 25 requests at most 10 burst + 590/min refill ⇒ at least (15 / 590) min have passed.
    expect(elapsedMs).toBeGreaterThanOrEqual(Math.floor((15 / 590) * 60_000) - 5);
  });

  it('lets no request through inside Retry-After, then slows down and recovers', async () => {
    const pacer = createPacer({ limit: 6000 });
    await pacer.acquire();
    const waited = pacer.onRateLimited(700);
    expect(waited).toBe(700);
    const { pausedUntil } = pacer.snapshot();
    expect(pacer.snapshot().currentLimit).toBeLessThan(6000);
    await Promise.all([pacer.acquire(), pacer.acquire(), pacer.acquire()]);
    expect(Date.now()).toBeGreaterThanOrEqual(pausedUntil);
    for (let i = 0; i < 20; i += 1) pacer.onSuccess();
    expect(pacer.snapshot().currentLimit).toBeGreaterThanOrEqual(6000);
  });

  it('caps an absurd Retry-After and waits a default when there is none', () => {
    const pacer = createPacer({ limit: 60, maxRetryAfterMs: 120_000 });
    expect(pacer.onRateLimited(86_400_000)).toBe(120_000);
    expect(pacer.onRateLimited(undefined)).toBe(5_000);
    expect(pacer.snapshot().rateLimitedCount).toBe(2);
  });

  it('refuses a non-positive limit', () => {
    expect(() => createPacer({ limit: 0 })).toThrow(RangeError);
  });
});
