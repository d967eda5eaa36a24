// How token-endpoint answers become Results, against a scripted endpoint on 127.0.0.1.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientCredentialsTokens, refreshTokens, type TokenContext } from './token-requests';

let server: Server;
let base = '';
let reply: { status: number; body: string; headers?: Record<string, string> } = {
  status: 200,
  body: '{}',
};

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    response.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
    response.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const ctx = (tokenEndpoint = `${base}/token`): TokenContext => ({
  as: { issuer: base, token_endpoint: tokenEndpoint },
  clientId: 'fieldbook',
  now: 1_000,
});

describe('token requests', () => {
  it('returns a rotated token set with its expiry', async () => {
    reply = {
      status: 200,
      body: JSON.stringify({
        access_token: 'AT-new-123',
        refresh_token: 'RT-new-456',
        token_type: 'Bearer',
        expires_in: 60,
      }),
    };
    expect(await refreshTokens(ctx(), 'RT-old')).toEqual({
      ok: true,
      value: {
        kind: 'oauth_pkce',
        accessToken: 'AT-new-123',
        refreshToken: 'RT-new-456',
        obtainedAt: 1_000,
        expiresAt: 61_000,
      },
    });
  });

  it('keeps the old refresh token when the server does not rotate', async () => {
    reply = { status: 200, body: JSON.stringify({ access_token: 'AT-2', token_type: 'bearer' }) };
    const result = await refreshTokens(ctx(), 'RT-kept');
    expect(result.ok && result.value).toMatchObject({ refreshToken: 'RT-kept' });
  });

  it.each([
    [400, { error: 'invalid_grant' }, 'auth', true],
    [401, { error: 'invalid_client', error_description: 'client secret mismatch' }, 'auth', true],
    [400, { error: 'invalid_scope' }, 'auth', false],
    [503, { error: 'temporarily_unavailable' }, 'server', false],
  ])('answers HTTP %i %j as %s (sign in again: %s)', async (status, body, kind, signInAgain) => {
    reply = { status, body: JSON.stringify(body) };
    const result = await refreshTokens(ctx(), 'RT-old-secret');
    expect(result).toMatchObject({ ok: false, error: { kind } });
    expect(Boolean(result.signInAgain)).toBe(signInAgain);
    expect(JSON.stringify(result)).not.toContain('RT-old-secret');
  });

  it('calls a non-JSON answer a bad response, and an unreachable endpoint a network error', async () => {
    reply = {
      status: 200,
      body: '<html>proxy login</html>',
      headers: { 'Content-Type': 'text/html' },
    };
    expect(await refreshTokens(ctx(), 'RT')).toMatchObject({
      ok: false,
      error: { kind: 'bad_response' },
    });
    expect(await refreshTokens(ctx('http://127.0.0.1:9/token'), 'RT')).toMatchObject({
      ok: false,
      error: {
        kind: 'network',
        message: expect.stringMatching(/could not reach the sign-in server at 127\.0\.0\.1:9/),
      },
    });
  });

  it('refuses to send a client secret over plain http to a non-loopback host', async () => {
    const result = await clientCredentialsTokens(
      ctx('http://login.example.com/token'),
      'CS-1234567',
      undefined,
    );
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });
});
