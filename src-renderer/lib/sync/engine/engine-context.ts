// What every phase of a sync run (push, pull, hydrate) is given, and how a phase says that the run
// must stop early: paused (signed out, offline), wait for the server (Retry-After) or back off.
import type { ConnectorDescriptor } from '../../../../src-shared/connectors/descriptor';
import type { AppError } from '../../../../src-shared/ipc/result';
import type { Clock } from '../../../../src-shared/time/clock';
import type { CustomerStore } from '../../db/customer-store';
import type { SyncAdapter } from '../sync-adapter';
import type { SyncStatus, SyncTiming } from '../sync-status';

export interface EngineContext<T> {
  readonly connectionId: string;
  readonly store: CustomerStore;
  readonly adapter: SyncAdapter<T>;
  readonly descriptor: ConnectorDescriptor<T>;
  readonly clock: Clock;
  readonly timing: SyncTiming;
  readonly random: () => number;
  isOnline(): boolean;
  /** The run must end as soon as the work in hand is done (paused, closed). */
  stopping(): boolean;
  /** Record keys a read (open, hydrate) is fetching: a push of them waits, so no stale read lands after it. */
  readonly busyKeys: Set<string>;
  /** Progress for the status: the phase and how far it is. */
  progress(patch: Partial<Pick<SyncStatus, 'phase' | 'done' | 'total'>>): void;
  /** An entry was settled either way: the waiting count may have changed. */
  entrySettled(): void;
}

/** What went wrong, in words: a server's answer (AppError) or a failure on this computer. */
export type Problem = Pick<AppError, 'message'> & Partial<AppError>;

/** Why a run ended before its last phase. */
export type Interruption =
  | { readonly kind: 'pause'; readonly reason: 'signed_out' | 'offline'; readonly error: Problem }
  /** The server said 429: nothing is sent before `until` (capped Retry-After). */
  | { readonly kind: 'rate_limited'; readonly until: number; readonly error: Problem }
  /** The server, the network or the local store failed: the run is retried with backoff. */
  | { readonly kind: 'retry'; readonly error: Problem };

/**
 * What a run, or one push within it, reports to the engine: why it stopped early (null: it did
 * not), and the failures the status shows.
 */
export interface RunReport {
  readonly interruption: Interruption | null;
  /** The last entry failure (what the waiting entries wait for). */
  readonly lastEntryError: Problem | null;
  /** A failure that did not stop the run (stale lookups), shown as its last error. */
  readonly runError: Problem | null;
  /** Entries the server took (a pull must not delete what it did not list meanwhile). */
  readonly pushed: number;
}
