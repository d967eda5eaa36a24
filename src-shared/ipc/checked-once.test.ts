import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { r2ListPageSchema } from '../connectors/r2/api';
import { seedListRow } from '../connectors/r2/api/seed-samples';
import { checkOnce, parseVouched } from './checked-once';

const columns = Object.keys(seedListRow) as (keyof typeof seedListRow)[];

const enumColumns = new Set(['category', 'customertype', 'customerstatus']);
const dateColumns = new Set([
  'createddate',
  'updateddate',
  'contactcreateddate',
  'contactupdateddate',
]);

/** Now and then a value of the wrong kind, so that about one row in three is refused. */
const wrong = fc.oneof(fc.integer(), fc.boolean(), fc.constant({ nested: 'x' }), fc.string());

/** A cell as a server might send it: the seed's value, empty, absent, another value, or wrong. */
function cell(column: string, seed: unknown) {
  const other = enumColumns.has(column)
    ? fc.constantFrom('Customer', 'Vendor', 'Business', 'On Hold')
    : dateColumns.has(column)
      ? fc.constantFrom('02/29/2024 10:00', '02/30/2024 10:00', '12/31/1999 23:59')
      : column === 'isfirstcontact'
        ? fc.boolean()
        : fc.string({ maxLength: 20 });
  return fc.oneof(
    { weight: 70, arbitrary: fc.constant(seed) },
    { weight: 8, arbitrary: fc.constant(null) },
    { weight: 8, arbitrary: fc.constant(undefined) },
    { weight: 13, arbitrary: other },
    { weight: 1, arbitrary: wrong },
  );
}

/** A row: every column drawn as above (absent when undefined), sometimes with keys R2 never sends. */
const row = fc
  .record({
    cells: fc.tuple(...columns.map((column) => cell(column, seedListRow[column]))),
    extra: fc.dictionary(fc.constantFrom('token', 'secret', 'x'), fc.string(), { maxKeys: 2 }),
  })
  .map(({ cells, extra }) => {
    const out: Record<string, unknown> = { ...extra };
    columns.forEach((column, index) => {
      if (cells[index] !== undefined) out[column] = cells[index];
    });
    return out;
  });

const page = fc.record({
  rows: fc.oneof({ weight: 8, arbitrary: fc.array(row, { maxLength: 4 }) }, fc.constant({})),
  total: fc.oneof(
    { weight: 9, arbitrary: fc.nat() },
    { weight: 1, arbitrary: fc.constantFrom(-1, 2 ** 60, 1.5) },
  ),
});

describe('checkOnce: the router accepts a page the contract schema produced as it is', () => {
  test('the answer that crosses is the one the full second check would give, for any server body', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(page, (answer) => {
        // Before: the connector parsed the body, then the router parsed that output again.
        const connector = r2ListPageSchema.safeParse(answer);
        const router = connector.success ? r2ListPageSchema.safeParse(connector.data) : undefined;
        // Now: the connector's parse vouches for its output, the router accepts it unwalked.
        const vouched = parseVouched(r2ListPageSchema, answer);
        expect(vouched.success).toBe(connector.success);
        if (!vouched.success) refused += 1;
        if (!vouched.success || !router) return;
        if (vouched.data.rows.length > 0) accepted += 1;
        const checked = checkOnce(r2ListPageSchema, vouched.data);
        expect(checked.success).toBe(router.success);
        expect(checked.data).toEqual(router.data);
      }),
      { numRuns: 400 },
    );
    // Both sides of the property were exercised: pages with rows accepted, and pages refused.
    expect(accepted).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(10);
  });

  test('a vouched value is not walked again: the same object crosses', () => {
    const vouched = parseVouched(r2ListPageSchema, { rows: [seedListRow], total: 1 });
    expect(vouched.success).toBe(true);
    expect(checkOnce(r2ListPageSchema, vouched.data).data).toBe(vouched.data);
  });

  test('a value nobody vouched for is checked in full: unknown keys dropped, bad rows refused', () => {
    const unchecked = { rows: [{ ...seedListRow, token: 'secret' }], total: 1 };
    const checked = checkOnce(r2ListPageSchema, unchecked);
    expect(checked.data?.rows[0]).not.toHaveProperty('token');
    expect(checked.data).not.toBe(unchecked);
    const bad = { rows: [{ ...seedListRow, createddate: '2024-01-15' }], total: 1 };
    expect(checkOnce(r2ListPageSchema, bad).success).toBe(false);
  });

  test('only the schema that produced a value vouches for it', () => {
    const loose = z.object({ rows: z.array(z.unknown()), total: z.number() });
    const other = parseVouched(loose, { rows: [{ recordid: 1 }], total: -3 });
    expect(other.success).toBe(true);
    expect(checkOnce(r2ListPageSchema, other.data).success).toBe(false);
  });

  test('a failed parse vouches for nothing', () => {
    const answer = { rows: [{ ...seedListRow, recordid: 7 }], total: 1 };
    expect(parseVouched(r2ListPageSchema, answer).success).toBe(false);
    expect(checkOnce(r2ListPageSchema, answer).success).toBe(false);
  });
});
