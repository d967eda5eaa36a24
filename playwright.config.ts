// End-to-end specs: the real renderer in Debian's Chromium, joined to main's services in Node by
// the harness (e2e/harness). Each test gets a fresh profile.
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './e2e/chromium.ts';

export default defineConfig({
  testDir: 'e2e/specs',
  timeout: 60_000,
  workers: 1,
  reporter: 'list',
  // A focused spec left in by mistake would silently skip the rest in CI.
  forbidOnly: !!process.env.CI,
  use: {
    headless: true,
    // A missing control fails its click or fill in 15 s instead of at the test's time-out.
    actionTimeout: 15_000,
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
});
