// Tells the window when connections or sign-ins change
// (docs/ipc.md#events-from-main-to-the-window), so it never polls: `auth.changed` from the auth
// service, and `connections.changed` — the whole list, as `connections.list` answers it — after
// every change to the list or to a sign-in, whoever made it (an IPC operation, "Try the sandbox",
// the sandbox moving its connections after a restart).
import type { AuthService } from '../auth/auth-service';
import type { ConnectionStore } from '../connections/connection-store';
import type { EventHub } from '../ipc/event-hub';
import type { ConnectionViews } from './connection-handlers';

export interface ConnectionsAnnouncer {
  /** Something in the list changed: announce the list as it is now (soon, not necessarily now). */
  changed(): void;
  /** Resolves once every announcement asked for so far went out. */
  idle(): Promise<void>;
}

/**
 * Announcements run one at a time, each reading the list afresh when it starts, so the last
 * one out always shows the latest list; changes made while one runs share the next one.
 */
export function createConnectionsAnnouncer(
  views: ConnectionViews,
  events: EventHub,
  log: (line: string) => void,
): ConnectionsAnnouncer {
  let running: Promise<void> | undefined;
  let again = false;

  async function announce(): Promise<void> {
    do {
      again = false;
      const listed = await views.list().catch((error: unknown) => ({
        ok: false as const,
        error: { message: error instanceof Error ? error.message : String(error) },
      }));
      if (listed.ok) events.emit('connections.changed', listed.value);
      // The window keeps its last list; its next operation answers with a clear error anyway.
      else log(`connections.changed not sent: ${listed.error.message}`);
    } while (again);
  }

  return {
    changed() {
      if (running) {
        again = true;
        return;
      }
      running = announce().finally(() => (running = undefined));
    },
    idle: async () => {
      while (running) await running;
    },
  };
}

/** The same store, announcing after every change that succeeded. Reads pass straight through. */
export function announcingConnectionStore(
  store: ConnectionStore,
  announcer: Pick<ConnectionsAnnouncer, 'changed'>,
): ConnectionStore {
  function announced<A extends unknown[], T extends { ok: boolean }>(
    change: (...args: A) => Promise<T>,
  ): (...args: A) => Promise<T> {
    return async (...args) => {
      const result = await change(...args);
      if (result.ok) announcer.changed();
      return result;
    };
  }
  return {
    list: () => store.list(),
    get: (id) => store.get(id),
    activeId: () => store.activeId(),
    create: announced((input) => store.create(input)),
    rename: announced((id, name) => store.rename(id, name)),
    select: announced((id) => store.select(id)),
    repoint: announced((id, address) => store.repoint(id, address)),
    delete: announced((id) => store.delete(id)),
  };
}

/**
 * Forwards every sign-in state change of the auth service as `auth.changed`, and announces the
 * list again: each view carries its `authState`, and a list read just before the change must
 * not be the last word the window hears.
 */
export function announceAuthChanges(
  auth: Pick<AuthService, 'onStateChange'>,
  events: EventHub,
  announcer: Pick<ConnectionsAnnouncer, 'changed'>,
) {
  return auth.onStateChange((change) => {
    events.emit('auth.changed', change);
    announcer.changed();
  });
}
