// The app's sync in Chromium (real IndexedDB, real Web Locks): it follows main's connection list —
// the first answer and every `connections.changed` — and syncs each connection through its adapter.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { flushSync } from 'svelte';
import { ConnectionList } from '../state/connection-list';
import { ConnectionsState } from '../state/connections.svelte';
import { OnlineState } from '../state/online.svelte';
import { SyncBoard } from '../state/sync-board.svelte';
import { openCustomerStore } from '../db/dexie-customer-store';
import {
  createFakeFieldbook,
  revnueConnection,
  type FakeFieldbook,
} from '../test-support/fake-fieldbook';
import { startAppSync, type AppSync } from './start-app-sync';
import {
  createSettlingSyncRunner,
  type SettlingSyncRunner,
} from './test-support/settling-sync-runner';

let sync: AppSync<SettlingSyncRunner> | undefined;
let dbName = '';
afterEach(async () => {
  await sync?.close();
  sync = undefined;
  indexedDB.deleteDatabase(dbName);
});

function revnueServer(): FakeFieldbook {
  return createFakeFieldbook({
    'connections.list': async () => ({ ok: true, value: { connections: [] } }),
    'revnue.customers.list': async () => ({ ok: true, value: [] }),
    'revnue.customers.listOpen': async () => ({ ok: true, value: { cursor: 'c-1' } }),
    'revnue.customers.listNext': async () => ({
      ok: true,
      value: { customers: [], done: true },
    }),
    'revnue.lookups.companies': async () => ({ ok: true, value: [{ id: 1, name: 'Acme Ltd' }] }),
    'revnue.lookups.categories': async () => ({ ok: true, value: [] }),
    'revnue.lookups.countries': async () => ({ ok: true, value: [] }),
    'revnue.lookups.customFieldTemplates': async () => ({ ok: true, value: [] }),
  });
}

async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never happened: ${what}`);
}

describe('startAppSync', () => {
  // The start-up list answers [] (it was read before the connection existed); the announcement
  // that follows is newer and wins.
  test('syncs a connection main announces, and stops listening when closed', async () => {
    const fake = revnueServer();
    dbName = `app-sync-${crypto.randomUUID()}`;
    sync = startAppSync(fake.api, openCustomerStore(dbName), createSettlingSyncRunner);
    expect(sync.runner.status('rv-1')).toBeUndefined();

    fake.emit('connections.changed', { connections: [revnueConnection()] });
    expect(sync.runner.status('rv-1')).toBeDefined();
    // The engine really runs: it pulls the company's list and caches the lookups offline.
    await eventually(() => fake.callsTo('revnue.customers.listNext').length > 0, 'a pull');
    await eventually(() => fake.callsTo('revnue.lookups.companies').length > 0, 'lookups');
    await sync.runner.settled();
    expect(await sync.store.getLookups('rv-1')).toMatchObject({
      companies: [{ id: 1, name: 'Acme Ltd' }],
    });

    await sync.close();
    sync = undefined;
    expect(fake.listenerCount('connections.changed')).toBe(0);
    expect(fake.listenerCount('auth.changed')).toBe(0);
  });

  test('starts from the list main answers at start-up', async () => {
    const fake = revnueServer();
    fake.handlers['connections.list'] = async () => ({
      ok: true,
      value: { connections: [revnueConnection()] },
    });
    dbName = `app-sync-${crypto.randomUUID()}`;
    sync = startAppSync(fake.api, openCustomerStore(dbName), createSettlingSyncRunner);
    await eventually(() => sync?.runner.status('rv-1') !== undefined, 'an engine for rv-1');
    expect(['granted', 'denied', 'unsupported']).toContain(await sync.persistence);
  });
});

// One subscription per fact: App.svelte hands the sync and the screens the same ConnectionList and
// OnlineState, so main's announcement and the window's online/offline event are each heard once.
describe("startAppSync with the window's shared facts", () => {
  test('the connections state and the sync share one connections.changed subscription', async () => {
    const fake = revnueServer();
    const list = new ConnectionList(fake.api);
    const state = new ConnectionsState(fake.api, list);
    dbName = `app-sync-${crypto.randomUUID()}`;
    sync = startAppSync(fake.api, openCustomerStore(dbName), createSettlingSyncRunner, {
      connections: list,
    });
    expect(fake.listenerCount('connections.changed')).toBe(1);
    await state.load();
    // Both asked main through the one list: the state and the sync, subscribed first.
    expect(fake.callsTo('connections.list')).toHaveLength(2);

    fake.emit('connections.changed', { connections: [revnueConnection()] });
    expect(state.connections.map((c) => c.id)).toEqual(['rv-1']);
    expect(sync.runner.status('rv-1')).toBeDefined();

    // Closing one reader leaves the shared subscription to the other; the list's owner ends it.
    await sync.close();
    sync = undefined;
    expect(fake.listenerCount('connections.changed')).toBe(1);
    state.dispose();
    list.dispose();
    expect(fake.listenerCount('connections.changed')).toBe(0);
  });

  test('the runner and the sync board hear one offline event through one listener', async () => {
    const adds = vi.spyOn(window, 'addEventListener');
    const online = new OnlineState();
    const fake = revnueServer();
    dbName = `app-sync-${crypto.randomUUID()}`;
    sync = startAppSync(fake.api, openCustomerStore(dbName), createSettlingSyncRunner, { online });
    const board = new SyncBoard(sync.runner, online);
    const offlineListeners = adds.mock.calls.filter(([type]) => type === 'offline').length;
    adds.mockRestore();
    expect(offlineListeners).toBe(1);
    fake.emit('connections.changed', { connections: [revnueConnection()] });
    await sync.runner.settled();
    const told: boolean[] = [];
    const stop = online.subscribe((value) => told.push(value));
    try {
      window.dispatchEvent(new Event('offline'));
      flushSync();
      expect(told).toEqual([false]);
      expect(board.online).toBe(false);
      expect(sync.runner.status('rv-1')?.pauseReason).toBe('offline');
    } finally {
      window.dispatchEvent(new Event('online'));
      stop();
      board.dispose();
      online.dispose();
    }
  });
});
