// A Customers screen world for browser tests: the real screen in Chromium on a real IndexedDB
// store (a fresh database), its real search worker, a scripted sync runner whose statuses the
// test announces, and the app's Navigation. One Revnue connection, active.
import { flushSync, mount, unmount } from 'svelte';
import type { ConnectionView } from '../../../../src-shared/connection';
import { revnueDescriptor } from '../../../../src-shared/connectors';
import { corpusLookups, corpusPulled } from '../../../lib/search/test-support/customer-corpus';
import type { CustomerStore } from '../../../lib/db/customer-store';
import type { AppContext } from '../../../lib/state/app-context';
import type { ConnectionsState } from '../../../lib/state/connections.svelte';
import { Navigation } from '../../../lib/state/navigation.svelte';
import { SyncBoard } from '../../../lib/state/sync-board.svelte';
import type { SyncStatus } from '../../../lib/sync/sync-status';
import { createFakeFieldbook, type FakeHandlers } from '../../../lib/test-support/fake-fieldbook';
import {
  idleStatus as idleStatusOf,
  scratchStore,
  scriptedRunner,
} from '../../../lib/test-support/world-parts';
import ContextHost from './ContextHost.svelte';

export const connection: ConnectionView = {
  id: 'conn-1',
  createdAt: '2026-01-01T00:00:00.000Z',
  kind: 'revnue-v2',
  name: 'Revnue test',
  baseUrl: 'https://example.test/api/v2/',
  auth: { mode: 'admin_token' },
  company: 1,
  authState: 'signed_in',
  active: true,
} as ConnectionView;

export function idleStatus(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return idleStatusOf(connection.id, overrides);
}

export async function renderCustomers(options: {
  customers: number;
  status?: SyncStatus;
  /** Main's answers the screen may need (the export's channels). */
  handlers?: FakeHandlers;
  /** A reload: the screen again over the store of an earlier world (nothing more is seeded). */
  reload?: { readonly store: CustomerStore; drop(): Promise<void> };
}) {
  const { store, drop } = options.reload ?? scratchStore('list');
  if (!options.reload) await store.putLookups(connection.id, corpusLookups, 1);
  for (let from = 0; !options.reload && from < options.customers; from += 1_000) {
    const count = Math.min(1_000, options.customers - from);
    await store.applyPulled(revnueDescriptor, connection.id, corpusPulled(from, count));
  }
  const initial = options.status ?? idleStatus();
  const scripted = scriptedRunner(() => initial);
  const navigation = new Navigation();
  const context: AppContext = {
    api: createFakeFieldbook(options.handlers).api,
    store,
    runner: scripted.runner,
    board: new SyncBoard(scripted.runner),
    connections: { active: connection } as unknown as ConnectionsState,
    navigation,
  };
  const target = document.body.appendChild(document.createElement('div'));
  target.style.height = '600px';
  target.style.display = 'flex';
  target.style.flexDirection = 'column';
  const component = mount(ContextHost, { target, props: { context } });
  flushSync();
  return {
    store,
    navigation,
    context,
    target,
    announce: scripted.announce,
    listeners: scripted.listeners,
    /** The customers the screen asked the runner to fetch in full (new favourites). */
    fetched: scripted.fetched,
    /** `keepStore`: for a reload world to open the same database again. */
    async dispose({ keepStore = false } = {}) {
      await unmount(component);
      target.remove();
      if (!keepStore) await drop();
    },
    drop,
  };
}
