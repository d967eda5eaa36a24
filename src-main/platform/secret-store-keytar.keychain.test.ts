// Runs only inside scripts/with-keyring.sh (npm run test:keychain): a throw-away gnome-keyring on a
// private D-Bus session, and a random service name, so a developer's real entries are never touched.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { describe, expect, it } from 'vitest';
import { createRevnueAuthWorld } from '../auth/test-support/revnue-auth-world';
import { createKeytarSecretStore, KEYCHAIN_SERVICE, keytarWorks } from './secret-store-keytar';

if (!process.env.FIELDBOOK_IN_PRIVATE_BUS) {
  throw new Error(
    'Keychain tests must run inside the private keyring: use `npm run test:keychain`, never plain vitest.',
  );
}

const service = `Fieldbook-test-${randomUUID()}`;

describe('keytar secret store (private gnome-keyring)', () => {
  it('never uses the real service name in tests', () => {
    expect(service).not.toBe(KEYCHAIN_SERVICE);
  });

  it('finds a working Secret Service', async () => {
    expect(await keytarWorks(service)).toBe(true);
  });

  it('round-trips a token set per connection and deletes it', async () => {
    const store = createKeytarSecretStore(service);
    const tokens = JSON.stringify({
      kind: 'oauth_pkce',
      accessToken: 'AT-1',
      refreshToken: 'RT-1',
      obtainedAt: 1,
    });
    await store.set('connection-a', tokens);
    await store.set('connection-b', 'other');
    expect(await store.get('connection-a')).toBe(tokens);

    await store.set('connection-a', 'rotated');
    expect(await store.get('connection-a')).toBe('rotated');

    await store.delete('connection-a');
    expect(await store.get('connection-a')).toBeNull();
    expect(await store.get('connection-b')).toBe('other');
    await store.delete('connection-b');
    // Deleting what is not there is not an error.
    await expect(store.delete('connection-b')).resolves.toBeUndefined();
  });
});

describe('sign-in secrets in the private keyring', () => {
  it('keeps a verified Revnue token only in the keyring, and sign-out and delete remove it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fieldbook-keychain-'));
    try {
      const secrets = createKeytarSecretStore(service);
      const { connections, auth, id } = await createRevnueAuthWorld(dir, secrets);
      const token = `rvn_${randomUUID()}`;

      expect((await auth.setToken(id, token)).ok).toBe(true);
      const entries = await keytar.findCredentials(service);
      expect(entries.map((e) => e.account)).toEqual([id]);
      expect(entries[0]?.password).toContain(token);
      expect(await readFile(join(dir, 'connections.json'), 'utf8')).not.toContain(token);

      expect((await auth.signOut(id)).ok).toBe(true);
      expect(await keytar.findCredentials(service)).toEqual([]);

      expect((await auth.setToken(id, token)).ok).toBe(true);
      expect((await connections.delete(id)).ok).toBe(true);
      expect(await keytar.findCredentials(service)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
