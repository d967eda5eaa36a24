// The customer list's reads (docs/customer-list.md): the search worker builds its index from every
// row of a connection, then keeps it current with the rows written since its last read. Chunked, so
// a 100,000-row connection never becomes one giant read, and only the worker ever holds them all.
import type { CustomerRow } from './rows';
import { keysOf, keysWrittenSince, rowCountOf, rowsInKeyOrder, rowsOf } from './customer-rows';
import { guarded, type StoreContext } from './store-context';
import { publicRow, type StoredCustomerRow } from './stored-row';

const defaultChunk = 2_000;

export async function* listRows<T>(
  ctx: StoreContext,
  connectionId: string,
  since?: number,
  chunkSize = defaultChunk,
  atMost = Infinity,
): AsyncGenerator<CustomerRow<T>[]> {
  const db = ctx.relaxed;
  if (since !== undefined) {
    // Few rows change between two reads: find their keys by the updatedAt index, then read them.
    const keys = await guarded('read', () => keysWrittenSince(db, connectionId, since, atMost));
    for (let start = 0; start < keys.length; start += chunkSize) {
      const rows = await guarded('read', () =>
        rowsOf<T>(db, connectionId, keys.slice(start, start + chunkSize)),
      );
      yield present(rows);
    }
    return;
  }
  // Everything, in key order: each chunk starts after the last key of the one before.
  let after: string | null = null;
  for (;;) {
    const rows = await guarded('read', () => rowsInKeyOrder<T>(db, connectionId, after, chunkSize));
    if (rows.length === 0) return;
    yield rows.map((row) => publicRow(row));
    if (rows.length < chunkSize) return;
    after = rows[rows.length - 1]!.key;
  }
}

/**
 * The rows of `keys` that are still here, in the order of `keys`, in one read (the remembered
 * first screen of the list is read this way on opening, before anything else).
 */
export async function getRows<T>(
  ctx: StoreContext,
  connectionId: string,
  keys: readonly string[],
): Promise<CustomerRow<T>[]> {
  return present(await guarded('read', () => rowsOf<T>(ctx.relaxed, connectionId, keys)));
}

/** The rows that are still here, as callers of the store see them. */
function present<T>(rows: readonly (StoredCustomerRow<T> | undefined)[]): CustomerRow<T>[] {
  return rows.flatMap((row) => (row ? [publicRow(row)] : []));
}

export function listKeys(ctx: StoreContext, connectionId: string): Promise<string[]> {
  return guarded('read', () => keysOf(ctx.relaxed, connectionId));
}

export function countRows(ctx: StoreContext, connectionId: string): Promise<number> {
  return guarded('read', () => rowCountOf(ctx.relaxed, connectionId));
}
