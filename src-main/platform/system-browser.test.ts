import { beforeEach, describe, expect, it, vi } from 'vitest';

const shell = vi.hoisted(() => ({
  openExternal: vi.fn(async (_url: string, _opts?: object) => {}),
}));
vi.mock('electron', () => ({ shell }));

const { createSystemBrowser } = await import('./system-browser');

beforeEach(() => shell.openExternal.mockReset());

describe('system browser adapter', () => {
  it('opens https sign-in pages and the loopback sandbox’s http page', async () => {
    const browser = createSystemBrowser();
    await browser.open('https://login.example.com/authorize?client_id=fb');
    await browser.open('http://127.0.0.1:4010/oauth/authorize?client_id=fb');
    expect(shell.openExternal.mock.calls.map((call) => call[0])).toEqual([
      'https://login.example.com/authorize?client_id=fb',
      'http://127.0.0.1:4010/oauth/authorize?client_id=fb',
    ]);
  });

  it('refuses plain http elsewhere and other schemes, without opening anything', async () => {
    const browser = createSystemBrowser();
    await expect(browser.open('http://login.example.com/authorize')).rejects.toThrow(/https/);
    await expect(browser.open('file:///etc/passwd')).rejects.toThrow(/https/);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
