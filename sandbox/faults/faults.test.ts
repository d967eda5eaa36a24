import { describe, expect, it } from 'vitest';
import type { R2Customer } from '../../src-shared/connectors/r2/api';
import { tokenRequest, userTokens, type TokenResponse } from '../test-support/oauth-client';
import { r2Client } from '../test-support/r2-client';
import { bearer, jsonHeaders, useSandbox } from '../test-support/sandbox-world';

const sandbox = useSandbox({ seed: 7 });
const revnue = (path: string, init: RequestInit = {}) =>
  fetch(`${sandbox().revnue.baseUrl}${path}`, {
    ...init,
    headers: { ...jsonHeaders(sandbox().revnue.token), ...init.headers },
  });

async function setFaults(body: unknown) {
  return fetch(`${sandbox().url}/_sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('fault injection', () => {
  it('answers 500 in the API style and 502/503 as a proxy HTML page', async () => {
    sandbox().setFaults('500:1@/api/');
    const failed = await revnue('company/');
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ detail: 'A server error occurred.' });
    sandbox().setFaults('503:1');
    const unavailable = await revnue('company/');
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('content-type')).toContain('text/html');
    sandbox().setFaults('502:1@GET/api/v2/country');
    expect((await revnue('country/')).status).toBe(502);
    expect((await revnue('company/')).status).toBe(200);
    sandbox().setFaults([]);
  });

  it('resets the connection before the request is processed', async () => {
    sandbox().setFaults('reset:1@POST');
    const before = sandbox().state().counts.revnueCustomers;
    await expect(
      revnue('customer/', {
        method: 'POST',
        body: JSON.stringify({ company: 1, name: 'Reset Ltd' }),
      }),
    ).rejects.toThrow();
    sandbox().setFaults([]);
    expect(sandbox().state().counts.revnueCustomers).toBe(before);
  });

  it('loses the response of a committed write, so a naive retry would duplicate', async () => {
    sandbox().setFaults('lost:1@POST/api/v2/customer');
    const before = sandbox().state().counts.revnueCustomers;
    await expect(
      revnue('customer/', {
        method: 'POST',
        body: JSON.stringify({ company: 1, name: 'Lost Response Ltd' }),
      }),
    ).rejects.toThrow();
    sandbox().setFaults([]);
    expect(sandbox().state().counts.revnueCustomers).toBe(before + 1);
    const list = (await (await revnue('customer/?company=1')).json()) as { name: string }[];
    expect(list.filter((customer) => customer.name === 'Lost Response Ltd')).toHaveLength(1);
    expect(sandbox().state().faults.injected.lost).toBeGreaterThanOrEqual(1);
  });

  it('delays requests by the latency range', async () => {
    sandbox().setFaults('latency:120-120@/api/v2/company');
    const started = performance.now();
    expect((await revnue('company/')).status).toBe(200);
    // A lower bound only: the delay can never be shorter than asked for.
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    expect(sandbox().state().faults.injected.latency).toBeGreaterThanOrEqual(1);
    sandbox().setFaults([]);
  });

  it('answers a burst of N 429s with Retry-After, then serves again', async () => {
    sandbox().setFaults('burst429:2@/api/');
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await revnue('company/');
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get('retry-after')).toBe('1');
        expect(await response.json()).toEqual({
          detail: 'Request was throttled. Expected available in 1 seconds.',
        });
      }
    }
    expect(statuses).toEqual([429, 429, 200]);
    sandbox().setFaults([]);
  });

  it('expires every R2 access token at once; refreshing still works', async () => {
    const tokens = await userTokens(sandbox());
    const send = r2Client(sandbox, () => tokens.access_token);
    expect((await send('GET', 'customers?pagesize=1')).status).toBe(200);
    sandbox().setFaults('expire-tokens');
    expect((await send('GET', 'customers?pagesize=1')).status).toBe(401);
    const refreshed = await tokenRequest(sandbox(), {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token ?? '',
      client_id: sandbox().r2.publicClientId,
    });
    const renewed = (await refreshed.json()) as TokenResponse;
    const again = await fetch(`${sandbox().r2.baseUrl}customers?pagesize=1`, {
      headers: bearer(renewed.access_token),
    });
    expect(again.status).toBe(200);
    expect(sandbox().state().faults.injected['expire-tokens']).toBe(1);
  });

  it("can lose the token endpoint's answer too: the rotated refresh token is then gone", async () => {
    const tokens = await userTokens(sandbox());
    const refresh = () =>
      tokenRequest(sandbox(), {
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token ?? '',
        client_id: sandbox().r2.publicClientId,
      });
    sandbox().setFaults('lost:1@POST/oauth/token');
    await expect(refresh()).rejects.toThrow();
    sandbox().setFaults([]);
    // The server rotated the token before the answer was lost: a retry counts as reuse.
    const retry = await refresh();
    expect(retry.status).toBe(400);
    expect(await retry.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('can be changed at run time through the loopback admin endpoint, by spec or JSON rules', async () => {
    const bySpec = await setFaults({ spec: '503:1@GET/api/v2/company' });
    expect(bySpec.status).toBe(200);
    expect((await revnue('company/')).status).toBe(503);
    await setFaults({
      rules: [{ kind: 'status', status: 500, probability: 1, method: 'GET', path: '/r2/' }],
    });
    expect((await revnue('company/')).status).toBe(200);
    const tokens = await userTokens(sandbox());
    expect(
      (await r2Client(sandbox, () => tokens.access_token)<R2Customer[]>('GET', 'customers')).status,
    ).toBe(500);
    const bad = await setFaults({ spec: 'explode:1' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toContain('Unknown fault "explode"');
    // A rejected change leaves the previous rules in force.
    expect(sandbox().state().faults.rules).toHaveLength(1);
    await setFaults({ rules: [] });
    expect(sandbox().state().faults.rules).toEqual([]);
  });
});
