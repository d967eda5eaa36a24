// How sign-in behaves when the secret store cannot help: a keychain that fails now and then, and a
// machine with no acceptable store at all (createRefusingSecretStore).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createMemorySecretStore,
  createRefusingSecretStore,
  type SecretStore,
} from '../secrets/secret-store';
import { createRevnueAuthWorld } from './test-support/revnue-auth-world';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fieldbook-auth-storage-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const world = (secrets: SecretStore) => createRevnueAuthWorld(dir, secrets);

const TOKEN = 'rvn_abcdef0123456789';

describe('auth service and its secret store', () => {
  it('passes the refusing store’s explanation on; connections show signed out and can be deleted', async () => {
    const message = 'Fieldbook found no secure place on this computer to keep your sign-in.';
    const { connections, auth, id } = await world(createRefusingSecretStore(message));
    expect(await auth.setToken(id, TOKEN)).toEqual({ ok: false, error: { kind: 'auth', message } });
    // Nothing can have been stored, so the connection is simply signed out (and listable).
    expect(await auth.status(id)).toMatchObject({ ok: true, value: { state: 'signed_out' } });
    expect(await auth.accessToken(id)).toMatchObject({ ok: false, error: { kind: 'auth' } });
    expect((await connections.delete(id)).ok).toBe(true);
  });

  it('does not count a sign-in as done when the keychain refused to store it', async () => {
    const memory = createMemorySecretStore();
    let refuse = true;
    const flaky: SecretStore = {
      ...memory,
      set: (account, secret) =>
        refuse ? Promise.reject(new Error('locked')) : memory.set(account, secret),
    };
    const { auth, id } = await world(flaky);
    const result = await auth.setToken(id, TOKEN);
    expect(result).toMatchObject({ ok: false, error: { kind: 'server' } });
    expect(result.ok || result.error.message).toMatch(/Unlock the keychain/);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(await auth.status(id)).toMatchObject({ ok: true, value: { state: 'signed_out' } });
    refuse = false;
    expect(await auth.setToken(id, TOKEN)).toMatchObject({ ok: true });
    expect(await auth.accessToken(id)).toEqual({ ok: true, value: TOKEN });
  });

  it('tells every listener about sign-in and sign-out, even when one listener throws', async () => {
    const { auth, id } = await world(createMemorySecretStore());
    const seen: string[] = [];
    auth.onStateChange(() => {
      throw new Error('broken listener');
    });
    const stop = auth.onStateChange((change) =>
      seen.push(`${change.connectionId}:${change.state}`),
    );
    await auth.setToken(id, TOKEN);
    await auth.signOut(id);
    stop();
    await auth.setToken(id, TOKEN);
    expect(seen).toEqual([`${id}:signed_in`, `${id}:signed_out`]);
  });
});
