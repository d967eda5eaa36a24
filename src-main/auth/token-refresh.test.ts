// Refresh against the sandbox's real token endpoint: single-flight under load, rotation stored
// before use, and what happens when a stolen, already-rotated refresh token is replayed.
import { afterEach, describe, expect, it } from 'vitest';
import { createAuthWorld, findLeakedSecrets, type AuthWorld } from './test-support/auth-world';
import { parseTokenSet, type TokenSet } from './token-set';

let world: AuthWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const HOUR = 3_600_000;

async function signedIn(): Promise<{ world: AuthWorld; id: string; tokens: TokenSet }> {
  const w = await createAuthWorld();
  world = w;
  const id = await w.pkceConnection();
  const signIn = await w.auth.signIn(id);
  if (!signIn.ok) throw new Error(signIn.error.message);
  const tokens = parseTokenSet(await w.secrets.get(id));
  if (!tokens) throw new Error('no tokens stored');
  w.tokenRequests.length = 0;
  return { world: w, id, tokens };
}

const refreshTokenOf = (tokens: TokenSet | null) =>
  tokens?.kind === 'oauth_pkce' ? tokens.refreshToken : undefined;

describe('R2 token refresh', () => {
  it('hands out the stored token without any token request while it is fresh', async () => {
    const { world, id, tokens } = await signedIn();
    const results = await Promise.all(Array.from({ length: 20 }, () => world.auth.accessToken(id)));
    expect(new Set(results.map((r) => r.ok && r.value))).toEqual(new Set([tokens.accessToken]));
    expect(world.tokenRequests).toEqual([]);
  });

  it('makes exactly one token request for 100 concurrent callers that meet an expired token', async () => {
    const { world, id, tokens } = await signedIn();
    const before = world.sandbox.state().requests['POST /oauth/token'] ?? 0;
    world.clock.advance(2 * HOUR);

    const results = await Promise.all(
      Array.from({ length: 100 }, () => world.auth.accessToken(id)),
    );

    expect(world.tokenRequests).toHaveLength(1);
    expect(world.tokenRequests[0]).toContain('grant_type=refresh_token');
    expect((world.sandbox.state().requests['POST /oauth/token'] ?? 0) - before).toBe(1);
    const handedOut = new Set(results.map((r) => (r.ok ? r.value : r.error.message)));
    expect(handedOut.size).toBe(1);
    const stored = parseTokenSet(await world.secrets.get(id));
    // Rotated, stored, and the stored access token is the one everybody got.
    expect([...handedOut][0]).toBe(stored?.accessToken);
    expect(stored?.accessToken).not.toBe(tokens.accessToken);
    expect(refreshTokenOf(stored)).not.toBe(refreshTokenOf(tokens));
    expect(await world.r2Status(stored?.accessToken ?? '')).toBe(200);
  });

  it('refreshes once after a 401, and not again for callers holding the rejected token', async () => {
    const { world, id, tokens } = await signedIn();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => world.auth.refreshAfterUnauthorized(id, tokens.accessToken)),
    );
    expect(world.tokenRequests).toHaveLength(1);
    const fresh = new Set(results.map((r) => r.ok && r.value));
    expect(fresh.size).toBe(1);
    expect([...fresh][0]).not.toBe(tokens.accessToken);
    // A late caller with the old token gets the new one without another request.
    const late = await world.auth.refreshAfterUnauthorized(id, tokens.accessToken);
    expect(late.ok && late.value).toBe([...fresh][0]);
    expect(world.tokenRequests).toHaveLength(1);
  });

  it('signs out (tokens only) when a replayed old refresh token made the server revoke the family', async () => {
    const { world, id, tokens } = await signedIn();
    const stolen = refreshTokenOf(tokens) ?? '';

    world.clock.advance(2 * HOUR);
    const rotated = await world.auth.accessToken(id);
    expect(rotated.ok).toBe(true);
    const afterRotation = parseTokenSet(await world.secrets.get(id));
    expect(refreshTokenOf(afterRotation)).not.toBe(stolen);

    // Someone replays the stolen (already rotated-out) refresh token.
    expect(await world.replayRefreshToken(stolen)).toBe('invalid_grant');

    // Our next refresh uses the newest refresh token — which the server revoked with its family.
    world.changes.length = 0;
    world.clock.advance(2 * HOUR);
    const result = await world.auth.accessToken(id);
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth' } });
    expect(result.ok || result.error.message).toMatch(/Sign in again.*unsynced changes are kept/);
    expect(await world.auth.status(id)).toMatchObject({ ok: true, value: { state: 'signed_out' } });
    expect(world.changes).toEqual([
      expect.objectContaining({ connectionId: id, state: 'signed_out' }),
    ]);
    // Only the tokens went: the connection (and so the renderer's queue for it) is untouched.
    expect(await world.secrets.get(id)).toBeNull();
    expect(await world.connections.get(id)).toMatchObject({ ok: true, value: { id } });

    const everySecret = [
      tokens.accessToken,
      stolen,
      afterRotation?.accessToken ?? '',
      refreshTokenOf(afterRotation) ?? '',
    ];
    expect(
      findLeakedSecrets([result, world.changes, rotated.ok ? null : rotated], everySecret),
    ).toEqual([]);
  });

  it('keeps the tokens when the token endpoint is unreachable, and reports a network error', async () => {
    const { world, id, tokens } = await signedIn();
    await world.sandbox.close();
    world.clock.advance(2 * HOUR);
    const result = await world.auth.accessToken(id);
    expect(result).toMatchObject({ ok: false, error: { kind: 'network' } });
    expect(parseTokenSet(await world.secrets.get(id))).toEqual(tokens);
    expect(await world.auth.status(id)).toMatchObject({ ok: true, value: { state: 'signed_in' } });
  });

  it('does not hand out a rotated token the keychain refused to store', async () => {
    const { world, id } = await signedIn();
    const realSet = world.secrets.set;
    world.secrets.set = () => Promise.reject(new Error('keyring locked'));
    world.clock.advance(2 * HOUR);
    const refused = await world.auth.accessToken(id);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'server' } });
    expect(refused.ok || refused.error.message).toMatch(/keychain/);

    world.secrets.set = realSet;
    const retried = await world.auth.accessToken(id);
    // The rotated set, kept in memory, is now stored first and then handed out — no new request.
    expect(world.tokenRequests).toHaveLength(1);
    expect(retried.ok && retried.value).toBe(
      parseTokenSet(await world.secrets.get(id))?.accessToken,
    );
  });

  it('sign-out removes the tokens and a later accessToken asks to sign in', async () => {
    const { world, id } = await signedIn();
    expect(await world.auth.signOut(id)).toEqual({ ok: true, value: undefined });
    expect(await world.secrets.get(id)).toBeNull();
    expect(await world.auth.accessToken(id)).toEqual({
      ok: false,
      error: {
        kind: 'auth',
        message: 'Sign in to R2 to sync this connection. Your unsynced changes are kept.',
      },
    });
  });
});
