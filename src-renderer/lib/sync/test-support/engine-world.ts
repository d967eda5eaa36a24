// A running sync system for the engine's tests (a "world", docs/architecture.md#conventions): the
// real Dexie store on fake-indexeddb, the fake server behind its adapter, the runner on a manual
// clock — plus the salesperson's moves (create, edit, go offline, sign out) and a crash that
// reopens the database.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { ConnectionView } from '../../../../src-shared/connection';
import type { ConnectorDescriptor } from '../../../../src-shared/connectors/descriptor';
import {
  createManualClock,
  type ManualClock,
} from '../../../../src-shared/time/test-support/manual-clock';
import type { CustomerStore } from '../../db/customer-store';
import { openCustomerStore } from '../../db/dexie-customer-store';
import type { AuthChange, ChangeMessage } from '../engine/sync-runner';
import { createSettlingSyncRunner, type SettlingSyncRunner } from './settling-sync-runner';
import type { SyncStatus, SyncTiming } from '../sync-status';
import type { Heartbeat } from '../engine/profile-lock';
import { FakeServer } from './fake-server';
import { FakeServerAdapter } from './fake-server-adapter';
import type { Card, CardApi } from './fake-server-descriptor';
import { cardConnector, type CardLike, type WorldConnector } from './fake-server-connectors';
import { memoryHeartbeat, MemoryLocks } from './memory-locks';
import { testTiming } from './test-timing';

export { testTiming };

export interface OtherWindow<T = Card> {
  readonly store: CustomerStore;
  readonly adapter: FakeServerAdapter<T>;
  readonly runner: SettlingSyncRunner;
  status(): SyncStatus | undefined;
  close(): Promise<void>;
}

export interface EngineWorldOptions<T extends CardLike = Card> {
  /** The records and descriptor (default: the test cards; also the real Revnue descriptor). */
  readonly connector?: WorldConnector<T>;
  readonly api?: CardApi;
  readonly pageSize?: number;
  readonly parallelPushes?: number;
  readonly timing?: Partial<SyncTiming>;
  readonly online?: boolean;
  readonly signedIn?: boolean;
  /** Deterministic "random" for backoff (default: always half way). */
  readonly random?: () => number;
  readonly uniqueNames?: boolean;
}

let worlds = 0;

export class EngineWorld<T extends CardLike = Card> {
  readonly clock: ManualClock = createManualClock(Date.UTC(2026, 0, 5, 9, 0));
  readonly server: FakeServer<T>;
  readonly descriptor: ConnectorDescriptor<T>;
  readonly connector: WorldConnector<T>;
  readonly connectionId = 'conn-1';
  readonly timing: SyncTiming;
  store: CustomerStore;
  adapter: FakeServerAdapter<T>;
  runner: SettlingSyncRunner;
  locks = new MemoryLocks();
  readonly heartbeat = memoryHeartbeat();
  readonly #options: EngineWorldOptions<T>;
  readonly #indexedDb = { indexedDB: new IDBFactory(), IDBKeyRange };
  readonly #dbName = `fieldbook-test-${++worlds}`;
  /** This window hangs: its heartbeat stops (the rest of it still runs, to see it lose the lock). */
  heartbeatFrozen = false;
  /** The profile's windows hear of each other's saves through this (a BroadcastChannel in the app). */
  readonly #changeBus = new Set<{ window: object; listener: (message: ChangeMessage) => void }>();
  readonly #onlineListeners = new Set<(online: boolean) => void>();
  readonly #authListeners = new Set<(change: AuthChange) => void>();
  #online: boolean;
  #authState: ConnectionView['authState'];

  constructor(options: EngineWorldOptions<T> = {}) {
    this.#options = options;
    // The default connector's records are cards: T is Card then.
    this.connector = options.connector ?? (cardConnector as unknown as WorldConnector<T>);
    this.timing = { ...testTiming, ...options.timing };
    this.#online = options.online ?? true;
    this.#authState = options.signedIn === false ? 'signed_out' : 'signed_in';
    this.descriptor = this.connector.descriptor(
      options.api ?? 'complete-list',
      options.parallelPushes ?? 2,
    );
    this.server = new FakeServer({
      ...this.connector.serverOptions(this.clock),
      uniqueNaturalKey: options.uniqueNames ?? false,
    });
    this.store = this.#openStore();
    this.adapter = this.#newAdapter();
    this.runner = this.#newRunner();
  }

  /** Starts syncing the one connection. */
  start(): this {
    this.runner.setConnections([this.connection()]);
    return this;
  }

  connection(): ConnectionView {
    return {
      id: this.connectionId,
      createdAt: '2026-01-05T09:00:00Z',
      kind: 'revnue-v2',
      name: 'Test account',
      baseUrl: 'http://127.0.0.1:4010/api/v2/',
      auth: { mode: 'admin_token' },
      company: 1,
      authState: this.#authState,
      active: true,
    };
  }

  status(): SyncStatus {
    const status = this.runner.status(this.connectionId);
    if (!status) throw new Error('The connection has no engine');
    return status;
  }

  // ── The salesperson ───────────────────────────────────────────────────────────────────────────
  create(fields: Partial<Card> & { name: string }): Promise<string> {
    const record = this.connector.newRecord({ phone: '', city: '', owner: 'ann', ...fields });
    return this.store.createCustomer(this.descriptor, this.connectionId, record);
  }

  /** A record of this world's connector with these card fields (to seed the server with). */
  record(fields: Partial<Card> & { name: string }): T {
    return this.connector.newRecord({ phone: '', city: '', owner: 'ann', ...fields });
  }

  async edit(key: string, patch: Partial<CardLike>): Promise<void> {
    const row = await this.store.getCustomer<T>(this.connectionId, key);
    if (!row) throw new Error(`No local customer ${key}`);
    await this.store.saveCustomer(this.descriptor, this.connectionId, key, {
      ...row.record,
      ...patch,
    });
  }

  async row(key: string) {
    return this.store.getCustomer<T>(this.connectionId, key);
  }

  /** The local key of the customer named `name` (its key changes when the server gives an id). */
  async keyOf(name: string): Promise<string> {
    const entries = await this.store.listOutbox<T>(this.connectionId);
    for (const entry of entries) {
      const row = await this.row(entry.recordKey);
      if (row?.record.name === name) return row.key;
    }
    const server = this.server.records().find((entry) => entry.record.name === name);
    if (server && (await this.row(server.id))) return server.id;
    throw new Error(`No local customer named ${name}`);
  }

  setOnline(online: boolean): void {
    this.#online = online;
    this.server.reachable = online;
    for (const listener of [...this.#onlineListeners]) listener(online);
  }

  setAuth(authState: ConnectionView['authState']): void {
    this.#authState = authState;
    for (const listener of [...this.#authListeners]) {
      listener({ connectionId: this.connectionId, state: authState });
    }
  }

  // ── Driving time ──────────────────────────────────────────────────────────────────────────────
  /**
   * Moves the manual clock from one scheduled moment to the next until every engine is idle with
   * nothing due. Fails (with the status) when it never gets there, e.g. while paused.
   */
  async settle(maxSteps = 400): Promise<void> {
    for (let step = 0; step < maxSteps; step += 1) {
      await this.runner.quiet();
      if (await this.runner.isSettled()) return;
      const status = this.status();
      if (status.phase === 'paused') {
        throw new Error(`Sync is paused (${status.pauseReason}): it cannot settle`);
      }
      const waitMs =
        status.phase === 'waiting' && status.nextAttemptAt !== null
          ? status.nextAttemptAt - this.clock.now()
          : this.timing.saveDebounceMs;
      this.clock.advance(Math.max(1, waitMs));
    }
    throw new Error(`Sync did not settle in ${maxSteps} steps: ${JSON.stringify(this.status())}`);
  }

  /** Lets runs started so far finish, without moving the clock. */
  async quiet(): Promise<void> {
    await this.runner.quiet();
  }

  /**
   * The window dies: nothing of it answers or writes any more, its store instance is closed. The
   * browser drops a dead window's locks, so the next window gets fresh ones.
   */
  crash(): void {
    this.adapter.kill();
    void this.runner.close();
    this.store.close();
  }

  /** A new window on the same profile: the same database reopened, a new runner. */
  restart(): this {
    this.store = this.#openStore();
    this.adapter = this.#newAdapter();
    this.locks = new MemoryLocks();
    this.runner = this.#newRunner();
    return this.start();
  }

  async close(): Promise<void> {
    await this.runner.close();
    this.store.close();
  }

  #openStore(): CustomerStore {
    return openCustomerStore(this.#dbName, {
      indexedDb: this.#indexedDb,
      now: () => this.clock.now(),
    });
  }

  #newAdapter(): FakeServerAdapter<T> {
    return new FakeServerAdapter(this.server, this.descriptor, this.connectionId, {
      ...(this.#options.pageSize === undefined ? {} : { pageSize: this.#options.pageSize }),
    });
  }

  /**
   * Another window of the same profile: its own store instance on the same database, its own
   * adapter, the same locks, heartbeat storage and clock. Started with the world's connection.
   */
  openWindow(): OtherWindow<T> {
    const store = this.#openStore();
    const adapter = this.#newAdapter();
    const runner = this.#newRunner(store, adapter, {
      read: () => this.heartbeat.read(),
      write: (at) => this.heartbeat.write(at),
    });
    runner.setConnections([this.connection()]);
    return {
      store,
      adapter,
      runner,
      status: () => runner.status(this.connectionId),
      close: async () => {
        await runner.close();
        store.close();
      },
    };
  }

  #newRunner(
    store: CustomerStore = this.store,
    adapter: FakeServerAdapter<T> = this.adapter,
    heartbeat: Heartbeat = {
      read: () => this.heartbeat.read(),
      write: (at) => {
        if (!this.heartbeatFrozen) this.heartbeat.write(at);
      },
    },
  ): SettlingSyncRunner {
    const window = {};
    return createSettlingSyncRunner({
      store,
      adapterFor: () => adapter as FakeServerAdapter<unknown>,
      clock: this.clock,
      timing: this.timing,
      random: this.#options.random ?? (() => 0.5),
      locks: this.locks,
      heartbeat,
      lockTiming: { beatEveryMs: 10_000, staleAfterMs: 30_000 },
      onAuthChanged: (listener) => {
        this.#authListeners.add(listener);
        return () => void this.#authListeners.delete(listener);
      },
      online: {
        isOnline: () => this.#online,
        subscribe: (listener) => {
          this.#onlineListeners.add(listener);
          return () => void this.#onlineListeners.delete(listener);
        },
      },
      changes: {
        post: (message) => {
          for (const other of [...this.#changeBus]) {
            if (other.window !== window) other.listener(message);
          }
        },
        subscribe: (listener) => {
          const member = { window, listener };
          this.#changeBus.add(member);
          return () => void this.#changeBus.delete(member);
        },
      },
    });
  }
}
