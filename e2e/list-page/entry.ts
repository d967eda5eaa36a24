// The Customers screen wired like the app wires it (window.fieldbook from the harness bridge, the
// real store and sync runner from startAppSync, ConnectionsState, Navigation), for the customer
// list e2e spec until the shell (App.svelte) renders the screen itself. window.listE2e adds a
// connection through window.fieldbook, as Settings will.
import { mount } from 'svelte';
import { setupOneConnection } from '../sync-lab/page/bench-connections';
import type { BenchConnectionConfig } from '../sync-lab/bench-api';
import ContextHost from '../../src-renderer/features/customers/test-support/ContextHost.svelte';
import { ConnectionList } from '../../src-renderer/lib/state/connection-list';
import { ConnectionsState } from '../../src-renderer/lib/state/connections.svelte';
import { OnlineState } from '../../src-renderer/lib/state/online.svelte';
import { Navigation } from '../../src-renderer/lib/state/navigation.svelte';
import { SyncBoard } from '../../src-renderer/lib/state/sync-board.svelte';
import { startAppSync } from '../../src-renderer/lib/sync/start-app-sync';

const api = window.fieldbook;
// One connection list and one online state, shared by the screens and the sync as in App.svelte.
const connectionList = new ConnectionList(api);
const online = new OnlineState();
const connections = new ConnectionsState(api, connectionList);
const sync = startAppSync(api, undefined, undefined, { connections: connectionList, online });
const navigation = new Navigation();
void connections.load();
mount(ContextHost, {
  target: document.getElementById('app')!,
  props: {
    context: {
      api,
      store: sync.store,
      runner: sync.runner,
      connections,
      navigation,
      board: new SyncBoard(sync.runner, online),
    },
  },
});

(globalThis as unknown as { listE2e: unknown }).listE2e = {
  async addConnection(config: BenchConnectionConfig): Promise<string> {
    const id = await setupOneConnection(api, config);
    await connections.select(id);
    return id;
  },
  /** What the editor would show: the customer the grid opened. */
  openCustomer: () => navigation.openCustomer,
};
