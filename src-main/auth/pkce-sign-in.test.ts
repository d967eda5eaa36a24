// The browser sign-in against the sandbox's real OAuth server, with the login form submitted the
// way a browser would (form-filling adapter), plus the ways it can end without tokens.
import { afterEach, describe, expect, it } from 'vitest';
import { createAuthWorld, findLeakedSecrets, type AuthWorld } from './test-support/auth-world';
import {
  createAbandoningBrowser,
  createFormFillingBrowser,
} from './test-support/form-filling-browser';
import { parseTokenSet } from './token-set';

let world: AuthWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i += 1) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error('condition never became true');
}

describe('R2 browser sign-in (Authorization Code + PKCE S256)', () => {
  it('signs in through the login form, stores the token set, and the token works on the API', async () => {
    const browser = createFormFillingBrowser();
    world = await createAuthWorld({ browser });
    const id = await world.pkceConnection();
    expect(await world.auth.status(id)).toEqual({
      ok: true,
      value: { state: 'signed_out' },
    });

    const result = await world.auth.signIn(id);
    await browser.settled();
    expect(result).toEqual({ ok: true, value: { state: 'signed_in' } });
    expect(world.changes.map((c) => c.state)).toEqual(['signing_in', 'signed_in']);

    const opened = new URL(browser.opened[0] ?? '');
    expect(opened.searchParams.get('code_challenge_method')).toBe('S256');
    expect(opened.searchParams.get('redirect_uri')).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/callback$/,
    );

    const stored = parseTokenSet(await world.secrets.get(id));
    expect(stored).toMatchObject({ kind: 'oauth_pkce' });
    const token = await world.auth.accessToken(id);
    expect(token.ok && token.value).toBe(stored?.accessToken);
    expect(await world.r2Status(token.ok ? token.value : '')).toBe(200);

    const secrets = [
      stored?.accessToken ?? '',
      stored?.kind === 'oauth_pkce' ? (stored.refreshToken ?? '') : '',
    ];
    expect(secrets[1]).not.toBe('');
    expect(
      findLeakedSecrets([result, world.changes, await world.auth.status(id)], secrets),
    ).toEqual([]);
  });

  it('refuses a loopback hit with the wrong state and still completes with the right one', async () => {
    const real = createFormFillingBrowser();
    const opened: string[] = [];
    const wrongStateAnswers: number[] = [];
    world = await createAuthWorld({
      browser: {
        async open(url) {
          opened.push(url);
          // A forged or stale redirect arrives first; the listener must refuse it and keep waiting.
          const redirect = new URL(url).searchParams.get('redirect_uri') ?? '';
          const forged = await fetch(`${redirect}?code=stolen-code&state=not-the-state`);
          wrongStateAnswers.push(forged.status);
          await forged.text();
          await real.open(url);
        },
      },
    });
    const id = await world.pkceConnection();
    const result = await world.auth.signIn(id);
    expect(wrongStateAnswers).toEqual([400]);
    expect(result).toEqual({ ok: true, value: { state: 'signed_in' } });
    expect(opened).toHaveLength(1);
    // Only the real code was exchanged.
    expect(world.tokenRequests).toHaveLength(1);
    expect(world.tokenRequests[0]).not.toContain('stolen-code');
  });

  it('closes the loopback listener after the one valid hit', async () => {
    const browser = createFormFillingBrowser();
    world = await createAuthWorld({ browser });
    const id = await world.pkceConnection();
    expect((await world.auth.signIn(id)).ok).toBe(true);
    const redirect = new URL(browser.opened[0] ?? '').searchParams.get('redirect_uri');
    await expect(fetch(`${redirect}?code=x&state=y`)).rejects.toThrow();
  });

  it('is cancelled from Fieldbook while the user has not finished in the browser', async () => {
    const browser = createAbandoningBrowser();
    world = await createAuthWorld({ browser });
    const id = await world.pkceConnection();
    const pending = world.auth.signIn(id);
    await until(() => browser.opened.length === 1);
    expect(await world.auth.status(id)).toMatchObject({ ok: true, value: { state: 'signing_in' } });
    await world.auth.cancelSignIn(id);
    expect(await pending).toEqual({
      ok: false,
      error: { kind: 'auth', message: 'Sign-in was cancelled.' },
    });
    expect(await world.auth.status(id)).toMatchObject({ ok: true, value: { state: 'signed_out' } });
    expect(world.changes.map((c) => c.state)).toEqual(['signing_in', 'signed_out']);
    expect(await world.secrets.get(id)).toBeNull();
  });

  it('a second sign-in that is cancelled settles back to signed_in with the earlier tokens', async () => {
    const fills = createFormFillingBrowser();
    const abandons = createAbandoningBrowser();
    let attempts = 0;
    // The person signs in once, then starts another sign-in and gives up on it.
    const browser = { open: (url: string) => (++attempts === 1 ? fills : abandons).open(url) };
    world = await createAuthWorld({ browser });
    const id = await world.pkceConnection();
    expect(await world.auth.signIn(id)).toMatchObject({ ok: true });
    await fills.settled();

    const pending = world.auth.signIn(id);
    await until(() => abandons.opened.length === 1);
    await world.auth.cancelSignIn(id);
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'auth' } });
    // Without the last change the window would go on showing "Signing in…".
    expect(world.changes.map((c) => c.state)).toEqual([
      'signing_in',
      'signed_in',
      'signing_in',
      'signed_in',
    ]);
    expect(world.changes.every((c) => c.connectionId === id)).toBe(true);
    expect(await world.auth.status(id)).toEqual({ ok: true, value: { state: 'signed_in' } });
  });

  it('times out when the browser never comes back', async () => {
    const browser = createAbandoningBrowser();
    world = await createAuthWorld({ browser });
    const id = await world.pkceConnection();
    const pending = world.auth.signIn(id, { timeoutMs: 120_000 });
    await until(() => browser.opened.length === 1 && world?.clock.pending() === 1);
    world.clock.advance(119_999);
    expect(await world.auth.status(id)).toMatchObject({ ok: true, value: { state: 'signing_in' } });
    world.clock.advance(1);
    const result = await pending;
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth' } });
    expect(result.ok || result.error.message).toMatch(/timed out.*2 minutes/);
    expect(await world.auth.status(id)).toMatchObject({ ok: true, value: { state: 'signed_out' } });
  });

  it('reports a press on the login page’s Cancel button as a cancelled sign-in', async () => {
    world = await createAuthWorld({ browser: createFormFillingBrowser({ action: 'cancel' }) });
    const id = await world.pkceConnection();
    const result = await world.auth.signIn(id);
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth' } });
    expect(result.ok || result.error.message).toMatch(
      /^Sign-in was cancelled or refused in the browser \(R2 said: The user cancelled the sign-in\.\)\./,
    );
    expect(world.tokenRequests).toEqual([]);
  });

  it('works with endpoints typed in by hand instead of an issuer', async () => {
    world = await createAuthWorld();
    const base = world.sandbox.url;
    const id = await world.createConnection({
      kind: 'r2',
      name: 'Manual',
      baseUrl: world.sandbox.r2.baseUrl,
      auth: {
        mode: 'pkce',
        clientId: world.sandbox.r2.publicClientId,
        authorizationEndpoint: `${base}/oauth/authorize`,
        tokenEndpoint: `${base}/oauth/token`,
        scope: 'customers',
      },
    });
    expect(await world.auth.signIn(id)).toMatchObject({ ok: true });
    const token = await world.auth.accessToken(id);
    expect(await world.r2Status(token.ok ? token.value : '')).toBe(200);
  });

  it('says clearly when no browser could be opened', async () => {
    world = await createAuthWorld({
      browser: { open: () => Promise.reject(new Error('xdg-open: no method available')) },
    });
    const id = await world.pkceConnection();
    const result = await world.auth.signIn(id);
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth' } });
    expect(result.ok || result.error.message).toMatch(/could not open your web browser/);
    expect(await world.auth.status(id)).toMatchObject({ ok: true, value: { state: 'signed_out' } });
  });

  it('says clearly when the sign-in server cannot be reached', async () => {
    world = await createAuthWorld();
    const id = await world.createConnection({
      kind: 'r2',
      name: 'Nowhere',
      baseUrl: 'https://r2.example.com/',
      auth: { mode: 'pkce', clientId: 'fb', issuer: 'http://127.0.0.1:9/' },
    });
    const result = await world.auth.signIn(id);
    expect(result).toMatchObject({ ok: false, error: { kind: 'network' } });
    expect(result.ok || result.error.message).toMatch(
      /could not reach the sign-in server at 127\.0\.0\.1:9/,
    );
    expect(await world.auth.status(id)).toMatchObject({ ok: true, value: { state: 'signed_out' } });
  });
});
