// Spawns `npm start`'s script the way a fresh machine has it: no Electron binary (ELECTRON_
// OVERRIDE_DIST_PATH is not set and path.txt is absent here), no display. It must print the one
// line, then an address that answers HTTP.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, test } from 'vitest';

const repo = join(import.meta.dirname, '..');

test('without the binary and a display, npm start prints one line and serves the app', async () => {
  expect(existsSync(join(repo, 'node_modules/electron/path.txt'))).toBe(false);
  const dataHome = await mkdtemp(join(tmpdir(), 'fieldbook-start-'));
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: dataHome, FIELDBOOK_PORT: '0' };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: repo,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line));
  try {
    const lines: string[] = [];
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no address in 30 s: ${lines.join(' | ')}`)),
        30_000,
      );
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line);
        const match = /^Fieldbook is at (\S+)/.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    expect(lines[0]).toMatch(
      /^Fieldbook: the Electron binary is missing .*system browser instead\.$/,
    );
    expect(lines).toHaveLength(2);
    const response = await fetch(address);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<html');
    expect(existsSync(join(dataHome, 'fieldbook-harness'))).toBe(true);
    expect(stderr.join('\n')).not.toMatch(/\n\s+at /);
  } finally {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    await rm(dataHome, { recursive: true, force: true });
  }
}, 60_000);
