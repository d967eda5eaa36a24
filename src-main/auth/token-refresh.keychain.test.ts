// Refresh-token rotation on the real keyring (npm run test:keychain only: a throw-away
// gnome-keyring on a private D-Bus session, and a random service name, so a developer's real
// entries are never touched). The memory-store version of these checks is token-refresh.test.ts.
import { randomUUID } from 'node:crypto';
// eslint-disable-next-line no-restricted-imports -- this test checks what the real keyring holds, so it reads it directly, not through the adapter under test
import keytar from 'keytar';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeytarSecretStore, KEYCHAIN_SERVICE } from '../platform/secret-store-keytar';
import { createAuthWorld, type AuthWorld } from './test-support/auth-world';
import { parseTokenSet, type TokenSet } from './token-set';

if (!process.env.FIELDBOOK_IN_PRIVATE_BUS) {
  throw new Error(
    'Keychain tests must run inside the private keyring: use `npm run test:keychain`, never plain vitest.',
  );
}

const service = `Fieldbook-test-${randomUUID()}`;
const HOUR = 3_600_000;

let world: AuthWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
  for (const entry of await keytar.findCredentials(service)) {
    await keytar.deletePassword(service, entry.account);
  }
});

/** The refresh token the keyring itself holds for `id`, read with keytar directly. */
async function refreshTokenInKeyring(id: string): Promise<string | undefined> {
  const tokens: TokenSet | null = parseTokenSet(await keytar.getPassword(service, id));
  return tokens?.kind === 'oauth_pkce' ? tokens.refreshToken : undefined;
}

describe('R2 refresh rotation in the private gnome-keyring', () => {
  it('never uses the real service name', () => {
    expect(service).not.toBe(KEYCHAIN_SERVICE);
  });

  it('stores each rotated refresh token in the keyring; a replay revokes the family and signs out', async () => {
    world = await createAuthWorld({ secrets: createKeytarSecretStore(service) });
    const id = await world.pkceConnection();
    // PKCE sign-in, with the sandbox's login form submitted as a browser would.
    expect(await world.auth.signIn(id)).toMatchObject({ ok: true, value: { state: 'signed_in' } });
    const first = await refreshTokenInKeyring(id);
    expect(first).toEqual(expect.any(String));
    expect((await keytar.findCredentials(service)).map((e) => e.account)).toEqual([id]);

    // Expired: the next token request is a refresh, and the rotated token lands in the keyring.
    world.tokenRequests.length = 0;
    world.clock.advance(2 * HOUR);
    const refreshed = await world.auth.accessToken(id);
    expect(refreshed.ok).toBe(true);
    expect(world.tokenRequests).toHaveLength(1);
    expect(world.tokenRequests[0]).toContain('grant_type=refresh_token');
    const rotated = await refreshTokenInKeyring(id);
    expect(rotated).toEqual(expect.any(String));
    expect(rotated).not.toBe(first);
    // What the keyring holds is what works: the access token handed out is the stored one.
    const stored = parseTokenSet(await keytar.getPassword(service, id));
    expect(refreshed.ok && refreshed.value).toBe(stored?.accessToken);
    expect(await world.r2Status(stored?.accessToken ?? '')).toBe(200);

    // Someone replays the first (rotated-out) refresh token: the server revokes the family…
    expect(await world.replayRefreshToken(first ?? '')).toBe('invalid_grant');
    // …so our next refresh, with the newest token, gets invalid_grant and signs out.
    world.clock.advance(2 * HOUR);
    const result = await world.auth.accessToken(id);
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth' } });
    expect(result.ok || result.error.message).toMatch(/Sign in again.*unsynced changes are kept/);
    expect(await world.auth.status(id)).toMatchObject({ ok: true, value: { state: 'signed_out' } });
    expect(await keytar.findCredentials(service)).toEqual([]);
    // Only the tokens went: the connection itself is still there.
    expect(await world.connections.get(id)).toMatchObject({ ok: true, value: { id } });
  });
});
