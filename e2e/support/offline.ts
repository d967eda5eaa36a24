// Taking the page offline the way the OS does for the app: navigator.onLine turns false and the
// window hears `offline` (what the sync runner listens to: lib/sync/engine/browser-signals.ts).
// Not context.setOffline(): in the harness that also cuts the page's WebSocket to main — the
// stand-in for Electron's IPC, which no network outage can cut — and it never comes back.
import type { Page } from '@playwright/test';
import type { Sandbox } from '../../sandbox/index';

export async function setOnline(page: Page, online: boolean): Promise<void> {
  await page.evaluate((online) => {
    // This file is compiled without the DOM library: the page's globals, typed as far as used.
    const page = globalThis as unknown as {
      navigator: object;
      dispatchEvent(event: Event): boolean;
    };
    Object.defineProperty(Object.getPrototypeOf(page.navigator), 'onLine', {
      configurable: true,
      get: () => online,
    });
    page.dispatchEvent(new Event(online ? 'online' : 'offline'));
  }, online);
}

/** Customer writes (POST, PUT, PATCH) the sandbox has answered so far: none may happen offline. */
export function customerWrites(sandbox: Sandbox): number {
  return Object.entries(sandbox.state().requests)
    .filter(([endpoint]) => /^(POST|PUT|PATCH) .*customer/.test(endpoint))
    .reduce((sum, [, count]) => sum + count, 0);
}
