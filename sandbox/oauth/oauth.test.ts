import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestBrowser } from '../test-support/browser';
import {
  pkcePair,
  serviceAuthorization,
  serviceTokens,
  signIn,
  tokenRequest,
  userTokens,
  type TokenResponse,
} from '../test-support/oauth-client';
import { bearer, useSandbox } from '../test-support/sandbox-world';

const sandbox = useSandbox({ tokenTtlSeconds: 60 });
afterEach(() => {
  vi.useRealTimers();
});

async function listStatus(token: string): Promise<number> {
  const response = await fetch(`${sandbox().r2.baseUrl}customers?pagesize=1`, {
    headers: bearer(token),
  });
  return response.status;
}

async function refresh(refreshToken: string) {
  return tokenRequest(sandbox(), {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: sandbox().r2.publicClientId,
  });
}

describe('R2 OAuth server', () => {
  it('publishes RFC 8414 metadata with PKCE S256 and all three grants', async () => {
    const response = await fetch(`${sandbox().url}/.well-known/oauth-authorization-server`);
    expect(response.status).toBe(200);
    const metadata = (await response.json()) as Record<string, unknown>;
    expect(metadata.issuer).toBe(sandbox().r2.issuer);
    expect(metadata.authorization_endpoint).toBe(`${sandbox().url}/oauth/authorize`);
    expect(metadata.token_endpoint).toBe(`${sandbox().url}/oauth/token`);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']),
    );
    expect(metadata.response_types_supported).toEqual(['code']);
    // What Fieldbook's R2 form offers and ticks: the API scope, and offline_access for a refresh token.
    expect(metadata.scopes_supported).toEqual(
      expect.arrayContaining(['customers', 'offline_access']),
    );
  });

  it('refuses an empty grant and grants the API scope with a refresh token', async () => {
    const empty = await signIn(sandbox(), { challenge: pkcePair().challenge, scope: '' });
    expect(new URL(empty.leftTo ?? '').searchParams.get('error')).toBe('access_denied');

    const { verifier, challenge } = pkcePair();
    const granted = await signIn(sandbox(), { challenge, scope: 'offline_access customers' });
    const response = await tokenRequest(sandbox(), {
      grant_type: 'authorization_code',
      code: new URL(granted.leftTo ?? '').searchParams.get('code') ?? '',
      redirect_uri: granted.redirectUri,
      client_id: sandbox().r2.publicClientId,
      code_verifier: verifier,
    });
    const tokens = (await response.json()) as TokenResponse;
    expect(tokens.refresh_token).toBeTruthy();
    expect(await listStatus(tokens.access_token)).toBe(200);
  });

  it('signs the demo user in through the login form and redirects to a loopback port', async () => {
    const { challenge } = pkcePair();
    const { leftTo, form } = await signIn(sandbox(), {
      challenge,
      redirectUri: 'http://127.0.0.1:61999/callback',
    });
    expect(form).toContain('<label for="password">Password</label>');
    const redirect = new URL(leftTo ?? '');
    expect(redirect.origin).toBe('http://127.0.0.1:61999');
    expect(redirect.searchParams.get('state')).toBe('xyz');
    expect(redirect.searchParams.get('code')).toBeTruthy();
    expect(redirect.searchParams.get('iss')).toBe(sandbox().r2.issuer);
  });

  it('issues tokens that authorize R2 calls, with the configured lifetime', async () => {
    const tokens = await userTokens(sandbox());
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.expires_in).toBe(60);
    expect(tokens.refresh_token).toBeTruthy();
    expect(await listStatus(tokens.access_token)).toBe(200);
    // The server runs in this process: move its clock past the lifetime instead of waiting.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    expect(await listStatus(tokens.access_token)).toBe(401);
    vi.useRealTimers();
    const renewed = (await (await refresh(tokens.refresh_token ?? '')).json()) as TokenResponse;
    expect(await listStatus(renewed.access_token)).toBe(200);
  });

  it('shows the form again with a message for a wrong password', async () => {
    const { challenge } = pkcePair();
    const { response, leftTo } = await signIn(sandbox(), { challenge, password: 'wrong' });
    expect(leftTo).toBeUndefined();
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('The username or password is wrong.');
  });

  it('answers access_denied when the user cancels', async () => {
    const browser = new TestBrowser();
    const { challenge } = pkcePair();
    const { form } = await signIn(sandbox(), { challenge, password: 'wrong', browser });
    const abort = /action="([^"]+\/abort)"/.exec(form)?.[1] ?? '';
    const { leftTo } = await browser.submitForm(
      new URL(abort, sandbox().url).href,
      sandbox().url,
      {},
    );
    expect(new URL(leftTo ?? '').searchParams.get('error')).toBe('access_denied');
  });

  it('rejects a code redeemed with the wrong PKCE verifier', async () => {
    const { challenge } = pkcePair();
    const { leftTo, redirectUri } = await signIn(sandbox(), { challenge });
    const response = await tokenRequest(sandbox(), {
      grant_type: 'authorization_code',
      code: new URL(leftTo ?? '').searchParams.get('code') ?? '',
      redirect_uri: redirectUri,
      client_id: sandbox().r2.publicClientId,
      code_verifier: pkcePair().verifier,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('requires PKCE and a registered loopback redirect', async () => {
    const browser = new TestBrowser();
    const authorize = new URL('/oauth/authorize', sandbox().url);
    authorize.searchParams.set('client_id', sandbox().r2.publicClientId);
    authorize.searchParams.set('response_type', 'code');
    authorize.searchParams.set('scope', 'openid');
    authorize.searchParams.set('redirect_uri', 'http://127.0.0.1:5000/callback');
    const noPkce = await browser.follow(authorize.href, sandbox().url);
    expect(new URL(noPkce.leftTo ?? '').searchParams.get('error')).toBe('invalid_request');

    authorize.searchParams.set('code_challenge', pkcePair().challenge);
    authorize.searchParams.set('code_challenge_method', 'S256');
    authorize.searchParams.set('redirect_uri', 'https://evil.example/callback');
    const foreign = await browser.follow(authorize.href, sandbox().url);
    expect(foreign.leftTo).toBeUndefined();
    expect(foreign.response.status).toBe(400);
  });

  it('rotates refresh tokens and revokes the whole family when an old one is reused', async () => {
    const first = await userTokens(sandbox());
    const rotated = (await (await refresh(first.refresh_token ?? '')).json()) as TokenResponse;
    expect(rotated.refresh_token).toBeTruthy();
    expect(rotated.refresh_token).not.toBe(first.refresh_token);

    const reuse = await refresh(first.refresh_token ?? '');
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toMatchObject({ error: 'invalid_grant' });
    // The thief's replay cost the legitimate holder its session too: the family is gone.
    const afterReuse = await refresh(rotated.refresh_token ?? '');
    expect(afterReuse.status).toBe(400);
    expect(await listStatus(rotated.access_token)).toBe(401);
  });

  it('issues service tokens by client credentials and refuses a wrong secret', async () => {
    const tokens = await serviceTokens(sandbox());
    expect(tokens.refresh_token).toBeUndefined();
    expect(await listStatus(tokens.access_token)).toBe(200);

    const wrong = await tokenRequest(
      sandbox(),
      { grant_type: 'client_credentials' },
      {
        authorization: serviceAuthorization({
          ...sandbox(),
          r2: { ...sandbox().r2, serviceClientSecret: 'nope' },
        }),
      },
    );
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('refuses R2 calls without or with an unknown token', async () => {
    const none = await fetch(`${sandbox().r2.baseUrl}customers`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    const unknown = await fetch(`${sandbox().r2.baseUrl}customers`, {
      headers: bearer('not-a-token'),
    });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('www-authenticate')).toContain('invalid_token');
    expect(await unknown.json()).toEqual({
      errors: [
        { field: '', message: 'The access token is missing, invalid or expired. Sign in again.' },
      ],
    });
  });
});
