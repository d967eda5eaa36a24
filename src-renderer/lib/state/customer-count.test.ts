import { expect, test } from 'vitest';
import type { R2ListRow } from '../../../src-shared/api/r2';
import {
  createFakeFieldbook,
  r2Connection,
  revnueConnection,
} from '../test-support/fake-fieldbook';
import { CustomerCountState } from './customer-count.svelte';

/** R2 list rows: one per contact, so a customer with three contacts has three rows. */
function r2Rows(contactsPerCustomer: number[]): R2ListRow[] {
  return contactsPerCustomer.flatMap((contacts, index) =>
    Array.from({ length: Math.max(1, contacts) }, () => ({ recordid: `R-${index}` }) as R2ListRow),
  );
}

function servePages(rows: R2ListRow[]) {
  return async ({ page = 1, pageSize = 100 }: { page?: number; pageSize?: number }) => ({
    ok: true as const,
    value: { rows: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length },
  });
}

test('counts Revnue customers by listing them', async () => {
  const fake = createFakeFieldbook({
    'revnue.customers.list': async () => ({ ok: true, value: [] }),
  });
  const counter = new CustomerCountState(fake.api);
  await counter.load(revnueConnection());
  expect(counter.count).toBe(0);
  expect(fake.callsTo('revnue.customers.list')).toEqual([{ connectionId: 'rv-1' }]);
});

test('counts R2 customers, not list rows, across pages of 500', async () => {
  // 700 customers with 0–3 contacts each: 1 + 1 + 2 + 3 rows per group of four.
  const rows = r2Rows(Array.from({ length: 700 }, (_, i) => i % 4));
  expect(rows.length).toBe(1225);
  const fake = createFakeFieldbook({ 'r2.customers.list': servePages(rows) });
  const counter = new CustomerCountState(fake.api);
  await counter.load(r2Connection());
  expect(counter.count).toBe(700);
  expect(fake.callsTo('r2.customers.list')).toEqual([
    { connectionId: 'r2-1', page: 1, pageSize: 500 },
    { connectionId: 'r2-1', page: 2, pageSize: 500 },
    { connectionId: 'r2-1', page: 3, pageSize: 500 },
  ]);
});

test('an error answer becomes readable text, not an exception', async () => {
  const fake = createFakeFieldbook({
    'r2.customers.list': async () => ({
      ok: false,
      error: { kind: 'auth', message: 'Sign in to Sandbox – Unibiz R2 again.' },
    }),
  });
  const counter = new CustomerCountState(fake.api);
  await counter.load(r2Connection());
  expect(counter.count).toBeNull();
  expect(counter.loading).toBe(false);
  expect(counter.error).toBe('Sign in to Sandbox – Unibiz R2 again.');
});

test('only the latest request sets the number, and an outdated R2 count stops paging', async () => {
  let releaseSlow: () => void = () => {};
  const rows = r2Rows(Array.from({ length: 1200 }, () => 1));
  const serve = servePages(rows);
  const fake = createFakeFieldbook({
    'r2.customers.list': (input) =>
      new Promise((resolve) => {
        releaseSlow = () => void serve(input).then(resolve);
      }),
    'revnue.customers.list': async () => ({ ok: true, value: [] }),
  });
  const counter = new CustomerCountState(fake.api);
  const slow = counter.load(r2Connection());
  await counter.load(revnueConnection());
  releaseSlow();
  await slow;
  expect(counter.count).toBe(0);
  expect(fake.callsTo('r2.customers.list')).toHaveLength(1);
});
