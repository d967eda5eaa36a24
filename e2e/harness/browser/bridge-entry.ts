// Runs in the page, before the app's module script: gives it the same `window.fieldbook` the
// preload gives it in Electron, built by the same factory, but carried over the harness WebSocket.
import { createFieldbookApi } from '../../../src-shared/ipc/client';
import type { Channel } from '../../../src-shared/ipc/channels';

// This file is bundled for the browser; tsconfig.node has no DOM lib, so declare what we touch.
interface BrowserSocket {
  readyState: number;
  send(data: string): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}
declare const WebSocket: { new (url: string): BrowserSocket; readonly OPEN: number };
declare const location: { protocol: string; host: string; search: string };
declare const window: { fieldbook?: unknown };

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

const secret = new URLSearchParams(location.search).get('harness') ?? '';
const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
const socketUrl = `${scheme}://${location.host}/__harness/ws?secret=${encodeURIComponent(secret)}`;

let socket: BrowserSocket | undefined;
let opened: Promise<BrowserSocket> | undefined;
const pending = new Map<number, Pending>();
let nextId = 1;

function connect(): Promise<BrowserSocket> {
  if (opened && socket && socket.readyState <= WebSocket.OPEN) return opened;
  const fresh = new WebSocket(socketUrl);
  socket = fresh;
  opened = new Promise((resolve, reject) => {
    fresh.addEventListener('open', () => resolve(fresh));
    fresh.addEventListener('error', () => reject(new Error('harness socket failed')));
  });
  fresh.addEventListener('message', (event) => {
    const answer = JSON.parse(String(event.data)) as { id: number; result: unknown };
    pending.get(answer.id)?.resolve(answer.result);
    pending.delete(answer.id);
  });
  fresh.addEventListener('close', () => {
    for (const waiting of pending.values()) waiting.reject(new Error('harness socket closed'));
    pending.clear();
    opened = undefined;
  });
  return opened;
}

async function invoke(channel: Channel, payload: unknown): Promise<unknown> {
  const ready = await connect();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    ready.send(JSON.stringify({ id, channel, payload }));
  });
}

window.fieldbook = createFieldbookApi(invoke);
