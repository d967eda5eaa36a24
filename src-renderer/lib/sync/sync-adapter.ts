// One sync adapter per connector (docs/architecture.md#the-two-connectors): it wraps that
// connector's IPC family (`window.fieldbook.revnue.*` / `.r2.*`) in the few operations the engine
// needs, and maps the wire shapes to the local record shape both ways. The engine sees only this
// and the descriptor.
import type {
  ConnectorDescriptor,
  ConnectorLookups,
} from '../../../src-shared/connectors/descriptor';
import type { Result } from '../../../src-shared/ipc/result';
import type { MergeResult } from '../../../src-shared/sync/merge';
import type { PulledRecord } from '../db/customer-store';

/** Where a pull continues; opaque to the engine (R2: page number + held-back rows). */
export type PullCursor = unknown;

export interface PullPage<T> {
  readonly records: readonly PulledRecord<T>[];
  /** Pass to the next pullPage call; null when this was the last page. */
  readonly next: PullCursor | null;
  /** 0-based progress for the progress bar: items (rows, customers) done and total when known. */
  readonly done: number;
  readonly total: number | null;
  /**
   * On the last page: the checkpoint to store for the next (delta) pull, and whether this pull was
   * a complete listing of every customer (then records missing from it were deleted — Revnue).
   */
  readonly checkpoint?: string | null;
  readonly complete?: boolean;
}

export interface SyncAdapter<T> {
  readonly descriptor: ConnectorDescriptor<T>;
  readonly connectionId: string;
  /**
   * One page of the pull. `checkpoint` null: a full listing; else a delta since the checkpoint
   * (R2 `updatedsince`, overlapping the last minute). Revnue: the pages of main's list cursor,
   * complete only on the last one.
   */
  pullPage(
    cursor: PullCursor | null,
    checkpoint: string | null,
    now: number,
  ): Promise<Result<PullPage<T>>>;
  /** The full server record (R2 by ID; Revnue by id), in the local shape. */
  get(serverId: string): Promise<Result<T>>;
  /** POST; the server id and the record the server now holds. */
  create(record: T): Promise<Result<{ serverId: string; record: T }>>;
  /**
   * Sends what `merge.changedLocally` says the server lacks (R2 PATCH — or PUT when a contact was
   * removed; Revnue PUT of the merged record), and answers the record the server now holds.
   * `theirs` is the server record the merge was made against (a Revnue PUT sends null only to
   * clear a field it has set). Never called with unresolved conflicts or an empty changedLocally.
   */
  push(serverId: string, merge: MergeResult<T>, theirs: T): Promise<Result<T>>;
  /**
   * After a create whose outcome is unknown: the server record with the same natural key created
   * since `firstAttemptAt` (ms), or null when there is none (then it is safe to send again).
   */
  findLostCreate(
    record: T,
    firstAttemptAt: number,
  ): Promise<Result<{ serverId: string; record: T } | null>>;
  /** Every lookup list this connector needs offline, fetched fresh (R2: none → {}). */
  fetchLookups(): Promise<Result<ConnectorLookups>>;
  /** Uses these cached lookups for mapping and validation (Revnue countries and templates). */
  useLookups(lookups: ConnectorLookups): void;
  /**
   * How many customers the server has (Revnue: its list is the count; R2: distinct record ids
   * over every page, since its total counts customer × contact rows). Stops paging as soon as
   * `stillWanted()` says no (the screen asked for another connection meanwhile).
   */
  countCustomers(stillWanted: () => boolean): Promise<Result<number>>;
  /** The server ids of the salesperson's own customers (R2 `salespersonid` filter); null when the API cannot tell. */
  ownCustomerIds(salespersonId: string): Promise<Result<ReadonlySet<string> | null>>;
}
