// The `revnue.*` IPC operations: each resolves the connection's Revnue connector and calls it.
// The company comes from the connection (1 for single-company accounts), never from the renderer.
import type { RevnueCustomerResponse } from '../../../src-shared/connectors/revnue-v2/api';
import type { IpcSender } from '../../../src-shared/ipc/contract';
import { ok, type Result } from '../../../src-shared/ipc/result';
import type { CursorOwner, PageSource } from '../../cursors/list-cursors';
import type { ChannelsOf, MainConnectorContext } from '../main-connector';
import type { Handlers } from '../../../src-shared/ipc/contract';
import { CUSTOMER_PAGE_DEFAULT, type CustomerListStream } from './customer-list-stream';
import type { RevnueConnector } from './revnue-connector';

export function createRevnueHandlers(
  context: MainConnectorContext<'revnue-v2', RevnueConnector>,
): Pick<Handlers, ChannelsOf<'revnue-v2'>> {
  const { auth, cursors } = context;
  function using<T>(
    connectionId: string,
    task: (connector: RevnueConnector, company: number) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    return context.using(connectionId, (connector, connection) =>
      task(connector, connection.company),
    );
  }

  return {
    'auth.checkRevnueToken': ({ baseUrl, token }) => auth.checkRevnueToken(baseUrl, token),
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
        max ?? CUSTOMER_PAGE_DEFAULT,
      );
      // Only this family opens cursors, with Revnue customers (pagesOf below).
      const customers = page.ok ? (page.value.items as RevnueCustomerResponse[]) : [];
      return page.ok ? ok({ customers, done: page.value.done }) : page;
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
