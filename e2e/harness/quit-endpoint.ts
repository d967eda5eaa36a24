// The harness has no window to close: `POST /__harness/quit?secret=…` stands in for the close
// button (main's quit guard asks the page, as in the app), and `GET` answers the guard's state —
// `quitting` is where the app would now exit — so an e2e spec can drive and watch a quit.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { QuitGuard } from '../../src-main/quit/quit-guard';

export const QUIT_PATH = '/__harness/quit';

function sameSecret(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Handles the quit endpoint; false when the request is for another path. */
export function handleQuitEndpoint(
  req: IncomingMessage,
  res: ServerResponse,
  { guard, secret }: { guard: QuitGuard; secret: string },
): boolean {
  const url = new URL(req.url ?? '/', 'http://harness');
  if (url.pathname !== QUIT_PATH) return false;
  const answer = (status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  if (!sameSecret(url.searchParams.get('secret'), secret)) {
    answer(401, { error: 'wrong or missing secret' });
  } else if (req.method === 'POST') {
    answer(200, { quitAtOnce: guard.request('close'), state: guard.state });
  } else if (req.method === 'GET') {
    answer(200, { state: guard.state, quitBy: guard.quitBy });
  } else {
    answer(405, { error: 'GET or POST' });
  }
  return true;
}
