import { afterEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../../src-shared/ipc/result';
import { systemClock } from '../../src-shared/time/clock';
import { createHttpClient } from './http-client';
import type { ParsedErrorBody } from './http-errors';
import { createPacer } from './pacer';
import {
  sendJson,
  startLocalServer,
  type Handler,
  type LocalServer,
} from './test-support/local-server';
import type { TokenProvider } from './token-provider';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function tokens(initial = 'token-one-abcdef'): TokenProvider & { refreshes: string[] } {
  let current = initial;
  const refreshes: string[] = [];
  return {
    refreshes,
    accessToken: async () => ok(current),
    refreshAfterUnauthorized: async (rejected) => {
      refreshes.push(rejected);
      current = 'token-two-abcdef';
      return ok(current);
    },
  };
}

const parseErrorBody = (body: unknown): ParsedErrorBody =>
  typeof body === 'object' && body !== null && 'detail' in body
    ? { message: String((body as { detail: unknown }).detail) }
    : {};

async function clientFor(handler: Handler, provider: TokenProvider = tokens(), timeoutMs = 2000) {
  server = await startLocalServer(handler);
  return createHttpClient({
    baseUrl: server.baseUrl,
    tokenProvider: provider,
    pacer: createPacer({ limit: 6000 }),
    parseErrorBody,
    timeoutMs,
    getBackoff: { baseMs: 1, capMs: 5, maxAttempts: 3 },
  });
}

describe('http client', () => {
  it('never sends a token in plain http to another computer, whatever the base URL', async () => {
    const sent: Request[] = [];
    const client = createHttpClient({
      baseUrl: 'http://127.0.0.1.nip.io/api/',
      tokenProvider: tokens(),
      pacer: createPacer({ limit: 6000 }),
      parseErrorBody,
      getBackoff: { baseMs: 1, capMs: 5, maxAttempts: 3 },
      fetch: async (input: string | URL | Request, init?: RequestInit) => {
        sent.push(new Request(input, init));
        return new Response('{}', { status: 200 });
      },
    });
    for (const request of [
      { method: 'GET', path: 'customer/' },
      { method: 'POST', path: 'customer/', json: { name: 'Acme' } },
    ] as const) {
      const result = await client.request(request);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatchObject({
        kind: 'validation',
        message: expect.stringContaining('only https:// is allowed'),
      });
    }
    expect(sent).toHaveLength(0);
  });

  it('sends the bearer token and answers the parsed body', async () => {
    const client = await clientFor((_req, res) => sendJson(res, 200, { id: 7 }));
    const result = await client.request({
      method: 'GET',
      path: 'customer/',
      searchParams: { company: 1 },
    });
    expect(result.ok && result.value.body).toEqual({ id: 7 });
    expect(server?.requests[0]?.url).toBe('/api/customer/?company=1');
    expect(server?.requests[0]?.authorization).toBe('Bearer token-one-abcdef');
  });

  it('refreshes once after a 401 and retries with the new token', async () => {
    const provider = tokens();
    const client = await clientFor(
      (req, res) =>
        req.headers.authorization === 'Bearer token-two-abcdef'
          ? sendJson(res, 201, { id: 1 })
          : sendJson(res, 401, { detail: 'expired' }),
      provider,
    );
    const result = await client.request({ method: 'POST', path: 'customer', json: { name: 'A' } });
    expect(result.ok).toBe(true);
    expect(provider.refreshes).toEqual(['token-one-abcdef']);
  });

  it('gives up with auth after a second 401', async () => {
    const provider = tokens();
    const client = await clientFor((_req, res) => sendJson(res, 401, { detail: 'no' }), provider);
    const result = await client.request({ method: 'GET', path: 'x' });
    expect(result.ok ? null : result.error.kind).toBe('auth');
    expect(server?.requests).toHaveLength(2);
    expect(provider.refreshes).toHaveLength(1);
  });

  it('passes through a failed refresh as its own Result', async () => {
    const provider: TokenProvider = {
      accessToken: async () => ok('token-one-abcdef'),
      refreshAfterUnauthorized: async () => fail('auth', 'Sign in again'),
    };
    const client = await clientFor((_req, res) => sendJson(res, 401, {}), provider);
    const result = await client.request({ method: 'GET', path: 'x' });
    expect(result.ok ? null : result.error.message).toBe('Sign in again');
  });

  it('retries a GET on 5xx but never a POST', async () => {
    let calls = 0;
    const client = await clientFor((_req, res) =>
      ++calls < 3 ? sendJson(res, 503, {}) : sendJson(res, 200, []),
    );
    expect((await client.request({ method: 'GET', path: 'x' })).ok).toBe(true);
    expect(calls).toBe(3);
    calls = 0;
    const post = await client.request({ method: 'POST', path: 'x', json: {} });
    expect(post.ok ? null : post.error.kind).toBe('server');
    expect(calls).toBe(1);
  });

  it("a GET waits out a 503's Retry-After before retrying, and hands a long one back", async () => {
    const slept: number[] = [];
    const clock = { ...systemClock, sleep: async (ms: number) => void slept.push(ms) };
    let calls = 0;
    let retryAfter = '2';
    server = await startLocalServer((_req, res) => {
      calls += 1;
      if (calls === 1 || retryAfter === '600') {
        res.setHeader('retry-after', retryAfter);
        return sendJson(res, 503, { detail: 'Down for maintenance' });
      }
      sendJson(res, 200, []);
    });
    const client = createHttpClient({
      baseUrl: server.baseUrl,
      tokenProvider: tokens(),
      pacer: createPacer({ limit: 6000 }),
      parseErrorBody,
      clock,
      getBackoff: { baseMs: 1, capMs: 5, maxAttempts: 3 },
    });
    expect((await client.request({ method: 'GET', path: 'x' })).ok).toBe(true);
    expect(slept).toEqual([2000]);

    retryAfter = '600';
    calls = 0;
    const long = await client.request({ method: 'GET', path: 'x' });
    expect(long.ok ? null : long.error).toMatchObject({ kind: 'server', retryAfterMs: 600_000 });
    expect(calls).toBe(1);
  });

  it('maps statuses to kinds, with messages from the body', async () => {
    const statuses = [400, 403, 404, 409, 412, 418, 500] as const;
    const kinds: string[] = [];
    for (const status of statuses) {
      const client = await clientFor((_req, res) => sendJson(res, status, { detail: 'why' }));
      const result = await client.request({ method: 'POST', path: 'x', json: {} });
      kinds.push(result.ok ? 'ok' : result.error.kind);
      await server?.close();
      server = undefined;
    }
    expect(kinds).toEqual([
      'validation',
      'auth',
      'not_found',
      'conflict',
      'conflict',
      'bad_response',
      'server',
    ]);
  });

  it('answers rate_limited with the wait for a write and holds the pacer back', async () => {
    const client = await clientFor((_req, res) =>
      sendJson(
        res,
        429,
        { detail: 'Request was throttled. Expected available in 1 seconds.' },
        { 'retry-after': '1' },
      ),
    );
    const result = await client.request({ method: 'PUT', path: 'x', json: {} });
    expect(result.ok ? null : result.error).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 1000,
    });
  });

  it('answers bad_response for a success body that is not JSON (a proxy login page)', async () => {
    const client = await clientFor((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>proxy login</html>');
    });
    const result = await client.request({ method: 'GET', path: 'x' });
    expect(result.ok ? null : result.error).toMatchObject({ kind: 'bad_response', status: 200 });
    expect(result.ok ? '' : result.error.message).toContain('text/html instead of JSON');
  });

  it('follows no redirect: a 3xx is a bad_response and nothing goes to where it points', async () => {
    const client = await clientFor((_req, res) => {
      res.writeHead(307, { location: 'https://elsewhere.example/api/x' });
      res.end();
    });
    const result = await client.request({ method: 'POST', path: 'x', json: { name: 'Acme' } });
    expect(result.ok ? null : result.error).toMatchObject({ kind: 'bad_response', status: 307 });
    expect(result.ok ? '' : result.error.message).toContain('https://elsewhere.example');
  });

  it('maps a reset connection and a time-out to network', async () => {
    const reset = await clientFor((req) => req.socket.destroy());
    const resetResult = await reset.request({ method: 'POST', path: 'x', json: {} });
    expect(resetResult.ok ? null : resetResult.error.kind).toBe('network');
    expect(resetResult.ok ? '' : resetResult.error.message).toMatch(/may or may not/);
    await server?.close();
    const slow = await clientFor(() => {}, tokens(), 200);
    const slowResult = await slow.request({ method: 'POST', path: 'x', json: {} });
    expect(slowResult.ok ? null : slowResult.error.kind).toBe('network');
  });

  it('maps a refused connection to network', async () => {
    const client = createHttpClient({
      baseUrl: 'http://127.0.0.1:1/api/',
      tokenProvider: tokens(),
      pacer: createPacer({ limit: 6000 }),
      parseErrorBody,
      getBackoff: { baseMs: 1, capMs: 2, maxAttempts: 1 },
    });
    const result = await client.request({ method: 'GET', path: 'x' });
    expect(result.ok ? null : result.error.kind).toBe('network');
  });
});

describe('long Retry-After on a GET', () => {
  it('answers rate_limited at once instead of waiting minutes inside the call', async () => {
    const client = await clientFor((_req, res) => sendJson(res, 429, {}, { 'retry-after': '90' }));
    const result = await client.request({ method: 'GET', path: 'x' });
    expect(result.ok ? null : result.error).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 90_000,
    });
    expect(server?.requests).toHaveLength(1);
  });
});
