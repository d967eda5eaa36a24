// Each read of the read path answers what it is named for, and only for the connection it names:
// the rows of two neighbouring connections (ids that sort just before and after) lie on both sides
// of every range and must never come back.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  firstRowOf,
  firstRowWhere,
  keysBetween,
  keysOf,
  keysWithServerIdNotIn,
  keysWrittenSince,
  rowCountOf,
  rowOf,
  rowsInKeyOrder,
  rowsOf,
  rowsToFetchInFull,
  rowsWithServerIds,
} from './customer-rows';
import { FieldbookDatabase } from './schema';
import { withIndexFields, type StoredCustomerRow } from './stored-row';

const db = new FieldbookDatabase('customer-rows', 'strict', {
  indexedDB: new IDBFactory(),
  IDBKeyRange,
});
const c = 'c1';

/** Key k<i>: written at i, a summary for i ≥ 2 (opened for i = 2), never on the server for i = 4. */
function row(connectionId: string, i: number): StoredCustomerRow {
  const record = { name: `${connectionId} ${i}` };
  return withIndexFields({
    connectionId,
    key: `k${i}`,
    serverId: i === 4 ? null : `k${i}`,
    record,
    base: i === 4 ? null : record,
    remote: null,
    remoteHydration: null,
    hydration: i >= 2 ? 'summary' : 'full',
    syncState: i === 4 ? 'waiting' : 'synced',
    opened: i === 2,
    fieldErrors: null,
    updatedAt: i,
  });
}

const keys = (rows: readonly ({ key: string } | undefined)[]) => rows.map((r) => r?.key);

beforeAll(async () => {
  await db.customers.bulkPut(
    ['c0', c, 'c2'].flatMap((connectionId) => [0, 1, 2, 3, 4].map((i) => row(connectionId, i))),
  );
});
afterAll(() => db.close());

describe('the read path', () => {
  test('by key: one row, or rows in the order asked with undefined where none is', async () => {
    expect(await rowOf(db, c, 'k3')).toEqual(row(c, 3));
    expect(await rowOf(db, c, 'k9')).toBeUndefined();
    expect(keys(await rowsOf(db, c, ['k3', 'k9', 'k0']))).toEqual(['k3', undefined, 'k0']);
  });

  test('in key order: from the first, then after a key, at most the limit', async () => {
    expect(keys(await rowsInKeyOrder(db, c, null, 2))).toEqual(['k0', 'k1']);
    expect(keys(await rowsInKeyOrder(db, c, 'k1', 2))).toEqual(['k2', 'k3']);
    expect(keys(await rowsInKeyOrder(db, c, 'k3', 10))).toEqual(['k4']);
    expect(await rowsInKeyOrder(db, c, 'k4', 10)).toEqual([]);
  });

  test('the connection’s keys, count, first row and first row passing a test', async () => {
    expect(await keysOf(db, c)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4']);
    expect(await rowCountOf(db, c)).toBe(5);
    expect((await firstRowOf(db, c))?.key).toBe('k0');
    expect((await firstRowWhere(db, c, (r) => r.key > 'k2'))?.key).toBe('k3');
    expect(await firstRowWhere(db, c, () => false)).toBeUndefined();
    expect(await firstRowOf(db, 'c9')).toBeUndefined();
  });

  test('keys written at or after a time, at most a number of them', async () => {
    expect(await keysWrittenSince(db, c, 3)).toEqual(['k3', 'k4']);
    expect(await keysWrittenSince(db, c, 0, 2)).toEqual(['k0', 'k1']);
  });

  test('keys in a range, both ends included, at most the limit', async () => {
    expect(await keysBetween(db, c, 'k1', 'k3', 10)).toEqual(['k1', 'k2', 'k3']);
    expect(await keysBetween(db, c, 'k1', 'k3', 2)).toEqual(['k1', 'k2']);
  });

  test('by server id: the rows that have one of them, the keys whose id was not seen', async () => {
    expect(keys(await rowsWithServerIds(db, c, ['k1', 'k3', 'k9']))).toEqual(['k1', 'k3']);
    // k4 has no server id: it is never "not seen".
    expect(await keysWithServerIdNotIn(db, c, new Set(['k0', 'k2']))).toEqual(['k1', 'k3']);
  });

  test('the hydration queue: opened summaries (rank 0), then the others (rank 1)', async () => {
    expect(keys(await rowsToFetchInFull(db, c, 0, 10))).toEqual(['k2']);
    expect(keys(await rowsToFetchInFull(db, c, 1, 10))).toEqual(['k3']);
  });
});
