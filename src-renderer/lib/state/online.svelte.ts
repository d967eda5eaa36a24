// Whether this computer is online: ONE listener on the window's online/offline events for the whole
// window, read by the sync runner (as its OnlineSignal) and by the screens (the sync board, the
// editor's "saved" line). It remembers the last event rather than asking navigator.onLine again,
// so every reader agrees with the others, and it listens from construction until dispose(), not
// only while someone is subscribed, so a reader that reads it outside an effect is never stale.
import type { OnlineSignal } from '../sync/engine/browser-signals';

type OnlineEvents = Pick<Window, 'addEventListener' | 'removeEventListener'>;

export class OnlineState implements OnlineSignal {
  #online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  readonly #listeners = new Set<(online: boolean) => void>();
  readonly #stop: () => void;

  constructor(events: OnlineEvents = window) {
    const online = () => this.#hear(true);
    const offline = () => this.#hear(false);
    events.addEventListener('online', online);
    events.addEventListener('offline', offline);
    this.#stop = () => {
      events.removeEventListener('online', online);
      events.removeEventListener('offline', offline);
    };
  }

  get online(): boolean {
    return this.#online;
  }

  isOnline(): boolean {
    return this.#online;
  }

  /** Every online/offline event from now on (not the current value); returns the unsubscribe. */
  subscribe(listener: (online: boolean) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  dispose(): void {
    this.#stop();
    this.#listeners.clear();
  }

  #hear(online: boolean): void {
    this.#online = online;
    // A copy, so a listener that unsubscribes while told does not skip the next one.
    for (const listener of [...this.#listeners]) listener(online);
  }
}
