// One connection for a benchmark, created and signed in through window.fieldbook like the lab's
// setupConnections does for its pair: Revnue with its admin token, R2 as a service account.
import type { FieldbookApi } from '../../../src-shared/ipc/fieldbook-api';
import type { Result } from '../../../src-shared/ipc/result';
import type { BenchConnectionConfig } from '../bench-api';

function valueOf<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

export async function setupOneConnection(
  api: FieldbookApi,
  config: BenchConnectionConfig,
): Promise<string> {
  if (config.kind === 'revnue-v2') {
    const { id } = valueOf(
      await api.connections.create({
        kind: 'revnue-v2',
        name: config.name,
        baseUrl: config.baseUrl,
        auth: { mode: 'admin_token' },
        company: config.company,
      }),
      'connections.create (Revnue)',
    );
    valueOf(await api.auth.setToken({ connectionId: id, token: config.token }), 'auth.setToken');
    return id;
  }
  const { id } = valueOf(
    await api.connections.create({
      kind: 'r2',
      name: config.name,
      baseUrl: config.baseUrl,
      auth: {
        mode: 'client_credentials',
        clientId: config.clientId,
        tokenEndpoint: config.tokenEndpoint,
      },
    }),
    'connections.create (R2)',
  );
  valueOf(
    await api.auth.signInService({ connectionId: id, clientSecret: config.clientSecret }),
    'auth.signInService',
  );
  return id;
}
