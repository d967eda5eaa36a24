// The two sign-ins without a browser: R2's client-credentials grant for service accounts, and
// Revnue's pasted admin token, verified with one cheap call before anything is saved.
import { afterEach, describe, expect, it } from 'vitest';
import { createAuthWorld, findLeakedSecrets, type AuthWorld } from './test-support/auth-world';
import { parseTokenSet } from './token-set';

let world: AuthWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function serviceConnection(w: AuthWorld): Promise<string> {
  return w.createConnection({
    kind: 'r2',
    name: 'R2 service',
    baseUrl: w.sandbox.r2.baseUrl,
    auth: {
      mode: 'client_credentials',
      clientId: w.sandbox.r2.serviceClientId,
      issuer: w.sandbox.r2.issuer,
      scope: 'customers',
    },
  });
}

async function revnueConnection(w: AuthWorld): Promise<string> {
  return w.createConnection({
    kind: 'revnue-v2',
    name: 'Revnue',
    baseUrl: w.sandbox.revnue.baseUrl,
    auth: { mode: 'admin_token' },
    company: w.sandbox.revnue.company,
  });
}

describe('R2 service account (client credentials)', () => {
  it('signs in with the client secret, and renews with it when the token expires', async () => {
    world = await createAuthWorld();
    const id = await serviceConnection(world);
    const secret = world.sandbox.r2.serviceClientSecret;
    const result = await world.auth.signInService(id, `  ${secret}\n`);
    expect(result).toEqual({ ok: true, value: { state: 'signed_in' } });
    const first = await world.auth.accessToken(id);
    expect(await world.r2Status(first.ok ? first.value : '')).toBe(200);

    world.clock.advance(2 * 3_600_000);
    const renewed = await Promise.all(
      Array.from({ length: 10 }, () => world!.auth.accessToken(id)),
    );
    expect(world.tokenRequests).toHaveLength(2);
    expect(
      world.tokenRequests.every((body) => body.includes('grant_type=client_credentials')),
    ).toBe(true);
    const value = renewed[0]?.ok ? renewed[0].value : '';
    expect(value).not.toBe(first.ok && first.value);
    expect(await world.r2Status(value)).toBe(200);
    expect(
      findLeakedSecrets(
        [result, renewed.slice(1).filter((r) => !r.ok), world.changes],
        [secret, value],
      ),
    ).toEqual([]);
  });

  it('refuses a wrong or empty client secret and saves nothing', async () => {
    world = await createAuthWorld();
    const id = await serviceConnection(world);
    const wrong = await world.auth.signInService(id, 'not-the-secret-123');
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'auth' } });
    expect(wrong.ok || wrong.error.message).toMatch(
      /did not accept this app's client ID or secret/,
    );
    expect(JSON.stringify(wrong)).not.toContain('not-the-secret-123');
    expect(await world.auth.signInService(id, '   ')).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(await world.secrets.get(id)).toBeNull();
    expect(await world.auth.status(id)).toMatchObject({ ok: true, value: { state: 'signed_out' } });
  });

  it('points the user to the right sign-in for each connection', async () => {
    world = await createAuthWorld();
    const service = await serviceConnection(world);
    const browser = await world.pkceConnection();
    const revnue = await revnueConnection(world);
    expect(await world.auth.signIn(service)).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(await world.auth.signInService(browser, 'x')).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(await world.auth.setToken(browser, 'x')).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(await world.auth.signIn(revnue)).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(await world.auth.status('no-such-connection')).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });
});

describe('Revnue admin token', () => {
  it('verifies a pasted token with one call, trims it and keeps it', async () => {
    world = await createAuthWorld();
    const id = await revnueConnection(world);
    const token = world.sandbox.revnue.token;
    const before = world.sandbox.state().requests['GET /api/v2/company/'] ?? 0;
    const result = await world.auth.setToken(id, `\n  ${token}  \n`);
    expect(result).toEqual({ ok: true, value: { state: 'signed_in' } });
    expect((world.sandbox.state().requests['GET /api/v2/company/'] ?? 0) - before).toBe(1);
    expect(parseTokenSet(await world.secrets.get(id))).toEqual({
      kind: 'revnue_token',
      accessToken: token,
    });
    expect(await world.auth.accessToken(id)).toEqual({ ok: true, value: token });
    expect(findLeakedSecrets([result, world.changes], [token])).toEqual([]);
  });

  it('refuses a token Revnue does not accept, saving nothing', async () => {
    world = await createAuthWorld();
    const id = await revnueConnection(world);
    const result = await world.auth.setToken(id, 'rvn_0000000000000000000000000000000000000000');
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth', status: 401 } });
    expect(result.ok || result.error.message).toMatch(/^This token was not accepted by Revnue/);
    expect(JSON.stringify(result)).not.toContain('rvn_0000');
    expect(await world.secrets.get(id)).toBeNull();
  });

  it('checks a token before any connection exists: the companies, and nothing saved', async () => {
    world = await createAuthWorld();
    const { baseUrl, token } = world.sandbox.revnue;
    const result = await world.auth.checkRevnueToken(baseUrl, ` ${token} `);
    expect(result.ok && result.value.map((company) => company.id)).toEqual([1, 2]);
    expect(findLeakedSecrets([result], [token])).toEqual([]);
    const refused = await world.auth.checkRevnueToken(baseUrl, 'rvn_0000000000000000000000000');
    expect(refused).toMatchObject({ ok: false, error: { kind: 'auth', status: 401 } });
    expect(world.changes).toEqual([]);
  });

  it('refuses empty and malformed pastes before calling Revnue', async () => {
    world = await createAuthWorld();
    const id = await revnueConnection(world);
    for (const pasted of ['', '   \n', 42, 'two words']) {
      expect(await world.auth.setToken(id, pasted)).toMatchObject({
        ok: false,
        error: { kind: 'validation' },
      });
    }
    expect(world.sandbox.state().requests['GET /api/v2/company/'] ?? 0).toBe(0);
  });

  it('signs out when Revnue later rejects the saved token (revoked by the admin)', async () => {
    world = await createAuthWorld();
    const id = await revnueConnection(world);
    const token = world.sandbox.revnue.token;
    expect((await world.auth.setToken(id, token)).ok).toBe(true);
    const result = await world.auth.refreshAfterUnauthorized(id, token);
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth' } });
    expect(result.ok || result.error.message).toMatch(
      /Paste a new token.*unsynced changes are kept/,
    );
    expect(await world.secrets.get(id)).toBeNull();
    expect(await world.connections.get(id)).toMatchObject({ ok: true });
    expect(JSON.stringify([result, world.changes])).not.toContain(token);
  });

  it('deleting the connection deletes its token', async () => {
    world = await createAuthWorld();
    const id = await revnueConnection(world);
    expect((await world.auth.setToken(id, world.sandbox.revnue.token)).ok).toBe(true);
    expect((await world.connections.delete(id)).ok).toBe(true);
    expect(await world.secrets.get(id)).toBeNull();
    expect(await world.auth.accessToken(id)).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });
});
