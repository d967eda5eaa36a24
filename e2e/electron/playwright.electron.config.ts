// `npm run e2e:electron` (through e2e/electron/run.ts): the real app from out/ through the
// app-page fixture in its Electron mode — the Electron-only specs of e2e/electron and the shared
// specs of e2e/specs that drive the app only through `appPage` and the page objects. settings.spec
// is left out: its R2 "Sign in with browser" needs the harness's stand-in for the system browser.
import { defineConfig } from '@playwright/test';

process.env.FIELDBOOK_E2E_TARGET = 'electron';

export default defineConfig({
  testDir: '..',
  testMatch: [
    'electron/**/*.electron.spec.ts',
    'specs/{customer-list,keyboard,screens,editor-sync}.spec.ts',
  ],
  timeout: 60_000,
  workers: 1,
  reporter: 'list',
  forbidOnly: !!process.env.CI,
});
