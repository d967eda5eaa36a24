// Views, favourites and recently opened end to end (the app's page in Chromium, main's services in
// Node, the reference sandbox over real HTTP): a saved view survives a reload of the window, and a
// favourite outside R2's "Only customers I open" scope is downloaded complete — the editor shows
// its billing address offline, a part of the record only a by-ID fetch brings.
import { expect, test } from '../fixtures/app-page';
import type { Page } from '@playwright/test';
import { CustomerList } from '../pages/customer-list';
import { Editor } from '../pages/editor';
import { Shell } from '../pages/shell';
import { connectR2, connectRevnue } from '../support/connect';
import { setOnline } from '../support/offline';
import {
  patchR2Customer,
  r2CustomersNamed,
  r2ListedCount,
  revnueCustomers,
} from '../support/reference-server';

test.use({ sandboxCustomers: 30 });

const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });
const viewLink = (page: Page, name: string) => views(page).getByRole('link', { name, exact: true });
/** The company name in the first row (textContent: the star's glyph is CSS, not text). */
async function firstName(list: CustomerList): Promise<string> {
  return ((await list.row(1).getByRole('gridcell').nth(1).textContent()) ?? '').trim();
}

test('a saved view survives a reload of the window', async ({ appPage: page, sandbox }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await connectRevnue(page, sandbox, 'Views – Revnue');
  const list = new CustomerList(page);
  const count = (await revnueCustomers(sandbox)).length;
  await list.expectShown(count);

  const first = await firstName(list);
  const word = first.split(/\s+/)[0] ?? first;
  expect(word.length).toBeGreaterThan(2);
  await list.search.fill(word);
  await expect.poll(() => list.shown()).toBeLessThan(count);
  const narrowed = await list.shown();
  expect(narrowed).toBeGreaterThan(0);
  await views(page).getByRole('button', { name: 'Save view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save view' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Kept view');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(viewLink(page, 'Kept view')).toHaveAttribute('aria-current', 'page');

  await page.reload();
  await list.expectShown(count);
  await expect(viewLink(page, 'All customers')).toHaveAttribute('aria-current', 'page');
  await viewLink(page, 'Kept view').click();
  await expect(list.search).toHaveValue(word);
  await list.expectShown(narrowed);
  await expect(viewLink(page, 'Kept view')).toHaveAttribute('aria-current', 'page');
});

test('a favourite outside the R2 offline scope is downloaded complete', async ({
  appPage: page,
  sandbox,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await connectR2(page, sandbox, 'Views – R2');
  const shell = new Shell(page);
  const list = new CustomerList(page);
  const editor = new Editor(page);
  await list.expectShown(r2ListedCount(sandbox));
  await expect(shell.syncStatus).toContainText('Last synced', { timeout: 60_000 });

  // Keep only the customers opened here complete.
  await shell.go('Settings');
  await page.getByRole('radio', { name: 'Only customers I open' }).check();
  await page.getByRole('button', { name: 'Save offline choice' }).click();
  await expect(page.getByText('Fieldbook keeps only customers i open complete')).toBeVisible();
  await shell.go('Customers');

  // A colleague changes a customer on the server: the next pull brings only its summary, which
  // this scope leaves at that ("Not downloaded") because it was never opened here.
  const name = await firstName(list);
  const [listed] = await r2CustomersNamed(sandbox, name);
  const id = String(listed!.recordid);
  const renamed = `${name} Favourite`;
  await patchR2Customer(sandbox, id, {
    companyname: renamed,
    billingaddress: { city: 'Billingham' },
  });
  await shell.syncNow.click();
  await list.search.fill(renamed);
  await expect(list.row(1)).toContainText('Not downloaded', { timeout: 60_000 });
  await list.expectShown(1);

  // The star (not opening it) downloads it complete.
  const star = list.row(1).getByRole('button', { name: 'Add to favourites' });
  await star.click();
  await expect(list.row(1).getByRole('button', { name: 'Remove from favourites' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(list.row(1)).toContainText('Synced', { timeout: 60_000 });
  await viewLink(page, 'Favourites').click();
  await list.expectShown(1);

  // Offline, the editor has what only the complete record holds.
  await setOnline(page, false);
  await expect(shell.syncStatus).toContainText('Offline');
  await list.grid.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(editor.field('Company name')).toHaveValue(renamed);
  // The customer's own billing address comes before its contacts' (each has one too).
  await expect(editor.fieldIn('Billing address', 'City').first()).toHaveValue('Billingham');
  await expect(page.getByRole('button', { name: 'Remove from favourites' }).last()).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await viewLink(page, 'Recently opened').click();
  await list.expectShown(1);
  await setOnline(page, true);
});
