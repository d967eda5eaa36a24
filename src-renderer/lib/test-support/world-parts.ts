// Parts every screen world in the browser tests is built from: a fresh IndexedDB store that is
// deleted again, an idle sync status, and a runner the test scripts (it announces statuses and
// records "Sync now"); the engine itself is tested in lib/sync.
import type { CustomerStore } from '../db/customer-store';
import { openCustomerStore } from '../db/dexie-customer-store';
import type { SyncRunner } from '../sync/engine/sync-runner';
import type { SyncStatus } from '../sync/sync-status';

let counter = 0;

/** A store on a database of its own; `drop()` closes it and deletes the database. */
export function scratchStore(prefix: string): { store: CustomerStore; drop(): Promise<void> } {
  const name = `fieldbook-${prefix}-${Date.now()}-${counter++}`;
  const store = openCustomerStore(name);
  return {
    store,
    async drop() {
      store.close();
      await new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => resolve();
      });
    },
  };
}

export function idleStatus(connectionId: string, overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    connectionId,
    phase: 'idle',
    pauseReason: null,
    nextAttemptAt: null,
    waitReason: null,
    done: 0,
    total: null,
    waiting: 0,
    lastSuccessAt: 1,
    lastError: null,
    ...overrides,
  };
}

/**
 * A runner that syncs nothing: `status` answers `initial(connectionId)` until `announce` plays the
 * engine telling the board a new status; "Sync now" is recorded in `syncNow`.
 */
export function scriptedRunner(initial: (connectionId: string) => SyncStatus | undefined) {
  const announced = new Map<string, SyncStatus>();
  const listeners = new Set<(status: SyncStatus) => void>();
  const syncNow: (string | undefined)[] = [];
  const fetched: { connectionId: string; key: string }[] = [];
  const runner = {
    status: (connectionId: string) => announced.get(connectionId) ?? initial(connectionId),
    subscribe(listener: (status: SyncStatus) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    syncNow: (connectionId?: string) => void syncNow.push(connectionId),
    fetchInFull: async (connectionId: string, key: string) =>
      void fetched.push({ connectionId, key }),
  } as unknown as SyncRunner;
  return {
    runner,
    listeners,
    syncNow,
    fetched,
    announce(next: SyncStatus) {
      announced.set(next.connectionId, next);
      for (const listener of listeners) listener(next);
    },
  };
}
