import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, isAbsolute } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

const {
  appEntryUrl,
  contentSecurityPolicy,
  isAppUrl,
  registerAppSchemePrivileges,
  resolveAppPath,
  serveAppProtocol,
} = await import('./app-protocol');

let base: string;
let root: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'fieldbook-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Fieldbook</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'app.css'), 'body{}');
  await writeFile(join(base, 'secret.txt'), 'outside the renderer folder');
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'escape.txt'));
  await symlink(base, join(root, 'escape-dir'));
});
afterAll(() => rm(base, { recursive: true, force: true }));

beforeEach(() => {
  electron.protocol.handle.mockClear();
  // The code path the app uses: serveAppProtocol hands Electron the handler.
  serveAppProtocol(root);
  expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  serve = electron.protocol.handle.mock.calls[0]![1] as typeof serve;
});

const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

describe('serving app://fieldbook/', () => {
  test('serves the entry page with the CSP header and a correct content type', async () => {
    const response = await get(appEntryUrl);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Fieldbook</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy.header);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('serves assets with their MIME type; "/" is the entry page; HEAD has no body', async () => {
    const script = await get('app://fieldbook/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    expect((await get('app://fieldbook/assets/app.css')).headers.get('content-type')).toMatch(
      /^text\/css/,
    );
    expect(await (await get('app://fieldbook/')).text()).toContain('Fieldbook');
    const head = await get('app://fieldbook/assets/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  test.each([
    ['encoded slash after ..', 'app://fieldbook/..%2fsecret.txt', 403],
    ['encoded dots and slash', 'app://fieldbook/%2e%2e%2fsecret.txt', 403],
    ['encoded dots, later segment', 'app://fieldbook/assets/%2e%2e%2f%2e%2e%2fsecret.txt', 403],
    ['backslashes', 'app://fieldbook/..%5csecret.txt', 403],
    ['absolute path after the host', 'app://fieldbook//etc/passwd', 403],
    ['encoded absolute path', 'app://fieldbook/%2fetc%2fpasswd', 403],
    ['Windows drive', 'app://fieldbook/C:%5cWindows%5cwin.ini', 403],
    ['NUL byte', 'app://fieldbook/index.html%00.js', 403],
    ['symlinked file pointing outside', 'app://fieldbook/assets/escape.txt', 403],
    ['symlinked folder pointing outside', 'app://fieldbook/escape-dir/secret.txt', 403],
    ['malformed escape', 'app://fieldbook/%E0%A4%A', 400],
    ['missing file', 'app://fieldbook/nope.js', 404],
    ['a folder', 'app://fieldbook/assets', 404],
    ['another host', 'app://elsewhere/index.html', 404],
  ])('refuses %s (%s) with %i and still sends the CSP', async (_name, url, status) => {
    const response = await get(url);
    expect(response.status).toBe(status);
    expect(await response.text()).not.toContain('outside the renderer folder');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy.header);
  });

  test('only GET and HEAD are answered', async () => {
    const response = await get(appEntryUrl, 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('resolveAppPath', () => {
  test('never resolves to a path outside the root, whatever the path segments', () => {
    const segment = fc.constantFrom(
      '..',
      '.',
      '',
      'a',
      'assets',
      '%2e%2e',
      '%2E%2e',
      '..%2f',
      '%2f',
      '%5c',
      '..%5c',
      '%00',
      '%252e%252e',
      'C:',
      '~',
      '%2fetc',
      'index.html',
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const resolution = resolveAppPath(`app://fieldbook/${segments.join('/')}`, '/srv/r');
        if (resolution.status !== 200) return true;
        const inside = relative('/srv/r', resolution.path);
        return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('scheme registration and the CSP', () => {
  test('app: is standard and secure, and does not bypass the CSP', () => {
    registerAppSchemePrivileges();
    const [schemes] = electron.protocol.registerSchemesAsPrivileged.mock.calls[0]!;
    expect(schemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(schemes[0].privileges.bypassCSP).toBeUndefined();
  });

  test('the CSP allows no remote origin, no eval, no inline script, no frames', () => {
    const directives = new Map(
      contentSecurityPolicy.header
        .split('; ')
        .map((d) => [d.split(' ')[0], d.slice(d.indexOf(' ') + 1)]),
    );
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(contentSecurityPolicy.header).not.toMatch(/https?:|wss?:|\*|unsafe-eval/);
  });

  test('index.html carries the same policy as the header (minus header-only directives)', async () => {
    const html = await readFile(join(import.meta.dirname, '../../src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(contentSecurityPolicy.meta);
    expect(contentSecurityPolicy.header.startsWith(contentSecurityPolicy.meta)).toBe(true);
  });

  test('isAppUrl accepts only our own origin', () => {
    expect(isAppUrl('app://fieldbook/index.html')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://fieldbook/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});
