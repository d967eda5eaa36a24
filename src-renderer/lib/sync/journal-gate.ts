// Holds the engine back until each connection's store and journal are level: a connection is
// reconciled once per window, before the runner first sees it, so nothing is pushed or pulled
// from a store that is about to get its waiting changes back.
import type { ConnectionView } from '../../../src-shared/connection';
import type { CustomerStore, JournalReconciled } from '../db/customer-store';

export interface JournalGateListener {
  report(outcome: JournalReconciled): void;
  failed(message: string): void;
}

export function createJournalGate(store: CustomerStore, listener: JournalGateListener) {
  const reconciled = new Map<string, Promise<void>>();
  const level = new Set<string>();
  let latest = 0;

  function reconcile(connectionId: string): Promise<void> {
    let done = reconciled.get(connectionId);
    if (!done) {
      done = store.reconcileJournal
        ? store.reconcileJournal(connectionId).then(
            (outcome) => listener.report(outcome),
            // The store keeps working without the journal's help; the user is told why.
            (error: unknown) =>
              listener.failed(error instanceof Error ? error.message : String(error)),
          )
        : Promise.resolve();
      done = done.then(() => {
        level.add(connectionId);
      });
      reconciled.set(connectionId, done);
    }
    return done;
  }

  return {
    /** Calls `apply` with `connections` once all are reconciled, unless a newer list came since. */
    pass(
      connections: readonly ConnectionView[],
      apply: (connections: readonly ConnectionView[]) => void,
    ): Promise<void> {
      const mine = ++latest;
      // Nothing to wait for (no journal, or every connection already level): at once.
      if (!store.reconcileJournal || connections.every((connection) => level.has(connection.id))) {
        apply(connections);
        return Promise.resolve();
      }
      return Promise.all(connections.map((connection) => reconcile(connection.id))).then(() => {
        if (mine === latest) apply(connections);
      });
    },
  };
}
