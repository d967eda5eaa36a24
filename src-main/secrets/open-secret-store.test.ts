import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSecretStore, type SecretStoreCandidates } from './open-secret-store';
import { createMemorySecretStore } from './secret-store';
import { readWeakStorageConsent, writeWeakStorageConsent } from './weak-storage-consent';
import type { SafeStorageBackend } from './choose-secret-store';

function candidates(keytar: boolean | 'throws', backend: SafeStorageBackend) {
  const keychain = createMemorySecretStore();
  const safe = createMemorySecretStore();
  const value: SecretStoreCandidates = {
    keychain: {
      works: async () => {
        if (keytar === 'throws') throw new Error('no D-Bus');
        return keytar;
      },
      open: () => keychain,
    },
    safeStorage: { backend: () => backend, open: () => safe },
  };
  return { value, keychain, safe };
}

describe('openSecretStore', () => {
  it('opens the keychain store when keytar works', async () => {
    const c = candidates(true, 'basic_text');
    const opened = await openSecretStore(c.value, false);
    expect(opened.store).toBe(c.keychain);
    expect(opened.choice).toEqual({ kind: 'keychain' });
  });

  it('treats a keytar probe that throws as "no keychain" and uses a strong safeStorage', async () => {
    const c = candidates('throws', 'gnome_libsecret');
    const opened = await openSecretStore(c.value, false);
    expect(opened.store).toBe(c.safe);
    expect(opened.choice).toEqual({ kind: 'safe_storage', weak: false });
  });

  it('refuses with a store that explains why when only basic_text exists, unless accepted', async () => {
    const refused = await openSecretStore(candidates(false, 'basic_text').value, false);
    expect(refused.choice).toMatchObject({ kind: 'refused', canAcceptWeakStorage: true });
    await expect(refused.store.set('c1', 'tokens')).rejects.toThrow(/weaker protection/);
    await expect(refused.store.delete('c1')).resolves.toBeUndefined();
    const c = candidates(false, 'basic_text');
    const accepted = await openSecretStore(c.value, true);
    expect(accepted.choice).toEqual({ kind: 'safe_storage', weak: true });
    expect(accepted.store).toBe(c.safe);
  });
});

describe('weak-storage consent', () => {
  it('is off until written, survives a restart, and can be withdrawn', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fieldbook-consent-'));
    try {
      expect(await readWeakStorageConsent(dir)).toBe(false);
      await writeWeakStorageConsent(dir, true);
      expect(await readWeakStorageConsent(dir)).toBe(true);
      await writeWeakStorageConsent(dir, false);
      expect(await readWeakStorageConsent(dir)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
