// The app's sync, started once per window: the local store, persistent storage, and the runner
// fed with main's connection list and sign-in events. The UI only has to show what it reports.
import type { FieldbookApi } from '../../../src-shared/ipc/fieldbook-api';
import { ConnectionList } from '../state/connection-list';
import type { CustomerStore } from '../db/customer-store';
import { openCustomerStore } from '../db/dexie-customer-store';
import { requestPersistence, type PersistenceOutcome } from '../db/request-persistence';
import { createSyncAdapter } from './adapters';
import type { OnlineSignal } from './engine/browser-signals';
import { createSyncRunner, type SyncRunner, type SyncRunnerOptions } from './engine/sync-runner';
import { JournalNotice } from '../state/journal-notice.svelte';
import { createJournalGate } from './journal-gate';
import { journalPortOf } from './journal-port';

export interface AppSync<R extends SyncRunner = SyncRunner> {
  readonly store: CustomerStore;
  readonly runner: R;
  /** Whether the engine may evict this profile's data under disk pressure ('granted': never). */
  readonly persistence: Promise<PersistenceOutcome>;
  /** What the change journal restored at start, for the window to say once. */
  readonly journal: JournalNotice;
  close(): Promise<void>;
}

/**
 * The window's one source of each fact the sync shares with the screens (App.svelte makes them).
 * Without `connections` the sync hears main through a list of its own (closed with it); without
 * `online` the runner uses its default.
 */
export interface SharedFacts {
  readonly connections?: ConnectionList;
  readonly online?: OnlineSignal;
}

/** `createRunner`: tests pass test-support's createSettlingSyncRunner to wait for the engines. */
export function startAppSync<R extends SyncRunner = SyncRunner>(
  api: FieldbookApi,
  store = openCustomerStore('fieldbook', { journal: journalPortOf(api) }),
  createRunner: (options: SyncRunnerOptions) => R = createSyncRunner as (
    options: SyncRunnerOptions,
  ) => R,
  facts: SharedFacts = {},
): AppSync<R> {
  const runner = createRunner({
    store,
    adapterFor: (connection) => createSyncAdapter(api, connection),
    onAuthChanged: (listener) => api.on('auth.changed', listener),
    ...(facts.online ? { online: facts.online } : {}),
  });
  const list = facts.connections ?? new ConnectionList(api);
  const journal = new JournalNotice();
  // The engine sees a connection only once its store and journal are level.
  const gate = createJournalGate(store, journal);
  const apply = (connections: Parameters<typeof runner.setConnections>[0]) =>
    runner.setConnections(connections);
  // Subscribe before asking, so a change announced while the list is on its way is not missed;
  // an announcement is newer than any answer still on its way, so that answer is then dropped.
  let announced = false;
  const stopListening = list.subscribe((connections) => {
    announced = true;
    void gate.pass(connections, apply);
  });
  void list.list().then((answer) => {
    // A failed list is shown by the start screen; sync starts with the next announcement.
    if (answer.ok && !announced) void gate.pass(answer.value.connections, apply);
  });
  return {
    store,
    runner,
    persistence: requestPersistence(),
    journal,
    async close() {
      stopListening();
      if (!facts.connections) list.dispose();
      await runner.close();
      store.close();
    },
  };
}
