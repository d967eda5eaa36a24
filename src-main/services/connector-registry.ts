// One connector per connection for the life of main: the same ky client and the same pacer serve
// every request of that account, so the pacing budget is shared as the API's limit is. Any kind:
// what differs per API comes from its connector (src-main/connectors/registry.ts).
import type { ConnectorKind } from '../../src-shared/connection';
import { registeredConnectors } from '../../src-shared/connectors/registry';
import { fail, ok, type Result } from '../../src-shared/ipc/result';
import type { AuthService } from '../auth/auth-service';
import type { ConnectionStore } from '../connections/connection-store';
import { connectorFor, type ConnectionConnector, type ConnectorSettings } from '../connectors';
import type { ConnectionOf } from '../connectors/main-connector';
import type { ConnectorOf } from '../connectors/registry';

export interface ConnectorRegistry {
  /** The connection's connector, or why not (unknown id, or a connection of another kind). */
  use<K extends ConnectorKind>(
    kind: K,
    connectionId: string,
  ): Promise<Result<{ connection: ConnectionOf<K>; connector: ConnectorOf<K> }>>;
  /** Drops the cached connector (connection deleted). */
  forget(connectionId: string): void;
}

const shortNames = new Map<string, string>(registeredConnectors.map((c) => [c.kind, c.shortName]));

export function createConnectorRegistry(options: {
  connections: Pick<ConnectionStore, 'get'>;
  auth: Pick<AuthService, 'accessToken' | 'refreshAfterUnauthorized'>;
  settings?: ConnectorSettings;
}): ConnectorRegistry {
  const cache = new Map<string, { baseUrl: string; built: ConnectionConnector }>();

  return {
    async use(kind, connectionId) {
      const found = await options.connections.get(connectionId);
      if (!found.ok) return found;
      const connection = found.value;
      if (connection.kind !== kind) {
        return fail(
          'validation',
          `“${connection.name}” is a ${shortNames.get(connection.kind)} connection, not ${shortNames.get(kind)}.`,
        );
      }
      let cached = cache.get(connectionId);
      if (!cached || cached.baseUrl !== connection.baseUrl) {
        const built = connectorFor(
          connection,
          {
            accessToken: () => options.auth.accessToken(connectionId),
            refreshAfterUnauthorized: (rejected) =>
              options.auth.refreshAfterUnauthorized(connectionId, rejected),
          },
          options.settings,
        );
        cached = { baseUrl: connection.baseUrl, built };
        cache.set(connectionId, cached);
      }
      // Both were checked to be of `kind` above (the connection) and built from it (the connector).
      return ok({
        connection: connection as ConnectionOf<typeof kind>,
        connector: cached.built.connector as ConnectorOf<typeof kind>,
      });
    },
    forget: (connectionId) => cache.delete(connectionId),
  };
}
