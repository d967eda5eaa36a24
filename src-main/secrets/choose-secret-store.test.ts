import { describe, expect, it } from 'vitest';
import { chooseSecretStore, type SafeStorageBackend } from './choose-secret-store';

const strongBackends: SafeStorageBackend[] = [
  'platform',
  'gnome_libsecret',
  'kwallet',
  'kwallet5',
  'kwallet6',
];

describe('chooseSecretStore', () => {
  it('prefers the OS keychain whenever keytar works', () => {
    for (const backend of [
      ...strongBackends,
      'basic_text',
      'unavailable',
    ] as SafeStorageBackend[]) {
      expect(
        chooseSecretStore({
          keytarWorks: true,
          safeStorageBackend: backend,
          userAcceptedWeakStorage: false,
        }),
      ).toEqual({
        kind: 'keychain',
      });
    }
  });

  it('falls back to safeStorage with a real backend, without asking', () => {
    for (const backend of strongBackends) {
      expect(
        chooseSecretStore({
          keytarWorks: false,
          safeStorageBackend: backend,
          userAcceptedWeakStorage: false,
        }),
      ).toEqual({
        kind: 'safe_storage',
        weak: false,
      });
    }
  });

  it('refuses basic_text (and an unknown backend) unless the user accepted weaker storage', () => {
    for (const backend of ['basic_text', 'unknown'] as const) {
      const refused = chooseSecretStore({
        keytarWorks: false,
        safeStorageBackend: backend,
        userAcceptedWeakStorage: false,
      });
      expect(refused).toMatchObject({ kind: 'refused', canAcceptWeakStorage: true });
      expect(refused.kind === 'refused' && refused.message).toMatch(
        /GNOME Keyring or KWallet.*"Keep sign-ins with weaker protection" on Fieldbook's start screen.*anyone with access/s,
      );
      expect(
        chooseSecretStore({
          keytarWorks: false,
          safeStorageBackend: backend,
          userAcceptedWeakStorage: true,
        }),
      ).toEqual({
        kind: 'safe_storage',
        weak: true,
      });
    }
  });

  it('refuses when no encryption is available at all, even with consent', () => {
    const choice = chooseSecretStore({
      keytarWorks: false,
      safeStorageBackend: 'unavailable',
      userAcceptedWeakStorage: true,
    });
    expect(choice).toMatchObject({ kind: 'refused', canAcceptWeakStorage: false });
  });
});
