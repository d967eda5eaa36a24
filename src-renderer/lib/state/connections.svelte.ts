// The connections the app knows (DESIGN §1), which one is active, and whether each is signed in.
// R2 browser sign-ins finish in the background, so connections that are `signing_in` are polled
// with backoff until they settle; `dispose()` stops every poll when the screen goes away.
import type { AuthState, ConnectionView } from '../../../src-shared/connection';
import type { FieldbookApi } from '../../../src-shared/ipc/fieldbook-api';
import type { Result } from '../../../src-shared/ipc/result';
import { describeError } from './error-message';
import {
  browserSchedule,
  pollDelay,
  signInPollPolicy,
  type PollPolicy,
  type Schedule,
} from './poll-schedule';

type ConnectionsAnswer = Result<{ connections: ConnectionView[] }>;

export interface ConnectionsOptions {
  schedule?: Schedule;
  policy?: PollPolicy;
}

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
  readonly #schedule: Schedule;
  readonly #policy: PollPolicy;
  /** Connection id → cancels its pending sign-in check. Bookkeeping, not shown: not reactive. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- nothing renders from it
  readonly #polls = new Map<string, () => void>();
  #disposed = false;

  constructor(api: FieldbookApi, options: ConnectionsOptions = {}) {
    this.#api = api;
    this.#schedule = options.schedule ?? browserSchedule;
    this.#policy = options.policy ?? signInPollPolicy;
  }

  async load(): Promise<void> {
    this.loading = true;
    const answer = await this.#api.connections.list();
    this.loading = false;
    this.#accept(answer);
  }

  async tryTheSandbox(): Promise<void> {
    // One sandbox set-up at a time; main would join a second call anyway.
    if (this.trying) return;
    this.trying = true;
    this.error = null;
    const answer = await this.#api.sandbox.tryIt();
    this.trying = false;
    this.#accept(answer);
  }

  async select(id: string): Promise<void> {
    const previous = this.active?.id;
    if (previous === id) return;
    // Mark it at once so the list answers the click; main's answer confirms or undoes it.
    this.#markActive(id);
    const answer = await this.#api.connections.select({ id });
    if (this.#disposed) return;
    if (!answer.ok) {
      this.error = describeError(answer.error);
      this.#markActive(previous);
      return;
    }
    this.error = null;
    this.connections = this.connections.map((c) => (c.id === id ? answer.value : c));
    this.#watchSignIns();
  }

  /** Whether a sign-in check is still scheduled or running for this connection. */
  isWatching(id: string): boolean {
    return this.#polls.has(id);
  }

  dispose(): void {
    this.#disposed = true;
    for (const cancel of this.#polls.values()) cancel();
    this.#polls.clear();
  }

  #accept(answer: ConnectionsAnswer): void {
    if (this.#disposed) return;
    if (!answer.ok) {
      this.error = describeError(answer.error);
      return;
    }
    this.error = null;
    this.connections = answer.value.connections;
    this.#watchSignIns();
  }

  #markActive(id: string | undefined): void {
    this.connections = this.connections.map((c) => ({ ...c, active: c.id === id }));
  }

  #watchSignIns(): void {
    for (const connection of this.connections) {
      if (connection.authState === 'signing_in' && !this.#polls.has(connection.id)) {
        this.#checkLater(connection.id, 0);
      }
    }
  }

  #checkLater(id: string, attempt: number): void {
    if (this.#disposed) return;
    if (attempt >= this.#policy.maxAttempts) {
      // Gave up for now: the badge keeps saying "Signing in…"; load() or select() asks again.
      this.#polls.delete(id);
      return;
    }
    const cancel = this.#schedule(
      () => void this.#check(id, attempt),
      pollDelay(attempt, this.#policy),
    );
    this.#polls.set(id, cancel);
  }

  async #check(id: string, attempt: number): Promise<void> {
    const answer = await this.#api.auth.status({ connectionId: id });
    if (this.#disposed || !this.#polls.has(id)) return;
    if (!answer.ok && answer.error.kind === 'not_found') {
      // The connection is gone (deleted elsewhere): nothing left to wait for.
      this.#polls.delete(id);
      return;
    }
    // Any other error (main busy, a hiccup) is a reason to ask again later, not to give up.
    const state: AuthState = answer.ok ? answer.value.state : 'signing_in';
    if (state === 'signing_in') {
      this.#checkLater(id, attempt + 1);
      return;
    }
    this.#polls.delete(id);
    this.connections = this.connections.map((c) => (c.id === id ? { ...c, authState: state } : c));
  }
}
