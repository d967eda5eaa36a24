// The harness's stand-in for the window's close button (e2e/harness/quit-endpoint.ts): asks main's
// quit guard to quit, and reads its state (`quitting` is where the app would now exit).
import type { Page } from '@playwright/test';

export type QuitState = 'idle' | 'asking' | 'deciding' | 'quitting';

function quitUrl(page: Page): string {
  const url = new URL(page.url());
  const secret = url.searchParams.get('harness') ?? '';
  return `${url.origin}/__harness/quit?secret=${encodeURIComponent(secret)}`;
}

/** Like clicking the window's close button: main asks the page before it quits. */
export async function requestQuit(page: Page): Promise<void> {
  const answer = await page.request.post(quitUrl(page));
  if (!answer.ok()) throw new Error(`quit request refused: ${answer.status()}`);
}

export async function quitState(page: Page): Promise<QuitState> {
  return (await quitStatus(page)).state;
}

/** The state, and once quitting whether the page answered (not a timeout or a session end). */
export async function quitStatus(page: Page): Promise<{ state: QuitState; quitBy: string | null }> {
  const answer = await page.request.get(quitUrl(page));
  return (await answer.json()) as { state: QuitState; quitBy: string | null };
}
