// The messages between the customer list (main thread) and its search worker, and the shapes of
// what the list shows. Plain data only: everything here crosses postMessage.
import type { ConnectorKind } from '../../../src-shared/connection';
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
}

export interface FacetChoices {
  readonly id: string;
  readonly label: string;
  readonly values: readonly string[];
}

export interface ListResult {
  /** Which query this answers (the client drops answers older than the newest). */
  readonly seq: number;
  /** Doc numbers of the matching customers in sort order; rows are fetched by them. */
  readonly docs: Int32Array;
  /** Customers in the index (all of the connection's), for "12 of 100,000". */
  readonly total: number;
  /** The rows of the first docs, so the first screen renders without a second round trip. */
  readonly firstRows: readonly (readonly [number, DisplayRow])[];
  /** Bumped whenever an indexed row changed: cached rows of an older version are stale. */
  readonly version: number;
}

export type ToWorker =
  | { type: 'open'; dbName: string; connectionId: string; kind: ConnectorKind }
  | { type: 'refresh' }
  | { type: 'query'; seq: number; query: ListQuery }
  | { type: 'rows'; seq: number; docs: readonly number[] }
  /** The customer keys of `docs` (a selection resolved to keys); `id` pairs the answer. */
  | { type: 'keys'; id: number; docs: readonly number[] };

export type FromWorker =
  | { type: 'progress'; indexed: number; ready: boolean; facets: readonly FacetChoices[] }
  | ({ type: 'result' } & ListResult)
  | { type: 'rows'; seq: number; version: number; rows: readonly (readonly [number, DisplayRow])[] }
  | { type: 'keys'; id: number; keys: readonly (string | null)[] }
  | { type: 'error'; message: string };
