import { beforeEach, describe, expect, test, vi } from 'vitest';

const shell = vi.hoisted(() => ({
  openExternal: vi.fn(async (_url: string, _opts?: object) => {}),
}));
vi.mock('electron', () => ({ shell }));

const { checkExternalUrl, openComposedLink, openExternalSafely } = await import('./external-links');

beforeEach(() => shell.openExternal.mockReset());

describe('openExternalSafely', () => {
  test('opens an https: URL in the browser, normalized', async () => {
    const result = await openExternalSafely('https://auth.example.com/authorize?client_id=a b');
    expect(result).toEqual({ ok: true, value: null });
    expect(shell.openExternal).toHaveBeenCalledWith(
      'https://auth.example.com/authorize?client_id=a%20b',
      { activate: true },
    );
  });

  test.each([
    'http://auth.example.com/authorize',
    'http://127.0.0.1:4010/authorize',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://fieldbook/index.html',
    'smb://server/share',
    'ms-settings:privacy',
    'https://user:password@auth.example.com/',
    'not a url',
    '',
  ])('refuses %s without touching the shell', async (url) => {
    const result = await openExternalSafely(url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/https:\/\//);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  test('a browser that cannot be started is a Result, not a throw', async () => {
    shell.openExternal.mockRejectedValueOnce(new Error('xdg-open missing'));
    const result = await openExternalSafely('https://auth.example.com/');
    expect(result).toMatchObject({ ok: false, error: { kind: 'network' } });
  });
});

describe('checkExternalUrl with allowLoopbackHttp (the local sandbox)', () => {
  test.each([
    ['http://127.0.0.1:4010/authorize', true],
    ['http://127.5.6.7/x', true],
    ['http://localhost:4010/x', true],
    ['http://[::1]:4010/x', true],
    ['http://192.168.1.10/x', false],
    ['http://127.0.0.1.evil.example/x', false],
    ['http://localhost.evil.example/x', false],
    ['ftp://127.0.0.1/x', false],
  ])('%s → allowed: %s', (url, allowed) => {
    expect(checkExternalUrl(url, { allowLoopbackHttp: true }).ok).toBe(allowed);
    expect(checkExternalUrl(url).ok).toBe(false);
  });
});

describe('openComposedLink (links.open)', () => {
  test.each([
    'https://acme.example/',
    'https://www.acme.example/about?x=1',
    'mailto:ann@acme.example',
    'https://www.openstreetmap.org/search?query=Hauptstr.%201%2C%20Berlin',
  ])('opens the composed %s as it is', async (href) => {
    expect(await openComposedLink(href)).toEqual({ ok: true, value: null });
    expect(shell.openExternal.mock.calls).toEqual([[href, { activate: true }]]);
  });

  test.each([
    'https://acme.example',
    'acme.example',
    'http://acme.example/',
    'https://user:pw@acme.example/',
    'mailto:ann@acme.example?bcc=eve@evil.example',
    'mailto:ann@acme.example,eve@evil.example',
    'javascript:alert(1)',
    'file:///etc/passwd',
  ])('refuses %s: not what the composers produce', async (href) => {
    expect(await openComposedLink(href)).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  test('no mail program is a Result in words', async () => {
    shell.openExternal.mockRejectedValueOnce(new Error('no handler'));
    const answer = await openComposedLink('mailto:ann@acme.example');
    expect(answer).toMatchObject({ ok: false, error: { kind: 'network' } });
    if (!answer.ok) expect(answer.error.message).toMatch(/e-mail program/);
  });
});
