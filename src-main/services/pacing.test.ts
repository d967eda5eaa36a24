import { afterEach, describe, expect, it } from 'vitest';
import { createServicesWorld, type ServicesWorld } from './test-support/services-world';

let world: ServicesWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

interface WireEvent {
  sentAt: number;
  answeredAt: number;
  url: string;
  status: number;
  retryAfter: string | null;
}

/** A fetch that records when each API request left and how it was answered. */
function recordingFetch(events: WireEvent[]): typeof fetch {
  return async (input, init) => {
    const sentAt = Date.now();
    const response = await fetch(input, init);
    const url = input instanceof Request ? input.url : String(input);
    events.push({
      sentAt,
      answeredAt: Date.now(),
      url,
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
    });
    return response;
  };
}

const WINDOW_MS = 2000;

describe('pacing against the sandbox rate limit (2-second windows)', () => {
  it('sends nothing inside Retry-After after a 429, then slows down', async () => {
    const events: WireEvent[] = [];
    world = await createServicesWorld({
      sandbox: { rateLimitRevnue: 10, rateLimitWindowMs: WINDOW_MS },
      // Four times too fast, so the server has to say 429.
      connectors: { revnuePerMinute: 40, rateIntervalMs: WINDOW_MS, fetch: recordingFetch(events) },
    });
    const { call, revnueId } = world;
    const results = await Promise.all(
      Array.from({ length: 24 }, () =>
        call('revnue.customers.get', { connectionId: revnueId, id: 1 }),
      ),
    );
    const throttled = events.filter((event) => event.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    for (const hit of throttled) {
      const quietUntil = hit.answeredAt + Number(hit.retryAfter) * 1000;
      // 50 ms for the hop between receiving the 429 and the pacer closing the gate (a request
      // already past the gate may still be on its way to fetch on a loaded machine).
      const inside = events.filter((e) => e.sentAt > hit.answeredAt + 50 && e.sentAt < quietUntil);
      expect(inside, `sent within Retry-After of the 429 at ${hit.answeredAt}`).toEqual([]);
    }
    // GETs retry a 429 (bounded): most calls still succeed; any that do not say rate_limited.
    const kinds = results.map((r) => (r.ok ? 'ok' : r.error.kind));
    expect(kinds.filter((k) => k === 'ok').length).toBeGreaterThan(12);
    expect(kinds.every((k) => k === 'ok' || k === 'rate_limited')).toBe(true);
  });

  it('keeps a sustained rate at or under the limit: no 429 at all', async () => {
    const events: WireEvent[] = [];
    world = await createServicesWorld({
      sandbox: { rateLimitRevnue: 10, rateLimitWindowMs: WINDOW_MS },
      connectors: { revnuePerMinute: 9, rateIntervalMs: WINDOW_MS, fetch: recordingFetch(events) },
    });
    const { call, revnueId, sandbox } = world;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        call('revnue.customers.get', { connectionId: revnueId, id: 1 }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(sandbox.state().throttled.revnue).toBe(0);
    // In every sliding window, at most the configured 9 requests left.
    const sends = events.map((e) => e.sentAt).sort((a, b) => a - b);
    const most = Math.max(
      ...sends.map((start) => sends.filter((t) => t >= start && t < start + WINDOW_MS).length),
    );
    expect(most).toBeLessThanOrEqual(9);
  });
});
