// Hostile URLs at main's edge (docs/security.md): navigation, frame navigation, redirects, new
// windows and shell.openExternal, on the code path the app really uses (createMainWindow with the
// fake electron of src-main/platform/test-support). Counted: anything that got through.
// Links inside customer data (websites, e-mails) go through `links.open`: the real router and
// handler with the real launcher, hostile field values in, shell.openExternal calls counted.
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
  // A plain https address (look-alike or not) is what a sign-in page is: openExternalSafely takes
  // it by design, because only main composes those URLs — no IPC channel reaches it. (links.open
  // reaches openComposedLink only with a link main composed: see the last describe.)
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

// links.open: the only IPC operation that reaches shell.openExternal. The window sends a raw
// field value; main composes the link. Driven through the real router (zod parse), the real
// handler and the real Electron launcher, with the fake electron's shell recording launches.
const { createIpcRouter } = await import('../src-main/ipc/router');
const { createLinksHandlers } = await import('../src-main/services/links-handlers');
const { openComposedLink } = await import('../src-main/platform/external-links');

describe('links.open with hostile customer values', () => {
  const router = createIpcRouter({
    handlers: createLinksHandlers(openComposedLink) as never,
    isTrustedSender: () => true,
  });
  const launches = () => fakeElectron.shell.openExternal.mock.calls.map(([url]) => String(url));

  async function open(kind: 'website' | 'email' | 'address', value: string): Promise<string[]> {
    counts.cases++;
    fakeElectron.shell.openExternal.mockClear();
    const answer = await router.handle('links.open', { url: 'app://fieldbook/' }, { kind, value });
    const launched = launches();
    if (answer.ok !== (launched.length === 1)) throw new Error(`answer and launches disagree`);
    return launched;
  }

  // A plain https address on an ordinary host (`https://fieldbook.evil/`) is a customer's website
  // like any other, so links.open may open it; every other hostile URL above must not open.
  const hostileWebsites = [
    ...hostileUrls.filter((url) => !isPlainHttps(url)),
    'https://раураl.com/',
    'раураl.com',
    'https://xn--80ak6aa92e.com/',
    'xn--80ak6aa92e.com',
    'https://paypal.com@evil.example/',
    'paypal.com@evil.example',
    'https://evil.example\\@paypal.com/',
    'https://192.168.1.10/',
    '10.0.0.1',
    'https://localhost/',
    'https://acme.example:8443/',
    'http://acme.example/',
    '//evil.example/',
    'https:/\\evil.example',
    'https://acme.example /',
    'mailto:ann@acme.example',
    'ann@acme.example',
    `https://acme.example/${'a'.repeat(3_000)}`,
  ];
  const hostileEmails = [
    ...hostileUrls,
    'ann@acme.example?bcc=eve@evil.example',
    'ann@acme.example?subject=x&body=y',
    'ann@acme.example,eve@evil.example',
    'ann@acme.example;eve@evil.example',
    'ann%0abcc=eve@acme.example',
    'ann%0D%0ABcc:eve@acme.example',
    '%3fbcc=eve@acme.example',
    'ann@acme.example\nBcc: eve@evil.example',
    'ann@acme.example%0abcc:eve@evil.example',
    'ann#@acme.example',
    'mailto:ann@acme.example',
    'mailto://ann@acme.example',
    'javascript:alert(1)//@acme.example',
    'ann@раураl.com',
    'ann@xn--80ak6aa92e.com',
    'ann@[127.0.0.1]',
    'ann@192.168.1.10',
    'ann@localhost',
    '"ann"@acme.example',
    'ann@acme.example/x',
    'https://acme.example/',
  ];

  test.each(hostileWebsites.map((value) => [value]))(
    'website %j launches nothing',
    async (value) => {
      const launched = await open('website', value);
      counts.hostileUrlsOpened += launched.length;
      expect(launched).toEqual([]);
    },
  );

  test.each(hostileEmails.map((value) => [value]))('e-mail %j launches nothing', async (value) => {
    const launched = await open('email', value);
    counts.hostileUrlsOpened += launched.length;
    expect(launched).toEqual([]);
  });

  test('generated hostile values launch nothing, as websites or as e-mails', async () => {
    const headerInjection = fc
      .tuple(
        fc.emailAddress(),
        fc.constantFrom('?bcc=', '?cc=', '&bcc=', '%0abcc:', '%0d%0a', ',', ';', '\n', '#'),
        fc.emailAddress(),
      )
      .map(([to, glue, extra]) => `${to}${glue}${extra}`);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(
            fc.constant('website' as const),
            fc.oneof(generatedHostile, generatedCredentials),
          ),
          // As a website, `a@b.example?bcc=…` is a plain https path on a plain host: only hostile as mail.
          fc.tuple(
            fc.constant('email' as const),
            fc.oneof(generatedHostile, generatedCredentials, headerInjection),
          ),
        ),
        async ([kind, value]) => {
          const launched = await open(kind, value);
          counts.hostileUrlsOpened += launched.length;
          expect(launched).toEqual([]);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  // Whatever the value, what launches is plain: https://host.tld/… or mailto:address — never a
  // scheme, host or header the value smuggled in.
  test('any value launches at most one plain https:/mailto: link, composed by main', async () => {
    const plainHref =
      /^(https:\/\/([a-z0-9-]+\.)+[a-z]{2,63}\/[^\s\\]*|mailto:[A-Za-z0-9.!$&'*+=^_`{|}~-]+@([a-z0-9-]+\.)+[a-z]{2,63})$/i;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('website' as const, 'email' as const),
        fc.oneof(fc.string(), fc.webUrl(), fc.domain(), fc.emailAddress(), generatedHostile),
        async (kind, value) => {
          const launched = await open(kind, value);
          const bad = launched.filter((href) => !plainHref.test(href) || !isComposedLink(href));
          counts.hostileUrlsOpened += bad.length;
          expect(bad).toEqual([]);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  // "Open in maps": whatever the address holds, what launches is OpenStreetMap's search with the
  // address as its one, percent-encoded query — never another origin, path, parameter or fragment.
  test('any address launches at most the OpenStreetMap search, its text the only query', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.webUrl(), fc.emailAddress(), generatedHostile),
        async (value) => {
          const launched = await open('address', value);
          const bad = launched.filter((href) => {
            const url = new URL(href);
            return (
              url.origin !== 'https://www.openstreetmap.org' ||
              url.pathname !== '/search' ||
              url.hash !== '' ||
              [...url.searchParams.keys()].join() !== 'query' ||
              !isComposedLink(href)
            );
          });
          counts.hostileUrlsOpened += bad.length;
          expect(bad).toEqual([]);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  test.each([
    ['website', 'www.acme.example', 'https://www.acme.example/'],
    ['website', 'https://acme.example/contact?x=1', 'https://acme.example/contact?x=1'],
    ['email', 'ann.lee+sales@acme.example', 'mailto:ann.lee+sales@acme.example'],
  ] as const)('plain %s %j launches exactly %j', async (kind, value, href) => {
    expect(await open(kind, value)).toEqual([href]);
  });
});
