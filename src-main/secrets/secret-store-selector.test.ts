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

describe('withdrawing the weak-storage consent', () => {
  async function consented() {
    const m = machine('basic_text');
    const selector = await selectSecretStore({ userDataDir: dir, open: m.open });
    await selector.acceptWeakStorage();
    await selector.store.set('c1', 'token-set');
    return { m, selector };
  }

  it('saves the withdrawal, lets `forget` delete from the weak store, then refuses again', async () => {
    const { m, selector } = await consented();
    const forget = vi.fn(async () => {
      // Still the weak store while forgetting: this is how its secrets get deleted.
      expect(selector.status()).toEqual({ store: 'weak' });
      expect(await readWeakStorageConsent(dir)).toBe(false);
      await selector.store.delete('c1');
    });
    const answer = await selector.withdrawWeakStorage(forget);
    expect(answer).toMatchObject({
      ok: true,
      value: { store: 'unavailable', canAcceptWeakStorage: true },
    });
    expect(forget).toHaveBeenCalledTimes(1);
    expect(m.weakStore.accounts()).toEqual([]);
    expect(m.open).toHaveBeenLastCalledWith(false);
    await expect(selector.store.set('c1', 'x')).rejects.toThrow(/no secure place/);
    // A restart asks without consent, and consent can be given again.
    const restarted = await selectSecretStore({ userDataDir: dir, open: m.open });
    expect(restarted.status().store).toBe('unavailable');
    expect(await selector.acceptWeakStorage()).toEqual({ ok: true, value: { store: 'weak' } });
  });

  it('keeps the weak store when forgetting fails, so withdrawing can be retried', async () => {
    const { m, selector } = await consented();
    const failed = await selector.withdrawWeakStorage(async () => {
      throw new Error('disk error');
    });
    expect(failed).toMatchObject({ ok: false, error: { kind: 'server' } });
    expect(failed.ok || failed.error.message).toMatch(/could not delete.*disk error.*Try again/);
    expect(selector.status()).toEqual({ store: 'weak' });
    expect(await m.weakStore.get('c1')).toBe('token-set');
    const retried = await selector.withdrawWeakStorage(() => selector.store.delete('c1'));
    expect(retried).toMatchObject({ ok: true, value: { store: 'unavailable' } });
    expect(m.weakStore.accounts()).toEqual([]);
  });

  it('changes nothing and forgets nothing without weak storage', async () => {
    const m = machine('gnome_libsecret');
    const selector = await selectSecretStore({ userDataDir: dir, open: m.open });
    const forget = vi.fn(async () => {});
    expect(await selector.withdrawWeakStorage(forget)).toEqual({
      ok: true,
      value: { store: 'safe_storage' },
    });
    expect(forget).not.toHaveBeenCalled();
    expect(m.open).toHaveBeenCalledTimes(1);
  });

  it('a test store has nothing to withdraw', async () => {
    const selector = fixedSecretStoreSelector(createMemorySecretStore());
    expect(await selector.withdrawWeakStorage(async () => {})).toEqual({
      ok: true,
      value: { store: 'memory' },
    });
  });
});
