// The rows of the local store (docs/architecture.md#the-local-store): what IndexedDB holds for each
// connection. One customer row per record, one outbox row per queued change, lookups and meta
// (checkpoints, scope).
import type { AppError } from '../../../src-shared/ipc/result';
import type { OfflineScope } from '../../../src-shared/connectors/descriptor';
import type { Change } from '../../../src-shared/sync/diff';
import type { Conflict } from '../../../src-shared/sync/merge';

/** What a customer's row badge says (synced, waiting, rejected, conflict; + hydration). */
export type RecordSyncState = 'synced' | 'waiting' | 'rejected' | 'conflict';

/** `summary`: only the list's columns are here (R2); `full`: the complete by-ID record. */
export type Hydration = 'summary' | 'full';

export interface CustomerRow<T = unknown> {
  readonly connectionId: string;
  /** The server id (as a string) once the server has the record; `local-<uuid>` before. */
  readonly key: string;
  readonly serverId: string | null;
  /** What the salesperson sees: the server state with every queued local change applied. */
  readonly record: T;
  /** The last server snapshot this client knows (null: never on the server). */
  readonly base: T | null;
  /** A newer server version a pull saw while local changes wait (kept for the merge; shown). */
  readonly remote: T | null;
  readonly hydration: Hydration;
  /** Derived from the record's outbox rows, kept here (indexed) so lists can filter by it. */
  readonly syncState: RecordSyncState;
  /** The salesperson opened it: in the "only those I open" offline scope. */
  readonly opened: boolean;
  /** The server's per-field messages of the last rejection (AppError.fields), else null. */
  readonly fieldErrors: Readonly<Record<string, string[]>> | null;
  /** Local time of the last write to this row (ms). */
  readonly updatedAt: number;
}

export type OutboxRowState = 'pending' | 'in_flight' | 'rejected' | 'conflict';

/** Why a `conflict` entry waits: fields changed on both sides, or the record is gone. */
export type EntryConflict<T = unknown> =
  | { readonly kind: 'fields'; readonly conflicts: readonly Conflict[]; readonly theirs: T }
  | { readonly kind: 'deleted_on_server' };

interface OutboxRowCommon {
  /** Auto-incremented by the store: the global order of entries. */
  readonly seq?: number;
  readonly connectionId: string;
  /** uuid; a coalesced entry keeps the opId of the oldest entry it absorbed newer ones into. */
  readonly opId: string;
  readonly recordKey: string;
  readonly state: OutboxRowState;
  readonly attempts: number;
  /** When the first request for this entry was sent (ms; null: never sent). */
  readonly firstAttemptAt: number | null;
  /** Not before this time (ms; null: at once). Backoff and Retry-After set it. */
  readonly nextAttemptAt: number | null;
  /** Why it is waiting, with the server's per-field messages (null: nothing went wrong). */
  readonly lastError: AppError | null;
  /**
   * A create whose request may have reached the server (time-out, reset, lost response, 5xx, or
   * found `in_flight` at start-up): look it up by its natural key before sending it again.
   */
  readonly outcomeUnknown: boolean;
  readonly conflict: EntryConflict | null;
  readonly createdAt: number;
}

export interface CreateRow<T = unknown> extends OutboxRowCommon {
  readonly kind: 'create';
  readonly base: null;
  /** The full new record: what POST sends. */
  readonly changed: T;
}

export interface UpdateRow<T = unknown> extends OutboxRowCommon {
  readonly kind: 'update';
  /** The server snapshot the edit started from. */
  readonly base: T;
  /** The edited paths with their new values, in the order they were made. */
  readonly changed: readonly Change[];
}

export type OutboxRow<T = unknown> = CreateRow<T> | UpdateRow<T>;

export interface LookupRow {
  readonly connectionId: string;
  readonly name: string;
  readonly value: unknown;
  readonly fetchedAt: number;
}

/** Per-connection sync bookkeeping. */
export interface ConnectionMeta {
  readonly connectionId: string;
  /** The adapter's opaque delta checkpoint (R2: last `updatedsince` minute); null: full pull next. */
  readonly pullCheckpoint: string | null;
  readonly lastPullAt: number | null;
  readonly lastSuccessAt: number | null;
  readonly offlineScope: OfflineScope;
  /** For the 'mine' scope: the salesperson's R2 `salespersonid`. */
  readonly salespersonId: string | null;
}
