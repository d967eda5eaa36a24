// `npm run e2e:electron`: Playwright's _electron.launch against the unpacked build, or — where
// the Electron binary is not installed (our CI) — ONE line saying why, and exit 0.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { installedElectronBinary } from '../fixtures/electron-binary';

const binary = installedElectronBinary();
if (!('path' in binary)) {
  console.log(`e2e:electron: skipped, no Electron binary on this machine (${binary.missing}).`);
  process.exit(0);
}
const run = spawnSync(
  'npx',
  ['playwright', 'test', '--config', join(import.meta.dirname, 'playwright.electron.config.ts')],
  { stdio: 'inherit', cwd: join(import.meta.dirname, '../..') },
);
process.exit(run.status ?? 1);
