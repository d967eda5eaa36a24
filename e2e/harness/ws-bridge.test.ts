import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { attachWsBridge } from './ws-bridge';

let server: Server | undefined;
let closeBridge: (() => Promise<void>) | undefined;
afterEach(async () => {
  await closeBridge?.();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function start() {
  server = createServer((_req, res) => res.end());
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const calls: { channel: string; senderUrl: string; payload: unknown }[] = [];
  const bridge = attachWsBridge({
    server,
    secret: 'right-secret',
    origin: () => origin,
    handle: async (channel, senderUrl, payload) => {
      calls.push({ channel, senderUrl, payload });
      return { ok: true, value: 'pong' };
    },
  });
  closeBridge = bridge.close;
  return { origin, calls, bridge, ws: origin.replace('http', 'ws') + '/__harness/ws' };
}

/** Resolves with the HTTP status the upgrade was refused with, or 101 when it was accepted. */
function connectStatus(url: string, origin: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { origin });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('error', () => resolve(0));
  });
}

describe('harness WebSocket bridge', () => {
  it('refuses a wrong or missing secret and a foreign origin', async () => {
    const { origin, ws } = await start();
    expect(await connectStatus(`${ws}?secret=wrong`, origin)).toBe(401);
    expect(await connectStatus(ws, origin)).toBe(401);
    expect(await connectStatus(`${ws}?secret=right-secret`, 'http://evil.example')).toBe(403);
    expect(await connectStatus(`${ws}?secret=right-secret`, origin)).toBe(101);
  });

  it('hands requests to the router with the page origin as sender and answers by id', async () => {
    const { origin, ws, calls } = await start();
    const socket = new WebSocket(`${ws}?secret=right-secret`, { origin });
    await new Promise((resolve) => socket.once('open', resolve));
    const answer = new Promise<unknown>((resolve) =>
      socket.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    socket.send(JSON.stringify({ id: 7, channel: 'connections.list', payload: { a: 1 } }));
    expect(await answer).toEqual({ id: 7, result: { ok: true, value: 'pong' } });
    expect(calls).toEqual([
      { channel: 'connections.list', senderUrl: `${origin}/`, payload: { a: 1 } },
    ]);
    socket.close();
  });

  it('pushes events as {event, payload} to every connected page, apart from answers', async () => {
    const { origin, ws, bridge } = await start();
    const open = async () => {
      const socket = new WebSocket(`${ws}?secret=right-secret`, { origin });
      await new Promise((resolve) => socket.once('open', resolve));
      const messages: unknown[] = [];
      socket.on('message', (data) => messages.push(JSON.parse(String(data))));
      return { socket, messages };
    };
    const first = await open();
    const second = await open();
    const refused = new WebSocket(`${ws}?secret=wrong`, { origin });
    const refusedMessages: unknown[] = [];
    refused.on('message', (data) => refusedMessages.push(String(data)));
    refused.on('error', () => {});

    const payload = { connectionId: 'r2-1', state: 'signed_in' };
    bridge.push('auth.changed', payload);
    const expected = { event: 'auth.changed', payload };
    await expect.poll(() => [first.messages, second.messages]).toEqual([[expected], [expected]]);
    expect(refusedMessages).toEqual([]);
    first.socket.close();
    second.socket.close();
  });
});
