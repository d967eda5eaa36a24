// The page side of the harness bridge (browser/bridge-entry.ts), built exactly as the harness
// serves it and run in a VM with a scripted WebSocket: answers resolve calls, main's events reach
// the `on` listeners of their name, and a page that listens keeps its event stream open.
import vm from 'node:vm';
import { beforeAll, describe, expect, test } from 'vitest';
import type { FieldbookApi } from '../../src-shared/ipc/fieldbook-api';
import { buildBridgeScript } from './bridge-bundle';

let script: string;
beforeAll(async () => {
  script = await buildBridgeScript();
});

type Listener = (event?: { data: unknown }) => void;

/** A page with the bridge script loaded; `sockets` are the WebSockets it opened, in order. */
function loadPage() {
  const sockets: ScriptedSocket[] = [];
  const timers: (() => void)[] = [];
  class ScriptedSocket {
    static readonly OPEN = 1;
    readyState = 0;
    readonly sent: { id: number; channel: string; payload: unknown }[] = [];
    readonly listeners = new Map<string, Listener[]>();
    constructor(readonly url: string) {
      sockets.push(this);
    }
    addEventListener(type: string, listener: Listener) {
      this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
    }
    send(data: string) {
      this.sent.push(JSON.parse(data) as ScriptedSocket['sent'][number]);
    }
    fire(type: string, event?: { data: unknown }) {
      for (const listener of this.listeners.get(type) ?? []) listener(event);
    }
    open() {
      this.readyState = 1;
      this.fire('open');
    }
    receive(message: unknown) {
      this.fire('message', { data: JSON.stringify(message) });
    }
    close() {
      this.readyState = 3;
      this.fire('close');
    }
  }
  const window: { fieldbook?: FieldbookApi } = {};
  const context = vm.createContext({
    WebSocket: ScriptedSocket,
    location: { protocol: 'http:', host: '127.0.0.1:5173', search: '?harness=s3cret' },
    window,
    URLSearchParams,
    setTimeout: (task: () => void) => timers.push(task),
  });
  new vm.Script(script, { filename: 'bridge.js' }).runInContext(context);
  const runTimers = () => timers.splice(0).forEach((task) => task());
  return { api: window.fieldbook!, sockets, runTimers };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the page side of the harness bridge', () => {
  test('an event from main reaches the listeners of its name, and nothing else does', async () => {
    const { api, sockets } = loadPage();
    const auth: unknown[] = [];
    const lists: unknown[] = [];
    api.on('auth.changed', (payload) => auth.push(payload));
    api.on('connections.changed', (payload) => lists.push(payload));
    expect(sockets).toHaveLength(1); // listening alone opens the socket
    expect(sockets[0]?.url).toBe('ws://127.0.0.1:5173/__harness/ws?secret=s3cret');
    sockets[0]!.open();

    const payload = { connectionId: 'r2-1', state: 'signed_in' };
    sockets[0]!.receive({ event: 'auth.changed', payload });
    sockets[0]!.receive({ event: 'auth.status', payload: { state: 'signed_out' } });
    sockets[0]!.receive({ event: 'toString', payload: {} });
    expect(JSON.stringify(auth)).toBe(JSON.stringify([payload]));
    expect(lists).toEqual([]);
  });

  test('answers still resolve their calls by id beside events', async () => {
    const { api, sockets } = loadPage();
    const listing = api.connections.list();
    await flush();
    sockets[0]!.open();
    await flush();
    const sent = sockets[0]!.sent[0]!;
    expect(sent).toMatchObject({ channel: 'connections.list' });
    sockets[0]!.receive({ event: 'connections.changed', payload: { connections: [] } });
    sockets[0]!.receive({ id: sent.id, result: { ok: true, value: { connections: [] } } });
    expect(JSON.stringify(await listing)).toBe('{"ok":true,"value":{"connections":[]}}');
  });

  test('a listening page reopens a lost socket; one that stopped listening does not', async () => {
    const { api, sockets, runTimers } = loadPage();
    const heard: unknown[] = [];
    const stop = api.on('auth.changed', (payload) => heard.push(payload));
    sockets[0]!.open();
    sockets[0]!.close(); // the harness restarted
    runTimers();
    expect(sockets).toHaveLength(2);
    sockets[1]!.open();
    sockets[1]!.receive({
      event: 'auth.changed',
      payload: { connectionId: 'a', state: 'signed_in' },
    });
    expect(heard).toHaveLength(1);

    stop();
    sockets[1]!.receive({
      event: 'auth.changed',
      payload: { connectionId: 'a', state: 'signed_out' },
    });
    expect(heard).toHaveLength(1);
    sockets[1]!.close();
    runTimers();
    expect(sockets).toHaveLength(2);
  });
});
