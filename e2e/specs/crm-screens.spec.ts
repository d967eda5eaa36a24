// The customer helpers' screens, in light and dark: axe-core finds no violation and the
// screenshots in docs/screenshots/ are (re)written — the Views navigation with a saved view and a
// starred favourite, the favourite's star in the editor, rows selected with the selection bar,
// the "Edit selected" dialog, and the Export dialog offering the selection. (Their behaviour is
// tested in views.spec, bulk-edit.spec and export.spec; this run only shows them.)
import { expect, test } from '../fixtures/app-page';
import { CustomerList } from '../pages/customer-list';
import { Shell } from '../pages/shell';
import { connectRevnue } from '../support/connect';
import { revnueCustomers } from '../support/reference-server';
import { checkScreen } from '../support/screens';

test.use({ sandboxCustomers: 30 });

test('Views, favourites, selection, Edit selected and the Export dialog', async ({
  appPage: page,
  sandbox,
}) => {
  test.setTimeout(180_000);
  // The size of screens.spec's shots, so the README's pictures line up.
  await page.setViewportSize({ width: 1200, height: 760 });
  const count = (await revnueCustomers(sandbox)).length;
  await connectRevnue(page, sandbox, 'Sandbox – Revnue');
  const shell = new Shell(page);
  const list = new CustomerList(page);
  await list.expectShown(count);
  await expect(shell.syncStatus).toContainText('Last synced');
  const views = page.getByRole('navigation', { name: 'Views' });

  // A favourite: the first customer's star.
  await list.row(1).getByRole('button', { name: 'Add to favourites' }).click();
  await expect(list.row(1).getByRole('button', { name: 'Remove from favourites' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  // A saved view: the customers of one country.
  const country = (await list.cellTexts(1))[3]!;
  await list.search.fill(country);
  await expect.poll(() => list.shown()).toBeLessThan(count);
  await views.getByRole('button', { name: 'Save view' }).click();
  const save = page.getByRole('dialog', { name: 'Save view' });
  await save.getByRole('textbox', { name: 'Name' }).fill(`Customers in ${country}`);
  await save.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = views.getByRole('link', { name: `Customers in ${country}`, exact: true });
  await expect(saved).toHaveAttribute('aria-current', 'page');
  await checkScreen(page, 'views');

  // The favourite's star in its editor.
  await views.getByRole('link', { name: 'Favourites', exact: true }).click();
  await list.expectShown(1);
  await list.grid.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  // The row's star and the editor's: the editor's comes last.
  const stars = page.getByRole('button', { name: 'Remove from favourites' });
  await expect(stars).toHaveCount(2);
  const editorStar = stars.last();
  await expect(editorStar).toHaveAttribute('aria-pressed', 'true');
  await checkScreen(page, 'favourite');
  await page.getByRole('button', { name: 'Close', exact: true }).click();

  // Four customers selected: the selection bar, then "Edit selected".
  await views.getByRole('link', { name: 'All customers', exact: true }).click();
  await list.expectShown(count);
  await list.grid.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByText('4 selected', { exact: true })).toBeVisible();
  await checkScreen(page, 'selection');

  await page.getByRole('button', { name: 'Edit selected' }).click();
  const bulk = page.getByRole('dialog', { name: 'Edit selected' });
  await bulk.getByRole('combobox', { name: 'Field' }).selectOption({ label: 'Country' });
  await expect(bulk.getByRole('combobox', { name: 'New value' })).toBeVisible();
  await checkScreen(page, 'edit-selected');
  await bulk.getByRole('button', { name: 'Cancel' }).click();
  await expect(bulk).toBeHidden();

  // The Export dialog offers the view and the selection.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export customers' });
  await expect(exportDialog).toContainText('Selected customers (4 customers)');
  await checkScreen(page, 'export');
});
