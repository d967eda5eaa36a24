import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SafeStorageBackend } from './choose-secret-store';
import { openSecretStore, type SecretStoreCandidates } from './open-secret-store';
import { fixedSecretStoreSelector, selectSecretStore } from './secret-store-selector';
import { createMemorySecretStore } from './secret-store';
import { readWeakStorageConsent } from './weak-storage-consent';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fieldbook-storage-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A machine without keytar whose safeStorage has `backend`; `keyring` may appear later. */
function machine(backend: SafeStorageBackend) {
  const weakStore = createMemorySecretStore();
  const keychainStore = createMemorySecretStore();
  const facts = { keyring: false };
  const candidates: SecretStoreCandidates = {
    keychain: { works: async () => facts.keyring, open: () => keychainStore },
    safeStorage: { backend: () => backend, open: () => weakStore },
  };
  const open = vi.fn((accepted: boolean) => openSecretStore(candidates, accepted));
  return { weakStore, keychainStore, facts, open };
}

describe('selectSecretStore', () => {
  it('refuses, then after consent swaps to weak storage at once and keeps the consent', async () => {
    const m = machine('basic_text');
    const log = vi.fn();
    const selector = await selectSecretStore({ userDataDir: dir, open: m.open, log });
    expect(selector.status()).toMatchObject({ store: 'unavailable', canAcceptWeakStorage: true });
    expect(selector.status().message).toMatch(/Keep sign-ins with weaker protection/);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('no place to keep sign-ins'));
    await expect(selector.store.set('c1', 'token-set')).rejects.toThrow(/no secure place/);

    const store = selector.store;
    expect(await selector.acceptWeakStorage()).toEqual({ ok: true, value: { store: 'weak' } });
    expect(selector.status()).toEqual({ store: 'weak' });
    // The same object the services hold now reads and writes the weak store.
    expect(selector.store).toBe(store);
    await selector.store.set('c1', 'token-set');
    expect(await selector.store.get('c1')).toBe('token-set');
    expect(await m.weakStore.get('c1')).toBe('token-set');
    expect(JSON.parse(await readFile(join(dir, 'secret-storage.json'), 'utf8'))).toEqual({
      acceptWeakStorage: true,
    });

    // The next start opens the weak store straight away.
    const restarted = await selectSecretStore({ userDataDir: dir, open: m.open });
    expect(restarted.status()).toEqual({ store: 'weak' });
    expect(m.open).toHaveBeenLastCalledWith(true);
  });

  it('accepts once for a double click', async () => {
    const m = machine('basic_text');
    const selector = await selectSecretStore({ userDataDir: dir, open: m.open });
    const answers = await Promise.all([selector.acceptWeakStorage(), selector.acceptWeakStorage()]);
    expect(answers).toEqual([
      { ok: true, value: { store: 'weak' } },
      { ok: true, value: { store: 'weak' } },
    ]);
    expect(m.open).toHaveBeenCalledTimes(2); // at start, and once with consent
  });

  it('prefers a keyring that started since launch, and then writes no consent', async () => {
    const m = machine('basic_text');
    const selector = await selectSecretStore({ userDataDir: dir, open: m.open });
    m.facts.keyring = true;
    expect(await selector.acceptWeakStorage()).toEqual({ ok: true, value: { store: 'keychain' } });
    await selector.store.set('c1', 'x');
    expect(await m.keychainStore.get('c1')).toBe('x');
    expect(await readWeakStorageConsent(dir)).toBe(false);
  });

  it('says why when even weak storage cannot exist, and writes no consent', async () => {
    const m = machine('unavailable');
    const selector = await selectSecretStore({ userDataDir: dir, open: m.open });
    expect(selector.status()).toMatchObject({ store: 'unavailable', canAcceptWeakStorage: false });
    const answer = await selector.acceptWeakStorage();
    expect(answer).toMatchObject({ ok: false, error: { kind: 'auth' } });
    expect(answer.ok || answer.error.message).toMatch(/Start or install a keyring/);
    expect(selector.status().store).toBe('unavailable');
    expect(await readWeakStorageConsent(dir)).toBe(false);
  });

  it('changes nothing when the store is already acceptable', async () => {
    const m = machine('gnome_libsecret');
    const selector = await selectSecretStore({ userDataDir: dir, open: m.open });
    expect(selector.status()).toEqual({ store: 'safe_storage' });
    expect(await selector.acceptWeakStorage()).toEqual({
      ok: true,
      value: { store: 'safe_storage' },
    });
    expect(m.open).toHaveBeenCalledTimes(1);
    expect(await readWeakStorageConsent(dir)).toBe(false);
  });
});

describe('fixedSecretStoreSelector', () => {
  it('reports a test store as memory and has nothing to accept', async () => {
    const store = createMemorySecretStore();
    const selector = fixedSecretStoreSelector(store);
    expect(selector.store).toBe(store);
    expect(await selector.acceptWeakStorage()).toEqual({ ok: true, value: { store: 'memory' } });
    expect(selector.status()).toEqual({ store: 'memory' });
  });
});
