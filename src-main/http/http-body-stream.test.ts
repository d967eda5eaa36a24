// requestStream over real HTTP on loopback: the same retries as request until a success, then the
// body read piece by piece, each read with its own time limit, and a non-JSON success refused.
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../src-shared/ipc/result';
import { createHttpClient } from './http-client';
import { createPacer } from './pacer';
import { startLocalServer, type Handler, type LocalServer } from './test-support/local-server';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(handler: Handler, timeoutMs = 2000) {
  server = await startLocalServer(handler);
  return createHttpClient({
    baseUrl: server.baseUrl,
    tokenProvider: {
      accessToken: async () => ok('token-abcdef'),
      refreshAfterUnauthorized: async () => ok('token-abcdef'),
    },
    pacer: createPacer({ limit: 6000 }),
    parseErrorBody: () => ({}),
    timeoutMs,
    getBackoff: { baseMs: 1, capMs: 5, maxAttempts: 3 },
  });
}

describe('requestStream', () => {
  it('retries a 503 like request, then hands the body out as it arrives', async () => {
    let calls = 0;
    const client = await clientFor((_req, res) => {
      calls += 1;
      if (calls === 1) {
        res.writeHead(503).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[1,');
      setTimeout(() => res.end('2]'), 50);
    });
    const answer = await client.requestStream({ method: 'GET', path: 'customer/' });
    if (!answer.ok) throw new Error(answer.error.message);
    let text = '';
    for (;;) {
      const bytes = await answer.value.body.read();
      if (!bytes.ok) throw new Error(bytes.error.message);
      if (bytes.value === null) break;
      text += new TextDecoder().decode(bytes.value);
    }
    expect(text).toBe('[1,2]');
    expect(calls).toBe(2);
  });

  it('a body that stalls mid-way fails its read after the time limit, in words', async () => {
    const client = await clientFor((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[1,');
    }, 300);
    const answer = await client.requestStream({ method: 'GET', path: 'customer/' });
    if (!answer.ok) throw new Error(answer.error.message);
    const first = await answer.value.body.read();
    expect(first.ok).toBe(true);
    expect(await answer.value.body.read()).toEqual({
      ok: false,
      error: {
        kind: 'network',
        message: 'The server stopped sending for 1 second in the middle of its answer.',
      },
    });
  });

  it('a success that is not JSON is refused before anything is read', async () => {
    const client = await clientFor((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>sign in</html>');
    });
    const answer = await client.requestStream({ method: 'GET', path: 'customer/' });
    expect(answer.ok ? null : answer.error).toMatchObject({
      kind: 'bad_response',
      message: expect.stringMatching(/text\/html instead of JSON/),
    });
  });
});
