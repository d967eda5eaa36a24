// The customer grid drawing rows the worker sends, in real Chromium: they show at the next
// animation frame, and rows that arrive for a window the grid has scrolled away from by then are
// never written into the DOM (during a fling that was a window of text laid out per frame and
// never painted: docs/performance.md#customer-grid-flinging).
import { flushSync, mount, tick, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { revnueDescriptor } from '../../../src-shared/connectors';
import type { DisplayRow } from '../../lib/search/search-types';
import type { AppContext } from '../../lib/state/app-context';
import type { CustomerListState } from '../../lib/state/customer-list.svelte';
import { Navigation } from '../../lib/state/navigation.svelte';
import { ArrivingRows } from './test-support/arriving-rows.svelte';
import GridHost from './test-support/GridHost.svelte';

const COUNT = 10_000;
const ROW_HEIGHT = 36;
const cleanups: (() => Promise<void> | void)[] = [];
beforeEach(async () => {
  await page.viewport(1280, 800);
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const grid = () => document.querySelector<HTMLElement>('[role="grid"][aria-label="Customers"]')!;
const drawnDocs = () =>
  [...grid().querySelectorAll<HTMLElement>('[data-index]')].map((row) => Number(row.dataset.index));
const customer = (doc: number): DisplayRow => {
  const name = `Customer number ${doc}`;
  return { key: String(doc), name, badge: 'synced', cells: [name, 'Leeds', '', '', '', '', ''] };
};
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** The grid over COUNT docs whose rows arrive only when the test says. */
function gridWithArrivingRows() {
  const rows = new ArrivingRows();
  const list = {
    descriptor: revnueDescriptor,
    docs: Array.from({ length: COUNT }, (_, doc) => doc),
    get count() {
      return COUNT;
    },
    sort: { column: 'name', descending: false },
    rowAt: rows.rowAt,
  } as unknown as CustomerListState;
  const context = { navigation: new Navigation() } as unknown as AppContext;
  const target = document.body.appendChild(document.createElement('div'));
  const component = mount(GridHost, { target, props: { context, list, locale: 'en-GB' } });
  flushSync();
  cleanups.push(async () => {
    await unmount(component);
    target.remove();
  });
  /** Every drawn doc's row arrives. */
  const arriveDrawn = () => {
    const docs = drawnDocs();
    rows.arrive(docs.map(customer), docs);
    return docs;
  };
  return { arriveDrawn };
}

describe('customer grid rows drawn while scrolling', () => {
  test('a fling draws only the rows in view; a slower scroll draws four more on each side', async () => {
    gridWithArrivingRows();
    await expect.poll(() => drawnDocs().length).toBeGreaterThan(5);
    const rowsInView = () => Math.ceil(grid().clientHeight / ROW_HEIGHT) + 1;
    // The active row (0) stays drawn too, outside the window once scrolled away.
    const drawnBesidesActive = () => drawnDocs().filter((doc) => doc !== 0).length;

    grid().scrollTop = 2_000 * ROW_HEIGHT;
    await expect.poll(() => drawnDocs().includes(2_000)).toBe(true);
    expect(drawnBesidesActive()).toBe(rowsInView());

    grid().scrollTop += 2 * ROW_HEIGHT;
    await expect.poll(drawnBesidesActive).toBe(rowsInView() + 2 * 4);
    const first = Math.min(...drawnDocs().filter((doc) => doc !== 0));
    // Four rows above the first one under the header.
    expect(first).toBe(2_000 + 2 - 4 - 1);
  });
});

describe('customer grid rows from the worker', () => {
  test('rows that arrive show at the next frame, in place of "…"', async () => {
    const { arriveDrawn } = gridWithArrivingRows();
    await expect.poll(() => drawnDocs().length).toBeGreaterThan(5);
    expect(grid().textContent).not.toContain('Customer number');
    expect(grid().querySelector('[data-index="0"] .pending')?.textContent).toBe('…');

    const docs = arriveDrawn();
    await frame();
    await tick();
    for (const doc of docs) {
      expect(grid().querySelector(`[data-index="${doc}"]`)?.textContent).toContain(
        `Customer number ${doc}`,
      );
    }
  });

  test('rows that arrive for a window the grid scrolls away from before the next frame are never written', async () => {
    const { arriveDrawn } = gridWithArrivingRows();
    await expect.poll(() => drawnDocs().length).toBeGreaterThan(5);
    grid().scrollTop = 500 * ROW_HEIGHT;
    await expect.poll(() => drawnDocs().includes(500)).toBe(true);

    // The rows of this window arrive between two frames of a fling that has already moved on.
    const left = arriveDrawn();
    grid().scrollTop = 5_000 * ROW_HEIGHT;
    await tick();
    const shown = () => grid().textContent ?? '';
    expect(shown()).not.toContain('Customer number');
    await frame();
    await frame();
    expect(drawnDocs()).toContain(5_000);
    for (const doc of left.filter((doc) => !drawnDocs().includes(doc))) {
      expect(shown()).not.toContain(`Customer number ${doc}`);
    }
  });
});
