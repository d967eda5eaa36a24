// The first rows after a reload, in real Chromium on a real IndexedDB store: the screen reads its
// first screenful straight from the store (the first screen the search worker remembered, and the
// rows written since) while the worker is held back, in name order; then the worker's answer takes
// over — the same rows in the same places, no duplicates, the count shown, the scroll kept.
import { afterEach, expect, test } from 'vitest';
import { revnueDescriptor } from '../../../src-shared/connectors';
import type { RevnueCustomerRecord } from '../../../src-shared/connectors/revnue-v2/api';
import { openFirstScreens } from '../../lib/search/first-screen';
import { fold } from '../../lib/search/fold';
import { EARLY_ROWS } from '../../lib/state/first-rows';
import { connection, renderCustomers } from './test-support/customers-world';

type World = Awaited<ReturnType<typeof renderCustomers>>;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const grid = () => document.querySelector<HTMLElement>('[role="grid"][aria-label="Customers"]')!;
const rowCount = () => Number(grid().getAttribute('aria-rowcount')) - 1;
const renderedRows = () => [
  ...grid().querySelectorAll<HTMLElement>('[role="row"]:not(:has([role="columnheader"]))'),
];
/** Each rendered row's position and name, in the DOM's order. */
const shown = () =>
  renderedRows().map(
    (row) =>
      `${row.getAttribute('aria-rowindex')} ${row.querySelectorAll('[role="gridcell"]')[1]?.textContent?.trim() ?? ''}`,
  );
const countText = () => document.querySelector('.count')?.textContent?.trim() ?? '';

/**
 * Every search worker started from now on is held: what it says reaches the page only on
 * `release()`. The worker itself runs; only the list does not hear it yet.
 */
function holdSearchWorkers() {
  const Native = window.Worker;
  let holding = true;
  const held: (() => void)[] = [];
  window.Worker = class extends Native {
    override set onmessage(listener: ((event: MessageEvent) => void) | null) {
      super.onmessage = (event: MessageEvent) => {
        if (holding) held.push(() => listener?.call(this, event));
        else listener?.call(this, event);
      };
    }
  } as typeof Worker;
  cleanups.push(() => {
    window.Worker = Native;
  });
  return {
    get held() {
      return held.length;
    },
    release() {
      holding = false;
      for (const deliver of held.splice(0)) deliver();
    },
  };
}

/** The first session: the worker indexes every row and remembers the first screen. */
async function firstSession(customers: number): Promise<World> {
  const world = await renderCustomers({ customers });
  cleanups.push(async () => {
    await world.drop();
    indexedDB.deleteDatabase(`${world.store.name}-list-first-screen`);
  });
  await expect.poll(rowCount, { timeout: 15_000 }).toBe(customers);
  const screens = openFirstScreens(world.store.name);
  try {
    await expect
      .poll(async () => (await screens.read(connection.id))?.count, { timeout: 15_000 })
      .toBe(customers);
  } finally {
    screens.close();
  }
  await world.dispose({ keepStore: true });
  return world;
}

test('the first screenful shows from the store before the worker answers, then the answer takes over', async () => {
  const customers = 600;
  const first = await firstSession(customers);
  // Written after the first screen was remembered: renamed to sort first, so it shows first only
  // if the rows written since are read too.
  const [key] = await first.store.listKeys(connection.id);
  const row = await first.store.getCustomer<RevnueCustomerRecord>(connection.id, key!);
  await first.store.saveCustomer(revnueDescriptor, connection.id, key!, {
    ...row!.record,
    name: 'Aaaa Early Bird',
  });
  const expectedNames = (
    await Promise.all(
      (await first.store.listKeys(connection.id)).map(async (k) => {
        const stored = await first.store.getCustomer<RevnueCustomerRecord>(connection.id, k);
        return stored!.record.name;
      }),
    )
  )
    .sort((a, b) => (fold(a) < fold(b) ? -1 : fold(a) > fold(b) ? 1 : 0))
    .slice(0, EARLY_ROWS);

  const workers = holdSearchWorkers();
  const reload = await renderCustomers({ customers, reload: first });
  cleanups.push(() => reload.dispose({ keepStore: true }));

  // From the store alone: the first screenful by name, the count not known yet.
  await expect.poll(() => renderedRows().length, { timeout: 15_000 }).toBeGreaterThan(5);
  expect(rowCount()).toBe(EARLY_ROWS);
  const early = shown();
  expect(early[0]).toBe('2 Aaaa Early Bird');
  expect(early.map((line) => line.slice(line.indexOf(' ') + 1))).toEqual(
    expectedNames.slice(0, early.length),
  );
  expect(countText()).toBe('');
  expect(
    document.querySelector('[aria-labelledby="customers-heading"]')?.getAttribute('aria-busy'),
  ).toBe('true');
  // The worker did speak meanwhile (so it was held, not slow), and it has not been heard.
  await expect.poll(() => workers.held, { timeout: 15_000 }).toBeGreaterThan(0);
  expect(early.length).toBeGreaterThan(5);
  const scrolledTo = 2 * 36;
  grid().scrollTop = scrolledTo;
  await expect.poll(() => grid().scrollTop).toBe(scrolledTo);
  const scrolled = shown();

  workers.release();
  await expect.poll(countText, { timeout: 15_000 }).toBe('600 customers');
  await expect.poll(rowCount, { timeout: 15_000 }).toBe(customers);
  // The same rows in the same places, each once; the scroll stayed where it was.
  expect(grid().scrollTop).toBe(scrolledTo);
  // Every place drawn both before and after holds the same name (no row moved or changed), the
  // top row is the same (no jump), and none is drawn twice. The grid draws the rows its viewport
  // holds, and the count line that appears with the answer can make the viewport a row or two
  // shorter, so the two sets overlap in whichever is smaller rather than being equal.
  const after = shown();
  const placeOf = (line: string) => line.slice(0, line.indexOf(' '));
  const before = new Map(scrolled.map((line) => [placeOf(line), line]));
  const common = after.filter((line) => before.has(placeOf(line)));
  expect(common).toEqual(common.map((line) => before.get(placeOf(line))));
  expect(common.length).toBe(Math.min(after.length, scrolled.length));
  expect(after[0]).toBe(scrolled[0]);
  expect(new Set(after).size).toBe(after.length);
  const positions = after.map(placeOf);
  expect(new Set(positions).size).toBe(positions.length);
});
