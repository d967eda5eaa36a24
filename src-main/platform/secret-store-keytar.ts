// The OS keychain through keytar: macOS Keychain, Windows Credential Vault, or the Linux Secret
// Service (GNOME Keyring, KWallet). One entry per connection: service "Fieldbook", account = id.
import keytar from 'keytar';
import type { SecretStore } from '../secrets/secret-store';

export const KEYCHAIN_SERVICE = 'Fieldbook';
const PROBE_ACCOUNT = 'fieldbook-keychain-probe';

export function createKeytarSecretStore(service: string = KEYCHAIN_SERVICE): SecretStore {
  return {
    get: (account) => keytar.getPassword(service, account),
    set: (account, secret) => keytar.setPassword(service, account, secret),
    delete: async (account) => {
      await keytar.deletePassword(service, account);
    },
  };
}

/**
 * Whether the keychain really works here: on Linux keytar loads fine without a running Secret
 * Service and only fails on first use, so write, read back and delete a throw-away entry.
 */
export async function keytarWorks(service: string = KEYCHAIN_SERVICE): Promise<boolean> {
  const value = `probe-${Date.now()}`;
  try {
    await keytar.setPassword(service, PROBE_ACCOUNT, value);
    const readBack = await keytar.getPassword(service, PROBE_ACCOUNT);
    await keytar.deletePassword(service, PROBE_ACCOUNT);
    return readBack === value;
  } catch {
    return false;
  }
}
