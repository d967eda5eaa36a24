// Hostile URLs at main's edge (issue 10 §4): navigation, frame navigation, redirects, new windows
// and shell.openExternal, on the code path the app really uses (createMainWindow with the fake
// electron of src-main/platform/test-support). Counted: anything that got through.
// Links inside customer data (websites, emails) arrive with the UI (issue 9) and are not here.
import fc from 'fast-check';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { FakeBrowserWindow, fakeElectron } from '../src-main/platform/test-support/fake-electron';
import { reportCounts } from './support/summary';

vi.mock(
  'electron',
  async () => (await import('../src-main/platform/test-support/fake-electron')).fakeElectron,
);

const { createMainWindow, isAllowedRendererRequest } = await import('../src-main/platform/window');
const { checkExternalUrl, openExternalSafely } =
  await import('../src-main/platform/external-links');

const hostileUrls = [
  'javascript:alert(document.cookie)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'file:///etc/passwd',
  'file://server/share/payload.exe',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'https://fieldbook.evil/',
  'https://fieldbook.evil/index.html',
  'app://fieldbook.evil/index.html',
  'app://evil.fieldbook/',
  'app://fieldbook@evil.example/',
  'https://user:pass@dashboard-api.revnue.com/',
  'https://token@r2.example/',
  'http://example.com/',
  'http://192.168.1.10/',
  'http://10.0.0.1:8080/login',
  'http://127.0.0.1.evil.example/',
  'http://localhost.evil.example/',
  'ms-msdt:/id PCWDiagnostic',
  'smb://attacker/share',
  'vbscript:msgbox(1)',
  'chrome://settings',
  'about:blank',
  'ftp://127.0.0.1/x',
  '',
  'not a url',
];

// Generated variations: any scheme but https, any host, credentials sprinkled in.
const generatedHostile = fc
  .tuple(
    fc.constantFrom('http', 'file', 'javascript', 'data', 'app', 'ftp', 'ws', 'mailto', 'tel'),
    fc.domain(),
    fc.option(fc.constantFrom('user@', 'user:pw@', ':@'), { nil: '' }),
    fc.webPath(),
  )
  .map(([scheme, host, credentials, path]) => `${scheme}://${credentials}${host}${path}`)
  .filter((url) => !/^http:\/\/(localhost|127\.)/i.test(url));
const generatedCredentials = fc
  .tuple(fc.webUrl({ validSchemes: ['https'] }), fc.constantFrom('u', 'u:p', 'tok%40en'))
  .map(([url, credentials]) => url.replace('https://', `https://${credentials}@`));

const counts = { cases: 0, hostileUrlsOpened: 0 };
afterAll(() => reportCounts('hostile-urls', counts));

createMainWindow({ preloadPath: '/app/out/preload/index.cjs', log: () => {} });
const window = FakeBrowserWindow.created[0]!;
const contents = window.webContents;

/** Fires one Electron event at the window and says whether the URL got through. */
function passed(event: string, url: string, extra: Record<string, unknown> = {}): boolean {
  const preventDefault = vi.fn();
  contents.emit(event, { preventDefault, url, ...extra }, url);
  return preventDefault.mock.calls.length === 0;
}

async function tryEverything(url: string): Promise<string[]> {
  counts.cases++;
  const through: string[] = [];
  if (passed('will-navigate', url)) through.push('navigation');
  if (passed('will-frame-navigate', url, { isMainFrame: true })) through.push('frame navigation');
  if (passed('will-redirect', url)) through.push('redirect');
  const opened = contents.windowOpenHandler?.({ url }) as { action?: string } | undefined;
  if (opened?.action !== 'deny') through.push('window');
  // data: stays loadable for inline images; everything else must not even be fetched.
  if (!url.trim().toLowerCase().startsWith('data:') && isAllowedRendererRequest(url)) {
    through.push('renderer request');
  }
  // A plain https address (look-alike or not) is what a sign-in page is: openExternal takes it by
  // design, because only main composes those URLs — no IPC channel reaches openExternal.
  if (isPlainHttps(url)) return settle(through);
  fakeElectron.shell.openExternal.mockClear();
  await openExternalSafely(url);
  await openExternalSafely(url, { allowLoopbackHttp: true });
  if (fakeElectron.shell.openExternal.mock.calls.length > 0) through.push('openExternal');
  if (checkExternalUrl(url, { allowLoopbackHttp: true }).ok) through.push('checkExternalUrl');
  // data: stays loadable for inline images; everything else must not even be fetched.
  return settle(through);
}

function settle(through: string[]): string[] {
  counts.hostileUrlsOpened += through.length;
  return through;
}

function isPlainHttps(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

describe('hostile URLs at the window and shell.openExternal', () => {
  test.each(hostileUrls.map((url) => [url]))('%j opens nothing', async (url) => {
    expect(await tryEverything(url)).toEqual([]);
    expect(FakeBrowserWindow.created).toHaveLength(1);
  });

  test('generated non-https URLs and https URLs with credentials open nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(generatedHostile, generatedCredentials), async (url) => {
        expect(await tryEverything(url)).toEqual([]);
      }),
      { numRuns: 2_000 },
    );
  });

  test('the checks are not "refuse everything": the sign-in page and the sandbox still open', async () => {
    fakeElectron.shell.openExternal.mockClear();
    expect(await openExternalSafely('https://id.example/authorize?x=1')).toEqual({
      ok: true,
      value: null,
    });
    expect(
      await openExternalSafely('http://127.0.0.1:4000/auth', { allowLoopbackHttp: true }),
    ).toEqual({ ok: true, value: null });
    expect(fakeElectron.shell.openExternal).toHaveBeenCalledTimes(2);
  });
});

// Links inside customer data: a record's website or e-mail only becomes a link when the composer
// (src-shared/net/customer-links.ts) makes a plain https:/mailto: URL of it; any other is text.
const { websiteHref, mailtoHref, isComposedLink } =
  await import('../src-shared/net/customer-links');

describe('hostile values in customer website and e-mail fields', () => {
  function composedAnything(value: string): boolean {
    counts.cases++;
    const composed = [websiteHref(value), mailtoHref(value)].filter((href) => href !== null);
    const hostile = composed.filter(
      (href) =>
        !/^(https:\/\/[a-z0-9.-]+\.[a-z]{2,63}\/|mailto:)/.test(href) || !isComposedLink(href),
    );
    counts.hostileUrlsOpened += hostile.length;
    return (
      hostile.length > 0 ||
      (!isPlainHttps(value) && websiteHref(value) !== null && /:/.test(value.split('/')[0]!))
    );
  }

  test.each(hostileUrls.map((url) => [url]))('%j composes no link', (url) => {
    expect(composedAnything(url)).toBe(false);
    if (!/^https:\/\/fieldbook\.evil/.test(url)) expect(websiteHref(url)).toBeNull();
  });

  test('generated non-https URLs and https URLs with credentials compose no link', () => {
    fc.assert(
      fc.property(fc.oneof(generatedHostile, generatedCredentials), (url) => {
        expect(websiteHref(url)).toBeNull();
        expect(isComposedLink(url)).toBe(false);
        composedAnything(url);
      }),
      { numRuns: 2_000 },
    );
  });
});
