import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// A stand-in for Electron's safeStorage: reversible, but visibly not plaintext.
const fakeSafeStorage = vi.hoisted(() => ({
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn((): string => 'gnome_libsecret'),
  encryptString: (text: string) => Buffer.from(`enc:${[...text].reverse().join('')}`),
  decryptString: (data: Buffer) => [...data.toString().slice(4)].reverse().join(''),
}));
vi.mock('electron', () => ({ safeStorage: fakeSafeStorage }));
vi.mock('keytar', () => ({ default: {} }));

const { createSafeStorageSecretStore, safeStorageBackend, SAFE_STORAGE_FILE } =
  await import('./secret-store-safe-storage');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fieldbook-safe-storage-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('safeStorage secret store', () => {
  it('round-trips secrets per account, never writing them in plaintext, and deletes them', async () => {
    const file = join(dir, SAFE_STORAGE_FILE);
    const store = createSafeStorageSecretStore(file);
    await Promise.all([
      store.set('c1', '{"accessToken":"AT-secret-1"}'),
      store.set('c2', 'RT-secret-2'),
    ]);
    expect(await store.get('c1')).toBe('{"accessToken":"AT-secret-1"}');
    expect(await createSafeStorageSecretStore(file).get('c2')).toBe('RT-secret-2');
    const onDisk = await readFile(file, 'utf8');
    expect(onDisk).not.toContain('AT-secret-1');
    expect(onDisk).not.toContain('RT-secret-2');
    await store.delete('c1');
    await store.delete('never-set');
    expect(await store.get('c1')).toBeNull();
    expect(await store.get('c2')).toBe('RT-secret-2');
  });

  it('reports the Linux backend, "platform" elsewhere, and "unavailable" without encryption', () => {
    expect(safeStorageBackend(fakeSafeStorage as never, 'linux')).toBe('gnome_libsecret');
    fakeSafeStorage.getSelectedStorageBackend.mockReturnValueOnce('basic_text');
    expect(safeStorageBackend(fakeSafeStorage as never, 'linux')).toBe('basic_text');
    expect(safeStorageBackend(fakeSafeStorage as never, 'darwin')).toBe('platform');
    fakeSafeStorage.isEncryptionAvailable.mockReturnValueOnce(false);
    expect(safeStorageBackend(fakeSafeStorage as never, 'linux')).toBe('unavailable');
  });
});
