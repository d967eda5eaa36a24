// IPC handlers for where sign-ins are kept: what protects them, and the user's consent to weaker
// storage when this computer has no keyring. Neither ever answers secret content.
import type { Handlers } from '../../src-shared/ipc/contract';
import { ok } from '../../src-shared/ipc/result';
import type { SecretStoreSelector } from '../secrets/secret-store-selector';

export function createSecretsHandlers(
  selector: SecretStoreSelector,
): Pick<Handlers, 'secrets.status' | 'secrets.acceptWeakStorage'> {
  return {
    'secrets.status': async () => ok(selector.status()),
    'secrets.acceptWeakStorage': () => selector.acceptWeakStorage(),
  };
}
