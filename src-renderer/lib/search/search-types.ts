// The messages between the customer list (main thread) and its search worker, and the shapes of
// what the list shows. Plain data only: everything here crosses postMessage.
import type { ConnectorKind } from '../../../src-shared/connection';
import type { DuplicateCandidate, DuplicateFields } from '../../../src-shared/duplicates';
import type { RecordSyncState } from '../db/rows';

/** The badge of a row: its sync state, or "not downloaded" for an R2 summary that is synced. */
export type RowBadge = RecordSyncState | 'not_downloaded';

/** One customer as the list shows it: its key, the descriptor's column texts and its badge. */
export interface DisplayRow {
  readonly key: string;
  readonly name: string;
  readonly cells: readonly string[];
  readonly badge: RowBadge;
}

export interface SortOrder {
  /** A list column id, or 'name' (the display name). */
  readonly column: string;
  readonly descending: boolean;
}

export interface ListQuery {
  readonly text: string;
  /** Facet id → the value chosen ('' or absent: any). */
  readonly facets: Readonly<Record<string, string>>;
  readonly badge: RowBadge | '';
  readonly sort: SortOrder;
  /** Only these customers (the Favourites and Recently opened views); absent or null: all. */
  readonly only?: KeyScope | null;
}

export interface KeyScope {
  readonly keys: readonly string[];
  /** Show them in the order of `keys` instead of the sort (most recently opened first). */
  readonly keepOrder: boolean;
}

export interface FacetChoices {
  readonly id: string;
  readonly label: string;
  readonly values: readonly string[];
}

export interface ListResult {
  /** Which query this answers (the client drops answers older than the newest). */
  readonly seq: number;
  /**
   * Doc numbers of the matching customers in sort order, the first screenful of them when
   * `docs.length < count`: every one then follows in a `docs` message, unless a newer query or a
   * change came first. Rows are fetched by them.
   */
  readonly docs: Int32Array;
  /** How many customers match (the count shown, the grid's height). */
  readonly count: number;
  /**
   * The count is not final: `count` customers were found so far (the first screenful's),
   * more may match. The `docs` message then brings every one, and their number is the count.
   */
  readonly counting?: true;
  /** Customers in the index (all of the connection's), for "12 of 100,000". */
  readonly total: number;
  /** The rows of the first docs, so the first screen renders without a second round trip. */
  readonly firstRows: readonly (readonly [number, DisplayRow])[];
  /** Bumped whenever an indexed row changed: cached rows of an older version are stale. */
  readonly version: number;
  /** The worker's time on the answer (search, scope, first rows): the bench splits by it. */
  readonly searchMs: number;
  /** When the worker posted it, ms since the epoch (performance.timeOrigin based): the transfer. */
  readonly postedAt: number;
}

export type ToWorker =
  | { type: 'open'; dbName: string; connectionId: string; kind: ConnectorKind }
  | { type: 'refresh' }
  | { type: 'query'; seq: number; query: ListQuery }
  | { type: 'rows'; seq: number; docs: readonly number[] }
  /** The customer keys of `docs` (a selection or a view resolved to keys); `id` pairs the answer. */
  | { type: 'keys'; id: number; docs: Int32Array }
  | ({ type: 'duplicates'; seq: number } & DuplicateRequest);

/** A duplicate check of the editor's draft (see src-shared/duplicates). */
export interface DuplicateRequest {
  readonly probe: DuplicateFields;
  /** The customer being edited (never its own duplicate); null for a new one. */
  readonly excludeKey: string | null;
  /** The name is still being typed: its last word may be unfinished. */
  readonly typing: boolean;
}

export type FromWorker =
  | { type: 'progress'; indexed: number; ready: boolean; facets: readonly FacetChoices[] }
  | ({ type: 'result' } & ListResult)
  | { type: 'rows'; seq: number; version: number; rows: readonly (readonly [number, DisplayRow])[] }
  /** Every matching doc in order, for a result that carried only its first screenful. */
  | { type: 'docs'; seq: number; version: number; docs: Int32Array }
  | { type: 'duplicates'; seq: number; candidates: readonly DuplicateCandidate[] }
  | { type: 'keys'; id: number; keys: readonly (string | null)[] }
  | { type: 'error'; message: string };
