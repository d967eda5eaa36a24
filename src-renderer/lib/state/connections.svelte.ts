// The connections the app knows (one account on one API each), which one is active, and whether
// each is signed in. Main announces every change (`connections.changed`, `auth.changed`), so
// nothing here polls: the state listens from construction until dispose(). The list itself is heard
// through the window's one ConnectionList, shared with the sync (see connection-list.ts).
import type { ConnectionView } from '../../../src-shared/connection';
import type { EventPayload } from '../../../src-shared/ipc/events';
import type { FieldbookApi, Unsubscribe } from '../../../src-shared/ipc/fieldbook-api';
import type { Result } from '../../../src-shared/ipc/result';
import { ConnectionList } from './connection-list';
import { describeError } from './error-message';

type Heard =
  | { event: 'connections.changed'; payload: EventPayload<'connections.changed'> }
  | { event: 'auth.changed'; payload: EventPayload<'auth.changed'> };

export class ConnectionsState {
  connections = $state<ConnectionView[]>([]);
  /** True until the first `connections.list` answered (either way). */
  loading = $state(true);
  /** "Try the sandbox" is starting the sandbox and signing in. */
  trying = $state(false);
  /** What went wrong last, worded for the person at the screen; null when the last call worked. */
  error = $state<string | null>(null);
  readonly active = $derived(this.connections.find((connection) => connection.active));

  readonly #api: FieldbookApi;
  readonly #list: ConnectionList;
  readonly #unsubscribe: Unsubscribe[];
  /**
   * Events heard while a call that answers with connections was on its way. Main may have read
   * that answer before the change an event announces, so the events are applied again on top of
   * it: main sends both in order, so the last one applied is the newest. Bookkeeping, not shown.
   */
  #heard: Heard[] = [];
  /** How many events were dropped from the front of #heard (it is emptied when no call waits). */
  #heardBefore = 0;
  #callsOnTheirWay = 0;
  #disposed = false;

  /** `list`: the window's shared one; without it the state hears main through a list of its own. */
  constructor(api: FieldbookApi, list?: ConnectionList) {
    this.#api = api;
    this.#list = list ?? new ConnectionList(api);
    // Listen before the first call, so no change made meanwhile is missed.
    this.#unsubscribe = [
      this.#list.subscribe((connections) =>
        this.#hear({ event: 'connections.changed', payload: { connections } }),
      ),
      api.on('auth.changed', (payload) => this.#hear({ event: 'auth.changed', payload })),
    ];
    // A list of its own is this state's to close; a shared one belongs to whoever made it.
    if (!list) this.#unsubscribe.push(() => this.#list.dispose());
  }

  async load(): Promise<void> {
    this.loading = true;
    const answer = await this.#whileListening(() => this.#list.list());
    this.loading = false;
    this.#acceptList(answer);
  }

  async tryTheSandbox(): Promise<void> {
    // One sandbox set-up at a time; main would join a second call anyway.
    if (this.trying) return;
    this.trying = true;
    this.error = null;
    const answer = await this.#whileListening(() => this.#api.sandbox.tryIt());
    this.trying = false;
    this.#acceptList(answer);
  }

  async select(id: string): Promise<void> {
    const previous = this.active?.id;
    if (previous === id) return;
    // Mark it at once so the list answers the click; main's answer confirms or undoes it.
    this.#markActive(id);
    const answer = await this.#whileListening(() => this.#api.connections.select({ id }));
    if (this.#disposed) return;
    if (!answer.value.ok) {
      this.error = describeError(answer.value.error);
      this.#markActive(previous);
      return;
    }
    this.error = null;
    const selected = answer.value.value;
    this.connections = this.connections.map((c) => (c.id === id ? selected : c));
    answer.heardMeanwhile.forEach((heard) => this.#apply(heard));
  }

  dispose(): void {
    this.#disposed = true;
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#heard = [];
  }

  #hear(heard: Heard): void {
    if (this.#disposed) return;
    if (this.#callsOnTheirWay > 0) this.#heard.push(heard);
    this.#apply(heard);
  }

  #apply(heard: Heard): void {
    if (heard.event === 'connections.changed') {
      this.connections = heard.payload.connections;
      return;
    }
    const { connectionId, state } = heard.payload;
    if (!this.connections.some((c) => c.id === connectionId && c.authState !== state)) return;
    this.connections = this.connections.map((c) =>
      c.id === connectionId ? { ...c, authState: state } : c,
    );
  }

  /** Runs `call` and hands back its answer with every event heard while it was on its way. */
  async #whileListening<T>(call: () => Promise<T>): Promise<{ value: T; heardMeanwhile: Heard[] }> {
    const mark = this.#heardBefore + this.#heard.length;
    this.#callsOnTheirWay += 1;
    try {
      const value = await call();
      return { value, heardMeanwhile: this.#heard.slice(mark - this.#heardBefore) };
    } finally {
      this.#callsOnTheirWay -= 1;
      if (this.#callsOnTheirWay === 0) {
        this.#heardBefore += this.#heard.length;
        this.#heard = [];
      }
    }
  }

  #acceptList(answer: {
    value: Result<{ connections: ConnectionView[] }>;
    heardMeanwhile: Heard[];
  }): void {
    if (this.#disposed) return;
    if (!answer.value.ok) {
      this.error = describeError(answer.value.error);
      return;
    }
    this.error = null;
    this.connections = answer.value.value.connections;
    answer.heardMeanwhile.forEach((heard) => this.#apply(heard));
  }

  #markActive(id: string | undefined): void {
    this.connections = this.connections.map((c) => ({ ...c, active: c.id === id }));
  }
}
