// The reload profile of the real app (bench/lab/reload-split.spec.ts): the e2e set-up (harness,
// Chromium, reference sandbox) pointed at this folder. A measurement, not a test: it is not part
// of `npm run test:e2e`. Run: `npm run build && npx playwright test -c bench/lab/reload-split.config.ts`.
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'reload-split.spec.ts',
  timeout: 300_000,
});
