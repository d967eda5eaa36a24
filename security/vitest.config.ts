// The security suites (docs/security.md), run by `npm run test:security` only: 10,000 payloads a
// channel is too heavy for every `npm run test:unit`, and the counts are reported by security/run.ts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: `${import.meta.dirname}/..`,
  test: {
    name: 'security',
    environment: 'node',
    include: ['security/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
