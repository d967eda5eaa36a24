// Opens the secret store chosen for this machine. The platform adapters (keytar, safeStorage)
// are passed in, so this runs — and is tested — under plain Node without Electron.
import {
  chooseSecretStore,
  type SafeStorageBackend,
  type SecretStoreChoice,
} from './choose-secret-store';
import { createRefusingSecretStore, type SecretStore } from './secret-store';

export interface SecretStoreCandidates {
  keychain: { works(): Promise<boolean>; open(): SecretStore };
  safeStorage: { backend(): SafeStorageBackend; open(): SecretStore };
}

/**
 * The chosen store and why. On a refusal `store` is a refusing store whose every read and write
 * answers the refusal's message, so the app still opens and keeps its local data.
 */
export type OpenedSecretStore =
  | { store: SecretStore; choice: Exclude<SecretStoreChoice, { kind: 'refused' }> }
  | { store: SecretStore; choice: Extract<SecretStoreChoice, { kind: 'refused' }> };

export async function openSecretStore(
  candidates: SecretStoreCandidates,
  userAcceptedWeakStorage: boolean,
): Promise<OpenedSecretStore> {
  const keytarWorks = await candidates.keychain.works().catch(() => false);
  const choice = chooseSecretStore({
    keytarWorks,
    safeStorageBackend: keytarWorks ? 'unavailable' : candidates.safeStorage.backend(),
    userAcceptedWeakStorage,
  });
  switch (choice.kind) {
    case 'refused':
      return { store: createRefusingSecretStore(choice.message), choice };
    case 'keychain':
      return { store: candidates.keychain.open(), choice };
    case 'safe_storage':
      return { store: candidates.safeStorage.open(), choice };
  }
}
