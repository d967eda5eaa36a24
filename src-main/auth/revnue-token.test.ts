// The Revnue token check against a scripted API on 127.0.0.1: one GET company/ per check.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanPastedToken, createRevnueTokenVerifier } from './revnue-token';

let server: Server;
let baseUrl = '';
const seen: Array<{ url: string; authorization: string }> = [];
let status = 200;

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', authorization: request.headers.authorization ?? '' });
    response.writeHead(status, { 'Content-Type': 'application/json', 'Retry-After': '30' });
    response.end(status === 200 ? '[{"id":1,"name":"Acme"}]' : '{"detail":"nope"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('Revnue token check', () => {
  it('calls GET company/ below the base URL with the bearer token', async () => {
    status = 200;
    seen.length = 0;
    expect(await createRevnueTokenVerifier()(baseUrl, 'rvn_good')).toEqual({
      ok: true,
      value: [{ id: 1, name: 'Acme' }],
    });
    expect(seen).toEqual([{ url: '/api/v2/company/', authorization: 'Bearer rvn_good' }]);
  });

  it.each([
    [401, 'auth', /^This token was not accepted by Revnue/],
    [403, 'auth', /^This token was not accepted by Revnue/],
    [404, 'validation', /has no API at/],
    [429, 'rate_limited', /busy/],
    [500, 'server', /HTTP 500/],
  ])('answers HTTP %i as %s', async (code, kind, message) => {
    status = code;
    const result = await createRevnueTokenVerifier()(baseUrl, 'rvn_checked_token');
    expect(result).toMatchObject({
      ok: false,
      error: { kind, message: expect.stringMatching(message) },
    });
    expect(JSON.stringify(result)).not.toContain('rvn_checked_token');
    if (code === 429) expect(result.ok || result.error.retryAfterMs).toBe(30_000);
  });

  it('reports an unreachable Revnue as a network problem', async () => {
    const result = await createRevnueTokenVerifier()('http://127.0.0.1:9/api/v2/', 'rvn_x');
    expect(result).toMatchObject({ ok: false, error: { kind: 'network' } });
  });
});

describe('cleanPastedToken', () => {
  it('trims and drops a copied "Bearer " or "Token " prefix', () => {
    expect(cleanPastedToken('  rvn_abc \n')).toEqual({ ok: true, value: 'rvn_abc' });
    expect(cleanPastedToken('Bearer rvn_abc')).toEqual({ ok: true, value: 'rvn_abc' });
    expect(cleanPastedToken('token rvn_abc')).toEqual({ ok: true, value: 'rvn_abc' });
  });

  it('refuses empty, non-text and broken pastes with a field message', () => {
    for (const input of ['', '  ', null, 7]) {
      expect(cleanPastedToken(input)).toMatchObject({
        ok: false,
        error: { kind: 'validation', fields: { token: [expect.any(String)] } },
      });
    }
    expect(cleanPastedToken('rvn_abc\nrvn_def')).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(cleanPastedToken('rvn_äbc')).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });
});
