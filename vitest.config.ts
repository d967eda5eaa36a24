// Three Vitest projects: `node` (pure logic, main services, sandbox, renderer `*.node.test.ts`),
// `browser` (renderer code in Debian's real Chromium) and `keychain` (run by
// scripts/with-keyring.sh inside a private D-Bus session, so it never touches a developer's real
// keyring).
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { chromiumArgs, chromiumPath } from './e2e/chromium.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            '{src-shared,src-main,src-preload,sandbox,e2e/harness,e2e/sync-faults,bench,scripts}/**/*.test.ts',
            // Renderer code that runs in Node: the store on fake-indexeddb, the sync engine, and
            // the sync adapters against main's real services over HTTP.
            'src-renderer/**/*.node.test.ts',
          ],
          exclude: ['**/*.browser.test.ts', '**/*.keychain.test.ts', 'node_modules/**'],
          testTimeout: 20_000,
        },
      },
      {
        plugins: [svelte()],
        test: {
          name: 'browser',
          include: ['src-renderer/**/*.test.ts', '**/*.browser.test.ts'],
          exclude: ['**/*.node.test.ts', 'node_modules/**'],
          // A screen's first answer comes from the search worker, which indexes its customers
          // first; with every test file's Chromium busy at once that takes seconds, not the
          // default 1 s. Waiting longer changes no assertion: a poll that never matches fails.
          expect: { poll: { timeout: 10_000 } },
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        test: {
          name: 'keychain',
          environment: 'node',
          include: ['**/*.keychain.test.ts'],
          exclude: ['node_modules/**'],
          testTimeout: 20_000,
          // One keyring, one process: keychain tests share the Secret Service.
          fileParallelism: false,
        },
      },
    ],
  },
});
