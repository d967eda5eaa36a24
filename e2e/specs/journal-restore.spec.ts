// Nothing typed is lost when the window's store is: a customer saved offline, then the page's
// IndexedDB wiped (what a cleaning tool or a corrupt database does) and the window reopened — the
// change comes back from main's change journal, the window says it was restored, and once online
// the server holds it, once.
import { expect, test } from '../fixtures/app-page';
import { CustomerList } from '../pages/customer-list';
import { Editor } from '../pages/editor';
import { Shell } from '../pages/shell';
import { connectRevnue } from '../support/connect';
import { setOnline } from '../support/offline';
import { revnueCustomers } from '../support/reference-server';

const CONNECTION = 'Journal – Revnue';

test('a change saved offline survives a wiped store: restored, then synced once', async ({
  appPage: page,
  sandbox,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const count = (await revnueCustomers(sandbox)).length;
  await connectRevnue(page, sandbox, CONNECTION);
  const shell = new Shell(page);
  const list = new CustomerList(page);
  const editor = new Editor(page);
  await list.expectShown(count);
  await expect(shell.syncStatus).toContainText('Last synced');

  const name = `Journal Kept ${Date.now().toString(36)} Ltd`;
  await setOnline(page, false);
  await list.newCustomer.click();
  await editor.fill({ Name: name, City: 'Leeds' });
  await editor.saveWithKeys();
  await expect(editor.status).toContainText('when Fieldbook is online');
  await shell.expectWaiting(1);

  // The window comes back still offline, so nothing is sent before the restore is seen.
  await page.addInitScript(() => {
    const navigatorProto = Object.getPrototypeOf(
      (globalThis as unknown as { navigator: object }).navigator,
    );
    Object.defineProperty(navigatorProto, 'onLine', { configurable: true, get: () => false });
  });
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Storage.clearDataForOrigin', {
    origin: new URL(page.url()).origin,
    storageTypes: 'indexeddb',
  });
  await page.reload();

  await expect(page.getByRole('status', { name: 'Change journal' })).toContainText(
    "Restored 1 unsynced change from this computer's journal.",
  );
  await shell.expectWaiting(1);
  expect((await revnueCustomers(sandbox)).some((customer) => customer.name === name)).toBe(false);

  await setOnline(page, true);
  await expect
    .poll(
      async () =>
        (await revnueCustomers(sandbox)).filter((customer) => customer.name === name).length,
      { timeout: 60_000 },
    )
    .toBe(1);
  await shell.expectWaiting(0);
});
