// `npm start`: the Electron app when its binary is installed; otherwise ONE line saying why, the
// app's local address, and the same app in the system Chromium through the e2e harness (main's
// services in Node, the profile kept under the user's data dir). Never a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { createInterface } from 'node:readline';
import { browserCandidates, fallbackLine, planStart, type MachineFacts } from './start-plan';

const repo = join(import.meta.dirname, '..');
const port = process.env.FIELDBOOK_PORT ?? '5173';

function electronFacts(): Pick<MachineFacts, 'electronPathFile' | 'electronBinaryExists'> {
  try {
    // package.json only: require('electron') itself would start a download.
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return { electronPathFile: undefined, electronBinaryExists: false };
    const relative = readFileSync(pathFile, 'utf8').trim();
    return {
      electronPathFile: relative,
      electronBinaryExists: existsSync(join(dir, 'dist', relative)),
    };
  } catch {
    return { electronPathFile: undefined, electronBinaryExists: false };
  }
}

function onPath(name: string): boolean {
  if (isAbsolute(name)) return existsSync(name);
  return (process.env.PATH ?? '')
    .split(delimiter)
    .some((dir) => dir && existsSync(join(dir, name)));
}

function fail(message: string): never {
  process.stderr.write(`Fieldbook could not start: ${message}\n`);
  process.exit(1);
}

const plan = planStart({
  ...electronFacts(),
  env: process.env,
  browsers: browserCandidates.filter(onPath),
  homeDir: homedir(),
});

if (plan.mode === 'electron') {
  const child = spawn('npx', ['electron-vite', 'preview'], { cwd: repo, stdio: 'inherit' });
  child.once('error', (error) => fail(error.message));
  child.once('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(`${fallbackLine(plan)}\n`);
  if (!existsSync(join(repo, 'out/renderer/index.html'))) {
    const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: repo, stdio: 'ignore' });
    if (built.status !== 0) fail('`npm run build` failed; run it to see why.');
  }
  mkdirSync(plan.profileDir, { recursive: true });
  const harness = spawn(
    process.execPath,
    ['--import', 'tsx', 'e2e/harness/cli.ts', '--port', port, '--profile', plan.profileDir],
    { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let lastError = '';
  createInterface({ input: harness.stderr }).on('line', (line) => {
    lastError = line;
  });
  const stop = () => harness.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  harness.once('error', (error) => fail(error.message));
  harness.once('exit', (code) => {
    if (code !== 0 && code !== null) {
      fail(
        lastError.includes('EADDRINUSE')
          ? `port ${port} is in use (set FIELDBOOK_PORT)`
          : lastError || `the harness exited with ${code}`,
      );
    }
    process.exit(0);
  });
  createInterface({ input: harness.stdout }).once('line', (line) => {
    let url: string;
    try {
      url = (JSON.parse(line) as { url: string }).url;
    } catch {
      return fail(`the harness said "${line}"`);
    }
    process.stdout.write(
      `Fieldbook is at ${url} (Try the sandbox is on its start screen; Ctrl+C stops it)\n`,
    );
    if (!plan.browser) return;
    // Its own browser profile next to the harness's: the app's IndexedDB survives restarts.
    const browser = spawn(
      plan.browser,
      [`--user-data-dir=${join(plan.profileDir, 'browser')}`, '--no-first-run', `--app=${url}`],
      { stdio: 'ignore', detached: true },
    );
    browser.once('error', () => process.stdout.write(`Open ${url} in a browser.\n`));
    browser.unref();
  });
}
