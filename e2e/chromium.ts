// Debian's Chromium and the flags it needs on a machine with no outside network. Shared by
// Vitest's browser project, Playwright specs and the benchmarks so they launch it the same way.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];
