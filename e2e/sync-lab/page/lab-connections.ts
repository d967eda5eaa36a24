// Creates the run's two connections once through window.fieldbook (the harness's --profile keeps
// them across restarts) and signs them in: Revnue with its admin token, R2 as a service account.
import type { FieldbookApi } from '../../../src-shared/ipc/fieldbook-api';
import type { Result } from '../../../src-shared/ipc/result';
import type { LabConnectionIds, LabConnectionsConfig } from '../lab-api';

function valueOf<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

export async function setupConnections(
  api: FieldbookApi,
  config: LabConnectionsConfig,
): Promise<LabConnectionIds> {
  const existing = valueOf(await api.connections.list(), 'connections.list').connections;
  const idOf = (name: string) => existing.find((connection) => connection.name === name)?.id;

  const revnueId =
    idOf(config.revnue.name) ??
    valueOf(
      await api.connections.create({
        kind: 'revnue-v2',
        name: config.revnue.name,
        baseUrl: config.revnue.baseUrl,
        auth: { mode: 'admin_token' },
        company: config.revnue.company,
      }),
      'connections.create (Revnue)',
    ).id;
  valueOf(
    await api.auth.setToken({ connectionId: revnueId, token: config.revnue.token }),
    'auth.setToken',
  );

  const r2Id =
    idOf(config.r2.name) ??
    valueOf(
      await api.connections.create({
        kind: 'r2',
        name: config.r2.name,
        baseUrl: config.r2.baseUrl,
        auth: {
          mode: 'client_credentials',
          clientId: config.r2.clientId,
          tokenEndpoint: config.r2.tokenEndpoint,
        },
      }),
      'connections.create (R2)',
    ).id;
  valueOf(
    await api.auth.signInService({ connectionId: r2Id, clientSecret: config.r2.clientSecret }),
    'auth.signInService',
  );
  return { [config.revnue.name]: revnueId, [config.r2.name]: r2Id };
}

export async function listConnectionIds(api: FieldbookApi): Promise<LabConnectionIds> {
  const { connections } = valueOf(await api.connections.list(), 'connections.list');
  return Object.fromEntries(connections.map((connection) => [connection.name, connection.id]));
}
