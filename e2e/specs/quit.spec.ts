// Quitting with a change waiting, through the harness against the reference sandbox over real
// HTTP: main's quit request (the harness's stand-in for the close button) opens the quit dialog;
// Cancel keeps the app; "Sync now and quit", once online, sends the change and then quits — and
// the server holds it. Nothing waiting: the quit goes through at once, no dialog.
import { expect, test } from '../fixtures/app-page';
import { CustomerList } from '../pages/customer-list';
import { Editor } from '../pages/editor';
import { Shell } from '../pages/shell';
import { connectRevnue } from '../support/connect';
import { setOnline } from '../support/offline';
import { quitState, quitStatus, requestQuit } from '../support/quit-request';
import { revnueCustomers } from '../support/reference-server';

test('a change made offline: quit asks, Cancel keeps the app, "Sync now and quit" sends it and quits', async ({
  appPage: page,
  sandbox,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const count = (await revnueCustomers(sandbox)).length;
  await connectRevnue(page, sandbox, 'Quit – Revnue');
  const shell = new Shell(page);
  const list = new CustomerList(page);
  const editor = new Editor(page);
  await list.expectShown(count);
  const name = `Quit Offline Ltd ${Date.now().toString(36)}`;

  await setOnline(page, false);
  await list.newCustomer.click();
  await editor.fill({ Name: name, City: 'York' });
  await editor.saveWithKeys();
  await shell.expectWaiting(1);

  const dialog = page.getByRole('dialog', { name: 'Quit Fieldbook?' });
  await requestQuit(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('1 change waits to sync.');
  await expect(dialog.getByRole('button')).toHaveText([
    'Sync now and quit',
    'Quit — changes stay on this computer',
    'Cancel',
  ]);
  await expect.poll(() => quitState(page)).toBe('deciding');

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await quitState(page)).toBe('idle');
  await expect(editor.field('Name')).toHaveValue(name);
  await shell.expectWaiting(1);

  await requestQuit(page);
  await expect(dialog).toBeVisible();
  await setOnline(page, true);
  await dialog.getByRole('button', { name: 'Sync now and quit' }).click();
  // Quit because the page answered once the change was sent, not because main gave up waiting.
  await expect
    .poll(() => quitStatus(page), { timeout: 60_000 })
    .toEqual({ state: 'quitting', quitBy: 'answer' });
  const onServer = (await revnueCustomers(sandbox)).filter((c) => c.name === name);
  expect(onServer).toHaveLength(1);
  expect(onServer[0]).toMatchObject({ name, city: 'York' });
});

test('nothing waiting: the quit goes through at once, without a dialog', async ({
  appPage: page,
  sandbox,
}) => {
  const count = (await revnueCustomers(sandbox)).length;
  await connectRevnue(page, sandbox, 'Quit at once – Revnue');
  await new CustomerList(page).expectShown(count);
  await new Shell(page).expectWaiting(0);
  await requestQuit(page);
  await expect.poll(() => quitStatus(page)).toEqual({ state: 'quitting', quitBy: 'answer' });
  await expect(page.getByRole('dialog', { name: 'Quit Fieldbook?' })).toHaveCount(0);
});
