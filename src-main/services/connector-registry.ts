// One connector per connection for the life of main: the same ky client and the same pacer serve
// every request of that account, so the pacing budget is shared as the API's limit is.
import type { Connection } from '../../src-shared/connection';
import { fail, ok, type Result } from '../../src-shared/ipc/result';
import type { AuthService } from '../auth/auth-service';
import type { ConnectionStore } from '../connections/connection-store';
import { connectorFor, type ConnectionConnector, type ConnectorSettings } from '../connectors';
import type { R2Connector } from '../connectors/r2';
import type { RevnueConnector } from '../connectors/revnue-v2';

export interface ConnectorRegistry {
  revnue(
    connectionId: string,
  ): Promise<
    Result<{ connection: Connection & { kind: 'revnue-v2' }; connector: RevnueConnector }>
  >;
  r2(
    connectionId: string,
  ): Promise<Result<{ connection: Connection & { kind: 'r2' }; connector: R2Connector }>>;
  /** Drops the cached connector (connection deleted). */
  forget(connectionId: string): void;
}

const kindNames = { 'revnue-v2': 'Revnue', r2: 'Unibiz R2' } as const;

export function createConnectorRegistry(options: {
  connections: Pick<ConnectionStore, 'get'>;
  auth: Pick<AuthService, 'accessToken' | 'refreshAfterUnauthorized'>;
  settings?: ConnectorSettings;
}): ConnectorRegistry {
  const cache = new Map<string, { baseUrl: string; built: ConnectionConnector }>();

  async function resolve(connectionId: string, kind: Connection['kind']) {
    const connection = await options.connections.get(connectionId);
    if (!connection.ok) return connection;
    if (connection.value.kind !== kind) {
      return fail(
        'validation',
        `“${connection.value.name}” is a ${kindNames[connection.value.kind]} connection, not ${kindNames[kind]}.`,
      );
    }
    const cached = cache.get(connectionId);
    if (cached && cached.baseUrl === connection.value.baseUrl) {
      return ok({ connection: connection.value, built: cached.built });
    }
    const built = connectorFor(
      connection.value,
      {
        accessToken: () => options.auth.accessToken(connectionId),
        refreshAfterUnauthorized: (rejected) =>
          options.auth.refreshAfterUnauthorized(connectionId, rejected),
      },
      options.settings,
    );
    cache.set(connectionId, { baseUrl: connection.value.baseUrl, built });
    return ok({ connection: connection.value, built });
  }

  return {
    async revnue(connectionId) {
      const found = await resolve(connectionId, 'revnue-v2');
      if (!found.ok) return found;
      const { connection, built } = found.value;
      if (connection.kind !== 'revnue-v2' || built.kind !== 'revnue-v2')
        throw new Error('kind mismatch');
      return ok({ connection, connector: built.connector });
    },
    async r2(connectionId) {
      const found = await resolve(connectionId, 'r2');
      if (!found.ok) return found;
      const { connection, built } = found.value;
      if (connection.kind !== 'r2' || built.kind !== 'r2') throw new Error('kind mismatch');
      return ok({ connection, connector: built.connector });
    },
    forget: (connectionId) => cache.delete(connectionId),
  };
}
