// The harness's stand-in for Electron IPC: one WebSocket endpoint on the page's own origin that
// hands each `{id, channel, payload}` to main's IPC router and sends back `{id, result}`, and
// pushes main's events as `{event, payload}` (webContents.send in Electron).
// Only the page this harness served may connect: a random per-run secret AND its Origin.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

export const SOCKET_PATH = '/__harness/ws';

export interface WsBridgeOptions {
  server: Server;
  secret: string;
  /** The one Origin allowed to connect, e.g. `http://127.0.0.1:5173`. */
  origin: () => string;
  /** Main's IPC router; `senderUrl` is the page URL (origin), as Electron's sender frame gives. */
  handle: (channel: string, senderUrl: string, payload: unknown) => Promise<unknown>;
  log?: (line: string) => void;
}

function sameSecret(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(socket: Duplex, status: 401 | 403 | 404, reason: string) {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export interface WsBridge {
  /** Sends one event (already parsed by main's event hub) to every connected page. */
  push(event: string, payload: unknown): void;
  close(): Promise<void>;
}

export function attachWsBridge(options: WsBridgeOptions): WsBridge {
  const log = options.log ?? (() => {});
  const wss = new WebSocketServer({ noServer: true, maxPayload: 10 * 1024 * 1024 });

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://harness');
    if (url.pathname !== SOCKET_PATH) return refuse(socket, 404, 'Not Found');
    if (!sameSecret(url.searchParams.get('secret'), options.secret)) {
      log('harness: refused a WebSocket with a wrong or missing secret');
      return refuse(socket, 401, 'Unauthorized');
    }
    if (request.headers.origin !== options.origin()) {
      log(`harness: refused a WebSocket from origin ${String(request.headers.origin)}`);
      return refuse(socket, 403, 'Forbidden');
    }
    wss.handleUpgrade(request, socket, head, (ws) => serve(ws, `${options.origin()}/`));
  };

  function serve(ws: WebSocket, senderUrl: string) {
    ws.on('message', (data) => {
      let message: { id?: unknown; channel?: unknown; payload?: unknown };
      try {
        message = JSON.parse(String(data)) as typeof message;
      } catch {
        return ws.close(1003, 'not JSON');
      }
      if (typeof message.id !== 'number') return ws.close(1003, 'no id');
      const { id } = message;
      void options
        .handle(String(message.channel), senderUrl, message.payload)
        .then((result) => ws.send(JSON.stringify({ id, result })));
    });
  }

  options.server.on('upgrade', onUpgrade);
  return {
    push(event, payload) {
      const message = JSON.stringify({ event, payload });
      // Every client got past the secret and Origin checks: each is a page this harness served.
      for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(message);
    },
    close: () =>
      new Promise<void>((resolve) => {
        options.server.off('upgrade', onUpgrade);
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}
