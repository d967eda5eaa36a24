import { describe, expect, it } from 'vitest';
import { bearer, useSandbox } from './test-support/sandbox-world';

const sandbox = useSandbox({ customers: 40 });

describe('admin endpoints', () => {
  it('report counts and requests per endpoint, ids folded into {id}', async () => {
    const { revnue, url } = sandbox();
    await fetch(`${revnue.baseUrl}customer/1/`, { headers: bearer(revnue.token) });
    await fetch(`${revnue.baseUrl}customer/2/`, { headers: bearer(revnue.token) });
    const response = await fetch(`${url}/_sandbox/state`);
    expect(response.status).toBe(200);
    const state = (await response.json()) as ReturnType<ReturnType<typeof sandbox>['state']>;
    expect(state.requests['GET /api/v2/customer/{id}/']).toBe(2);
    expect(state.counts.revnueCustomers).toBe(40);
    expect(state.counts.r2Customers).toBe(40);
    expect(state.counts.r2Contacts).toBeGreaterThan(40);
    expect(state.throttled).toEqual({ revnue: 0, r2: 0 });
    expect(state.rateLimits).toEqual({ revnue: 100, r2: 600, windowMs: 60_000 });
    // Admin calls themselves are not counted.
    expect(Object.keys(state.requests).some((key) => key.includes('_sandbox'))).toBe(false);
  });

  it('answers 404 for unknown admin paths and 400 for a faults body without spec or rules', async () => {
    expect((await fetch(`${sandbox().url}/_sandbox/nope`)).status).toBe(404);
    const bad = await fetch(`${sandbox().url}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ faults: 'x' }),
    });
    expect(bad.status).toBe(400);
    const invalidRule = await fetch(`${sandbox().url}/_sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules: [{ kind: 'status', status: 404, probability: 1 }] }),
    });
    expect(invalidRule.status).toBe(400);
  });

  it('refuses a faults body a web page could send without asking (text/plain), so no page can drive it', async () => {
    const before = sandbox().state().faults;
    for (const type of ['text/plain', 'text/plain; x=json', 'application/x-www-form-urlencoded']) {
      const forged = await fetch(`${sandbox().url}/_sandbox/faults`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: JSON.stringify({ spec: '500:1' }),
      });
      expect(forged.status, type).toBe(400);
    }
    expect(sandbox().state().faults).toEqual(before);
  });

  it('binds to 127.0.0.1 only', () => {
    expect(new URL(sandbox().url).hostname).toBe('127.0.0.1');
  });
});
