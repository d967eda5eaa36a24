// Every registered connector's IPC handlers, each given the connection's connector of its own kind.
import type { Handlers } from '../../src-shared/ipc/contract';
import type { AuthService } from '../auth/auth-service';
import type { ListCursors } from '../cursors/list-cursors';
import type { ChannelsOf } from '../connectors/main-connector';
import { mainConnectors } from '../connectors/registry';
import type { ConnectorRegistry } from './connector-registry';

type ConnectorChannel = ChannelsOf<(typeof mainConnectors)[number]['kind']>;

export function connectorHandlers(deps: {
  registry: ConnectorRegistry;
  auth: AuthService;
  cursors: ListCursors<unknown>;
}): Pick<Handlers, ConnectorChannel> {
  const parts = mainConnectors.map((main) =>
    // Each connector's handlers take a context of its own kind; `use` is asked for that kind.
    (main.handlers as (context: unknown) => Partial<Handlers>)({
      using: async (
        connectionId: string,
        task: (connector: unknown, connection: unknown) => Promise<unknown>,
      ) => {
        const found = await deps.registry.use(main.kind, connectionId);
        return found.ok ? task(found.value.connector, found.value.connection) : found;
      },
      auth: deps.auth,
      cursors: deps.cursors,
    }),
  );
  return Object.assign({}, ...parts) as Pick<Handlers, ConnectorChannel>;
}
