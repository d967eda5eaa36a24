// The salesperson's editing journeys through the editor, against the reference sandbox over real
// HTTP: a customer created offline syncs and is on the server; the same record edited offline and
// on the server conflicts, and the resolver's Mine/Theirs per field is what the server then holds;
// a change the server refuses shows its messages on the fields, and the fix syncs; deleting a
// connection with changes waiting warns with their number. The editor and the resolver are also
// checked with axe and photographed here (they need a customer open and a real conflict).
import { expect, test } from '../fixtures/app-page';
import type { Page } from '@playwright/test';
import type { Sandbox } from '../../sandbox/index';
import { Changes } from '../pages/changes';
import { CustomerList } from '../pages/customer-list';
import { Editor } from '../pages/editor';
import { Resolver } from '../pages/resolver';
import { Settings } from '../pages/settings';
import { Shell } from '../pages/shell';
import { StartScreen } from '../pages/start-screen';
import { connectR2, connectRevnue } from '../support/connect';
import { customerWrites, setOnline } from '../support/offline';
import {
  createRevnueCustomer,
  editRevnueCustomer,
  r2Customer,
  r2CustomersNamed,
  r2ListedCount,
  revnueCustomer,
  revnueCustomers,
} from '../support/reference-server';
import { checkScreen } from '../support/screens';

const CONNECTION = 'Journeys – Revnue';
const unique = (what: string) => `${what} ${Date.now().toString(36)}`;

async function start(page: Page, sandbox: Sandbox) {
  await page.setViewportSize({ width: 1280, height: 800 });
  const count = (await revnueCustomers(sandbox)).length;
  await connectRevnue(page, sandbox, CONNECTION);
  const shell = new Shell(page);
  const list = new CustomerList(page);
  await list.expectShown(count);
  await expect(shell.syncStatus).toContainText('Last synced');
  return { shell, list, editor: new Editor(page), count };
}

/** Opens the customer with this exact name from the list (search, then Enter on the grid). */
async function openCustomer(list: CustomerList, editor: Editor, name: string): Promise<void> {
  await list.search.fill(name);
  await expect(list.row(1)).toContainText(name);
  await list.grid.focus();
  await list.page.keyboard.press('Home');
  await list.page.keyboard.press('Enter');
  await expect(editor.field('Name')).toHaveValue(name);
}

test('a customer created offline syncs when online and is on the server', async ({
  appPage: page,
  sandbox,
}) => {
  test.setTimeout(120_000);
  const { shell, list, editor } = await start(page, sandbox);
  const name = unique('Offline Created Ltd');

  await setOnline(page, false);
  await expect(shell.syncStatus).toContainText('Offline');
  const writesBefore = customerWrites(sandbox);
  await list.newCustomer.click();
  await expect(editor.form).toBeVisible();
  await editor.fill({ Name: name, City: 'Leeds' });
  await editor.saveWithKeys();
  await expect(editor.status).toContainText('when Fieldbook is online');
  await shell.expectWaiting(1);
  await checkScreen(page, 'editor');

  // Offline it is only on this computer: the Changes screen lists it, the server has nothing.
  await shell.go('Changes');
  await expect(new Changes(page).group(name)).toBeVisible();
  await checkScreen(page, 'changes-waiting');
  expect((await revnueCustomers(sandbox)).some((c) => c.name === name)).toBe(false);
  expect(customerWrites(sandbox)).toBe(writesBefore);

  await setOnline(page, true);
  await shell.expectWaiting(0);
  await expect(new Changes(page).allSynced).toBeVisible();
  const onServer = (await revnueCustomers(sandbox)).filter((c) => c.name === name);
  expect(onServer).toHaveLength(1);
  expect(onServer[0]).toMatchObject({ name, city: 'Leeds' });
});

test('an R2 customer created offline syncs too (its own labels: "Company name", the address\'s "City")', async ({
  appPage: page,
  sandbox,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await connectR2(page, sandbox, 'Journeys – R2');
  const shell = new Shell(page);
  const list = new CustomerList(page);
  const editor = new Editor(page);
  await list.expectShown(r2ListedCount(sandbox));
  const name = unique('Offline R2 BV');

  await setOnline(page, false);
  await list.newCustomer.click();
  await editor.field('Company name').fill(name);
  await editor.fieldIn('Address', 'City').fill('Utrecht');
  await editor.saveWithKeys();
  await shell.expectWaiting(1);
  expect(await r2CustomersNamed(sandbox, name)).toEqual([]);

  await setOnline(page, true);
  await shell.expectWaiting(0);
  const rows = await r2CustomersNamed(sandbox, name);
  expect(rows).toHaveLength(1);
  const onServer = await r2Customer(sandbox, String(rows[0]!.recordid));
  expect(onServer).toMatchObject({ companyname: name, address: { city: 'Utrecht' } });
});

test('edited here offline and on the server: conflict, resolved per field, the server holds the choice', async ({
  appPage: page,
  sandbox,
}) => {
  test.setTimeout(150_000);
  const { shell, list, editor } = await start(page, sandbox);
  const customer = (await revnueCustomers(sandbox)).find((c) => c.city && c.phone)!;
  await openCustomer(list, editor, customer.name);

  await setOnline(page, false);
  await editor.fill({ City: 'Mine City', Phone: '+44 111 1111' });
  await editor.saveWithKeys();
  await shell.expectWaiting(1);
  // A colleague changes the same two fields on the server meanwhile.
  await editRevnueCustomer(sandbox, customer.id, { city: 'Theirs City', phone: '+44 222 2222' });

  await setOnline(page, true);
  await shell.go('Changes');
  const changes = new Changes(page);
  await expect(changes.resolveConflict(customer.name)).toBeVisible({ timeout: 30_000 });
  await checkScreen(page, 'changes-conflict');
  // The editor says so too, and its "Resolve conflict" opens the same dialog.
  await changes.openCustomer(customer.name).click();
  await expect(editor.field('City')).toHaveValue('Mine City');
  await editor.resolveConflict.click();
  const resolver = new Resolver(page);
  await expect(resolver.dialog).toBeVisible();
  await expect(resolver.field('City')).toContainText('Theirs City');
  await expect(resolver.field('City')).toContainText('Mine City');
  await checkScreen(page, 'resolver');
  await resolver.choose('City', 'Mine');
  await resolver.choose('Phone', 'Theirs');
  await resolver.resolve();

  await shell.expectWaiting(0);
  await shell.go('Changes');
  await expect(changes.allSynced).toBeVisible();
  const onServer = await revnueCustomer(sandbox, customer.id);
  expect(onServer.city).toBe('Mine City');
  expect(onServer.phone).toBe('+44 222 2222');
});

test('a change the server refuses shows its messages on the fields; the fix syncs', async ({
  appPage: page,
  sandbox,
}) => {
  test.setTimeout(120_000);
  const { shell, list, editor } = await start(page, sandbox);
  const taken = unique('Taken Name GmbH');

  // Offline, so the app cannot know that a colleague just gave a new customer this name.
  await setOnline(page, false);
  await createRevnueCustomer(sandbox, { name: taken, city: 'Bremen' });
  await list.newCustomer.click();
  await editor.fill({ Name: taken, City: 'Hamburg' });
  await editor.saveWithKeys();
  await setOnline(page, true);

  await expect(editor.refused).toBeVisible({ timeout: 30_000 });
  expect(await editor.messagesOf('Name')).toMatch(/already exists/);
  await shell.go('Changes');
  const changes = new Changes(page);
  await expect(changes.group(taken)).toContainText(/already exists/);

  // Ours, not the colleague's customer of the same name that the pull has brought meanwhile.
  const fixed = unique('Fixed Name GmbH');
  await changes.openCustomer(taken).click();
  await expect(editor.field('City')).toHaveValue('Hamburg');
  await editor.fill({ Name: fixed });
  await editor.save.click();
  await shell.expectWaiting(0);
  await expect(editor.refused).toBeHidden();
  const onServer = await revnueCustomers(sandbox);
  expect(onServer.filter((c) => c.name === fixed)).toMatchObject([{ city: 'Hamburg' }]);
  expect(onServer.filter((c) => c.name === taken)).toMatchObject([{ city: 'Bremen' }]);
});

test('deleting a connection with changes waiting warns with their number', async ({
  appPage: page,
  sandbox,
}) => {
  test.setTimeout(120_000);
  const { shell, list, editor } = await start(page, sandbox);
  await setOnline(page, false);
  for (const name of [unique('Waiting One'), unique('Waiting Two')]) {
    await list.newCustomer.click();
    await editor.fill({ Name: name });
    await editor.saveWithKeys();
  }
  await shell.expectWaiting(2);

  await shell.go('Settings');
  const warning = await new Settings(page).deleteConnection(CONNECTION);
  expect(warning).toContain('2 changes are still waiting and will be lost');
  // The only connection is gone: the app is back at its first-run welcome.
  await expect(new StartScreen(page).tryTheSandbox).toBeVisible();
});
