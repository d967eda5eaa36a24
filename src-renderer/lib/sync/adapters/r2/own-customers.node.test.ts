// The salesperson's own customers (the "mine" offline scope): every page of the list filtered by
// `salespersonid`. Over a scripted transport, because the sandbox filters only on list columns
// (salespersonid is a by-ID field; see the README's note on the sandbox).
import { describe, expect, test } from 'vitest';
import type { R2ListRow } from '../../../../../src-shared/connectors/r2/api';
import { createFieldbookApi } from '../../../../../src-shared/ipc/client';
import { createR2Adapter, R2_PULL_PAGE_SIZE } from './adapter';

/** This scripted transport announces nothing. */
const noEvents = () => () => {};

function listing(rows: number, failOnPage?: number) {
  const inputs: { page?: number; pageSize?: number; filters?: Record<string, string> }[] = [];
  const api = createFieldbookApi(async (channel, input) => {
    if (channel !== 'r2.customers.list') throw new Error(`unexpected ${channel}`);
    const query = input as (typeof inputs)[number];
    inputs.push(query);
    const page = query.page ?? 1;
    if (page === failOnPage)
      return {
        ok: false,
        error: { kind: 'rate_limited', message: 'Slow down', retryAfterMs: 5000 },
      };
    const first = (page - 1) * R2_PULL_PAGE_SIZE;
    const count = Math.max(0, Math.min(R2_PULL_PAGE_SIZE, rows - first));
    // Two rows per customer: ids repeat across rows, as in the real list.
    const pageRows = Array.from(
      { length: count },
      (_, i) => ({ recordid: `R-${Math.floor((first + i) / 2)}`, companyname: 'X' }) as R2ListRow,
    );
    return { ok: true, value: { rows: pageRows, total: rows } };
  }, noEvents);
  return { api, inputs };
}

describe('ownCustomerIds', () => {
  test('pages through the filtered list and answers each customer once', async () => {
    const { api, inputs } = listing(1100);
    const own = await createR2Adapter(api, { id: 'r2-1' }).ownCustomerIds('SP01');
    expect(own.ok && own.value?.size).toBe(550);
    expect(inputs.map((input) => input.page)).toEqual([1, 2, 3]);
    expect(inputs.every((input) => input.filters?.['salespersonid'] === 'SP01')).toBe(true);
  });

  test('a failing page is main’s Result, unchanged', async () => {
    const { api } = listing(1100, 2);
    const own = await createR2Adapter(api, { id: 'r2-1' }).ownCustomerIds('SP01');
    expect(own).toEqual({
      ok: false,
      error: { kind: 'rate_limited', message: 'Slow down', retryAfterMs: 5000 },
    });
  });
});
