// The duplicate warning end to end, against the reference sandbox over real HTTP: offline, a new
// customer typed like an existing one shows "Possible duplicates"; "Open existing" shows the
// match, "Back to your draft" brings the draft back intact; saving anyway works, and once online
// the server holds the new customer exactly once. The region is checked with axe and photographed.
import { expect, test } from '../fixtures/app-page';
import { CustomerList } from '../pages/customer-list';
import { Editor } from '../pages/editor';
import { Shell } from '../pages/shell';
import { connectRevnue } from '../support/connect';
import { setOnline } from '../support/offline';
import { revnueCustomers } from '../support/reference-server';
import { checkScreen } from '../support/screens';

test('a near-duplicate typed offline is warned about, the draft survives "Open existing", and saving anyway syncs it once', async ({
  appPage: page,
  sandbox,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const customers = await revnueCustomers(sandbox);
  // The last such customer: other specs in this worker share the sandbox and open the first ones
  // by name, which must stay unique after this spec saved its near-duplicate.
  const existing = customers.filter((c) => c.name.trim().length > 3).at(-1)!;
  await connectRevnue(page, sandbox, 'Duplicates – Revnue');
  const shell = new Shell(page);
  const list = new CustomerList(page);
  const editor = new Editor(page);
  await list.expectShown(customers.length);
  await expect(shell.syncStatus).toContainText('Last synced');

  await setOnline(page, false);
  await expect(shell.syncStatus).toContainText('Offline');
  // Another spelling of the same company: capitals, doubled spaces and a legal form.
  const typed = `${existing.name.toUpperCase().replace(/ /g, '  ')} Ltd.`.slice(0, 50);
  await list.newCustomer.click();
  await editor.fill({ Name: typed, City: 'Duplicate City' });

  const region = page.getByRole('region', { name: 'Possible duplicates' });
  const candidate = region.getByRole('listitem').filter({ hasText: existing.name });
  await expect(candidate).toContainText('Same name');
  await checkScreen(page, 'duplicates');

  await candidate.getByRole('button', { name: 'Open existing' }).click();
  await expect(editor.field('Name')).toHaveValue(existing.name);
  await page.getByRole('button', { name: 'Back to your draft' }).click();
  await expect(editor.field('Name')).toHaveValue(typed);
  await expect(editor.field('City')).toHaveValue('Duplicate City');

  // A warning, not a block: it saves.
  await editor.saveWithKeys();
  await expect(editor.status).toContainText('when Fieldbook is online');
  await shell.expectWaiting(1);

  await setOnline(page, true);
  await shell.expectWaiting(0);
  const onServer = (await revnueCustomers(sandbox)).filter((c) => c.name === typed.trim());
  expect(onServer).toHaveLength(1);
  expect(onServer[0]).toMatchObject({ city: 'Duplicate City' });
  expect((await revnueCustomers(sandbox)).filter((c) => c.name === existing.name)).toHaveLength(1);
});
