import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../ipc/result';
import {
  cappedRetryAfterMs,
  getRetryDelayMs,
  pushStops,
  reactionToFailure,
  retryPolicy,
  syncBackoffMs,
} from './retry-policy';

const online = { isOnline: true, maxRetryAfterMs: 120_000 };

describe('which failures retry', () => {
  it.each<[ErrorKind, string]>([
    ['validation', 'refused'],
    ['not_found', 'gone'],
    ['server', 'retry'],
    ['bad_response', 'retry'],
    ['conflict', 'retry'],
    ['network', 'retry'],
  ])('%s → %s', (kind, reaction) => {
    expect(reactionToFailure({ kind }, online).kind).toBe(reaction);
  });

  it('pauses on a failed sign-in, and on a network failure while offline', () => {
    expect(reactionToFailure({ kind: 'auth' }, online)).toEqual({
      kind: 'pause',
      reason: 'signed_out',
    });
    expect(reactionToFailure({ kind: 'network' }, { ...online, isOnline: false })).toEqual({
      kind: 'pause',
      reason: 'offline',
    });
  });

  it("waits out a 429's Retry-After, capped; a minute when none was said", () => {
    const limited = (retryAfterMs?: number) =>
      reactionToFailure(
        { kind: 'rate_limited', ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
        online,
      );
    expect(limited(30_000)).toEqual({ kind: 'rate_limited', waitMs: 30_000 });
    expect(limited(10 * 60_000)).toEqual({ kind: 'rate_limited', waitMs: 120_000 });
    expect(limited()).toEqual({ kind: 'rate_limited', waitMs: 60_000 });
  });
});

describe('backoff and Retry-After', () => {
  it('the sync backoff is full jitter from 1 s to a 5-minute cap', () => {
    expect(syncBackoffMs(0, () => 0.5)).toBe(500);
    expect(syncBackoffMs(3, () => 0.5)).toBe(4_000);
    expect(syncBackoffMs(40, () => 0.999_999)).toBeLessThan(retryPolicy.sync.capMs);
    expect(syncBackoffMs(2, () => 0.5, { baseMs: 100, capMs: 300 })).toBe(150);
  });

  it("the pacer's Retry-After: 5 s when missing, never negative, capped", () => {
    expect(cappedRetryAfterMs(undefined)).toBe(5_000);
    expect(cappedRetryAfterMs(-3)).toBe(0);
    expect(cappedRetryAfterMs(9_000)).toBe(9_000);
    expect(cappedRetryAfterMs(10 * 60_000)).toBe(120_000);
    expect(cappedRetryAfterMs(60_000, 10_000)).toBe(10_000);
  });

  it('the push stops after 3 retryable failures in a row', () => {
    expect(pushStops(2)).toBe(false);
    expect(pushStops(3)).toBe(true);
  });
});

describe("main's GET retries inside one call", () => {
  const half = () => 0.5;

  it('retries a lost connection with full jitter until its attempts are used', () => {
    expect(getRetryDelayMs({ kind: 'thrown' }, 0, half)).toBe(125);
    expect(getRetryDelayMs({ kind: 'thrown' }, 2, half)).toBe(500);
    // 4 attempts: the first and 3 retries.
    expect(getRetryDelayMs({ kind: 'thrown' }, 3, half)).toBeNull();
    const oneAttempt = { baseMs: 1, capMs: 2, maxAttempts: 1 };
    expect(getRetryDelayMs({ kind: 'thrown' }, 0, half, oneAttempt)).toBeNull();
  });

  it('queues again behind a short 429 (the pacer waits), hands a long one back', () => {
    expect(getRetryDelayMs({ kind: 'rate_limited', waitMs: 15_000 }, 0, half)).toBe(0);
    expect(getRetryDelayMs({ kind: 'rate_limited', waitMs: 15_001 }, 0, half)).toBeNull();
  });

  it("waits at least a 503's Retry-After, and hands a long one back", () => {
    expect(getRetryDelayMs({ kind: 'server' }, 0, half)).toBe(125);
    expect(getRetryDelayMs({ kind: 'server', retryAfterMs: 2_000 }, 0, half)).toBe(2_000);
    expect(getRetryDelayMs({ kind: 'server', retryAfterMs: 20_000 }, 0, half)).toBeNull();
  });

  it('draws a random number only for a retry that jitters', () => {
    let draws = 0;
    const counted = () => {
      draws += 1;
      return 0.5;
    };
    getRetryDelayMs({ kind: 'rate_limited', waitMs: 1_000 }, 0, counted);
    getRetryDelayMs({ kind: 'thrown' }, 3, counted);
    getRetryDelayMs({ kind: 'server', retryAfterMs: 20_000 }, 0, counted);
    expect(draws).toBe(0);
    getRetryDelayMs({ kind: 'server' }, 0, counted);
    expect(draws).toBe(1);
  });
});
