import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServicesWorld, type ServicesWorld } from './test-support/services-world';

let world: ServicesWorld;
beforeAll(async () => {
  world = await createServicesWorld({ connectors: { timeoutMs: 600 } });
});
afterAll(async () => {
  await world.close();
});
beforeEach(() => world.sandbox.setFaults([]));

const tokenRequests = () => world.sandbox.state().requests['POST /oauth/token'] ?? 0;
const kindOf = (result: { ok: boolean; error?: { kind: string } }) =>
  result.ok ? 'ok' : result.error?.kind;

describe('each sandbox fault becomes the right Result kind', () => {
  it.each([500, 502, 503] as const)('%i on a write → server, sent once', async (status) => {
    world.sandbox.setFaults([{ kind: 'status', status, probability: 1, method: 'POST' }]);
    const before = world.sandbox.state().requests['POST /api/v2/customer/'] ?? 0;
    const result = await world.call('revnue.customers.create', {
      connectionId: world.revnueId,
      body: { company: 1, name: `Fault ${status}` },
    });
    expect(result.ok ? null : result.error).toMatchObject({ kind: 'server', status });
    expect(world.sandbox.state().requests['POST /api/v2/customer/']).toBe(before + 1);
  });

  it('a GET retries 5xx a bounded number of times, then answers server', async () => {
    world.sandbox.setFaults([{ kind: 'status', status: 503, probability: 1, method: 'GET' }]);
    const before = world.sandbox.state().requests['GET /api/v2/customer/{id}/'] ?? 0;
    const result = await world.call('revnue.customers.get', {
      connectionId: world.revnueId,
      id: 1,
    });
    expect(kindOf(result)).toBe('server');
    expect(world.sandbox.state().requests['GET /api/v2/customer/{id}/']).toBe(before + 4);
  });

  it('a reset connection → network', async () => {
    world.sandbox.setFaults([{ kind: 'reset', probability: 1, method: 'PUT' }]);
    const result = await world.call('revnue.customers.update', {
      connectionId: world.revnueId,
      id: 1,
      body: { company: 1, name: 'Reset Ltd' },
    });
    expect(kindOf(result)).toBe('network');
  });

  it('a lost response → network (outcome unknown), and the natural key finds the record', async () => {
    world.sandbox.setFaults([
      { kind: 'lost', probability: 1, method: 'POST', path: '/r2/customers' },
    ]);
    const before = world.sandbox.state().counts.r2Customers;
    const startedAt = new Date().toISOString();
    const result = await world.call('r2.customers.create', {
      connectionId: world.r2Id,
      body: { companyname: 'Lost Answer GmbH' },
    });
    expect(result.ok ? null : result.error.message).toMatch(/may or may not/);
    expect(kindOf(result)).toBe('network');
    expect(world.sandbox.state().counts.r2Customers).toBe(before + 1);
    world.sandbox.setFaults([]);
    const found = await world.call('r2.customers.findByNaturalKey', {
      connectionId: world.r2Id,
      companyname: 'Lost Answer GmbH',
      createdAfter: startedAt,
    });
    expect(found.ok && found.value.map((c) => c.companyname)).toEqual(['Lost Answer GmbH']);
  });

  it('latency beyond the time-out → network', async () => {
    world.sandbox.setFaults([{ kind: 'latency', minMs: 1500, maxMs: 1500, method: 'POST' }]);
    const result = await world.call('revnue.customers.create', {
      connectionId: world.revnueId,
      body: { company: 1, name: 'Slow Ltd' },
    });
    expect(result.ok ? null : result.error).toMatchObject({ kind: 'network' });
    expect(result.ok ? '' : result.error.message).toMatch(/did not answer/);
  });

  it('a 429 burst on a write → rate_limited with the wait', async () => {
    world.sandbox.setFaults([{ kind: 'burst429', count: 1, retryAfterSeconds: 1, method: 'POST' }]);
    const result = await world.call('revnue.customers.create', {
      connectionId: world.revnueId,
      body: { company: 1, name: 'Throttled Ltd' },
    });
    expect(result.ok ? null : result.error).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 1000,
    });
  });

  it('forced token expiry → one transparent refresh, then success', async () => {
    expect(
      kindOf(await world.call('r2.customers.get', { connectionId: world.r2Id, id: '1000001' })),
    ).toBe('ok');
    const before = tokenRequests();
    world.sandbox.setFaults('expire-tokens');
    const result = await world.call('r2.customers.list', { connectionId: world.r2Id, pageSize: 5 });
    expect(kindOf(result)).toBe('ok');
    expect(tokenRequests()).toBe(before + 1);
  });

  it('100 concurrent calls with an expired token make exactly one token request', async () => {
    world.sandbox.setFaults('expire-tokens');
    const before = tokenRequests();
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        world.call('r2.customers.get', { connectionId: world.r2Id, id: '1000002' }),
      ),
    );
    expect(results.map(kindOf).filter((k) => k !== 'ok')).toEqual([]);
    expect(tokenRequests()).toBe(before + 1);
  });
});
