// The scopes main offers the R2 form: read from RFC 8414 metadata (the sandbox's real server, and
// a loopback server answering the broken shapes a real one might), and the default choice signing
// in for real — while the empty grant the form used to send is still refused.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultScopes, scopeParameter } from '../../src-shared/auth/oauth-scopes';
import { readOfferedScopes } from './oauth-server';
import { createAuthWorld, type AuthWorld } from './test-support/auth-world';
import { parseTokenSet } from './token-set';

let world: AuthWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('offered scopes from the sandbox sign-in server', () => {
  it('lists the scopes its metadata publishes, and the default choice signs in with a refresh token', async () => {
    world = await createAuthWorld();
    const offered = await world.auth.offeredScopes(world.sandbox.r2.issuer);
    expect(offered).toEqual({
      ok: true,
      value: { scopes: ['openid', 'offline_access', 'customers'] },
    });
    const listed = offered.ok ? offered.value.scopes : [];
    const scope = scopeParameter(listed, defaultScopes(listed, 'browser'));
    expect(scope).toBe('offline_access customers');

    const id = await world.pkceConnection({ scope });
    const signedIn = await world.auth.signIn(id);
    expect(signedIn).toEqual({ ok: true, value: { state: 'signed_in' } });
    const stored = parseTokenSet(await world.secrets.get(id));
    expect(stored?.kind === 'oauth_pkce' && stored.refreshToken).toEqual(expect.any(String));
    const token = await world.auth.accessToken(id);
    expect(await world.r2Status(token.ok ? token.value : '')).toBe(200);
  });

  it('still refuses a sign-in that asks for no scope', async () => {
    world = await createAuthWorld();
    const id = await world.pkceConnection({ scope: undefined });
    const refused = await world.auth.signIn(id);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.error.message).toMatch(
      /^Sign-in was cancelled or refused in the browser/,
    );
  });

  it('gives the service client the API scope only, which its grant accepts', async () => {
    world = await createAuthWorld();
    const offered = await world.auth.offeredScopes(world.sandbox.r2.issuer);
    const listed = offered.ok ? offered.value.scopes : [];
    const scope = scopeParameter(listed, defaultScopes(listed, 'service'));
    expect(scope).toBe('customers');
    const id = await world.createConnection({
      kind: 'r2',
      name: 'R2 service',
      baseUrl: world.sandbox.r2.baseUrl,
      auth: {
        mode: 'client_credentials',
        clientId: world.sandbox.r2.serviceClientId,
        issuer: world.sandbox.r2.issuer,
        scope,
      },
    });
    const signedIn = await world.auth.signInService(id, world.sandbox.r2.serviceClientSecret);
    expect(signedIn).toEqual({ ok: true, value: { state: 'signed_in' } });
  });
});

describe('offered scopes from metadata that lists none or cannot be read', () => {
  let server: Server;
  let origin = '';
  /** What the metadata path answers, per test: a status and a body. */
  let answer: { status: number; body: string } = { status: 404, body: '' };

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url !== '/.well-known/oauth-authorization-server') {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const metadata = (extra: Record<string, unknown>) =>
    JSON.stringify({ issuer: origin, token_endpoint: `${origin}/token`, ...extra });

  it.each([
    ['no scopes_supported', {}],
    ['an empty list', { scopes_supported: [] }],
    ['a string instead of a list', { scopes_supported: 'openid customers' }],
    ['entries that are not scopes', { scopes_supported: [1, null, 'two words'] }],
  ])('answers no scopes for %s', async (_what, extra) => {
    answer = { status: 200, body: metadata(extra) };
    expect(await readOfferedScopes(origin)).toEqual({ ok: true, value: { scopes: [] } });
  });

  it('keeps the good entries of a partly broken list', async () => {
    answer = { status: 200, body: metadata({ scopes_supported: ['customers', 7, 'bad scope'] }) };
    expect(await readOfferedScopes(origin)).toEqual({ ok: true, value: { scopes: ['customers'] } });
  });

  it.each([
    ['is missing (404)', { status: 404, body: 'Not found' }],
    ['is not JSON', { status: 200, body: '<html>Sign in</html>' }],
    [
      'names another issuer',
      { status: 200, body: JSON.stringify({ issuer: 'https://x.example' }) },
    ],
  ])('says in words when the metadata %s', async (_what, served) => {
    answer = served;
    const read = await readOfferedScopes(origin);
    expect(read).toEqual({
      ok: false,
      error: {
        kind: 'bad_response',
        message: expect.stringMatching(/^The sign-in server at 127\.0\.0\.1:\d+ did not describe/),
      },
    });
  });

  it('says in words when nothing answers', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const read = await readOfferedScopes(`http://127.0.0.1:${port}/`);
    expect(read.ok ? '' : read.error).toMatchObject({
      kind: 'network',
      message: expect.stringMatching(/could not reach the sign-in server/),
    });
  });
});
