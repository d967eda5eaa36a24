// Which secret store to use on this machine, as a pure decision so every branch is unit-tested.
// Order of preference: the OS keychain (keytar), then Electron safeStorage with a real backend,
// then — only with the user's explicit consent — safeStorage's weak `basic_text` obfuscation.

/**
 * What Electron's safeStorage offers: on Linux the value of `getSelectedStorageBackend()`; on
 * macOS/Windows `platform` (Keychain/DPAPI); `unavailable` when encryption is not available.
 */
export type SafeStorageBackend =
  | 'platform'
  | 'gnome_libsecret'
  | 'kwallet'
  | 'kwallet5'
  | 'kwallet6'
  | 'basic_text'
  | 'unknown'
  | 'unavailable';

export type SecretStoreChoice =
  | { kind: 'keychain' }
  | { kind: 'safe_storage'; weak: false }
  | { kind: 'safe_storage'; weak: true }
  | { kind: 'refused'; message: string; canAcceptWeakStorage: boolean };

export interface SecretStoreFacts {
  keytarWorks: boolean;
  safeStorageBackend: SafeStorageBackend;
  userAcceptedWeakStorage: boolean;
}

const noKeyringMessage =
  'Fieldbook found no secure place on this computer to keep your sign-in (no keyring such as ' +
  'GNOME Keyring or KWallet is running). Start or install a keyring and restart Fieldbook';

export function chooseSecretStore(facts: SecretStoreFacts): SecretStoreChoice {
  if (facts.keytarWorks) return { kind: 'keychain' };
  const backend = facts.safeStorageBackend;
  if (backend === 'unavailable') {
    return { kind: 'refused', message: `${noKeyringMessage}.`, canAcceptWeakStorage: false };
  }
  // basic_text encrypts with a fixed, public key; `unknown` means Electron could not tell us.
  const weak = backend === 'basic_text' || backend === 'unknown';
  if (!weak) return { kind: 'safe_storage', weak: false };
  if (facts.userAcceptedWeakStorage) return { kind: 'safe_storage', weak: true };
  return {
    kind: 'refused',
    message:
      `${noKeyringMessage}, or choose "Keep sign-ins with weaker protection" on Fieldbook's ` +
      'start screen: your sign-ins would then be saved in a file that anyone with access to ' +
      'your user account could read.',
    canAcceptWeakStorage: true,
  };
}
