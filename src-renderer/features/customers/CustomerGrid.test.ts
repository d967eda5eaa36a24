// The customer grid in real Chromium: column headers that belong to the grid (sticky, aria-sort),
// the name kept readable beside an open editor at a 1,280-pixel window (other columns give way,
// the badge becomes an icon named by its words, a cut text shows whole on hover), and dates in
// the regional format given. axe finds nothing in any of them.
import axe from 'axe-core';
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { r2Descriptor, revnueDescriptor } from '../../../src-shared/connectors';
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import type { DisplayRow } from '../../lib/search/search-types';
import type { AppContext } from '../../lib/state/app-context';
import type { CustomerListState } from '../../lib/state/customer-list.svelte';
import { Navigation } from '../../lib/state/navigation.svelte';
import { renderCustomers } from './test-support/customers-world';
import GridHost from './test-support/GridHost.svelte';

const cleanups: (() => Promise<void> | void)[] = [];
beforeEach(async () => {
  await page.viewport(1280, 800);
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const grid = () => document.querySelector<HTMLElement>('[role="grid"][aria-label="Customers"]')!;
const headerRow = () =>
  grid().querySelector<HTMLElement>('[role="row"]:has([role="columnheader"])')!;
const headers = () => [...headerRow().querySelectorAll<HTMLElement>('[role="columnheader"]')];
const dataRows = () => [
  ...grid().querySelectorAll<HTMLElement>('[role="row"]:not(:has([role="columnheader"]))'),
];
const cells = (row: HTMLElement) => [...row.querySelectorAll<HTMLElement>('[role="gridcell"]')];
const select = (label: string) =>
  [...document.querySelectorAll('label')]
    .find((l) => l.textContent?.includes(label))!
    .querySelector('select')!;

async function noAxeViolations(target: Element) {
  const results = await axe.run(target);
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
}

async function screen(customers: number) {
  const world = await renderCustomers({ customers });
  cleanups.push(() => world.dispose());
  await expect.poll(() => Number(grid().getAttribute('aria-rowcount'))).toBe(customers + 1);
  await expect.poll(() => dataRows()[0]?.querySelector('.badge')).toBeTruthy();
  return world;
}

/** The grid alone over `rows`, shown in `locale`. */
function gridOf<T>(descriptor: ConnectorDescriptor<T>, rows: DisplayRow[], locale: string) {
  const list = {
    descriptor,
    docs: rows.map((_, doc) => doc),
    get count() {
      return rows.length;
    },
    sort: { column: 'name', descending: false },
    rowAt: (doc: number) => rows[doc],
  } as unknown as CustomerListState;
  const context = { navigation: new Navigation() } as unknown as AppContext;
  const target = document.body.appendChild(document.createElement('div'));
  const component = mount(GridHost, { target, props: { context, list, locale } });
  flushSync();
  cleanups.push(async () => {
    await unmount(component);
    target.remove();
  });
  return target;
}

describe('customer grid', () => {
  test('its first row is the header row: columnheaders, aria-sort on the sorted one, sticky', async () => {
    const world = await screen(400);
    expect(headerRow().getAttribute('aria-rowindex')).toBe('1');
    expect(headers().map((h) => h.textContent?.trim())).toEqual(
      ['Sync', ...revnueDescriptor.listColumns.map((c) => c.label)].slice(0, headers().length),
    );
    const sorted = () =>
      headers()
        .filter((h) => h.hasAttribute('aria-sort'))
        .map((h) => `${h.textContent?.trim()} ${h.getAttribute('aria-sort')}`);
    expect(sorted()).toEqual(['Name ascending']);
    await userEvent.selectOptions(select('Sort by'), 'city');
    await userEvent.click(page.getByRole('button', { name: 'Ascending' }));
    await expect.poll(sorted).toEqual(['City descending']);

    // Scrolled far down, the header row still sits at the top of the grid, over the rows.
    grid().scrollTop = 5_000;
    const deepest = () =>
      Math.max(...dataRows().map((r) => Number(r.getAttribute('aria-rowindex'))));
    await expect.poll(deepest).toBeGreaterThan(100);
    // The active row stays in the DOM (aria-activedescendant points at it) though scrolled away.
    expect(document.getElementById(grid().getAttribute('aria-activedescendant')!)).not.toBeNull();
    const top = grid().getBoundingClientRect().top;
    expect(Math.round(headerRow().getBoundingClientRect().top)).toBe(Math.round(top));
    const atHeader = document.elementFromPoint(
      headers()[1]!.getBoundingClientRect().left + 4,
      headers()[1]!.getBoundingClientRect().top + 4,
    );
    expect(atHeader?.closest('[role="columnheader"]')).toBe(headers()[1]);
    await noAxeViolations(world.target);
  });

  test('beside the open editor at 1,280 pixels the name keeps 24 characters; the rest gives way', async () => {
    const world = await screen(300);
    const wide = dataRows()[0]!;
    expect(cells(wide)).toHaveLength(1 + revnueDescriptor.listColumns.length);
    const columnsWide = headers().length;

    world.navigation.open('5');
    await expect.poll(() => document.querySelector('form')).toBeTruthy();
    await expect.poll(() => headers().length).toBeLessThan(columnsWide);
    // 24 zeros in the cells' font: what "24 characters" measures.
    const probe = grid().appendChild(document.createElement('span'));
    probe.style.position = 'absolute';
    probe.textContent = '0'.repeat(24);
    const twentyFour = probe.getBoundingClientRect().width;
    probe.remove();
    for (const row of dataRows()) {
      const name = cells(row)[1]!;
      expect(name.clientWidth).toBeGreaterThanOrEqual(Math.floor(twentyFour));
      // Every row has a cell per header, no more.
      expect(cells(row)).toHaveLength(headers().length);
    }
    expect(grid().getAttribute('aria-colcount')).toBe(String(headers().length));

    // The badge is an icon; its words are still its text for screen readers, and on hover.
    const badgeCell = cells(dataRows()[0]!)[0]!;
    expect(badgeCell.textContent?.trim()).toBe('Synced');
    const text = badgeCell.querySelector('.badge-text')!.getBoundingClientRect();
    expect(text.width).toBeLessThanOrEqual(1);
    await userEvent.hover(badgeCell);
    await expect.poll(() => badgeCell.title).toBe('Synced');
    await noAxeViolations(world.target);
  });

  test("at the window's minimum width (800 pixels), alone and beside the editor, the selection box, the badge and the name never overlap", async () => {
    // src-main/platform/window-state-tracking.ts: windowLimits.minWidth.
    await page.viewport(800, 560);
    const world = await screen(60);
    const overlaps = () => {
      const found: string[] = [];
      const rows = [headerRow(), ...dataRows()];
      for (const row of rows) {
        const [badgeCell, name] = cells(row).length > 0 ? cells(row) : headers();
        const cell = badgeCell!.getBoundingClientRect();
        const box = badgeCell!.querySelector('.select-box')!.getBoundingClientRect();
        const inCell = (r: DOMRect) => r.left >= cell.left - 0.5 && r.right <= cell.right + 0.5;
        const label = row.getAttribute('aria-rowindex');
        if (!inCell(box)) found.push(`row ${label}: the selection box leaves its cell`);
        const badge = badgeCell!.querySelector('.badge');
        if (badge) {
          const drawn = badge.getBoundingClientRect();
          if (!inCell(drawn)) found.push(`row ${label}: the badge leaves its cell`);
          if (drawn.left < box.right) found.push(`row ${label}: the badge is under the box`);
        }
        if (name!.getBoundingClientRect().left < cell.right) {
          found.push(`row ${label}: the name cell starts inside the badge cell`);
        }
      }
      return found;
    };
    await expect.poll(() => dataRows().length).toBeGreaterThan(5);
    expect(overlaps()).toEqual([]);

    world.navigation.open('5');
    await expect.poll(() => document.querySelector('form')).toBeTruthy();
    // Beside the editor the badge gives way to its icon: still clear of the box.
    await expect.poll(() => grid().classList.contains('badge-icons')).toBe(true);
    expect(overlaps()).toEqual([]);
    await noAxeViolations(world.target);
  });

  test('a cell cut short shows its whole text on hover', async () => {
    const long = 'Beacon Agricultural Machinery Cooperative of the Northern Uplands';
    const target = gridOf(
      revnueDescriptor,
      [{ key: '1', name: long, badge: 'synced', cells: [long, 'Leeds', '', '', '', '', ''] }],
      'en-GB',
    );
    target.style.width = '640px';
    const row = await expect
      .poll(() => dataRows()[0])
      .toBeTruthy()
      .then(() => dataRows()[0]!);
    const name = cells(row)[1]!;
    await expect.poll(() => name.scrollWidth > name.clientWidth).toBe(true);
    expect(name.textContent).toBe(long);
    await userEvent.hover(name);
    await expect.poll(() => name.title).toBe(long);
    // A city that fits gets no title.
    await userEvent.hover(cells(row)[2]!);
    expect(cells(row)[2]!.title).toBe('');
  });

  test('R2 date-times show in the regional format given', async () => {
    const updated = r2Descriptor.listColumns.findIndex((column) => column.id === 'updated');
    const row = (iso: string): DisplayRow => {
      const texts = r2Descriptor.listColumns.map(() => '');
      texts[0] = 'Acme Rentals';
      texts[updated] = iso;
      return { key: 'a', name: 'Acme Rentals', badge: 'synced', cells: texts };
    };
    const shown = async (locale: string) => {
      const target = gridOf(r2Descriptor, [row('2026-09-27T04:05')], locale);
      await expect.poll(() => dataRows().length).toBe(1);
      const header = headers().findIndex((h) => h.textContent?.trim() === 'Updated');
      expect(header).toBeGreaterThan(0);
      const text = cells(dataRows()[0]!)[header]!.textContent;
      await noAxeViolations(target);
      await cleanups.pop()!();
      return text;
    };
    expect(await shown('de-DE')).toBe('27.09.2026 04:05');
    expect(await shown('en-US')).toBe('09/27/2026 04:05');
    expect(await shown('en-GB')).toBe('27/09/2026 04:05');
  });
});
