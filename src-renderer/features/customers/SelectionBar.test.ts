// Selecting customers and "Edit selected" on the real Customers screen in Chromium (real store on
// IndexedDB, real search worker): the checkbox, Ctrl/Shift+click, Space, Ctrl+A over the whole
// view, Escape, the live count, the dialog with its one confirmation, the run queueing one update
// per customer, its outcome in the status bar, and axe.
import axe from 'axe-core';
import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { connection, renderCustomers } from './test-support/customers-world';
import StatusBarHost from './test-support/StatusBarHost.svelte';

let world: Awaited<ReturnType<typeof renderCustomers>> | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

const grid = () => document.querySelector<HTMLElement>('[role="grid"][aria-label="Customers"]')!;
const dataRows = () => [
  ...grid().querySelectorAll<HTMLElement>('[role="row"]:not(:has([role="columnheader"]))'),
];
const selectedCount = () => document.querySelector('.selected')?.textContent?.trim() ?? '';
const rowAt = (index: number) => document.getElementById(`customer-row-${index}`)!;
const nameOf = (row: HTMLElement) => row.querySelectorAll('[role="gridcell"]')[1]!.textContent!;

/** A click with modifier keys held, as the browser delivers it to the grid. */
function clickWith(target: Element, keys: { shiftKey?: boolean; ctrlKey?: boolean }) {
  target.dispatchEvent(new MouseEvent('click', { bubbles: true, ...keys }));
  flushSync();
}

async function noAxeViolations() {
  const results = await axe.run(world!.target);
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
}

async function render(customers: number) {
  world = await renderCustomers({ customers });
  // The worker's first answer may take a while on a loaded machine.
  const slow = { timeout: 20_000 };
  await expect.poll(() => Number(grid().getAttribute('aria-rowcount')), slow).toBe(customers + 1);
  await expect.poll(() => dataRows()[0]?.querySelector('.badge'), slow).toBeTruthy();
  return world;
}

// The first test also waits for the worker's cold start.
describe('selecting customers', { timeout: 60_000 }, () => {
  test('checkbox, Ctrl+click and Shift+click select; a plain click opens and selects one', async () => {
    // The app's own window size: at the runner's default (414 pixels, narrower than the app's
    // minimum window) only the badge and the name column show, and this test clicks a third cell.
    await page.viewport(1280, 800);
    const { navigation } = await render(200);
    expect(grid().getAttribute('aria-multiselectable')).toBe('true');
    const third = nameOf(rowAt(2));
    await userEvent.click(page.getByRole('checkbox', { name: `Select ${third}` }));
    await expect.poll(selectedCount).toBe('1 selected');
    expect(rowAt(2).getAttribute('aria-selected')).toBe('true');
    // The checkbox selects without opening the customer.
    expect(navigation.openCustomer).toBeNull();
    clickWith(rowAt(6).querySelectorAll('[role="gridcell"]')[2]!, { shiftKey: true });
    await expect.poll(selectedCount).toBe('5 selected');
    expect(dataRows().filter((r) => r.getAttribute('aria-selected') === 'true')).toHaveLength(5);
    clickWith(rowAt(4), { ctrlKey: true });
    await expect.poll(selectedCount).toBe('4 selected');
    expect(rowAt(4).getAttribute('aria-selected')).toBe('false');
    expect(navigation.openCustomer).toBeNull();
    // A plain click opens the customer, as before, and it alone is selected. (A row that needs no
    // scrolling, clicked on its last cell: scrolled into view, a row sits under the sticky header.)
    const cells = rowAt(1).querySelectorAll<HTMLElement>('[role="gridcell"]');
    await userEvent.click(cells[cells.length - 1]!);
    expect(navigation.openCustomer?.kind).toBe('existing');
    await expect.poll(selectedCount).toBe('1 selected');
    await noAxeViolations();
  });

  test('Ctrl+A selects the whole view, Space toggles the active row, Escape clears', async () => {
    await render(3_000);
    grid().focus();
    await userEvent.keyboard('{Control>}a{/Control}');
    await expect.poll(selectedCount).toBe('3,000 selected');
    // Still only a screenful of rows in the DOM.
    expect(dataRows().length).toBeLessThan(100);
    expect(page.getByRole('checkbox', { name: 'Select all customers' }).element().ariaChecked).toBe(
      'true',
    );
    await userEvent.keyboard('{Control>}{ArrowDown}{/Control} ');
    await expect.poll(selectedCount).toBe('2,999 selected');
    expect(rowAt(1).getAttribute('aria-selected')).toBe('false');
    expect(page.getByRole('checkbox', { name: 'Select all customers' }).element().ariaChecked).toBe(
      'mixed',
    );
    await userEvent.keyboard('{Escape}');
    await expect.poll(selectedCount).toBe('');
    expect(dataRows().some((r) => r.getAttribute('aria-selected') === 'true')).toBe(false);
    // A new search starts a new selection.
    await userEvent.keyboard('{Control>}a{/Control}');
    await expect.poll(selectedCount).toBe('3,000 selected');
    await userEvent.type(page.getByRole('searchbox', { name: 'Search customers' }), 'gmbh');
    await expect.poll(selectedCount).toBe('');
  });
});

describe('Edit selected', { timeout: 60_000 }, () => {
  test('one field for all: the dialog, one confirmation naming the count, one update each', async () => {
    const { store, context } = await render(60);
    // The status bar too, where the run's outcome shows.
    const bar = document.body.appendChild(document.createElement('div'));
    const statusBar = mount(StatusBarHost, { target: bar, props: { context } });
    flushSync();
    const edit = page.getByRole('button', { name: 'Edit selected' });
    expect(edit.element().hasAttribute('disabled')).toBe(true);
    grid().focus();
    await userEvent.keyboard('{Home}{Shift>}{ArrowDown}{ArrowDown}{ArrowDown}{/Shift}');
    await expect.poll(selectedCount).toBe('4 selected');
    const names = [0, 1, 2, 3].map((i) => nameOf(rowAt(i)));
    await userEvent.click(edit);
    const dialog = page.getByRole('dialog', { name: 'Edit selected' });
    await expect.element(dialog).toBeVisible();
    await userEvent.selectOptions(dialog.getByRole('combobox', { name: 'Field' }), 'category');
    await userEvent.selectOptions(dialog.getByRole('combobox', { name: 'New value' }), '4');
    await noAxeViolations();
    await userEvent.click(dialog.getByRole('button', { name: 'Continue' }));
    await expect
      .element(dialog.getByText('Set Category to Dormant for 4 customers?'))
      .toBeVisible();
    await userEvent.click(dialog.getByRole('button', { name: 'Set for 4 customers' }));
    await expect.element(dialog).not.toBeInTheDocument();
    const outcome = page.getByRole('status', { name: 'Edit selected' });
    await expect.element(outcome).toHaveTextContent('Category set to Dormant for');
    // One update of the category per customer that was not Dormant already; none for the rest.
    const outbox = await store.listOutbox(connection.id);
    expect(outbox.length).toBeGreaterThan(0);
    expect(outbox.every((entry) => entry.kind === 'update' && entry.changed.length === 1)).toBe(
      true,
    );
    expect(outbox.map((entry) => entry.kind === 'update' && entry.changed[0]?.path)).toEqual(
      outbox.map(() => 'category'),
    );
    const rows = await Promise.all(
      outbox.map((entry) => store.getCustomer<{ name: string }>(connection.id, entry.recordKey)),
    );
    for (const row of rows) expect(names).toContain(row!.record.name);
    expect(rows.every((row) => (row!.record as { category?: number }).category === 4)).toBe(true);
    await noAxeViolations();
    await unmount(statusBar);
    bar.remove();
  });
});
