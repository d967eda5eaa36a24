// The customer list's reads (docs/customer-list.md): the search worker builds its index from every
// row of a connection, then keeps it current with the rows written since its last read. Chunked, so
// a 100,000-row connection never becomes one giant read, and only the worker ever holds them all.
import { Dexie } from 'dexie';
import type { CustomerRow } from './rows';
import { customersOf } from './schema';
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
    const keys = await guarded('read', () => {
      const written = db.customers
        .where('[connectionId+updatedAt]')
        .between([connectionId, since], [connectionId, Dexie.maxKey], true, true);
      return (atMost < Infinity ? written.limit(atMost) : written).primaryKeys();
    });
    for (let start = 0; start < keys.length; start += chunkSize) {
      const rows = await guarded('read', () =>
        db.customers.bulkGet(keys.slice(start, start + chunkSize)),
      );
      yield rows.flatMap((row) => (row ? [publicRow(row as StoredCustomerRow<T>)] : []));
    }
    return;
  }
  // Everything, in key order: each chunk starts after the last key of the one before.
  let after: string | null = null;
  for (;;) {
    const lower: [string, string] = [connectionId, after ?? ''];
    const rows = await guarded('read', () =>
      db.customers
        .where('[connectionId+key]')
        .between(lower, [connectionId, Dexie.maxKey], after === null, true)
        .limit(chunkSize)
        .toArray(),
    );
    if (rows.length === 0) return;
    yield rows.map((row) => publicRow(row as StoredCustomerRow<T>));
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
  const rows = await guarded('read', () =>
    ctx.relaxed.customers.bulkGet(keys.map((key): [string, string] => [connectionId, key])),
  );
  return rows.flatMap((row) => (row ? [publicRow(row as StoredCustomerRow<T>)] : []));
}

export function listKeys(ctx: StoreContext, connectionId: string): Promise<string[]> {
  return guarded('read', async () => {
    const keys = await customersOf(ctx.relaxed, connectionId).primaryKeys();
    return keys.map(([, key]) => key);
  });
}

export function countRows(ctx: StoreContext, connectionId: string): Promise<number> {
  return guarded('read', () => customersOf(ctx.relaxed, connectionId).count());
}
