// Opens the secret store chosen for this machine. The platform adapters (keytar, safeStorage)
// are passed in, so this runs — and is tested — under plain Node without Electron.
import { fail, ok, type Result } from '../../src-shared/ipc/result';
import {
  chooseSecretStore,
  type SafeStorageBackend,
  type SecretStoreChoice,
} from './choose-secret-store';
import type { SecretStore } from './secret-store';

export interface SecretStoreCandidates {
  keychain: { works(): Promise<boolean>; open(): SecretStore };
  safeStorage: { backend(): SafeStorageBackend; open(): SecretStore };
}

export interface OpenedSecretStore {
  store: SecretStore;
  choice: Exclude<SecretStoreChoice, { kind: 'refused' }>;
}

export async function openSecretStore(
  candidates: SecretStoreCandidates,
  userAcceptedWeakStorage: boolean,
): Promise<Result<OpenedSecretStore>> {
  const keytarWorks = await candidates.keychain.works().catch(() => false);
  const choice = chooseSecretStore({
    keytarWorks,
    safeStorageBackend: keytarWorks ? 'unavailable' : candidates.safeStorage.backend(),
    userAcceptedWeakStorage,
  });
  switch (choice.kind) {
    case 'refused':
      return fail('auth', choice.message);
    case 'keychain':
      return ok({ store: candidates.keychain.open(), choice });
    case 'safe_storage':
      return ok({ store: candidates.safeStorage.open(), choice });
  }
}
