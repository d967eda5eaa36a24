// Runs the BUILT main process (out/main/index.js) under Node with a stub `electron`: the bundle
// loads, finds out/preload and out/renderer, serves app: and answers IPC. The sandbox is a chunk
// of its own that main imports only when it is needed.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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
  menu: string[];
  desktopStart: unknown;
  windowBounds: Record<string, number>;
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

  test('keeps the sandbox (and oidc-provider) out of start-up: a chunk imported on demand', () => {
    const code = readFileSync(bundle, 'utf8');
    const staticImports = [...code.matchAll(/^import\b[^'"]*["']([^'"]+)["']/gm)].map((m) => m[1]);
    expect(staticImports).not.toContain('oidc-provider');
    expect(staticImports.some((name) => name?.includes('sandbox'))).toBe(false);
    const lazy = [...code.matchAll(/\bimport\(\s*["'](\.\/chunks\/[^'"]+)["']\s*\)/g)].map(
      (m) => m[1]!,
    );
    const importsOidc = (chunk: string) =>
      /^import\b[^'"]*["']oidc-provider["']/m.test(
        readFileSync(join(repo, 'out/main', chunk), 'utf8'),
      );
    expect(lazy.filter(importsOidc)).toHaveLength(1);
  });

  test('sets the menu bar, hands the window the system locale, and logs into the profile', () => {
    expect(report.menu).toEqual(
      process.platform === 'darwin'
        ? ['Fieldbook', '&File', '&Edit', '&View', '&Window', '&Help']
        : ['&File', '&Edit', '&View', '&Window', '&Help'],
    );
    expect(report.desktopStart).toEqual({ ok: true, value: { locale: 'de-DE', openLink: null } });
    // First start: the default size, centred on the (stub's) primary display.
    expect(report.windowBounds).toEqual({ x: 320, y: 110, width: 1280, height: 820 });
    expect(existsSync(join(userData, 'logs', 'main.log'))).toBe(true);
  });
});
