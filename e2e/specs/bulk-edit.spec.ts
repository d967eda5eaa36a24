// "Edit selected" end to end against the reference sandbox over real HTTP: 20 customers selected
// with the keyboard (Home, then Shift+Down), one field set for all of them offline (nothing
// reaches the server, 20 changes wait), then online: every change syncs and the server holds the
// new value on all 20.
import { expect, test } from '../fixtures/app-page';
import { CustomerList } from '../pages/customer-list';
import { Shell } from '../pages/shell';
import { connectRevnue } from '../support/connect';
import { customerWrites, setOnline } from '../support/offline';
import { revnueCustomers } from '../support/reference-server';

test('20 customers edited together offline are all on the server once online', async ({
  appPage: page,
  sandbox,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const count = (await revnueCustomers(sandbox)).length;
  expect(count).toBeGreaterThan(20);
  await connectRevnue(page, sandbox, 'Bulk – Revnue');
  const shell = new Shell(page);
  const list = new CustomerList(page);
  await list.expectShown(count);
  await expect(shell.syncStatus).toContainText('Last synced');

  await setOnline(page, false);
  await expect(shell.syncStatus).toContainText('Offline');
  const writesBefore = customerWrites(sandbox);

  // The first 20 rows, by keyboard: Home selects the first, Shift+Down extends the range.
  await list.grid.focus();
  await page.keyboard.press('Home');
  const selected: { name: string; country: string }[] = [];
  for (let index = 1; index <= 20; index += 1) {
    const [, name = '', , country = ''] = await list.cellTexts(index);
    selected.push({ name, country });
    if (index < 20) await page.keyboard.press('Shift+ArrowDown');
  }
  await expect(page.getByText('20 selected', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Edit selected' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit selected' });
  await dialog.getByRole('combobox', { name: 'Field' }).selectOption({ label: 'Country' });
  const values = dialog.getByRole('combobox', { name: 'New value' });
  // A country none of the 20 has yet, so each of them queues a change.
  const labels = (await values.locator('option').allInnerTexts()).slice(1);
  const country = labels.find((label) => selected.every((c) => c.country !== label))!;
  await values.selectOption({ label: country });
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog).toContainText(`Set Country to ${country} for 20 customers?`);
  await dialog.getByRole('button', { name: 'Set for 20 customers' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status', { name: 'Edit selected' })).toContainText(
    `Country set to ${country} for 20 customers.`,
  );
  await shell.expectWaiting(20);
  expect(customerWrites(sandbox)).toBe(writesBefore);

  await setOnline(page, true);
  // 20 updates (a read and a PUT each) at the sandbox's Revnue pace take over a minute.
  await expect(shell.syncStatus).toContainText('No changes waiting', { timeout: 150_000 });
  const onServer = await revnueCustomers(sandbox);
  for (const { name } of selected) {
    const customer = onServer.find((c) => c.name === name);
    expect(customer, name).toBeDefined();
    expect(String(customer!.country), name).toBe(country);
  }
});
