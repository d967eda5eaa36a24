// Reads the screens follow as the data changes (docs/architecture.md#one-signal-for-every-data-change).
// Dexie's liveQuery runs a read again whenever a committed write touches what it read, in this
// window or (through Dexie's own cross-tab signal) another window of the profile. Every store
// write goes through Dexie (saves, pulls, push outcomes, restores, bulk edits), so these are the
// one signal.
// The readers are plain Dexie promise chains, not async functions, so Dexie sees every read of the
// query (an `await` outside Dexie's own promises would hide the later reads from it).
import { Dexie, liveQuery } from 'dexie';
import type { LiveRead } from './live-read';
import type { CustomerRow } from './rows';
import { firstPageOf, firstRowOf, rowOf } from './customer-rows';
import type { StoreContext } from './store-context';
import { publicRow } from './stored-row';

/** One customer row as it is stored now; undefined once it is gone (discarded, deleted, re-keyed). */
export function liveCustomer<T>(
  ctx: StoreContext,
  connectionId: string,
  key: string,
): LiveRead<CustomerRow<T> | undefined> {
  return liveQuery(() =>
    rowOf<T>(ctx.strict, connectionId, key).then((row) => row && publicRow(row)),
  );
}

/**
 * 0 at once, then 1, 2, … after each write to a row or an outbox entry of the connection. The
 * read behind it is what Dexie then watches: the connection's first own row and first summary page
 * (reads Dexie watches over the WHOLE key range they asked for, whatever the limit, so a write or
 * deletion anywhere in the connection's rows or pages answers it) and the count of its outbox entries (changes waiting to be sent, a
 * handful). Not a count of its rows: IndexedDB counts by walking every row (4 s at 1,000,000
 * customers in Chromium), and it ran again after every write, holding every other read of the
 * database behind it — the list's first rows included. What changed is for the reader to fetch
 * (the search worker reads the rows written since its last read).
 */
export function liveChanges(ctx: StoreContext, connectionId: string): LiveRead<number> {
  const read = liveQuery(() =>
    Dexie.Promise.all([
      firstRowOf(ctx.strict, connectionId),
      firstPageOf(ctx.strict, connectionId),
      ctx.strict.outbox.where('connectionId').equals(connectionId).count(),
    ]),
  );
  return {
    subscribe(observer) {
      // Counted per subscriber: liveQuery answers only after a write that touched the read's
      // ranges, so every answer after the first IS a change, even when both counts stay the same
      // (an edited row, an entry's new state).
      let version = 0;
      return read.subscribe({
        next: () => observer.next(version++),
        error: (error: unknown) => observer.error(error),
      });
    },
  };
}
