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
import { SyncEngine } from './sync-engine';

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
  /** Every engine idle with nothing due (waits through pauses and backoff). */
  settled(): Promise<void>;
  /** No run in progress anywhere (tests drive a manual clock between these). */
  quiet(): Promise<void>;
  /** Whether `settled()` would resolve now. */
  isSettled(): Promise<boolean>;
  close(): Promise<void>;
}

export function createSyncRunner(options: SyncRunnerOptions): SyncRunner {
  const { store, adapterFor } = options;
  const clock = options.clock ?? systemClock;
  const timing = options.timing ?? defaultSyncTiming;
  const random = options.random ?? Math.random;
  const online = options.online ?? browserOnlineSignal;
  const lockName = options.lockName ?? 'fieldbook-sync';
  const engines = new Map<string, SyncEngine<unknown>>();
  const listeners = new Set<(status: SyncStatus) => void>();
  const activity = new Set<() => void>();
  const unsubscribes: (() => void)[] = [];
  let closed = false;

  const everyEngine = (reason: PauseReason, paused: boolean) => {
    for (const engine of engines.values()) engine.setPaused(reason, paused);
  };
  const lock = new ProfileLock({
    locks: options.locks ?? navigator.locks,
    name: lockName,
    heartbeat: options.heartbeat ?? localStorageHeartbeat(`${lockName}:heartbeat`),
    clock,
    timing: options.lockTiming ?? defaultLockTiming,
    onAcquired: () => everyEngine('another_window', false),
    onLost: () => everyEngine('another_window', true),
  });

  const changes = options.changes ?? broadcastChangeChannel(`${lockName}:changes`);
  unsubscribes.push(
    store.onChange(({ connectionId, cause }) => {
      if (cause !== 'local') return;
      engines.get(connectionId)?.localChanged();
      changes.post({ connectionId, cause: 'saved' });
    }),
    changes.subscribe(({ connectionId, cause }) => {
      const engine = engines.get(connectionId);
      if (cause === 'saved') engine?.localChanged();
      else void engine?.refreshWaiting();
    }),
    online.subscribe((isOnline) => everyEngine('offline', !isOnline)),
  );
  if (options.onAuthChanged) {
    unsubscribes.push(
      options.onAuthChanged(({ connectionId, state }) =>
        engines.get(connectionId)?.setPaused('signed_out', state !== 'signed_in'),
      ),
    );
  }

  const addEngine = (connection: ConnectionView) => {
    const pausedFor: PauseReason[] = [];
    if (!lock.held) pausedFor.push('another_window');
    if (connection.authState !== 'signed_in') pausedFor.push('signed_out');
    if (!online.isOnline()) pausedFor.push('offline');
    const engine = new SyncEngine({
      store,
      adapter: adapterFor(connection),
      clock,
      timing,
      random,
      isOnline: () => online.isOnline(),
      pausedFor,
    });
    engines.set(connection.id, engine);
    engine.subscribe((status) => {
      for (const listener of [...listeners]) listener(status);
      for (const wake of [...activity]) wake();
    });
    engine.onRunEnded(() => {
      if (lock.held) changes.post({ connectionId: connection.id, cause: 'synced' });
      for (const wake of [...activity]) wake();
    });
    void engine.start();
  };

  const nextActivity = () =>
    new Promise<void>((resolve) => {
      const wake = () => {
        activity.delete(wake);
        resolve();
      };
      activity.add(wake);
    });

  lock.start();

  return {
    setConnections(connections) {
      if (closed) return;
      const wanted = new Set(connections.map((connection) => connection.id));
      for (const connection of connections) {
        const engine = engines.get(connection.id);
        if (!engine) addEngine(connection);
        else engine.setPaused('signed_out', connection.authState !== 'signed_in');
      }
      for (const [id, engine] of engines) {
        if (wanted.has(id)) continue;
        engines.delete(id);
        void engine.close();
      }
    },
    status: (connectionId) => engines.get(connectionId)?.status,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    syncNow(connectionId) {
      const targets =
        connectionId === undefined ? [...engines.values()] : [engines.get(connectionId)];
      for (const engine of targets) engine?.syncNow();
    },
    async open(connectionId, key) {
      const engine = engines.get(connectionId);
      if (engine) await engine.open(key);
      else await store.markOpened(connectionId, key);
    },
    async settled() {
      for (;;) {
        // Subscribe before checking, so a change during the check is not missed.
        const woken = nextActivity();
        if (await this.isSettled()) return;
        await woken;
      }
    },
    async isSettled() {
      const states = await Promise.all([...engines.values()].map((engine) => engine.isSettled()));
      return states.every(Boolean);
    },
    async quiet() {
      await Promise.all([...engines.values()].map((engine) => engine.quiet()));
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
      await Promise.all([...engines.values()].map((engine) => engine.close()));
      engines.clear();
      await lock.close();
    },
  };
}
