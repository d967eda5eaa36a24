// Runs in the page, before the app's module script: gives it the same `window.fieldbook` the
// preload gives it in Electron, built by the same factory, but carried over the harness WebSocket.
// Answers come back as `{id, result}`, main's events as `{event, payload}`.
import { createFieldbookApi, type Subscribe } from '../../../src-shared/ipc/client';
import type { Channel } from '../../../src-shared/ipc/channels';
import { isEventName, type EventName } from '../../../src-shared/ipc/event-names';

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
type Message = { id?: unknown; result?: unknown; event?: unknown; payload?: unknown };

const secret = new URLSearchParams(location.search).get('harness') ?? '';
const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
const socketUrl = `${scheme}://${location.host}/__harness/ws?secret=${encodeURIComponent(secret)}`;

let socket: BrowserSocket | undefined;
let opened: Promise<BrowserSocket> | undefined;
const pending = new Map<number, Pending>();
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
let nextId = 1;
/** Events arrive only over an open socket: while anyone listens, a lost one is reopened. */
let reconnectDelayMs = 250;

function connect(): Promise<BrowserSocket> {
  if (opened && socket && socket.readyState <= WebSocket.OPEN) return opened;
  const fresh = new WebSocket(socketUrl);
  socket = fresh;
  opened = new Promise((resolve, reject) => {
    fresh.addEventListener('open', () => {
      reconnectDelayMs = 250;
      resolve(fresh);
    });
    fresh.addEventListener('error', () => reject(new Error('harness socket failed')));
  });
  fresh.addEventListener('message', (event) => receive(JSON.parse(String(event.data)) as Message));
  fresh.addEventListener('close', () => {
    for (const waiting of pending.values()) waiting.reject(new Error('harness socket closed'));
    pending.clear();
    opened = undefined;
    if (hasListeners()) reconnectLater();
  });
  return opened;
}

function receive(message: Message): void {
  if (typeof message.id === 'number') {
    pending.get(message.id)?.resolve(message.result);
    pending.delete(message.id);
    return;
  }
  if (!isEventName(message.event)) return;
  for (const deliver of [...(listeners.get(message.event) ?? [])]) deliver(message.payload);
}

function hasListeners(): boolean {
  return [...listeners.values()].some((set) => set.size > 0);
}

function reconnectLater(): void {
  setTimeout(() => {
    if (hasListeners()) connect().catch(() => {});
  }, reconnectDelayMs);
  reconnectDelayMs = Math.min(reconnectDelayMs * 2, 10_000);
}

async function invoke(channel: Channel, payload: unknown): Promise<unknown> {
  const ready = await connect();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    ready.send(JSON.stringify({ id, channel, payload }));
  });
}

const subscribe: Subscribe = (event, deliver) => {
  const set = listeners.get(event) ?? new Set();
  listeners.set(event, set.add(deliver));
  // A failed open is retried by the close handler; the listener simply hears nothing until then.
  connect().catch(() => {});
  return () => {
    set.delete(deliver);
  };
};

window.fieldbook = createFieldbookApi(invoke, subscribe);
