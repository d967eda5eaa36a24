// A bare DevTools-protocol client on one page of our Chromium, for the timed part of a benchmark.
// WHY not Playwright's own session: Playwright enables the Network domain on every page it is
// attached to, and Chromium then copies every WebSocket frame to it — the harness's bridge carries
// each ~600 KB list page that way: in the R2 pull the page, the browser process and the bench
// process spent ~27 ms of CPU per page (of ~120) copying and parsing frames no user's app ever
// sends. This client enables nothing on its own; a caller turns on only what it measures.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import WebSocket from 'ws';

export interface PageProtocol {
  post(method: string, params?: object): Promise<unknown>;
  /** Evaluates `expression` in the page, awaits the promise it gives, answers its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  close(): void;
}

/** Chromium writes its DevTools port and browser path into the profile folder once it listens. */
export async function devToolsOrigin(profileDir: string): Promise<string> {
  const [port] = (await readFile(join(profileDir, 'DevToolsActivePort'), 'utf8')).split('\n');
  return `127.0.0.1:${port}`;
}

export async function browserEndpoint(profileDir: string): Promise<string> {
  const [port, path] = (await readFile(join(profileDir, 'DevToolsActivePort'), 'utf8')).split('\n');
  return `ws://127.0.0.1:${port}${path}`;
}

/** The one page target whose address starts with `url`. */
export async function pageProtocol(profileDir: string, url: string): Promise<PageProtocol> {
  const origin = await devToolsOrigin(profileDir);
  const targets = (await (await fetch(`http://${origin}/json/list`)).json()) as {
    type: string;
    url: string;
    webSocketDebuggerUrl: string;
  }[];
  const target = targets.find((t) => t.type === 'page' && t.url.startsWith(url));
  if (!target) throw new Error(`no page at ${url}: ${targets.map((t) => t.url).join(', ')}`);
  const socket = new WebSocket(target.webSocketDebuggerUrl, { maxPayload: 256 * 1024 * 1024 });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let id = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    if (message.id === undefined) return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) waiter?.reject(new Error(message.error.message));
    else waiter?.resolve(message.result);
  });
  socket.on('close', () => {
    for (const waiter of pending.values()) waiter.reject(new Error('DevTools socket closed'));
    pending.clear();
  });
  const post = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => {
      id += 1;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  return {
    post,
    async evaluate<T>(expression: string) {
      const answer = (await post('Runtime.evaluate', {
        expression,
        awaitPromise: true,
        returnByValue: true,
      })) as {
        result: { value?: unknown };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      };
      if (answer.exceptionDetails) {
        const { text, exception } = answer.exceptionDetails;
        throw new Error(exception?.description ?? text);
      }
      return answer.result.value as T;
    },
    close: () => socket.close(),
  };
}
