// Where Fieldbook keeps sign-in secrets: the SecretStore interface every adapter implements (OS
// keychain via keytar, Electron safeStorage). Which one a machine uses: secret-store-selector.ts.

/** One secret per account (account = connection id); values are opaque strings (JSON token sets). */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Deleting an account that holds nothing is not an error. */
  delete(account: string): Promise<void>;
}

/** For unit tests only: a SecretStore that forgets everything when the process ends. */
export function createMemorySecretStore(): SecretStore & { accounts(): string[] } {
  const values = new Map<string, string>();
  return {
    get: async (account) => values.get(account) ?? null,
    set: async (account, secret) => {
      values.set(account, secret);
    },
    delete: async (account) => {
      values.delete(account);
    },
    accounts: () => [...values.keys()],
  };
}

/** Thrown by a store that cannot work on this machine; its message is meant for the user. */
export class SecretStoreUnavailableError extends Error {
  override name = 'SecretStoreUnavailableError';
}

/**
 * For a machine with no acceptable secret store (see choose-secret-store.ts): the app still opens
 * and keeps local data, but every sign-in answers `message`. Reading finds nothing and deleting is
 * a no-op — nothing can have been stored — so connections can still be listed, created and removed
 * (they show as signed out).
 */
export function createRefusingSecretStore(message: string): SecretStore {
  return {
    get: async () => null,
    set: async () => {
      throw new SecretStoreUnavailableError(message);
    },
    delete: async () => {},
  };
}
