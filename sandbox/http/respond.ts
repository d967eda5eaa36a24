// Responses built by the API handlers as plain values. The server writes them, or — when the
// "lost response" fault fires — commits the work and destroys the socket instead of writing.
import type { ServerResponse } from 'node:http';

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  /**
   * Serialised as JSON unless it is already a string (then sent as text/html, or under the
   * handler's own content-type: R2's list serialises its page itself).
   */
  body?: unknown;
  /** A JSON body produced piece by piece (e.g. a 100k-customer list), sent chunked. */
  chunks?: Iterable<string>;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return { status, body, headers } satisfies SandboxResponse;
}

export function noContent(): SandboxResponse {
  return { status: 204 };
}

export async function writeResponse(res: ServerResponse, response: SandboxResponse): Promise<void> {
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...response.headers };
  if (response.chunks) {
    res.writeHead(response.status, { ...headers, 'content-type': 'application/json' });
    for (const chunk of response.chunks) {
      // Respect backpressure so a huge list never sits in memory twice.
      if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      // Let other requests in between chunks instead of blocking the loop for the whole list.
      else await new Promise((resolve) => setImmediate(resolve));
      if (res.destroyed) return;
    }
    res.end();
    return;
  }
  let payload: Buffer | undefined;
  if (typeof response.body === 'string') {
    payload = Buffer.from(response.body);
    headers['content-type'] ??= 'text/html; charset=utf-8';
  } else if (response.body !== undefined) {
    payload = Buffer.from(JSON.stringify(response.body));
    headers['content-type'] = 'application/json';
  }
  // Encoded once, as bytes. Written as a string, a body was read twice (its UTF-8 length, then
  // its encoding for the socket) and first joined to the header text, a copy of the whole page:
  // ~1.2 ms of the sandbox's CPU per 600 KB list page (docs/sandbox.md).
  if (payload !== undefined) headers['content-length'] = String(payload.length);
  res.writeHead(response.status, headers);
  res.end(payload);
}
