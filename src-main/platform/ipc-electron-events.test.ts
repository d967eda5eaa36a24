import { describe, expect, test, vi } from 'vitest';
import { createEventHub } from '../ipc/event-hub';
import type { EventTarget } from './ipc-electron-events';

// ipc-electron.ts (the sender check) imports electron; the real module needs its binary.
vi.mock('electron', async () => (await import('./test-support/fake-electron')).fakeElectron);
const { sendEventsToWindow } = await import('./ipc-electron-events');

function fakeWindow(url: string) {
  const contents = {
    send: vi.fn(),
    destroyed: false,
    isDestroyed: () => contents.destroyed,
    mainFrame: { url },
  };
  const window = { closed: false, isDestroyed: () => window.closed, webContents: contents };
  return { window, contents };
}

const signedIn = { connectionId: 'r2-1', state: 'signed_in' } as const;

describe('sendEventsToWindow', () => {
  test('sends each event, parsed, to our page in the app window', () => {
    const hub = createEventHub({ log: () => {} });
    const { window, contents } = fakeWindow('app://fieldbook/index.html');
    sendEventsToWindow(hub, () => window as unknown as EventTarget);
    hub.emit('auth.changed', { ...signedIn, refreshToken: 'rt-secret' } as never);
    hub.emit('connections.changed', { connections: [] });
    expect(contents.send.mock.calls).toEqual([
      ['auth.changed', signedIn],
      ['connections.changed', { connections: [] }],
    ]);
  });

  test('sends nothing to a page the window was navigated to', () => {
    const hub = createEventHub({ log: () => {} });
    for (const url of ['https://evil.example/', 'file:///home/u/evil.html', '']) {
      const { window, contents } = fakeWindow(url);
      const stop = sendEventsToWindow(hub, () => window as unknown as EventTarget);
      hub.emit('auth.changed', signedIn);
      stop();
      expect(contents.send, url).not.toHaveBeenCalled();
    }
  });

  test('sends nothing while there is no window, or once it or its page is destroyed', () => {
    const hub = createEventHub({ log: () => {} });
    const { window, contents } = fakeWindow('app://fieldbook/index.html');
    const open: { window?: typeof window } = {};
    sendEventsToWindow(hub, () => open.window as unknown as EventTarget | undefined);
    hub.emit('auth.changed', signedIn);
    open.window = window;
    contents.destroyed = true;
    hub.emit('auth.changed', signedIn);
    contents.destroyed = false;
    window.closed = true;
    hub.emit('auth.changed', signedIn);
    expect(contents.send).not.toHaveBeenCalled();

    window.closed = false;
    hub.emit('auth.changed', signedIn);
    expect(contents.send).toHaveBeenCalledTimes(1);
  });

  test('a frame that is already gone gets nothing, and the hub carries on', () => {
    const log = vi.fn();
    const hub = createEventHub({ log });
    const { window, contents } = fakeWindow('');
    Object.defineProperty(contents, 'mainFrame', {
      get() {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    });
    sendEventsToWindow(hub, () => window as unknown as EventTarget);
    expect(() => hub.emit('auth.changed', signedIn)).not.toThrow();
    expect(contents.send).not.toHaveBeenCalled();
  });

  test('stops forwarding when told to', () => {
    const hub = createEventHub({ log: () => {} });
    const { window, contents } = fakeWindow('app://fieldbook/index.html');
    const stop = sendEventsToWindow(hub, () => window as unknown as EventTarget);
    stop();
    hub.emit('auth.changed', signedIn);
    expect(contents.send).not.toHaveBeenCalled();
  });
});
