// Main's connection list as ONE subscription per window: `connections.changed` is heard once here
// and handed to every reader (the connections state the screens read, and the sync that gives
// each connection an engine), so they cannot drift apart or double the IPC traffic.
import type { ConnectionView } from '../../../src-shared/connection';
import type { FieldbookApi, Unsubscribe } from '../../../src-shared/ipc/fieldbook-api';
import type { Result } from '../../../src-shared/ipc/result';

export type ConnectionsListener = (connections: ConnectionView[]) => void;

export class ConnectionList {
  readonly #api: FieldbookApi;
  readonly #listeners = new Set<ConnectionsListener>();
  readonly #stop: Unsubscribe;

  constructor(api: FieldbookApi) {
    this.#api = api;
    // Subscribed from construction, so a reader that subscribes and then asks (list()) hears every
    // change announced while its answer is on the way.
    this.#stop = api.on('connections.changed', ({ connections }) => {
      for (const listener of [...this.#listeners]) listener(connections);
    });
  }

  /** Every announced list from now on; returns the unsubscribe. */
  subscribe(listener: ConnectionsListener): Unsubscribe {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Asks main for the list now (subscribe first, so nothing announced meanwhile is missed). */
  list(): Promise<Result<{ connections: ConnectionView[] }>> {
    return this.#api.connections.list();
  }

  dispose(): void {
    this.#stop();
    this.#listeners.clear();
  }
}
