// The real Electron app (out/ unpacked): a fresh profile shows the start screen with Try the
// sandbox, and trying it connects both APIs — the same page object as the harness spec.
import { StartScreen } from '../pages/start-screen';
import { expect, test } from '../fixtures/app-page';

test('the desktop app opens the start screen and Try the sandbox connects both APIs', async ({
  appPage,
}) => {
  const screen = new StartScreen(appPage);
  await expect(screen.welcome).toBeVisible();
  await screen.tryTheSandbox.click();
  await expect(screen.connectionItems).toHaveCount(2);
  await expect(screen.authBadge('Sandbox – Revnue')).toHaveText('Signed in');
  await expect(screen.authBadge('Sandbox – Unibiz R2')).toHaveText('Signed in', {
    timeout: 20_000,
  });
});
