// Main's page size for Revnue's streamed list, through the real router and services against the
// sandbox: unasked, a page carries CUSTOMER_PAGE_DEFAULT customers (main's memory stays lower
// than with the contract's cap of 2,000: docs/performance.md, "Revnue: a streamed list"), and a
// window that asks for the cap still gets it.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { REVNUE_LIST_PAGE_MAX } from '../../src-shared/connectors/revnue-v2/contract';
import { CUSTOMER_PAGE_DEFAULT } from '../connectors/revnue-v2/customer-list-stream';
import { createServicesWorld, type ServicesWorld } from './test-support/services-world';

let world: ServicesWorld;
beforeAll(async () => {
  // Enough that the company lists more than two pages of the cap.
  world = await createServicesWorld({ sandbox: { customers: 5_000 } });
});
afterAll(async () => {
  await world.close();
});

const on = () => ({ connectionId: world.revnueId });

async function firstPage(max?: number): Promise<number> {
  const opened = await world.call('revnue.customers.listOpen', on());
  if (!opened.ok) throw new Error(opened.error.message);
  const cursor = opened.value.cursor;
  const page = await world.call('revnue.customers.listNext', {
    ...on(),
    cursor,
    ...(max ? { max } : {}),
  });
  await world.call('revnue.customers.listClose', { ...on(), cursor });
  if (!page.ok) throw new Error(page.error.message);
  expect(page.value.done).toBe(false);
  return page.value.customers.length;
}

test('a page nobody sized carries the default of main, below the contract cap', async () => {
  expect(CUSTOMER_PAGE_DEFAULT).toBeLessThan(REVNUE_LIST_PAGE_MAX);
  expect(await firstPage()).toBe(CUSTOMER_PAGE_DEFAULT);
});

test('a window that asks for the cap still gets a page of the cap', async () => {
  expect(await firstPage(REVNUE_LIST_PAGE_MAX)).toBe(REVNUE_LIST_PAGE_MAX);
});
