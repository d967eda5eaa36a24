// Which SecretStore this computer uses, and why: not a store itself, but the choice behind it —
// the store in use, what protects it (for `secrets.status`) and the user's consent to weaker
// storage, which takes effect at once by swapping the refusing store for the weak one.
import type { SecretsStatus } from '../../src-shared/ipc/contract';
import { fail, ok, type Result } from '../../src-shared/ipc/result';
import type { SecretStoreChoice } from './choose-secret-store';
import type { OpenedSecretStore } from './open-secret-store';
import type { SecretStore } from './secret-store';
import { createSwappableSecretStore } from './swappable-secret-store';
import { readWeakStorageConsent, writeWeakStorageConsent } from './weak-storage-consent';

export interface SecretStoreSelector {
  /** The store every service uses; it stays the same object when the storage behind it changes. */
  readonly store: SecretStore;
  status(): SecretsStatus;
  /** Saves the consent and switches to weaker storage, or says why that cannot help here. */
  acceptWeakStorage(): Promise<Result<SecretsStatus>>;
  /**
   * Withdraws the consent: saved first (nothing changes if that fails), then `forget` deletes the
   * secrets while the weak store is still the one in use, then the store is chosen again without
   * consent (refusing, unless a keyring started since). Without weak storage: nothing to do.
   */
  withdrawWeakStorage(forget: () => Promise<void>): Promise<Result<SecretsStatus>>;
}

export interface SecretStoreSelectorOptions {
  /** The user-data folder, where the consent file lives. */
  userDataDir: string;
  /** Chooses and opens a store (src-main/index.ts: `openSecretStore` with the platform adapters). */
  open(userAcceptedWeakStorage: boolean): Promise<OpenedSecretStore>;
  /** Told (redacted by the caller) when no store is acceptable. */
  log?: (line: string) => void;
}

export async function selectSecretStore(
  options: SecretStoreSelectorOptions,
): Promise<SecretStoreSelector> {
  let opened = await options.open(await readWeakStorageConsent(options.userDataDir));
  if (opened.choice.kind === 'refused') {
    options.log?.(`Fieldbook: no place to keep sign-ins: ${opened.choice.message}`);
  }
  const store = createSwappableSecretStore(opened.store);
  let accepting: Promise<Result<SecretsStatus>> | undefined;

  async function accept(): Promise<Result<SecretsStatus>> {
    const refused = opened.choice;
    if (refused.kind !== 'refused') return ok(statusOf(refused));
    if (!refused.canAcceptWeakStorage) return fail('auth', refused.message);
    // Ask again with consent: a keyring started since launch wins over weak storage.
    const reopened = await options.open(true);
    if (reopened.choice.kind === 'refused') return fail('auth', reopened.choice.message);
    if (reopened.choice.kind === 'safe_storage' && reopened.choice.weak) {
      try {
        await writeWeakStorageConsent(options.userDataDir, true);
      } catch {
        return fail(
          'server',
          'Fieldbook could not save your choice in its settings folder. Nothing was changed; ' +
            'check that the disk is not full and try again.',
        );
      }
    }
    store.swap(reopened.store);
    opened = reopened;
    return ok(statusOf(reopened.choice));
  }

  async function withdraw(forget: () => Promise<void>): Promise<Result<SecretsStatus>> {
    const current = opened.choice;
    if (current.kind !== 'safe_storage' || !current.weak) return ok(statusOf(current));
    try {
      await writeWeakStorageConsent(options.userDataDir, false);
    } catch {
      return fail(
        'server',
        'Fieldbook could not save your choice in its settings folder. Nothing was changed; ' +
          'check that the disk is not full and try again.',
      );
    }
    // The consent is gone from disk (a restart would refuse weak storage already). The weak store
    // stays in use until its secrets are deleted, so a failed deletion can simply be retried.
    try {
      await forget();
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return fail(
        'server',
        `Fieldbook could not delete the sign-ins kept with weaker protection (${why}). Try again.`,
      );
    }
    const reopened = await options.open(false);
    store.swap(reopened.store);
    opened = reopened;
    return ok(statusOf(reopened.choice));
  }

  return {
    store,
    status: () => statusOf(opened.choice),
    withdrawWeakStorage: withdraw,
    // Single-flight: a double click writes the consent and swaps the store once.
    acceptWeakStorage: () => {
      accepting ??= accept().finally(() => {
        accepting = undefined;
      });
      return accepting;
    },
  };
}

/**
 * For a store that is not chosen per machine (tests, the browser harness): its status is
 * `memory`, and there is nothing to accept.
 */
export function fixedSecretStoreSelector(store: SecretStore): SecretStoreSelector {
  const status: SecretsStatus = { store: 'memory' };
  return {
    store,
    status: () => status,
    acceptWeakStorage: async () => ok(status),
    withdrawWeakStorage: async () => ok(status),
  };
}

export function isSecretStoreSelector(
  value: SecretStore | SecretStoreSelector,
): value is SecretStoreSelector {
  return 'status' in value && 'acceptWeakStorage' in value;
}

export function statusOf(choice: SecretStoreChoice): SecretsStatus {
  switch (choice.kind) {
    case 'keychain':
      return { store: 'keychain' };
    case 'safe_storage':
      return { store: choice.weak ? 'weak' : 'safe_storage' };
    case 'refused':
      return {
        store: 'unavailable',
        message: choice.message,
        canAcceptWeakStorage: choice.canAcceptWeakStorage,
      };
  }
}
