// R2's list pull, one page at a time. Rows are customer × contact, sorted by recordid, so a
// customer's rows can straddle a page break: the last customer of a page is held back in the
// cursor and completed by the next page, so every customer comes out once, with all its contacts.
import {
  r2CustomerSummariesFromRows,
  r2RecordFromSummary,
  type R2CustomerRecord,
  type R2ListRow,
} from '../../../../../src-shared/connectors/r2/api';
import type { PulledRecord } from '../../../db/customer-store';
import type { PullPage } from '../../sync-adapter';

const minuteMs = 60_000;

/** Where an R2 pull continues. Opaque to the engine; plain data, so it survives structured clone. */
export interface R2PullCursor {
  readonly kind: 'r2-pull';
  /** 1-based page to fetch next. */
  readonly page: number;
  /** The rows of the last customer of the previous page, whose remaining rows may follow. */
  readonly held: readonly R2ListRow[];
  /** When this pull started (ms): the next delta starts from here. */
  readonly startedAt: number;
  /** This pull's `updatedSince` (null: a full listing). */
  readonly updatedSince: string | null;
  /**
   * The page on which each customer came out. Rows shift when someone adds a contact during the
   * pull, so a customer already given out can reappear at the top of a later page — then only
   * partly: it is skipped. Keyed by page (not a plain set) so that fetching a page again with the
   * same cursor, after a failed store write, gives the same records again.
   */
  readonly emittedOnPage: Map<string, number>;
}

export function isR2PullCursor(cursor: unknown): cursor is R2PullCursor {
  return (
    typeof cursor === 'object' &&
    cursor !== null &&
    (cursor as { kind?: unknown }).kind === 'r2-pull' &&
    (cursor as { emittedOnPage?: unknown }).emittedOnPage instanceof Map
  );
}

/**
 * The start of a pull: a full listing without checkpoint, else a delta from one minute before it
 * (R2 keeps minutes, so a change made in the checkpoint's own minute is fetched again rather than
 * missed; the store de-duplicates by server id). An unreadable checkpoint means a full listing.
 */
export function startR2Pull(checkpoint: string | null, now: number): R2PullCursor {
  const since = checkpoint === null ? NaN : Date.parse(checkpoint);
  return {
    kind: 'r2-pull',
    page: 1,
    held: [],
    startedAt: now,
    updatedSince: Number.isNaN(since) ? null : new Date(since - minuteMs).toISOString(),
    emittedOnPage: new Map(),
  };
}

export interface R2ListedPage {
  readonly rows: readonly R2ListRow[];
  /** Rows in the whole listing (`X-Total-Count`). */
  readonly total: number;
}

/** The records of one fetched page and the cursor for the next (null after the last page). */
export function foldR2Page(
  cursor: R2PullCursor,
  listed: R2ListedPage,
  pageSize: number,
): PullPage<R2CustomerRecord> {
  const { page, emittedOnPage } = cursor;
  const isLast = listed.rows.length < pageSize || page * pageSize >= listed.total;
  const fresh = listed.rows.filter((row) => (emittedOnPage.get(row.recordid) ?? page) >= page);
  const rows = [...cursor.held, ...fresh];
  const tail = isLast ? undefined : rows.at(-1)?.recordid;
  const ready = tail === undefined ? rows : rows.filter((row) => row.recordid !== tail);
  const held = tail === undefined ? [] : rows.filter((row) => row.recordid === tail);

  const records: PulledRecord<R2CustomerRecord>[] = r2CustomerSummariesFromRows(ready).map(
    (summary) => {
      emittedOnPage.set(summary.recordid, page);
      return {
        serverId: summary.recordid,
        record: r2RecordFromSummary(summary),
        hydration: 'summary',
      };
    },
  );
  const done = Math.min(listed.total, (page - 1) * pageSize + listed.rows.length);
  if (isLast) {
    // The pull's START: whatever changed while it ran is in the next delta.
    const checkpoint = new Date(cursor.startedAt).toISOString();
    return { records, next: null, done, total: listed.total, checkpoint, complete: false };
  }
  const next: R2PullCursor = { ...cursor, page: page + 1, held };
  return { records, next, done, total: listed.total };
}
