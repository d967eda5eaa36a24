// A connection store and auth service over a given SecretStore, with one Revnue connection whose
// token check always accepts: for tests about where tokens are kept, not about verifying them.
import { ok } from '../../../src-shared/ipc/result';
import { createConnectionStore } from '../../connections/connection-store';
import type { SecretStore } from '../../secrets/secret-store';
import { systemClock } from '../../../src-shared/time/clock';
import { createAuthService } from '../auth-service';
import { createAbandoningBrowser } from './form-filling-browser';

export async function createRevnueAuthWorld(dir: string, secrets: SecretStore) {
  const connections = createConnectionStore({ dir, secrets });
  const auth = createAuthService({
    connections,
    secrets,
    browser: createAbandoningBrowser(),
    clock: systemClock,
    verifyRevnueToken: async () => ok([{ id: 1, name: 'Acme' }]),
  });
  const created = await connections.create({
    kind: 'revnue-v2',
    name: 'Revnue',
    baseUrl: 'https://dashboard-api.revnue.com/api/v2/',
    auth: { mode: 'admin_token' },
  });
  if (!created.ok) throw new Error(created.error.message);
  return { connections, auth, id: created.value.id };
}
