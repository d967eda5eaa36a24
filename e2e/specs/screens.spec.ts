// Every screen a fresh profile reaches without the editor, in light and dark: axe-core finds no
// violation and the screenshots in docs/screenshots/ are (re)written. The editor and the conflict
// resolver are checked the same way in editor-sync.spec, where a real conflict opens it.
import { expect, test } from '../fixtures/app-page';
import { CustomerList } from '../pages/customer-list';
import { Settings } from '../pages/settings';
import { Shell } from '../pages/shell';
import { StartScreen } from '../pages/start-screen';
import { connectRevnue } from '../support/connect';
import { revnueCustomers } from '../support/reference-server';
import { checkScreen } from '../support/screens';

test.beforeEach(async ({ appPage: page }) => {
  await page.setViewportSize({ width: 1200, height: 760 });
});

test('the start screen of a fresh profile', async ({ appPage: page }) => {
  await expect(new StartScreen(page).tryTheSandbox).toBeEnabled();
  await checkScreen(page, 'start');
});

test('Customers, Changes, Settings and the delete warning', async ({ appPage: page, sandbox }) => {
  test.setTimeout(120_000);
  const customers = await revnueCustomers(sandbox);
  const count = customers.length;
  await connectRevnue(page, sandbox, 'Sandbox – Revnue');
  const shell = new Shell(page);
  const list = new CustomerList(page);
  await list.expectShown(count);
  await expect(shell.syncStatus).toContainText('Last synced');
  // The Country column shows the name Revnue answers with (the lookup), not the stored code.
  const [, firstName = '', , country = ''] = await list.cellTexts(1);
  expect(country).toBe(customers.find((c) => c.name === firstName)?.country);
  await checkScreen(page, 'customers');

  await shell.go('Changes');
  await expect(page.getByText('Every change is on the server.')).toBeVisible();
  await checkScreen(page, 'changes');

  await shell.go('Settings');
  const settings = new Settings(page);
  await expect(settings.authBadge('Sandbox – Revnue')).toHaveText('Signed in');
  await checkScreen(page, 'settings');

  await settings.addRevnue.click();
  await expect(page.getByRole('form', { name: 'New Revnue connection' })).toBeVisible();
  await checkScreen(page, 'settings-add-revnue');

  await settings.askDelete('Sandbox – Revnue');
  await checkScreen(page, 'delete-connection');
});
