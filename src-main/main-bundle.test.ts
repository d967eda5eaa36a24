// Runs the BUILT main process (out/main/index.js) under Node with a stub `electron`: the bundle
// loads (sandbox and all), finds out/preload and out/renderer, serves app: and answers IPC.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { channels } from '../src-shared/ipc/channels';

const repo = join(import.meta.dirname, '..');
const bundle = join(repo, 'out/main/index.js');
const runner = join(import.meta.dirname, 'platform/test-support/run-main-bundle.mjs');

interface Report {
  calls: string[];
  channels: string[];
  webPreferences: Record<string, unknown>;
  list: unknown;
  foreign: unknown;
  index: { status: number; csp: string; body: string };
  traversal: { status: number };
}

let report: Report;
let userData: string;

beforeAll(async () => {
  if (!existsSync(bundle)) {
    throw new Error(`${bundle} does not exist: run \`npm run build\` first (npm test does).`);
  }
  userData = await mkdtemp(join(tmpdir(), 'fieldbook-bundle-'));
  const { stdout } = await promisify(execFile)(process.execPath, [runner, bundle], {
    env: { ...process.env, FIELDBOOK_USER_DATA: userData },
    timeout: 30_000,
  });
  report = JSON.parse(stdout.trim().split('\n').at(-1)!) as Report;
}, 40_000);
afterAll(() => rm(userData, { recursive: true, force: true }));

describe('the built main bundle', () => {
  test('registers the scheme and the sandbox before ready, then serves app: and loads it', () => {
    expect(report.calls).toEqual([
      'registerSchemesAsPrivileged:app',
      'enableSandbox',
      'whenReady',
      'protocol.handle:app',
      'loadURL:app://fieldbook/index.html',
    ]);
  });

  test('points the window at the built preload, sandboxed', () => {
    expect(report.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
    expect(report.webPreferences.preload).toBe(join(repo, 'out/preload/index.cjs'));
    expect(existsSync(String(report.webPreferences.preload))).toBe(true);
  });

  test('serves out/renderer/index.html with the CSP header, and refuses traversal', () => {
    expect(report.index.status).toBe(200);
    expect(report.index.body).toContain('Content-Security-Policy');
    expect(report.index.csp).toContain("connect-src 'self'");
    expect(report.traversal.status).toBe(403);
  });

  test('answers every contract channel for our page only', () => {
    expect([...report.channels].sort()).toEqual([...channels].sort());
    expect(report.list).toEqual({ ok: true, value: { connections: [] } });
    expect(report.foreign).toMatchObject({ ok: false, error: { kind: 'auth' } });
  });
});
