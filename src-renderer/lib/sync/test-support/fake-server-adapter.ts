// A SyncAdapter over the FakeServer, as the real adapters are over IPC: every call is async (a
// turn of the event loop each way), the list comes in pages (summaries where the descriptor says
// so), and a "crash" can be armed to kill the window at an exact request, before or after commit.
import type {
  ConnectorDescriptor,
  ConnectorLookups,
} from '../../../../src-shared/connectors/descriptor';
import type { Result } from '../../../../src-shared/ipc/result';
import type { MergeResult } from '../../../../src-shared/sync/merge';
import type { PulledRecord } from '../../db/customer-store';
import type { PullPage, SyncAdapter } from '../sync-adapter';
import type { FakeServer, ServerRecord } from './fake-server';

export interface FakeAdapterOptions {
  /** Records per list page (default: everything in one page). */
  readonly pageSize?: number;
}

type Call = () => void;

export class FakeServerAdapter<T> implements SyncAdapter<T> {
  readonly descriptor: ConnectorDescriptor<T>;
  readonly connectionId: string;
  readonly #server: FakeServer<T>;
  readonly #pageSize: number;
  /** The lookups the engine handed over (cached at start, fresh after each fetch). */
  usedLookups: ConnectorLookups | null = null;
  /** Requests made through this adapter (one per window: which window synced). */
  calls = 0;
  #dead = false;
  #crash: { afterRequests: number; commit: boolean; crashed: Call } | null = null;
  readonly #holds = new Map<string, { reached: Call; released: Promise<void> }>();

  constructor(
    server: FakeServer<T>,
    descriptor: ConnectorDescriptor<T>,
    connectionId: string,
    options: FakeAdapterOptions = {},
  ) {
    this.#server = server;
    this.descriptor = descriptor;
    this.connectionId = connectionId;
    this.#pageSize = options.pageSize ?? Number.POSITIVE_INFINITY;
  }

  /**
   * The window dies at the n-th request from now (1 = the next): with `commit` the server has
   * done it, otherwise it never arrived. From then on no call of this adapter ever answers.
   */
  armCrash(afterRequests: number, commit: boolean): Promise<void> {
    return new Promise((crashed) => (this.#crash = { afterRequests, commit, crashed }));
  }

  /** The window is gone: nothing answers any more. */
  kill(): void {
    this.#dead = true;
  }

  /** The next request of `op` waits at the server's door until released (reached resolves first). */
  hold(op: 'get' | 'create' | 'update' | 'list'): { reached: Promise<void>; release: Call } {
    let release: Call = () => undefined;
    let reached: Call = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
    this.#holds.set(op, { reached, released });
    return { reached: reachedPromise, release };
  }

  pullPage(cursor: unknown, checkpoint: string | null): Promise<Result<PullPage<T>>> {
    return this.#call('list', () => {
      // Without `updatedSince` (Revnue) every pull is a complete listing, whatever the checkpoint.
      const delta = this.descriptor.capabilities.updatedSince && checkpoint !== null;
      const since = delta ? Number(checkpoint) : null;
      const version = this.#server.version;
      const listed = this.#server.list(since);
      if (!listed.ok) return listed;
      const offset = typeof cursor === 'number' ? cursor : 0;
      const page = listed.value.slice(offset, offset + this.#pageSize);
      const end = offset + page.length;
      const last = end >= listed.value.length;
      const hydration = this.descriptor.capabilities.summariesInList ? 'summary' : 'full';
      const records: PulledRecord<T>[] = page.map((entry) => ({
        serverId: entry.id,
        record: hydration === 'summary' ? this.descriptor.summaryOf(entry.record) : entry.record,
        hydration,
      }));
      return {
        ok: true,
        value: {
          records,
          next: last ? null : end,
          done: end,
          total: listed.value.length,
          ...(last ? { checkpoint: String(version), complete: since === null } : {}),
        },
      };
    });
  }

  get(serverId: string): Promise<Result<T>> {
    return this.#call('get', () => recordOf(this.#server.get(serverId)));
  }

  create(record: T): Promise<Result<{ serverId: string; record: T }>> {
    return this.#call('create', () => withId(this.#server.create(record)));
  }

  push(serverId: string, merge: MergeResult<T>): Promise<Result<T>> {
    return this.#call('update', () =>
      recordOf(this.#server.update(serverId, merge.changedLocally)),
    );
  }

  findLostCreate(
    record: T,
    firstAttemptAt: number,
  ): Promise<Result<{ serverId: string; record: T } | null>> {
    return this.#call('find', () => {
      const found = this.#server.findByNaturalKey(record, firstAttemptAt);
      if (!found.ok) return found;
      return {
        ok: true,
        value: found.value && { serverId: found.value.id, record: found.value.record },
      };
    });
  }

  fetchLookups(): Promise<Result<ConnectorLookups>> {
    return this.#call('lookups', () => this.#server.fetchLookups());
  }

  useLookups(lookups: ConnectorLookups): void {
    this.usedLookups = lookups;
  }

  countCustomers(): Promise<Result<number>> {
    return this.#call('count', () => ({ ok: true, value: this.#server.records().length }));
  }

  ownCustomerIds(salespersonId: string): Promise<Result<ReadonlySet<string> | null>> {
    return this.#call('own', () => this.#server.ownIds(salespersonId));
  }

  async #call<R>(op: string, request: () => Result<R>): Promise<Result<R>> {
    this.calls += 1;
    await turn();
    const hold = this.#holds.get(op);
    if (hold) {
      this.#holds.delete(op);
      hold.reached();
      await hold.released;
    }
    if (this.#dead) return never();
    const crash = this.#crash;
    if (crash && (crash.afterRequests -= 1) <= 0) {
      this.#crash = null;
      if (crash.commit) request();
      this.#dead = true;
      crash.crashed();
      return never();
    }
    const answer = request();
    await turn();
    if (this.#dead) return never();
    return answer;
  }
}

function recordOf<T>(answer: Result<ServerRecord<T>>): Result<T> {
  return answer.ok ? { ok: true, value: answer.value.record } : answer;
}

function withId<T>(answer: Result<ServerRecord<T>>): Result<{ serverId: string; record: T }> {
  return answer.ok
    ? { ok: true, value: { serverId: answer.value.id, record: answer.value.record } }
    : answer;
}

const nextTask =
  (globalThis as { setImmediate?: (task: () => void) => void }).setImmediate ??
  ((task: () => void) => setTimeout(task, 0));

/** One macrotask: IPC answers arrive as events, never within the same microtask queue. */
function turn(): Promise<void> {
  return new Promise((resolve) => nextTask(resolve));
}

/** A dead window's request: it never answers. */
function never<R>(): Promise<R> {
  return new Promise<R>(() => undefined);
}
