// The one-shot redirect target of a browser sign-in (RFC 8252 §7.3): an HTTP listener on
// 127.0.0.1 and a random port that accepts exactly one hit carrying the expected `state`.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CALLBACK_PATH = '/callback';

export interface LoopbackListener {
  redirectUri: string;
  /** The callback's query parameters, once a hit with the right `state` arrived. */
  callback: Promise<URLSearchParams>;
  close(): void;
}

function page(title: string, text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto">
<h1>${title}</h1><p>${text}</p></body></html>`;
}

function answer(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'Referrer-Policy': 'no-referrer',
    Connection: 'close',
  });
  response.end(html);
}

export async function startLoopbackListener(expectedState: string): Promise<LoopbackListener> {
  let resolveCallback!: (params: URLSearchParams) => void;
  const callback = new Promise<URLSearchParams>((resolve) => (resolveCallback = resolve));
  let done = false;

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (done || request.method !== 'GET' || url.pathname !== CALLBACK_PATH) {
      return answer(response, 404, page('Not found', 'Fieldbook is not waiting for this page.'));
    }
    // A hit with another state is not our sign-in (a stale tab, or a forged request): refuse it
    // and keep waiting for the real one.
    if (url.searchParams.get('state') !== expectedState) {
      return answer(
        response,
        400,
        page(
          'This sign-in does not match',
          'This page does not belong to the sign-in Fieldbook is waiting for. Close this tab and ' +
            'start the sign-in again from Fieldbook.',
        ),
      );
    }
    done = true;
    const failed = url.searchParams.has('error');
    answer(
      response,
      200,
      failed
        ? page('Sign-in was not completed', 'You can close this tab and return to Fieldbook.')
        : page('Signed in', 'You can close this tab and return to Fieldbook.'),
    );
    response.on('finish', close);
    resolveCallback(url.searchParams);
  });

  function close(): void {
    server.close();
    server.closeAllConnections();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`, callback, close };
}
