import { describe, expect, it } from 'vitest';
import { serviceTokens, userTokens } from './test-support/oauth-client';
import { bearer, useSandbox } from './test-support/sandbox-world';

// Small budgets and a short window so nothing waits a real minute.
const sandbox = useSandbox({ rateLimitRevnue: 3, rateLimitR2: 4, rateLimitWindowMs: 2500 });

const revnue = (token: string) =>
  fetch(`${sandbox().revnue.baseUrl}company/`, { headers: bearer(token) });
const r2 = (token: string) =>
  fetch(`${sandbox().r2.baseUrl}customers?pagesize=1`, { headers: bearer(token) });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('rate limits per account', () => {
  it('shares the Revnue budget between every token of the account and answers DRF-style 429s', async () => {
    const [first = '', second = ''] = sandbox().revnue.tokens;
    expect(first).not.toBe(second);
    const statuses = [];
    for (const token of [first, second, first]) statuses.push((await revnue(token)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const throttled = await revnue(second);
    expect(throttled.status).toBe(429);
    const retryAfter = Number(throttled.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(await throttled.json()).toEqual({
      detail: `Request was throttled. Expected available in ${retryAfter} seconds.`,
    });
    expect(sandbox().state().throttled.revnue).toBe(1);
    // Unauthenticated requests are refused before they can spend the account's budget.
    expect((await revnue('rvn_unknown')).status).toBe(401);
    await pause(2600);
    expect((await revnue(first)).status).toBe(200);
  });

  it('limits R2 per account across user and service tokens, with Retry-After', async () => {
    const user = (await userTokens(sandbox())).access_token;
    const service = (await serviceTokens(sandbox())).access_token;
    const statuses = [];
    for (const token of [user, service, user, service, user])
      statuses.push((await r2(token)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const throttled = await r2(service);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await throttled.json()) as { errors: unknown[] }).errors).toHaveLength(1);
    expect(sandbox().state().throttled.r2).toBe(2);
    await pause(2600);
    expect((await r2(user)).status).toBe(200);
  });
});
