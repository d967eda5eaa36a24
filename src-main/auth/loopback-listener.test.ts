import { describe, expect, it } from 'vitest';
import { startLoopbackListener } from './loopback-listener';

describe('loopback listener', () => {
  it('listens on 127.0.0.1 and a random port, and answers the one valid hit with a closing page', async () => {
    const first = await startLoopbackListener('state-1');
    const second = await startLoopbackListener('state-2');
    try {
      expect(first.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
      expect(first.redirectUri).not.toBe(second.redirectUri);
      const response = await fetch(`${first.redirectUri}?code=abc&state=state-1`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('You can close this tab and return to Fieldbook');
      const params = await first.callback;
      expect(params.get('code')).toBe('abc');
      // One-shot: the port is closed after the valid hit.
      await expect(fetch(`${first.redirectUri}?code=abc&state=state-1`)).rejects.toThrow();
    } finally {
      first.close();
      second.close();
    }
  });

  it('refuses hits without the expected state, other paths and other methods, and keeps waiting', async () => {
    const listener = await startLoopbackListener('expected');
    try {
      const base = listener.redirectUri;
      expect((await fetch(`${base}?code=abc&state=wrong`)).status).toBe(400);
      expect((await fetch(`${base}?code=abc`)).status).toBe(400);
      expect((await fetch(base.replace('/callback', '/other?state=expected'))).status).toBe(404);
      expect((await fetch(`${base}?state=expected`, { method: 'POST' })).status).toBe(404);
      let settled = false;
      void listener.callback.then(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(settled).toBe(false);
      const ok = await fetch(`${base}?error=access_denied&state=expected`);
      expect(await ok.text()).toContain('Sign-in was not completed');
      expect((await listener.callback).get('error')).toBe('access_denied');
    } finally {
      listener.close();
    }
  });
});
