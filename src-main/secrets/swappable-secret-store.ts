// A SecretStore that forwards to another one which can be replaced while the app runs: when the
// user accepts weaker storage, main swaps the refusing store for the weak one without a restart.
import type { SecretStore } from './secret-store';

export interface SwappableSecretStore extends SecretStore {
  /** Every later call goes to `next`; calls already under way finish on the old store. */
  swap(next: SecretStore): void;
}

export function createSwappableSecretStore(initial: SecretStore): SwappableSecretStore {
  let current = initial;
  return {
    get: (account) => current.get(account),
    set: (account, secret) => current.set(account, secret),
    delete: (account) => current.delete(account),
    swap: (next) => {
      current = next;
    },
  };
}
