// Views, favourites and recently opened on the real Customers screen in Chromium (real IndexedDB,
// the real search worker): the "Views" navigation and its links (click and keyboard, aria-current),
// Save view with its name checks, Rename and Delete (confirmed), the star in a row and in the
// editor, and the Recently opened order. axe finds nothing, dialogs open or closed.
import axe from 'axe-core';
import { afterEach, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { renderCustomers } from '../customers/test-support/customers-world';

let world: Awaited<ReturnType<typeof renderCustomers>> | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

// The machine these run on is shared: give the worker's answers time.
const slow = { timeout: 15_000 };
const nav = () => document.querySelector<HTMLElement>('[role="navigation"][aria-label="Views"]')!;
const link = (name: string) =>
  [...nav().querySelectorAll<HTMLAnchorElement>('a')].find((a) => a.textContent === name);
const current = () => nav().querySelector('a[aria-current="page"]')?.textContent ?? null;
const button = (name: string, within: ParentNode = document) =>
  [...within.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
  );
const dialog = () => document.querySelector<HTMLDialogElement>('dialog[open]');
const grid = () => document.querySelector<HTMLElement>('[role="grid"][aria-label="Customers"]')!;
const rowCount = () => Number(grid().getAttribute('aria-rowcount')) - 1;
const rows = () => [
  ...grid().querySelectorAll<HTMLElement>('[role="row"]:not(:has([role="columnheader"]))'),
];
const rowName = (row: HTMLElement) => row.querySelectorAll('[role="gridcell"]')[1]?.textContent;
const searchbox = () =>
  document.querySelector<HTMLInputElement>('input[aria-label="Search customers"]')!;

async function noAxeViolations() {
  const results = await axe.run(document.body);
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
  ).toEqual([]);
}

async function render(customers: number) {
  world = await renderCustomers({ customers });
  await expect.poll(rowCount, slow).toBe(customers);
  await expect.poll(() => rows()[0]?.querySelector('.badge'), slow).toBeTruthy();
  return world;
}

async function nameTheView(name: string) {
  const input = dialog()!.querySelector<HTMLInputElement>('input')!;
  await userEvent.clear(input);
  if (name) await userEvent.type(input, name);
  await userEvent.click(button('Save', dialog()!)!);
}

describe('the Views navigation', () => {
  test('lists the built-in views as links, All customers current', async () => {
    await render(40);
    expect(nav()).toBeTruthy();
    const names = [...nav().querySelectorAll('a')].map((a) => a.textContent);
    expect(names).toEqual(['All customers', 'Favourites', 'Recently opened']);
    expect(current()).toBe('All customers');
    expect(button('Save view', nav())).toBeTruthy();
    await noAxeViolations();
  });

  test('Save view keeps the search under a name; empty and duplicate names say why', async () => {
    await render(40);
    await userEvent.type(searchbox(), 'kran');
    await expect.poll(rowCount, slow).toBeLessThan(40);
    const narrowed = rowCount();

    await userEvent.click(button('Save view', nav())!);
    expect(dialog()?.querySelector('h2')?.textContent).toBe('Save view');
    await nameTheView('');
    await expect
      .poll(() => dialog()?.querySelector('[role="alert"]')?.textContent)
      .toBe('Give the view a name.');
    expect(dialog()!.querySelector('input')!.getAttribute('aria-invalid')).toBe('true');
    await noAxeViolations();
    await nameTheView('Cranes');
    await expect.poll(() => link('Cranes')).toBeTruthy();
    // The new link comes from the stored views (a live read) and the dialog closes when the save
    // answers: two updates whose order a loaded machine can swap, so the closing is waited for.
    await expect.poll(dialog).toBeNull();
    expect(current()).toBe('Cranes');

    await userEvent.click(button('Save view', nav())!);
    await nameTheView('cranes');
    await expect
      .poll(() => dialog()?.querySelector('[role="alert"]')?.textContent)
      .toBe('There is already a view named “cranes”. Choose another name.');
    await userEvent.click(button('Cancel', dialog()!)!);

    // All customers shows everyone again; the saved view brings its search back (keyboard).
    await userEvent.click(link('All customers')!);
    await expect.poll(rowCount, slow).toBe(40);
    expect(searchbox().value).toBe('');
    expect(current()).toBe('All customers');
    link('Cranes')!.focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(rowCount, slow).toBe(narrowed);
    expect(searchbox().value).toBe('kran');
    expect(current()).toBe('Cranes');
    await noAxeViolations();
  });

  test('a saved view is renamed and deleted (after asking)', async () => {
    await render(20);
    await userEvent.click(button('Save view', nav())!);
    await nameTheView('North');
    await expect.poll(() => link('North')).toBeTruthy();

    await userEvent.click(button('Rename view North')!);
    expect(dialog()!.querySelector('input')!.value).toBe('North');
    await userEvent.clear(dialog()!.querySelector('input')!);
    await userEvent.type(dialog()!.querySelector('input')!, 'Favourites');
    await userEvent.click(button('Rename', dialog()!)!);
    await expect
      .poll(() => dialog()?.querySelector('[role="alert"]')?.textContent)
      .toMatch(/built-in view/);
    await userEvent.clear(dialog()!.querySelector('input')!);
    await userEvent.type(dialog()!.querySelector('input')!, 'North-east');
    await userEvent.click(button('Rename', dialog()!)!);
    await expect.poll(() => link('North-east')).toBeTruthy();
    expect(link('North')).toBeUndefined();

    await userEvent.click(button('Delete view North-east')!);
    expect(dialog()?.textContent).toContain('“North-east” will be deleted');
    await noAxeViolations();
    await userEvent.click(button('Cancel', dialog()!)!);
    expect(link('North-east')).toBeTruthy();
    await userEvent.click(button('Delete view North-east')!);
    await userEvent.click(button('Delete', dialog()!)!);
    await expect.poll(() => link('North-east')).toBeUndefined();
    // The list of views and the view in use are two updates; a loaded machine can order them
    // either way, so the current view is waited for too.
    await expect.poll(current).toBe('All customers');
  });
});

describe('favourites and recently opened', () => {
  test('the star in a row: pressed, does not open the row, and fills Favourites', async () => {
    const { navigation, fetched } = await render(30);
    const star = () =>
      button('Add to favourites', rows()[2]!) ?? button('Remove from favourites', rows()[2]!);
    const name = rowName(rows()[2]!);
    expect(star()!.getAttribute('aria-pressed')).toBe('false');
    expect(star()!.tabIndex).toBe(-1);
    await userEvent.click(star()!);
    await expect.poll(() => star()!.getAttribute('aria-pressed')).toBe('true');
    expect(star()!.getAttribute('aria-label')).toBe('Remove from favourites');
    expect(navigation.openCustomer).toBeNull();
    // The full download is asked for once the favourite is stored, which can be after the star
    // shows it pressed.
    await expect.poll(() => fetched.length).toBe(1);
    await noAxeViolations();

    await userEvent.click(link('Favourites')!);
    await expect.poll(rowCount, slow).toBe(1);
    expect(rowName(rows()[0]!)).toBe(name);
    expect(current()).toBe('Favourites');
    // Removing it there empties the view at once.
    await userEvent.click(button('Remove from favourites', rows()[0]!)!);
    await expect.poll(rowCount, slow).toBe(0);
  });

  test('the star in the editor, and Recently opened lists the opened, most recent first', async () => {
    const { navigation } = await render(30);
    const names = rows()
      .slice(0, 3)
      .map((row) => rowName(row));
    for (const [index, name] of names.entries()) {
      // The name's cell: there whatever columns give way beside the editor (the sync cell before
      // it also holds the row's selection checkbox, which selects without opening).
      await userEvent.click(rows()[index]!.querySelectorAll<HTMLElement>('[role="gridcell"]')[1]!);
      await expect
        .poll(() => document.querySelector('#customer-editor-heading')?.textContent, slow)
        .toBe(name);
    }
    const editorStar = () =>
      button('Add to favourites', document.querySelector('.editor')!) ??
      button('Remove from favourites', document.querySelector('.editor')!);
    await expect.poll(() => editorStar()?.getAttribute('aria-pressed'), slow).toBe('false');
    await userEvent.click(editorStar()!);
    await expect.poll(() => editorStar()?.textContent).toBe('Remove from favourites');
    expect(editorStar()!.getAttribute('aria-pressed')).toBe('true');
    // The row of the customer open in the editor shows the same star pressed.
    await expect
      .poll(() => rows()[2]!.querySelector('button.star')?.getAttribute('aria-pressed'))
      .toBe('true');
    await noAxeViolations();

    navigation.close();
    await userEvent.click(link('Recently opened')!);
    await expect.poll(rowCount, slow).toBe(3);
    expect(rows().map(rowName)).toEqual([...names].reverse());
    // The sort does not apply to the recent list's own order.
    const sortBy = [...document.querySelectorAll('label')]
      .find((label) => label.textContent?.includes('Sort by'))!
      .querySelector('select')!;
    expect(sortBy.disabled).toBe(true);
  });
});
