// The `r2.*` IPC operations: each resolves the connection's R2 connector and calls it.
import type { Handlers } from '../../src-shared/ipc/contract';
import type { Result } from '../../src-shared/ipc/result';
import type { R2Connector } from '../connectors/r2';
import type { ConnectorRegistry } from './connector-registry';

type R2Channel = Extract<keyof Handlers, `r2.${string}`>;

export function createR2Handlers(registry: ConnectorRegistry): Pick<Handlers, R2Channel> {
  async function using<T>(
    connectionId: string,
    task: (connector: R2Connector) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    const found = await registry.r2(connectionId);
    if (!found.ok) return found;
    return task(found.value.connector);
  }

  return {
    'r2.customers.list': ({ connectionId, ...query }) => using(connectionId, (c) => c.list(query)),
    'r2.customers.get': ({ connectionId, id }) => using(connectionId, (c) => c.get(id)),
    'r2.customers.create': ({ connectionId, body }) => using(connectionId, (c) => c.create(body)),
    'r2.customers.update': ({ connectionId, id, body }) =>
      using(connectionId, (c) => c.update(id, body)),
    'r2.customers.patch': ({ connectionId, id, body }) =>
      using(connectionId, (c) => c.patch(id, body)),
    'r2.customers.findByNaturalKey': ({ connectionId, ...key }) =>
      using(connectionId, (c) => c.findByNaturalKey(key)),
  };
}
