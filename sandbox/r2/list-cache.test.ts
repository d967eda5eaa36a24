import { describe, expect, it } from 'vitest';
import type { R2Customer, R2ListRow } from '../../src-shared/connectors/r2/api';
import { listCustomers } from './list-endpoint';
import { rowsOf } from './list-rows';
import { formatR2DateTime } from './r2-dates';
import { R2State } from './r2-state';

const minute = 60_000;
const t0 = Date.UTC(2026, 0, 5, 9, 0);

function customer(recordid: number, contacts: number, extra: Partial<R2Customer> = {}): R2Customer {
  return {
    recordid: String(recordid),
    companyname: `Company ${recordid}`,
    contacts: Array.from({ length: contacts }, (_, index) => ({
      recordid: String(recordid * 10 + index),
      firstname: `Contact ${index}`,
    })),
    ...extra,
  } as R2Customer;
}

function stateWith(count: number): R2State {
  const state = new R2State();
  for (let index = 0; index < count; index += 1) {
    const hidden = index % 7 === 3 ? { synchronizer2: 'Created in CRM' } : {};
    state.save({
      customer: customer(1_000_001 + index, index % 4, hidden as Partial<R2Customer>),
      updatedAt: t0 + (index % 5) * minute,
    });
  }
  return state;
}

/** The listing built the slow way: every listed customer's rows, in order. */
function expectedRows(state: R2State, since?: number): R2ListRow[] {
  return [...state.customers.values()]
    .filter(({ customer }) => customer.synchronizer2 !== 'Created in CRM')
    .filter(({ updatedAt }) => since === undefined || updatedAt >= since)
    .flatMap(({ customer }) => [...rowsOf(customer)]);
}

function allPages(state: R2State, pageSize: number, extra = '') {
  const rows: R2ListRow[] = [];
  let total = -1;
  for (let page = 1; page < 1_000; page += 1) {
    const answer = listCustomers(
      state,
      new URLSearchParams(`page=${page}&pagesize=${pageSize}${extra}`),
    );
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.body as string) as R2ListRow[];
    total = Number(answer.headers?.['x-total-count']);
    rows.push(...body);
    if (body.length < pageSize) break;
  }
  return { rows, total };
}

describe('the R2 list served from the cached listing', () => {
  it('pages through exactly the rows the customers make, in order, with the total', () => {
    const state = stateWith(50);
    for (const pageSize of [1, 3, 7, 500]) {
      const { rows, total } = allPages(state, pageSize);
      expect(rows).toEqual(expectedRows(state));
      expect(total).toBe(rows.length);
    }
  });

  it('answers a page past the end with no rows and the total', () => {
    const state = stateWith(10);
    const answer = listCustomers(state, new URLSearchParams('page=99&pagesize=5'));
    expect(JSON.parse(answer.body as string)).toEqual([]);
    expect(answer.headers?.['x-total-count']).toBe(String(expectedRows(state).length));
    const empty = listCustomers(new R2State(), new URLSearchParams('page=1'));
    expect(JSON.parse(empty.body as string)).toEqual([]);
  });

  it('rebuilds the cached positions after a write', () => {
    const state = stateWith(20);
    allPages(state, 4); // fills the cache
    const changed = state.customers.get('1000005')!;
    state.save({
      customer: customer(1_000_005, 6, { companyname: 'Renamed Ltd' }),
      updatedAt: changed.updatedAt + minute,
    });
    state.save({ customer: customer(1_000_099, 2), updatedAt: t0 });
    const { rows, total } = allPages(state, 4);
    expect(rows).toEqual(expectedRows(state));
    expect(rows.filter((row) => row.companyname === 'Renamed Ltd')).toHaveLength(6);
    expect(rows.at(-1)?.recordid).toBe('1000099');
    expect(total).toBe(rows.length);
  });

  it('answers updatedsince from the cache: only rows changed since, paged, counted', () => {
    const state = stateWith(40);
    const since = t0 + 3 * minute;
    const extra = `&updatedsince=${encodeURIComponent(formatR2DateTime(since))}`;
    allPages(state, 500); // cache filled by the full listing first
    const { rows, total } = allPages(state, 3, extra);
    expect(rows).toEqual(expectedRows(state, since));
    expect(rows.length).toBeGreaterThan(0);
    expect(total).toBe(rows.length);
  });

  it('counts the pages it answers and the CPU time they took', () => {
    const state = stateWith(2_000);
    const { rows } = allPages(state, 100);
    expect(state.listCache.served.pages).toBe(Math.floor(rows.length / 100) + 1);
    expect(state.listCache.served.ms).toBeGreaterThan(0);
  });
});
