// IPC handlers for where sign-ins are kept: what protects them, and the user's consent to weaker
// storage when this computer has no keyring (given, or withdrawn). None ever answers secret content.
import type { Handlers } from '../../src-shared/ipc/contract';
import { ok } from '../../src-shared/ipc/result';
import type { AuthService } from '../auth/auth-service';
import type { ConnectionStore } from '../connections/connection-store';
import type { SecretStoreSelector } from '../secrets/secret-store-selector';

export interface SecretsHandlerDeps {
  /** Withdrawing signs every connection out, which deletes its secret and announces the change. */
  readonly connections: Pick<ConnectionStore, 'list'>;
  readonly auth: Pick<AuthService, 'signOut'>;
}

export function createSecretsHandlers(
  selector: SecretStoreSelector,
  { connections, auth }: SecretsHandlerDeps,
): Pick<Handlers, 'secrets.status' | 'secrets.acceptWeakStorage' | 'secrets.withdrawWeakStorage'> {
  async function signEveryoneOut(): Promise<void> {
    const listed = await connections.list();
    if (!listed.ok) throw new Error(listed.error.message);
    for (const connection of listed.value) {
      const signedOut = await auth.signOut(connection.id);
      if (!signedOut.ok) throw new Error(signedOut.error.message);
    }
  }

  return {
    'secrets.status': async () => ok(selector.status()),
    'secrets.acceptWeakStorage': () => selector.acceptWeakStorage(),
    'secrets.withdrawWeakStorage': () => selector.withdrawWeakStorage(signEveryoneOut),
  };
}
