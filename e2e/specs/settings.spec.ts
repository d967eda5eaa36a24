// Connections by hand: a fresh profile adds a Revnue connection on the first-run welcome (Base URL
// + API token, the token checked, the Company picked), then, in Settings, an R2 connection with the
// scopes its sign-in server offers left as ticked ("Sign in with browser": the harness's stand-in
// for the system browser fills the sandbox's login page) to the spec's own reference sandbox; both
// list as many customers as that server serves; rename; sign out → the status bar says so.
import { expect, test } from '../fixtures/app-page';
import { CustomerList } from '../pages/customer-list';
import { Settings } from '../pages/settings';
import { Shell } from '../pages/shell';
import { StartScreen } from '../pages/start-screen';
import { r2ListedCount, revnueCustomers } from '../support/reference-server';
import { checkScreen } from '../support/screens';

// Not the 250 of the app's own sandbox: a count only the reference server can explain.
test.use({ sandboxCustomers: 120 });

test('add a Revnue and an R2 connection by hand, rename one, sign out of the other', async ({
  appPage: page,
  sandbox,
}) => {
  test.setTimeout(120_000);
  const revnueCount = (await revnueCustomers(sandbox)).length;
  const r2Count = r2ListedCount(sandbox);
  expect(revnueCount).toBeGreaterThan(0);
  expect(r2Count).toBeGreaterThan(0);

  const shell = new Shell(page);
  const settings = new Settings(page);
  const list = new CustomerList(page);
  // The first run: no sandbox, the company's account straight away (the same form as Settings).
  await expect(new StartScreen(page).welcome).toBeVisible();
  await settings.addRevnueConnection({
    name: 'Field office – Revnue',
    baseUrl: sandbox.revnue.baseUrl,
    token: sandbox.revnue.token,
    company: sandbox.revnue.company,
  });
  await shell.go('Settings');
  await expect(settings.connectionItems).toHaveCount(1);
  await expect(settings.authBadge('Field office – Revnue')).toHaveText('Signed in');
  // No scope typed: the sandbox refuses an empty grant, so only the offered default gets in.
  const r2Form = await settings.fillR2Connection({
    name: 'Field office – R2',
    baseUrl: sandbox.r2.baseUrl,
    issuer: sandbox.r2.issuer,
    clientId: sandbox.r2.publicClientId,
  });
  await expect(settings.offeredScopes).toHaveCount(3);
  await expect(r2Form.getByRole('checkbox', { name: 'customers' })).toBeChecked();
  await expect(r2Form.getByRole('checkbox', { name: 'offline_access' })).toBeChecked();
  await expect(r2Form.getByRole('checkbox', { name: 'openid' })).not.toBeChecked();
  await expect(r2Form.getByRole('textbox', { name: 'Scope (optional)' })).toHaveCount(0);
  await page.setViewportSize({ width: 1200, height: 900 });
  const signIn = r2Form.getByRole('button', { name: 'Sign in with browser' });
  // Centred: the status bar along the bottom would cover the group's last line.
  await r2Form
    .getByRole('group', { name: 'Scopes' })
    .evaluate((group) => group.scrollIntoView({ block: 'center' }));
  await checkScreen(page, 'settings-add-r2');
  await signIn.click();
  await expect(r2Form).toBeHidden({ timeout: 30_000 });
  await expect(settings.authBadge('Field office – R2')).toHaveText('Signed in', {
    timeout: 30_000,
  });
  await expect(settings.connectionItems).toHaveCount(2);

  await shell.select('Field office – Revnue');
  await shell.go('Customers');
  await list.expectShown(revnueCount);
  await shell.select('Field office – R2');
  await list.expectShown(r2Count);

  await shell.go('Settings');
  await settings.rename('Field office – R2', 'Depot – R2');
  await shell.expectActive('Depot – R2');
  await expect(shell.switcher.locator('option', { hasText: 'Field office – R2' })).toHaveCount(0);

  await shell.select('Field office – Revnue');
  await expect(shell.syncStatus).toContainText('Signed in');
  await settings.signOut('Field office – Revnue');
  await expect(shell.syncStatus).toContainText('Signed out');
  await expect(shell.signIn).toBeVisible();
  // The token is gone: signing in again asks for it.
  await expect(settings.connection('Field office – Revnue').getByLabel('API token')).toBeVisible();
});
