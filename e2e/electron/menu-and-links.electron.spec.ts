// The real Electron app (out/ unpacked), for machines with the binary: the application menu's
// New customer opens the editor (and Ctrl+N does it once), a fieldbook:// link to a customer of a
// connection set up here opens that customer, and a link to an unknown connection opens nothing
// and says why. Launched here rather than through the appPage fixture: the menu and main's
// dialogs are reached through the ElectronApplication.
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installedElectronBinary } from '../fixtures/electron-binary';
import { Editor } from '../pages/editor';
import { StartScreen } from '../pages/start-screen';

let app: ElectronApplication;
let profile: string;

test.beforeEach(async () => {
  const binary = installedElectronBinary();
  if (!('path' in binary)) throw new Error(binary.missing);
  profile = await mkdtemp(join(tmpdir(), 'fieldbook-e2e-menu-'));
  app = await electron.launch({
    executablePath: binary.path,
    args: ['out/main/index.js', `--user-data-dir=${profile}`],
  });
});

test.afterEach(async () => {
  await app.close();
  await rm(profile, { recursive: true, force: true });
});

/** Clicks a menu item by its label, as a user would from the menu bar. */
async function clickMenuItem(label: string): Promise<void> {
  await app.evaluate(({ Menu }, wanted) => {
    const find = (items: Electron.MenuItem[]): Electron.MenuItem | undefined => {
      for (const item of items) {
        if (item.label === wanted) return item;
        const inside = item.submenu && find(item.submenu.items);
        if (inside) return inside;
      }
      return undefined;
    };
    const item = find(Menu.getApplicationMenu()?.items ?? []);
    if (!item) throw new Error(`no menu item ${wanted}`);
    item.click();
  }, label);
}

test('the menu bar: File → New customer opens the editor; Ctrl+N once opens one', async () => {
  const page = await app.firstWindow();
  const start = new StartScreen(page);
  await start.tryTheSandbox.click();
  await expect(start.connectionItems.first()).toBeVisible({ timeout: 30_000 });
  await clickMenuItem('Changes');
  await expect(page.getByRole('heading', { name: 'Changes' })).toBeVisible();
  await clickMenuItem('New customer');
  const editor = new Editor(page);
  await expect(editor.form).toBeVisible();
  await expect(editor.field('Name')).toHaveValue('');
  await editor.field('Name').fill('Typed before Ctrl+N');
  // One press: main routes it to one command, so the editor asks once about the typed name.
  await page.keyboard.press('Control+N');
  await expect(page.getByRole('dialog')).toHaveCount(1);
});

test('a link opens its customer; a link to an unknown connection opens nothing', async () => {
  const page = await app.firstWindow();
  const start = new StartScreen(page);
  await start.tryTheSandbox.click();
  await expect(start.connectionItems.first()).toBeVisible({ timeout: 30_000 });
  // The first customer of the list, by its key, as Copy link would write it.
  await page.getByRole('row').nth(1).click();
  const editor = new Editor(page);
  await expect(editor.form).toBeVisible();
  const name = await editor.field('Name').inputValue();
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await app.evaluate(({ clipboard }) => clipboard.readText());
  expect(link).toMatch(/^fieldbook:\/\/customer\/[^/]+\/[^/]+$/);

  await page.getByRole('button', { name: 'Close' }).click();
  await expect(editor.form).toBeHidden();
  // As a second `fieldbook <link>` launch hands it over on Windows and Linux.
  await app.evaluate(
    ({ app: electronApp }, argv) => {
      electronApp.emit('second-instance', {}, argv);
    },
    ['fieldbook', link],
  );
  await expect(editor.field('Name')).toHaveValue(name);

  // A link to a connection that is not here: a message box, and the editor stays as it was.
  await app.evaluate(({ dialog }) => {
    const shown: string[] = [];
    (globalThis as { shownMessages?: string[] }).shownMessages = shown;
    dialog.showMessageBox = (async (...args: unknown[]) => {
      const options = args.at(-1) as { message: string };
      shown.push(options.message);
      return { response: 0, checkboxChecked: false };
    }) as typeof dialog.showMessageBox;
  });
  await app.evaluate(({ app: electronApp }) => {
    electronApp.emit('second-instance', {}, ['fieldbook', 'fieldbook://customer/nobody/1']);
  });
  await expect
    .poll(() =>
      app.evaluate(() => (globalThis as { shownMessages?: string[] }).shownMessages ?? []),
    )
    .toEqual([expect.stringContaining('not set up on this computer')]);
  await expect(editor.field('Name')).toHaveValue(name);
});
