// The `revnue.*` IPC operations: each resolves the connection's Revnue connector and calls it.
// The company comes from the connection (1 for single-company accounts), never from the renderer.
import type { RevnueCustomerResponse } from '../../src-shared/api/revnue-v2';
import { REVNUE_LIST_PAGE_MAX, type Handlers, type IpcSender } from '../../src-shared/ipc/contract';
import { ok, type Result } from '../../src-shared/ipc/result';
import type { CustomerListStream, RevnueConnector } from '../connectors/revnue-v2';
import type { CursorOwner, ListCursors, PageSource } from '../cursors/list-cursors';
import type { ConnectorRegistry } from './connector-registry';

type RevnueChannel = Extract<keyof Handlers, `revnue.${string}`>;

export function createRevnueHandlers(
  registry: ConnectorRegistry,
  cursors: ListCursors<RevnueCustomerResponse>,
): Pick<Handlers, RevnueChannel> {
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
    'revnue.customers.listOpen': ({ connectionId }, { sender }) =>
      using(connectionId, async (c, company) => {
        const opened = await c.openCustomerList(company);
        if (!opened.ok) return opened;
        return ok({ cursor: cursors.open(ownerOf(connectionId, sender), pagesOf(opened.value)) });
      }),
    'revnue.customers.listNext': async ({ connectionId, cursor, max }, { sender }) => {
      const page = await cursors.next(
        ownerOf(connectionId, sender),
        cursor,
        max ?? REVNUE_LIST_PAGE_MAX,
      );
      return page.ok ? ok({ customers: page.value.items, done: page.value.done }) : page;
    },
    'revnue.customers.listClose': async ({ connectionId, cursor }, { sender }) => {
      cursors.close(ownerOf(connectionId, sender), cursor);
      return ok(null);
    },
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

/** A cursor belongs to its connection and to the window that opened it. */
function ownerOf(connectionId: string, sender: IpcSender): CursorOwner {
  return { connectionId, window: sender.window ?? sender.url ?? '' };
}

function pagesOf(list: CustomerListStream): PageSource<RevnueCustomerResponse> {
  return {
    next: async (max) => {
      const page = await list.next(max);
      return page.ok ? ok({ items: page.value.customers, done: page.value.done }) : page;
    },
    close: () => list.close(),
  };
}
