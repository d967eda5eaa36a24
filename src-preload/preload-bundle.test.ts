// Checks the BUILT preload (out/preload/index.cjs): a sandboxed renderer can only run one
// CommonJS file whose sole `require` is 'electron'. `npm test` builds before it runs the tests.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, test, vi } from 'vitest';
import { channels } from '../src-shared/ipc/channels';
import { eventNames } from '../src-shared/ipc/event-names';

const bundlePath = join(import.meta.dirname, '../out/preload/index.cjs');

function readBundle(): string {
  if (!existsSync(bundlePath)) {
    throw new Error(
      `${bundlePath} does not exist: run \`npm run build\` first (npm test builds before testing).`,
    );
  }
  return readFileSync(bundlePath, 'utf8');
}

/** Runs the bundle the way Electron's sandboxed preload does: a script with `require`. */
function runBundle(code: string) {
  const required: string[] = [];
  const exposed = new Map<string, unknown>();
  const invoke = vi.fn(async (channel: string, payload: unknown) => ({
    ok: true,
    value: { channel, payload },
  }));
  type IpcListener = (event: unknown, payload: unknown) => void;
  const listeners = new Map<string, Set<IpcListener>>();
  const ipcRenderer = {
    invoke,
    on: vi.fn((channel: string, listener: IpcListener) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    }),
    removeListener: vi.fn((channel: string, listener: IpcListener) => {
      listeners.get(channel)?.delete(listener);
    }),
  };
  /** What main's webContents.send does: every listener gets Electron's event object first. */
  const send = (channel: string, payload: unknown) => {
    const event = { sender: ipcRenderer, senderFrame: null };
    for (const listener of listeners.get(channel) ?? []) listener(event, payload);
  };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer,
  };
  const module = { exports: {} };
  const context = vm.createContext({
    module,
    exports: module.exports,
    require: (name: string) => {
      required.push(name);
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require "${name}"`);
      return electron;
    },
  });
  new vm.Script(code, { filename: 'index.cjs' }).runInContext(context);
  return { required, exposed, invoke, ipcRenderer, listeners, send };
}

type Listen = (event: string, listener: (...args: unknown[]) => void) => () => void;

describe('the built preload bundle', () => {
  test('is one CommonJS script (no ESM syntax, no dynamic import)', () => {
    const code = readBundle();
    expect(() => new vm.Script(code)).not.toThrow();
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\bimport\s*\(/);
  });

  test("requires nothing but 'electron'", () => {
    const code = readBundle();
    const named = [...code.matchAll(/\brequire\s*\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((m) => m[2]);
    expect(new Set(named)).toEqual(new Set(['electron']));
    expect(runBundle(code).required).toEqual(['electron']);
  });

  test('exposes window.fieldbook with every contract operation over ipcRenderer.invoke', async () => {
    const { exposed, invoke } = runBundle(readBundle());
    expect([...exposed.keys()]).toEqual(['fieldbook']);
    const fieldbook = exposed.get('fieldbook') as {
      r2: { customers: { patch: (input: unknown) => Promise<unknown> } };
    };
    const input = { connectionId: 'c1', id: '42', body: { companyname: 'Acme' } };
    expect(await fieldbook.r2.customers.patch(input)).toEqual({
      ok: true,
      value: { channel: 'r2.customers.patch', payload: input },
    });
    for (const channel of channels) {
      let node: unknown = fieldbook;
      for (const segment of channel.split('.')) node = (node as Record<string, unknown>)[segment];
      expect(typeof node, channel).toBe('function');
    }
    expect(invoke).toHaveBeenCalledTimes(1);
  });

  test('exposes on() for the event names only, handing listeners the payload alone', () => {
    const { exposed, ipcRenderer, listeners, send } = runBundle(readBundle());
    const fieldbook = exposed.get('fieldbook') as Record<string, unknown>;
    expect(Object.keys(fieldbook).sort()).toEqual(
      [...new Set([...channels.map((channel) => channel.split('.')[0]), 'on'])].sort(),
    );
    const on = fieldbook.on as Listen;

    const heard: unknown[][] = [];
    const stop = on('auth.changed', (...args) => heard.push(args));
    expect(ipcRenderer.on).toHaveBeenCalledWith('auth.changed', expect.any(Function));
    send('auth.changed', { connectionId: 'r2-1', state: 'signed_in' });
    expect(heard).toEqual([[{ connectionId: 'r2-1', state: 'signed_in' }]]);

    stop();
    expect(listeners.get('auth.changed')?.size).toBe(0);
    send('auth.changed', { connectionId: 'r2-1', state: 'signed_out' });
    expect(heard).toHaveLength(1);

    // Operation channels and made-up names are not events: nothing is listened to.
    on('auth.status', () => {});
    on('__proto__', () => {});
    expect(ipcRenderer.on.mock.calls.map(([name]) => name)).toEqual(['auth.changed']);
    for (const name of eventNames) expect(typeof on(name, () => {})).toBe('function');
  });
});
