// The profile's sync runner: one SyncEngine per connection, run only by the window that holds the
// profile's Web Lock. It turns the app's signals (lock, online, sign-in, saves) into engine calls.
import type { AuthState, ConnectionView } from '../../../../src-shared/connection';
import { systemClock, type Clock } from '../../../../src-shared/time/clock';
import type { CustomerStore } from '../../db/customer-store';
import type { SyncAdapter } from '../sync-adapter';
import {
  defaultSyncTiming,
  type PauseReason,
  type SyncStatus,
  type SyncTiming,
} from '../sync-status';
import {
  broadcastChangeChannel,
  browserOnlineSignal,
  localStorageHeartbeat,
  type OnlineSignal,
} from './browser-signals';
import {
  defaultLockTiming,
  ProfileLock,
  type Heartbeat,
  type LockManagerLike,
  type LockTiming,
} from './profile-lock';
import { SyncEngine, type SyncEngineOptions } from './sync-engine';

/**
 * What main announces when a connection's sign-in changes: the part of the `auth.changed` event
 * payload the runner reads, so `(listener) => window.fieldbook.on('auth.changed', listener)` fits.
 */
export interface AuthChange {
  readonly connectionId: string;
  readonly state: AuthState;
}

export interface SyncRunnerOptions {
  readonly store: CustomerStore;
  readonly adapterFor: (connection: ConnectionView) => SyncAdapter<unknown>;
  readonly clock?: Clock;
  readonly timing?: SyncTiming;
  readonly random?: () => number;
  /** Default `navigator.locks`. */
  readonly locks?: LockManagerLike;
  /** One name per profile: windows of the same profile share it. */
  readonly lockName?: string;
  /** Default: localStorage under `<lockName>:heartbeat`. */
  readonly heartbeat?: Heartbeat;
  readonly lockTiming?: LockTiming;
  /** Subscribes to sign-in changes (window.fieldbook.on('auth.changed', …)); returns the unsubscribe. */
  readonly onAuthChanged?: (listener: (change: AuthChange) => void) => () => void;
  /** Default: navigator.onLine and the window's online/offline events. */
  readonly online?: OnlineSignal;
  /**
   * The profile's windows tell each other about saves (the syncing window pushes them at once)
   * and finished runs (the others update their waiting counts): each window's store only tells
   * its own listeners. Default: a BroadcastChannel.
   */
  readonly changes?: ChangeChannel;
}

export interface ChangeMessage {
  readonly connectionId: string;
  /** `saved`: a salesperson's change committed; `synced`: a run of the syncing window ended. */
  readonly cause: 'saved' | 'synced';
}

export interface ChangeChannel {
  post(message: ChangeMessage): void;
  subscribe(listener: (message: ChangeMessage) => void): () => void;
}

export interface SyncRunner {
  /** The connections to sync (new ones get an engine, removed ones are closed). */
  setConnections(connections: readonly ConnectionView[]): void;
  status(connectionId: string): SyncStatus | undefined;
  /** Every status change of every connection; returns the unsubscribe. */
  subscribe(listener: (status: SyncStatus) => void): () => void;
  syncNow(connectionId?: string): void;
  /** The salesperson opened a record: keep it offline and fetch it in full now. */
  open(connectionId: string, key: string): Promise<void>;
  /** A record the salesperson wants kept complete (a new favourite): fetch it in full now. */
  fetchInFull(connectionId: string, key: string): Promise<void>;
  close(): Promise<void>;
}

export function createSyncRunner(options: SyncRunnerOptions): SyncRunner {
  return new ProfileSyncRunner(options);
}

/**
 * The runner behind createSyncRunner. A class so that test-support can extend it (and its
 * engines, through createEngine) with ways to wait for them (settled, quiet) without those being
 * part of what the app calls.
 */
export class ProfileSyncRunner implements SyncRunner {
  /** One engine per connection, by connection id. */
  protected readonly engines = new Map<string, SyncEngine<unknown>>();
  readonly #options: SyncRunnerOptions;
  readonly #clock: Clock;
  readonly #timing: SyncTiming;
  readonly #random: () => number;
  readonly #online: OnlineSignal;
  readonly #listeners = new Set<(status: SyncStatus) => void>();
  readonly #unsubscribes: (() => void)[] = [];
  readonly #lock: ProfileLock;
  readonly #changes: ChangeChannel;
  #closed = false;

  constructor(options: SyncRunnerOptions) {
    const { store } = options;
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
    this.#timing = options.timing ?? defaultSyncTiming;
    this.#random = options.random ?? Math.random;
    this.#online = options.online ?? browserOnlineSignal;
    const lockName = options.lockName ?? 'fieldbook-sync';
    this.#lock = new ProfileLock({
      locks: options.locks ?? navigator.locks,
      name: lockName,
      heartbeat: options.heartbeat ?? localStorageHeartbeat(`${lockName}:heartbeat`),
      clock: this.#clock,
      timing: options.lockTiming ?? defaultLockTiming,
      onAcquired: () => this.#everyEngine('another_window', false),
      onLost: () => this.#everyEngine('another_window', true),
    });

    this.#changes = options.changes ?? broadcastChangeChannel(`${lockName}:changes`);
    this.#unsubscribes.push(
      store.onChange(({ connectionId, cause }) => {
        if (cause !== 'local') return;
        this.engines.get(connectionId)?.localChanged();
        this.#changes.post({ connectionId, cause: 'saved' });
      }),
      this.#changes.subscribe(({ connectionId, cause }) => {
        const engine = this.engines.get(connectionId);
        if (cause === 'saved') engine?.localChanged();
        else void engine?.refreshWaiting();
      }),
      this.#online.subscribe((isOnline) => this.#everyEngine('offline', !isOnline)),
    );
    if (options.onAuthChanged) {
      this.#unsubscribes.push(
        options.onAuthChanged(({ connectionId, state }) =>
          this.engines.get(connectionId)?.setPaused('signed_out', state !== 'signed_in'),
        ),
      );
    }
    this.#lock.start();
  }

  setConnections(connections: readonly ConnectionView[]): void {
    if (this.#closed) return;
    const wanted = new Set(connections.map((connection) => connection.id));
    for (const connection of connections) {
      const engine = this.engines.get(connection.id);
      if (!engine) this.#addEngine(connection);
      else engine.setPaused('signed_out', connection.authState !== 'signed_in');
    }
    for (const [id, engine] of this.engines) {
      if (wanted.has(id)) continue;
      this.engines.delete(id);
      void engine.close();
    }
  }

  status(connectionId: string): SyncStatus | undefined {
    return this.engines.get(connectionId)?.status;
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  syncNow(connectionId?: string): void {
    const targets =
      connectionId === undefined ? [...this.engines.values()] : [this.engines.get(connectionId)];
    for (const engine of targets) engine?.syncNow();
  }

  async open(connectionId: string, key: string): Promise<void> {
    const engine = this.engines.get(connectionId);
    if (engine) await engine.open(key);
    else await this.#options.store.markOpened(connectionId, key);
  }

  async fetchInFull(connectionId: string, key: string): Promise<void> {
    await this.engines.get(connectionId)?.fetchInFull(key);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const unsubscribe of this.#unsubscribes.splice(0)) unsubscribe();
    await Promise.all([...this.engines.values()].map((engine) => engine.close()));
    this.engines.clear();
    await this.#lock.close();
  }

  protected createEngine(options: SyncEngineOptions<unknown>): SyncEngine<unknown> {
    return new SyncEngine(options);
  }

  #everyEngine(reason: PauseReason, paused: boolean): void {
    for (const engine of this.engines.values()) engine.setPaused(reason, paused);
  }

  #addEngine(connection: ConnectionView): void {
    const pausedFor: PauseReason[] = [];
    if (!this.#lock.held) pausedFor.push('another_window');
    if (connection.authState !== 'signed_in') pausedFor.push('signed_out');
    if (!this.#online.isOnline()) pausedFor.push('offline');
    const engine = this.createEngine({
      store: this.#options.store,
      adapter: this.#options.adapterFor(connection),
      clock: this.#clock,
      timing: this.#timing,
      random: this.#random,
      isOnline: () => this.#online.isOnline(),
      pausedFor,
    });
    this.engines.set(connection.id, engine);
    engine.subscribe((status) => {
      for (const listener of [...this.#listeners]) listener(status);
    });
    engine.onRunEnded(() => {
      if (this.#lock.held) this.#changes.post({ connectionId: connection.id, cause: 'synced' });
    });
    void engine.start();
  }
}
