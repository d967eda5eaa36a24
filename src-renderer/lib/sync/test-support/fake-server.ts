// An in-memory customer SERVER for the engine's tests: records with server ids and creation times,
// a change counter for delta pulls, colleagues' edits and deletes, natural-key lookup — and fault
// switches (lost response, 5xx, 429 with Retry-After, 401, unreachable) to make it misbehave.
import type { ConnectorLookups } from '../../../../src-shared/connectors/descriptor';
import type { AppError, Result } from '../../../../src-shared/ipc/result';
import { applyChanges } from '../../../../src-shared/sync/apply';
import type { Change } from '../../../../src-shared/sync/diff';
import type { Clock } from '../../../../src-shared/time/clock';

export type ServerOperation = 'list' | 'get' | 'create' | 'update' | 'find' | 'lookups' | 'own';

export type FaultKind =
  /** The server commits the request, then the answer is lost (a network error). */
  | 'lost'
  | 'server'
  | 'rate_limited'
  | 'auth'
  | 'network'
  | 'bad_response'
  | 'validation'
  | 'conflict';

export interface FaultRule<T> {
  readonly op?: ServerOperation;
  readonly kind: FaultKind;
  /** How many requests it hits (default: every one until removed). */
  times?: number;
  /** Lets this many matching requests through first (e.g. fail the second page of a pull). */
  skip?: number;
  readonly retryAfterMs?: number;
  /** Only requests about such a record (a "poison" change). */
  readonly matches?: (record: T | undefined) => boolean;
  /** A 5xx after the write was committed (the server crashed while answering). */
  readonly commitFirst?: boolean;
}

export interface ServerRecord<T> {
  readonly id: string;
  readonly record: T;
  readonly createdAt: number;
  /** The server's change counter when it last changed (delta pulls). */
  readonly version: number;
}

export interface RequestLogEntry {
  readonly op: ServerOperation;
  readonly at: number;
  readonly id?: string;
  /** What the server answered (`ok`, or the error kind), after faults. */
  readonly answer: 'ok' | AppError['kind'];
}

export interface FakeServerOptions<T> {
  readonly clock: Clock;
  readonly naturalKey: (record: T) => string;
  /** The record as the server holds it once it has this id (sets its read-only id field). */
  readonly withId: (record: T, id: string) => T;
  /** The server refuses a second record with the same natural key (Revnue: unique names). */
  readonly uniqueNaturalKey?: boolean;
  readonly ownerOf?: (record: T) => string | undefined;
}

export class FakeServer<T> {
  readonly #options: FakeServerOptions<T>;
  readonly #records = new Map<string, ServerRecord<T>>();
  readonly #faults: FaultRule<T>[] = [];
  #nextId = 1;
  #version = 0;
  readonly log: RequestLogEntry[] = [];
  /** Every create the server committed, in order (a duplicate shows up here twice). */
  readonly created: ServerRecord<T>[] = [];
  lookups: ConnectorLookups = { countries: [{ id: 826, name: 'United Kingdom' }] };
  /** False: every request fails as a network error without reaching the server. */
  reachable = true;

  constructor(options: FakeServerOptions<T>) {
    this.#options = options;
  }

  get version(): number {
    return this.#version;
  }

  // ── What the test does to the server (a colleague, an admin) ──────────────────────────────────
  seed(record: T): ServerRecord<T> {
    return this.#insert(record);
  }

  /** A colleague edits the record: `changes` are applied to the server's copy. */
  edit(id: string, changes: readonly Change[]): void {
    const current = this.#require(id);
    this.#write(id, applyChanges(current.record, changes), current.createdAt);
  }

  remove(id: string): void {
    this.#records.delete(id);
    this.#version += 1;
  }

  records(): ServerRecord<T>[] {
    return [...this.#records.values()];
  }

  record(id: string): T | undefined {
    return this.#records.get(id)?.record;
  }

  fault(rule: FaultRule<T>): () => void {
    this.#faults.push(rule);
    return () => this.#removeFault(rule);
  }

  clearFaults(): void {
    this.#faults.length = 0;
  }

  requests(op?: ServerOperation): RequestLogEntry[] {
    return op ? this.log.filter((entry) => entry.op === op) : [...this.log];
  }

  // ── The API the adapter calls ─────────────────────────────────────────────────────────────────
  list(sinceVersion: number | null): Result<ServerRecord<T>[]> {
    return this.#handle('list', undefined, undefined, () => ({
      ok: true,
      value: this.records().filter(
        (entry) => sinceVersion === null || entry.version > sinceVersion,
      ),
    }));
  }

  get(id: string): Result<ServerRecord<T>> {
    return this.#handle('get', id, this.#records.get(id)?.record, () => {
      const found = this.#records.get(id);
      return found ? { ok: true, value: found } : notFound(id);
    });
  }

  create(record: T): Result<ServerRecord<T>> {
    return this.#handle('create', undefined, record, () => {
      const key = this.#options.naturalKey(record);
      if (
        this.#options.uniqueNaturalKey &&
        this.records().some((entry) => this.#keyOf(entry) === key)
      ) {
        return fail('validation', 'A customer with this name already exists', {
          status: 400,
          fields: { name: ['Already taken'] },
        });
      }
      return { ok: true, value: this.#insert(record) };
    });
  }

  /** PATCH semantics: only the changes are applied to the server's CURRENT record. */
  update(id: string, changes: readonly Change[]): Result<ServerRecord<T>> {
    return this.#handle('update', id, this.#records.get(id)?.record, () => {
      const current = this.#records.get(id);
      if (!current) return notFound(id);
      return {
        ok: true,
        value: this.#write(id, applyChanges(current.record, changes), current.createdAt),
      };
    });
  }

  findByNaturalKey(record: T, since: number): Result<ServerRecord<T> | null> {
    return this.#handle('find', undefined, record, () => {
      const key = this.#options.naturalKey(record);
      const found = this.records().find(
        (entry) => entry.createdAt >= since && this.#keyOf(entry) === key,
      );
      return { ok: true, value: found ?? null };
    });
  }

  fetchLookups(): Result<ConnectorLookups> {
    return this.#handle('lookups', undefined, undefined, () => ({ ok: true, value: this.lookups }));
  }

  ownIds(salespersonId: string): Result<ReadonlySet<string> | null> {
    return this.#handle('own', undefined, undefined, () => {
      const ownerOf = this.#options.ownerOf;
      if (!ownerOf) return { ok: true, value: null };
      const own = this.records().filter((entry) => ownerOf(entry.record) === salespersonId);
      return { ok: true, value: new Set(own.map((entry) => entry.id)) };
    });
  }

  // ── Inside ────────────────────────────────────────────────────────────────────────────────────
  #handle<R>(
    op: ServerOperation,
    id: string | undefined,
    subject: T | undefined,
    commit: () => Result<R>,
  ): Result<R> {
    const at = this.#options.clock.now();
    const logged = (answer: Result<unknown>) => {
      this.log.push({
        op,
        at,
        ...(id === undefined ? {} : { id }),
        answer: answer.ok ? 'ok' : answer.error.kind,
      });
    };
    if (!this.reachable) return fail('network', 'The server cannot be reached');
    const rule = this.#faults.find(
      (candidate) =>
        (candidate.op === undefined || candidate.op === op) &&
        (candidate.matches?.(subject) ?? true),
    );
    if (rule?.skip !== undefined && rule.skip > 0) {
      rule.skip -= 1;
    } else if (rule) {
      if (rule.times !== undefined && (rule.times -= 1) <= 0) this.#removeFault(rule);
      const failure = this.#fault(rule, commit);
      logged(failure);
      return failure;
    }
    const answer = commit();
    logged(answer);
    return answer;
  }

  #fault<R>(rule: FaultRule<T>, commit: () => Result<R>): Result<never> {
    switch (rule.kind) {
      case 'lost':
        commit();
        return fail('network', 'The connection was reset before the answer arrived');
      case 'server':
        if (rule.commitFirst) commit();
        return fail('server', 'The server had a problem (500)', { status: 500 });
      case 'rate_limited':
        return fail('rate_limited', 'Request was throttled', {
          status: 429,
          ...(rule.retryAfterMs === undefined ? {} : { retryAfterMs: rule.retryAfterMs }),
        });
      case 'auth':
        return fail('auth', 'Sign in again', { status: 401 });
      case 'network':
        return fail('network', 'The server cannot be reached');
      case 'bad_response':
        return fail('bad_response', 'The server answered something unreadable');
      case 'validation':
        return fail('validation', 'The server refused the customer', {
          status: 400,
          fields: { phone: ['Enter a valid phone number'] },
        });
      case 'conflict':
        return fail('conflict', 'The record changed meanwhile', { status: 409 });
    }
  }

  #insert(record: T): ServerRecord<T> {
    const id = `S${this.#nextId++}`;
    const entry = this.#write(id, this.#options.withId(record, id), this.#options.clock.now());
    this.created.push(entry);
    return entry;
  }

  #write(id: string, record: T, createdAt: number): ServerRecord<T> {
    this.#version += 1;
    const entry = {
      id,
      record: this.#options.withId(record, id),
      createdAt,
      version: this.#version,
    };
    this.#records.set(id, entry);
    return entry;
  }

  #require(id: string): ServerRecord<T> {
    const found = this.#records.get(id);
    if (!found) throw new Error(`No server record ${id}`);
    return found;
  }

  #keyOf(entry: ServerRecord<T>): string {
    return this.#options.naturalKey(entry.record);
  }

  #removeFault(rule: FaultRule<T>): void {
    const index = this.#faults.indexOf(rule);
    if (index >= 0) this.#faults.splice(index, 1);
  }
}

function fail(
  kind: AppError['kind'],
  message: string,
  extra: Omit<AppError, 'kind' | 'message'> = {},
) {
  return { ok: false as const, error: { kind, message, ...extra } };
}

function notFound(id: string) {
  return fail('not_found', `Customer ${id} is not on the server`, { status: 404 });
}
