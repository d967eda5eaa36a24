// The Revnue pull page by page: the real Revnue adapter, the pull phase and the real Dexie store on
// fake-indexeddb, over a scripted main that pages a list by cursor the way main's list cursors do
// (main's own side runs against the sandbox in src-main/services/revnue-list-cursor.test.ts).
// Pages are stored as they come; a list that fails half-way deletes nothing and keeps every row;
// rows with waiting changes are never overwritten by a pull.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, test } from 'vitest';
import type {
  RevnueCustomerRecord,
  RevnueCustomerResponse,
} from '../../../../src-shared/connectors/revnue-v2/api';
import { revnueDescriptor } from '../../../../src-shared/connectors/revnue-v2/descriptor';
import type { AppError } from '../../../../src-shared/ipc/result';
import { systemClock } from '../../../../src-shared/time/clock';
import type { CustomerStore } from '../../db/customer-store';
import { openCustomerStore } from '../../db/dexie-customer-store';
import { createFakeFieldbook, revnueConnection } from '../../test-support/fake-fieldbook';
import { createRevnueAdapter } from '../adapters';
import type { SyncStatus } from '../sync-status';
import { testTiming } from '../test-support/test-timing';
import type { EngineContext } from './engine-context';
import { pullPhase } from './pull-phase';

const PAGE = 3;
const connection = revnueConnection() as ReturnType<typeof revnueConnection> & { company: number };
let stores = 0;
let store: CustomerStore;
afterEach(() => store?.close());

const customer = (id: number, city = 'Oslo'): RevnueCustomerResponse => ({
  id,
  company: 1,
  name: `Customer ${id}`,
  city,
});

/**
 * Main's list cursor over `customers`; `breakAfter` pages, the next read fails with `failure` (the
 * cursor expired, the server's answer was cut off or held an unreadable customer).
 */
function scriptedMain(
  customers: RevnueCustomerResponse[],
  breakAfter?: number,
  failure?: AppError,
) {
  let sent = 0;
  let pages = 0;
  const fake = createFakeFieldbook({
    'revnue.customers.listOpen': async () => {
      sent = 0;
      pages = 0;
      return { ok: true, value: { cursor: 'cursor-1' } };
    },
    'revnue.customers.listNext': async ({ max }) => {
      pages += 1;
      if (breakAfter !== undefined && pages > breakAfter) {
        return { ok: false, error: failure ?? { kind: 'not_found', message: 'List closed.' } };
      }
      const page = customers.slice(sent, sent + (max ?? 2_000));
      sent += page.length;
      return { ok: true, value: { customers: page, done: sent === customers.length } };
    },
    'revnue.customers.listClose': async () => ({ ok: true, value: null }),
  });
  const adapter = createRevnueAdapter(fake.api, connection, { listPageSize: PAGE });
  adapter.useLookups({ countries: [], templates: [], companies: [], categories: [] });
  return { fake, adapter };
}

function freshStore(): CustomerStore {
  stores += 1;
  store = openCustomerStore(`revnue-pull-${stores}`, {
    indexedDb: { indexedDB: new IDBFactory(), IDBKeyRange },
  });
  return store;
}

async function pull(main: ReturnType<typeof scriptedMain>) {
  const progress: Partial<SyncStatus>[] = [];
  const context: EngineContext<RevnueCustomerRecord> = {
    connectionId: connection.id,
    store,
    adapter: main.adapter,
    descriptor: revnueDescriptor,
    clock: systemClock,
    timing: testTiming,
    random: () => 0.5,
    isOnline: () => true,
    stopping: () => false,
    busyKeys: new Set(),
    progress: (patch) => progress.push(patch),
    entrySettled: () => {},
  };
  const stored: number[] = [];
  const between = async () => {
    stored.push(await store.countRows(connection.id));
    return { interruption: null, pushed: 0 };
  };
  const interruption = await pullPhase(context, between);
  return { interruption, progress, stored };
}

const range = (count: number) => Array.from({ length: count }, (_, index) => customer(index + 1));
const keys = async () => (await store.listKeys(connection.id)).sort();

describe('the Revnue pull, page by page', () => {
  test('stores each page as it comes, shows customers received so far, then deletes what the server no longer has', async () => {
    freshStore();
    await pull(scriptedMain([customer(99)]));
    expect(await keys()).toEqual(['99']);

    const { interruption, progress, stored } = await pull(scriptedMain(range(8)));
    expect(interruption).toBeNull();
    // 99 stays while the list is read; it goes only once the list was read to its end.
    expect(stored).toEqual([4, 7]);
    expect(await keys()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const counts = progress.filter((p) => (p.done ?? 0) > 0).map((p) => `${p.done}/${p.total}`);
    expect([...new Set(counts)]).toEqual(['3/null', '6/null', '8/8']);
  });

  test.each([
    ['the cursor expired', { kind: 'not_found', message: 'This list is no longer open.' }],
    ['the connection dropped', { kind: 'network', message: 'The connection was lost.' }],
    [
      'a customer was unreadable',
      { kind: 'bad_response', message: 'The server sent a customer list … at 7.name.' },
    ],
  ] as const)(
    'a list that fails half-way (%s) keeps every row and deletes nothing',
    async (_, failure) => {
      freshStore();
      await pull(scriptedMain([customer(1, 'Before'), customer(99)]));
      const { interruption } = await pull(
        scriptedMain([customer(1, 'After'), ...range(8).slice(1)], 2, failure),
      );
      expect(interruption).toMatchObject({ kind: 'retry', error: failure });
      // The two pages that came are stored; 99, not in them, is still here.
      expect(await keys()).toEqual(['1', '2', '3', '4', '5', '6', '99']);
      const first = await store.getCustomer<RevnueCustomerRecord>(connection.id, '1');
      expect(first?.record.city).toBe('After');
    },
  );

  test('an unmappable customer closes the cursor and fails the pull without deletions', async () => {
    freshStore();
    await pull(scriptedMain([customer(99)]));
    // A country name the cached country list does not know cannot be read into a record.
    const main = scriptedMain([...range(4), { ...customer(5), country: 'Atlantis' }]);
    const { interruption } = await pull(main);
    expect(interruption).toMatchObject({ kind: 'retry', error: { kind: 'bad_response' } });
    expect(main.fake.callsTo('revnue.customers.listClose')).toEqual([
      { connectionId: connection.id, cursor: 'cursor-1' },
    ]);
    expect(await keys()).toEqual(['1', '2', '3', '99']);
  });

  test('a customer with a waiting change keeps it through every pull', async () => {
    freshStore();
    await pull(scriptedMain(range(4)));
    const row = await store.getCustomer<RevnueCustomerRecord>(connection.id, '2');
    await store.saveCustomer(revnueDescriptor, connection.id, '2', {
      ...row!.record,
      city: 'Typed offline',
    });
    await pull(
      scriptedMain(
        range(4).map((c) => ({ ...c, city: 'Server' })),
        1,
      ),
    );
    await pull(scriptedMain(range(4).map((c) => ({ ...c, city: 'Server' }))));
    const kept = await store.getCustomer<RevnueCustomerRecord>(connection.id, '2');
    expect(kept?.record.city).toBe('Typed offline');
    expect((await store.getCustomer<RevnueCustomerRecord>(connection.id, '3'))?.record.city).toBe(
      'Server',
    );
  });
});
