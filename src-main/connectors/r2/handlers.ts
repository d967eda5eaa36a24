// The `r2.*` IPC operations: each resolves the connection's R2 connector and calls it.
import type { Handlers } from '../../../src-shared/ipc/contract';
import type { ChannelsOf, MainConnectorContext } from '../main-connector';
import type { R2Connector } from './r2-connector';

export function createR2Handlers(
  context: MainConnectorContext<'r2', R2Connector>,
): Pick<Handlers, ChannelsOf<'r2'>> {
  const using = context.using;
  const { auth } = context;

  return {
    'auth.offeredScopes': ({ issuer }) => auth.offeredScopes(issuer),
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
