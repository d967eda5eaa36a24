// The local store's operations (docs/sync.md#the-local-store): every method is ONE IndexedDB
// transaction, and every method that records a salesperson's change commits with `strict`
// durability before it resolves. The Dexie implementation is `dexie-customer-store.ts`; the engine
// and the UI see only this.
import type {
  ConnectorDescriptor,
  ConnectorLookups,
} from '../../../src-shared/connectors/descriptor';
import type { AppError } from '../../../src-shared/ipc/result';
import type { Choices } from '../../../src-shared/sync/resolve';
import type { Conflict } from '../../../src-shared/sync/merge';
import type { LiveRead } from './live-read';
import type { PersonalLists } from './personal-rows';
import type { ConnectionMeta, CustomerRow, Hydration, OutboxRow, RecordSyncState } from './rows';

/** A record as a pull delivers it: the server's version, in the local record's shape. */
export interface PulledRecord<T> {
  readonly serverId: string;
  readonly record: T;
  readonly hydration: Hydration;
}

export type StoreErrorReason = 'quota' | 'closed' | 'aborted' | 'invalid' | 'not_found' | 'unknown';

/**
 * A failure in words (disk full, closed database, aborted transaction, a record the schema
 * refuses, a customer that is no longer on this computer); nothing was changed. `fields` carries
 * the per-field messages of an `invalid` record, keyed by field path like AppError.fields.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    message: string,
    readonly reason: StoreErrorReason,
    override readonly cause?: unknown,
    readonly fields?: Readonly<Record<string, string[]>>,
  ) {
    super(message);
  }
}

/** The field and value of a bulk edit; `lookups` as the editor has them (Revnue ids → names). */
export interface FieldChange {
  /** A top-level editor field path (descriptor.bulkEditable). */
  readonly path: string;
  readonly value: unknown;
  readonly lookups: ConnectorLookups;
}

/** A customer the change could not be queued for, and why (the editor's messages). */
export interface RefusedCustomer {
  readonly key: string;
  readonly name: string;
  readonly reason: string;
}

export interface BulkBatchResult {
  /** Customers whose change is now queued (saved on this computer). */
  readonly queued: number;
  /** Customers that already had the value: nothing queued. */
  readonly unchanged: number;
  /** Keys no longer on this computer (discarded, deleted on the server, re-keyed by a create). */
  readonly missing: number;
  readonly refused: readonly RefusedCustomer[];
}

/** What bringing the store and main's change journal level did (see reconcileJournal). */
export interface JournalReconciled {
  /** Changes put back from the journal (0: none were missing). */
  readonly restored: number;
  /** What main noticed about the journal file, in words (a torn end, a foreign file). */
  readonly notices: readonly string[];
}

/** The keys removed after a reader's seq, or null when the log no longer reaches back that far. */
export interface Removals {
  readonly seq: number;
  readonly keys: readonly string[] | null;
}

export interface CustomerStore {
  /**
   * Before the engine runs: brings the store and main's change journal level (a wiped or older
   * store gets its waiting changes back; a lost journal is rewritten). Absent without a journal.
   */
  reconcileJournal?(connectionId: string): Promise<JournalReconciled>;

  // ── What the salesperson does (UI) ───────────────────────────────────────────────────────────
  /**
   * A new customer: stored under a fresh `local-<uuid>` key with a pending create entry, in one
   * strict transaction. Throws StoreError (nothing stored) when the record fails the schema.
   */
  createCustomer<T>(
    descriptor: ConnectorDescriptor<T>,
    connectionId: string,
    record: T,
  ): Promise<string>;
  /**
   * An edit of `key`: the row's record becomes `record`, and the difference to the previous local
   * state is queued (coalesced with a pending entry of the same record; a rejected entry of the
   * record is re-queued with it, as the fix of what the server refused). One strict transaction.
   */
  saveCustomer<T>(
    descriptor: ConnectorDescriptor<T>,
    connectionId: string,
    key: string,
    record: T,
  ): Promise<void>;
  /**
   * "Edit selected": `change.path` set to `change.value` on each of `keys`, each queued exactly as
   * saveCustomer queues an edit; customers that already have the value queue nothing, customers
   * the editor would refuse are listed with the reason, keys no longer here are counted. ONE
   * strict transaction for all of `keys` (callers batch them).
   */
  setFieldOfMany<T>(
    descriptor: ConnectorDescriptor<T>,
    connectionId: string,
    keys: readonly string[],
    change: FieldChange,
  ): Promise<BulkBatchResult>;
  /**
   * Drops every waiting change of `key` (in flight too: its answer then changes nothing) and
   * restores the newest server state the row knows — a pulled `remote`, else `base`. A record
   * never on the server: the row goes.
   */
  discardChanges(connectionId: string, key: string): Promise<void>;
  /**
   * Marks the row opened (the "only those I open" scope, and opened rows are fetched in full
   * first); no sync state changes. The first time, it signals `local` so the engine wakes.
   */
  markOpened(connectionId: string, key: string): Promise<void>;
  getCustomer<T>(connectionId: string, key: string): Promise<CustomerRow<T> | undefined>;
  /** The rows of `keys` still here, in their order, in one read without a write lock. */
  getCustomers<T>(connectionId: string, keys: readonly string[]): Promise<CustomerRow<T>[]>;
  /**
   * The connection's rows in chunks (one read each) for the customer list's search index: all of
   * them, or only those written at or after `since` (local ms, see CustomerRow.updatedAt).
   */
  listRows<T>(
    connectionId: string,
    since?: number,
    chunkSize?: number,
    /**
     * With `since`: read no more than this many of the rows written since, so a caller that
     * gives up past a limit (the list's first screenful) never reads every changed key.
     */
    atMost?: number,
  ): AsyncGenerator<CustomerRow<T>[]>;
  /** The keys of every row of the connection (the list index drops keys no longer here). */
  listKeys(connectionId: string): Promise<string[]>;
  /** Walks every row of the connection: never on a path that runs after each change. */
  countRows(connectionId: string): Promise<number>;
  /**
   * The keys of rows removed (discarded, deleted on the server, re-keyed by a create) after
   * `afterSeq`, and the removal log's seq now (`Infinity`: the seq alone). Keys null when the log
   * no longer reaches back that far: the caller lists the keys instead (listKeys).
   */
  removedSince(connectionId: string, afterSeq: number): Promise<Removals>;
  /** The IndexedDB database's name: the list's search worker opens the same database. */
  readonly name: string;
  /**
   * The key of another customer of the connection (not `exceptKey`) whose record `matches`, else
   * null: the editor's offline check of a rule the server applies across customers.
   */
  findOtherCustomer(
    connectionId: string,
    exceptKey: string | null,
    matches: (record: unknown) => boolean,
  ): Promise<string | null>;
  /** Every outbox row of a connection, oldest first (the Changes view). */
  listOutbox<T>(connectionId: string): Promise<OutboxRow<T>[]>;
  /** How many changes are not on the server yet: every outbox row, whatever its state. */
  countWaiting(connectionId: string): Promise<number>;

  // ── What the engine does ─────────────────────────────────────────────────────────────────────
  /**
   * The head entry of each record whose head is pending, or in_flight with an unknown outcome, and
   * due (`nextAttemptAt` ≤ now). Records whose head is rejected or conflict are skipped: they
   * block only themselves. Oldest first, at most `limit`.
   */
  dueEntries<T>(connectionId: string, now: number, limit: number): Promise<OutboxRow<T>[]>;
  /**
   * When the next head that dueEntries would return is due: the earliest `nextAttemptAt` among
   * pending heads and in_flight heads with an unknown outcome (a head with no `nextAttemptAt` is
   * due at once: 0). Null when no such head waits.
   */
  nextDueAt(connectionId: string): Promise<number | null>;
  /** Start-up: in_flight creates become outcomeUnknown; in_flight updates go back to pending. */
  recoverInFlight(connectionId: string): Promise<number>;
  /**
   * Durably (strict) marks the entry in_flight before its request is sent; sets firstAttemptAt.
   * Undefined when the entry is gone (discarded meanwhile) or not sendable (rejected, conflict).
   */
  markInFlight(seq: number, now: number): Promise<OutboxRow | undefined>;
  /**
   * The create reached the server as `serverId` with `serverRecord` (in the local shape): in ONE
   * transaction the row is re-keyed to `serverId`, its base becomes `serverRecord`, the entry goes,
   * every later entry of the record is re-keyed and re-based (its paths renamed by the
   * descriptor's itemRenames), and the row's record = serverRecord + those later changes.
   * A row already keyed `serverId` (a pull listed the record first) is replaced: one row per
   * server record. An entry that is gone (discarded meanwhile) changes nothing: the next pull
   * brings the server's record.
   * `adopted`: the record was FOUND (a create whose answer was lost), so `serverRecord` may hold a
   * colleague's later edits; later entries are then re-based on the record as it was sent (with
   * the server's item ids), so an edit of the same field here and there is a conflict, not an
   * overwrite.
   */
  completeCreate<T>(
    descriptor: ConnectorDescriptor<T>,
    seq: number,
    serverId: string,
    serverRecord: T,
    how?: 'created' | 'adopted',
  ): Promise<void>;
  /** The update is on the server, which now holds `serverRecord`: entry gone, base adopted, later entries re-based. */
  completeUpdate<T>(
    descriptor: ConnectorDescriptor<T>,
    seq: number,
    serverRecord: T,
  ): Promise<void>;
  /** A retryable failure: back to pending (or stays in_flight+outcomeUnknown for a create). */
  deferEntry(
    seq: number,
    patch: {
      nextAttemptAt: number;
      lastError: AppError;
      outcomeUnknown?: boolean;
      countAttempt: boolean;
    },
  ): Promise<void>;
  /** The server refused it (validation): `rejected`, messages on the row's fieldErrors. */
  rejectEntry(seq: number, error: AppError): Promise<void>;
  /** Both sides changed the same fields, or the server record is gone: `conflict`. */
  conflictEntry<T>(
    seq: number,
    conflict:
      { kind: 'fields'; conflicts: readonly Conflict[]; theirs: T } | { kind: 'deleted_on_server' },
  ): Promise<void>;
  /**
   * The salesperson's choices for a `fields` conflict: the entry becomes a pending update against
   * `theirs` carrying the resolved values. Returns the descriptor's per-field errors instead when
   * the choices do not resolve every conflict to a valid record (nothing changes then).
   */
  resolveConflict<T>(
    descriptor: ConnectorDescriptor<T>,
    connectionId: string,
    key: string,
    choices: Choices,
    lookups: ConnectorLookups,
  ): Promise<{ ok: true } | { ok: false; errors: Record<string, string[]> }>;
  /**
   * "Deleted on the server": re-create it (a pending create of the local state under a new local
   * key, which it returns) or discard it (null).
   */
  resolveDeleted<T>(
    descriptor: ConnectorDescriptor<T>,
    connectionId: string,
    key: string,
    choice: 'recreate' | 'discard',
  ): Promise<string | null>;

  /**
   * Pulled records, in chunks of ~1,000 per transaction (relaxed durability: the server still has
   * them). A record with waiting entries keeps its local state; only its `remote` is refreshed. A
   * summary never replaces a full record the server has not changed since (no echo, no downgrade).
   */
  applyPulled<T>(
    descriptor: ConnectorDescriptor<T>,
    connectionId: string,
    records: readonly PulledRecord<T>[],
  ): Promise<void>;
  /**
   * After a COMPLETE listing (descriptor.capabilities.listingIsComplete): rows with a server id not
   * in `seenServerIds` were deleted on the server. Without waiting entries they go; with them,
   * their head becomes a `deleted_on_server` conflict. Returns how many rows were affected.
   */
  applyDeletions(connectionId: string, seenServerIds: ReadonlySet<string>): Promise<number>;
  /**
   * The server answered 404 for these ids (R2 by-ID): rows without waiting entries go; rows with
   * them get a `deleted_on_server` conflict on their head entry. Returns how many rows were affected.
   */
  markDeletedOnServer(connectionId: string, serverIds: readonly string[]): Promise<number>;
  /**
   * Summary rows to fetch in full, at most `limit`: every summary row (`all`), or the opened ones
   * plus those whose server id is in the given set (the salesperson's own, for the 'mine' scope),
   * or only the opened ones (`opened`). Opened rows come first.
   */
  rowsToHydrate(
    connectionId: string,
    wanted: 'all' | 'opened' | ReadonlySet<string>,
    limit: number,
  ): Promise<CustomerRow[]>;
  putLookups(connectionId: string, lookups: ConnectorLookups, now: number): Promise<void>;
  getLookups(connectionId: string): Promise<ConnectorLookups>;
  getMeta(connectionId: string): Promise<ConnectionMeta>;
  putMeta(meta: ConnectionMeta): Promise<void>;
  /**
   * Called after a salesperson's change committed (create, save, discard, resolve) — the engine
   * pushes soon after — and after a pull's last chunk (`pulled`), so a list re-queries once per
   * pull, not per chunk; a pull that changed nothing signals nothing. Returns the unsubscribe.
   */
  onChange(
    listener: (change: { connectionId: string; cause: 'local' | 'pulled' }) => void,
  ): () => void;
  /**
   * The row as stored now, answered again after every write that touches it, from this window or
   * another one of the profile (docs/architecture.md#one-signal-for-every-data-change).
   */
  liveCustomer<T>(connectionId: string, key: string): LiveRead<CustomerRow<T> | undefined>;
  /**
   * 0 at once, then a higher number after every write to a row or an outbox entry of the
   * connection: saves, pulls, push outcomes, restores, bulk edits, deletions. A cheap read,
   * whatever the number of rows; the reader fetches what changed itself.
   */
  liveChanges(connectionId: string): LiveRead<number>;
  /** The salesperson's saved views, favourites and recently opened customers, per connection. */
  readonly lists: PersonalLists;
  /** Removes every row, entry, lookup, meta and list of a connection (it was deleted). */
  deleteConnectionData(connectionId: string): Promise<void>;
  /**
   * Opens the database now rather than on its first read: at app start, so opening it overlaps
   * the wait for main's connection list instead of delaying the list's first rows after it.
   */
  open(): Promise<void>;
  close(): void;
}

export type { RecordSyncState };
