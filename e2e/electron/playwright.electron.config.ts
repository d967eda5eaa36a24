// `npm run e2e:electron` (through e2e/electron/run.ts): the specs of e2e/electron against the real
// app from out/, with the shared page objects and the app-page fixture in its Electron mode.
import { defineConfig } from '@playwright/test';

process.env.FIELDBOOK_E2E_TARGET = 'electron';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.electron.spec.ts',
  timeout: 60_000,
  workers: 1,
  reporter: 'list',
  forbidOnly: !!process.env.CI,
});
