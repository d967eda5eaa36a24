// A keyboard-only walk through the app: Tab reaches the screen links with a visible focus ring,
// Enter follows them, Ctrl+F finds the search, arrows and Enter work the grid, Esc closes dialogs
// and gives focus back to the button that opened them. No mouse click anywhere in this file.
import { expect, test } from '../fixtures/app-page';
import type { Locator, Page } from '@playwright/test';
import { CustomerList } from '../pages/customer-list';
import { Shell } from '../pages/shell';
import { connectRevnue } from '../support/connect';
import { revnueCustomers } from '../support/reference-server';

/** Presses Tab until `target` has focus (at most `limit` times): the walk a keyboard user does. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** The focus ring the user sees: a real outline or box-shadow while :focus-visible matches. */
async function focusRing(target: Locator) {
  return target.evaluate((el) => {
    const style = el.ownerDocument.defaultView!.getComputedStyle(el);
    return {
      focusVisible: el.matches(':focus-visible'),
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      shadow: style.boxShadow !== 'none',
    };
  });
}

test('keyboard only: links, search, grid and dialogs', async ({ appPage: page, sandbox }) => {
  test.setTimeout(120_000);
  const count = (await revnueCustomers(sandbox)).length;
  await connectRevnue(page, sandbox, 'Keys – Revnue');
  const shell = new Shell(page);
  const list = new CustomerList(page);
  await list.expectShown(count);

  // Tab from the top of the page to each screen link; the ring shows; Enter follows the link.
  await page.locator('body').focus();
  for (const name of ['Changes', 'Settings', 'Customers'] as const) {
    await tabTo(page, shell.link(name));
    const ring = await focusRing(shell.link(name));
    expect(ring.focusVisible, `${name} matches :focus-visible`).toBe(true);
    expect(ring.outline || ring.shadow, `${name} shows a focus ring`).toBe(true);
    await page.keyboard.press('Enter');
    await expect(shell.link(name)).toHaveAttribute('aria-current', 'page');
  }

  // Ctrl+F from anywhere on the Customers screen; typing filters; Tab on into the grid.
  await page.keyboard.press('Control+f');
  await expect(list.search).toBeFocused();
  await page.keyboard.type('zzqx nothing');
  await list.expectShown(0);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await list.expectShown(count);
  await tabTo(page, list.grid);
  expect((await focusRing(list.grid)).focusVisible).toBe(true);
  await page.keyboard.press('ArrowDown');
  expect(await list.activeIndex()).toBe(2);
  await page.keyboard.press('PageDown');
  expect(await list.activeIndex()).toBeGreaterThan(4);
  await page.keyboard.press('Home');
  expect(await list.activeIndex()).toBe(1);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Customer', { exact: true })).toBeVisible();

  // A dialog: "Delete connection" from Settings; Esc closes it, nothing is deleted, and focus
  // goes back to the button that opened it.
  // From the open editor Tab walks its every field, the status bar, then wraps to the links.
  await tabTo(page, shell.link('Settings'), 80);
  await page.keyboard.press('Enter');
  const remove = page.getByRole('button', { name: 'Delete connection' });
  await tabTo(page, remove, 80);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Delete connection' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Delete connection' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Keys – Revnue' })).toBeVisible();
});
