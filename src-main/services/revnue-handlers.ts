// The `revnue.*` IPC operations: each resolves the connection's Revnue connector and calls it.
// The company comes from the connection (1 for single-company accounts), never from the renderer.
import type { Handlers } from '../../src-shared/ipc/contract';
import type { Result } from '../../src-shared/ipc/result';
import type { RevnueConnector } from '../connectors/revnue-v2';
import type { ConnectorRegistry } from './connector-registry';

type RevnueChannel = Extract<keyof Handlers, `revnue.${string}`>;

export function createRevnueHandlers(registry: ConnectorRegistry): Pick<Handlers, RevnueChannel> {
  async function using<T>(
    connectionId: string,
    task: (connector: RevnueConnector, company: number) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    const found = await registry.revnue(connectionId);
    if (!found.ok) return found;
    return task(found.value.connector, found.value.connection.company);
  }

  return {
    'revnue.customers.list': ({ connectionId }) =>
      using(connectionId, (c, company) => c.listCustomers(company)),
    'revnue.customers.get': ({ connectionId, id }) => using(connectionId, (c) => c.getCustomer(id)),
    'revnue.customers.create': ({ connectionId, body }) =>
      using(connectionId, (c) => c.createCustomer(body)),
    'revnue.customers.update': ({ connectionId, id, body }) =>
      using(connectionId, (c) => c.updateCustomer(id, body)),
    'revnue.customers.findByName': ({ connectionId, name }) =>
      using(connectionId, (c, company) => c.findByName(company, name)),
    'revnue.lookups.companies': ({ connectionId }) => using(connectionId, (c) => c.companies()),
    'revnue.lookups.categories': ({ connectionId }) =>
      using(connectionId, (c, company) => c.categories(company)),
    'revnue.lookups.countries': ({ connectionId }) => using(connectionId, (c) => c.countries()),
    'revnue.lookups.customFieldTemplates': ({ connectionId }) =>
      using(connectionId, (c, company) => c.customFieldTemplates(company)),
  };
}
