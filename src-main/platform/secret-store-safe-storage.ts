// Fallback secret store where no OS keychain answers: values encrypted with Electron's safeStorage
// in a file in the user-data folder. Also assembles the candidates openSecretStore chooses from.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { writeFileAtomically } from '../connections/atomic-file';
import type { SafeStorageBackend } from '../secrets/choose-secret-store';
import type { SecretStoreCandidates } from '../secrets/open-secret-store';
import type { SecretStore } from '../secrets/secret-store';
import { createKeytarSecretStore, keytarWorks } from './secret-store-keytar';

export const SAFE_STORAGE_FILE = 'secrets.enc.json';

/** The part of Electron's safeStorage we use; injected so tests need no Electron. */
export type SafeStorageLike = Pick<
  typeof safeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

export function safeStorageBackend(
  storage: SafeStorageLike = safeStorage,
  platform: NodeJS.Platform = process.platform,
): SafeStorageBackend {
  if (!storage.isEncryptionAvailable()) return 'unavailable';
  // Only Linux has a choice of backends; macOS and Windows always use the OS facility.
  return platform === 'linux' ? storage.getSelectedStorageBackend() : 'platform';
}

export function createSafeStorageSecretStore(
  file: string,
  storage: SafeStorageLike = safeStorage,
): SecretStore {
  // Whole-file rewrites run one after another, so two quick sets cannot lose one another.
  let queue: Promise<unknown> = Promise.resolve();

  async function readAll(): Promise<Record<string, string>> {
    try {
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      return typeof parsed === 'object' && parsed !== null
        ? (parsed as Record<string, string>)
        : {};
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
  }

  function change(edit: (all: Record<string, string>) => void): Promise<void> {
    const run = queue.then(async () => {
      const all = await readAll();
      edit(all);
      await writeFileAtomically(file, JSON.stringify(all));
    });
    queue = run.catch(() => {});
    return run;
  }

  return {
    async get(account) {
      await queue;
      const encrypted = (await readAll())[account];
      return encrypted === undefined
        ? null
        : storage.decryptString(Buffer.from(encrypted, 'base64'));
    },
    set: (account, secret) =>
      change((all) => {
        all[account] = storage.encryptString(secret).toString('base64');
      }),
    delete: (account) =>
      change((all) => {
        delete all[account];
      }),
  };
}

/** What openSecretStore picks from on this machine, after Electron's `ready` event. */
export function platformSecretStoreCandidates(userDataDir: string): SecretStoreCandidates {
  return {
    keychain: { works: () => keytarWorks(), open: () => createKeytarSecretStore() },
    safeStorage: {
      backend: () => safeStorageBackend(),
      open: () => createSafeStorageSecretStore(join(userDataDir, SAFE_STORAGE_FILE)),
    },
  };
}
