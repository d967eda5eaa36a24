// The app's sync, started once per window: the local store, persistent storage, and the runner
// fed with main's connection list and sign-in events. The UI only has to show what it reports.
import type { FieldbookApi } from '../../../src-shared/ipc/fieldbook-api';
import type { CustomerStore } from '../db/customer-store';
import { openCustomerStore } from '../db/dexie-customer-store';
import { requestPersistence, type PersistenceOutcome } from '../db/request-persistence';
import { createSyncAdapter } from './adapters';
import { createSyncRunner, type SyncRunner, type SyncRunnerOptions } from './engine/sync-runner';

export interface AppSync<R extends SyncRunner = SyncRunner> {
  readonly store: CustomerStore;
  readonly runner: R;
  /** Whether the engine may evict this profile's data under disk pressure ('granted': never). */
  readonly persistence: Promise<PersistenceOutcome>;
  close(): Promise<void>;
}

/** `createRunner`: tests pass test-support's createSettlingSyncRunner to wait for the engines. */
export function startAppSync<R extends SyncRunner = SyncRunner>(
  api: FieldbookApi,
  store = openCustomerStore(),
  createRunner: (options: SyncRunnerOptions) => R = createSyncRunner as (
    options: SyncRunnerOptions,
  ) => R,
): AppSync<R> {
  const runner = createRunner({
    store,
    adapterFor: (connection) => createSyncAdapter(api, connection),
    onAuthChanged: (listener) => api.on('auth.changed', listener),
  });
  // Subscribe before asking, so a change announced while the list is on its way is not missed;
  // an announcement is newer than any answer still on its way, so that answer is then dropped.
  let announced = false;
  const stopListening = api.on('connections.changed', ({ connections }) => {
    announced = true;
    runner.setConnections(connections);
  });
  void api.connections.list().then((answer) => {
    // A failed list is shown by the start screen; sync starts with the next announcement.
    if (answer.ok && !announced) runner.setConnections(answer.value.connections);
  });
  return {
    store,
    runner,
    persistence: requestPersistence(),
    async close() {
      stopListening();
      await runner.close();
      store.close();
    },
  };
}
