import { describe, expect, test, vi } from 'vitest';
import { channels } from '../../src-shared/ipc/channels';
import type { IpcRouter } from '../ipc/router';

type InvokeListener = (event: unknown, payload: unknown) => Promise<unknown>;
const ipcMain = vi.hoisted(() => ({
  handlers: new Map<string, InvokeListener>(),
  handle: vi.fn((channel: string, listener: InvokeListener) => {
    ipcMain.handlers.set(channel, listener);
  }),
  removeHandler: vi.fn((channel: string) => ipcMain.handlers.delete(channel)),
}));
vi.mock('electron', () => ({ ipcMain }));

const { bindIpcRouter, isTrustedElectronSender, senderOf } = await import('./ipc-electron');

const topFrame = (url: string) => ({ url, parent: null });

describe('bindIpcRouter', () => {
  test('registers exactly the contract channels and forwards sender and payload', async () => {
    const router: IpcRouter = { handle: vi.fn(async () => ({ ok: true, value: 42 }) as const) };
    const unbind = bindIpcRouter(router);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channels].sort());

    const answer = await ipcMain.handlers.get('connections.rename')!(
      { senderFrame: topFrame('app://fieldbook/index.html') },
      { id: 'c1', name: 'Acme' },
    );
    expect(answer).toEqual({ ok: true, value: 42 });
    expect(router.handle).toHaveBeenCalledWith(
      'connections.rename',
      { url: 'app://fieldbook/index.html', topFrame: true },
      { id: 'c1', name: 'Acme' },
    );
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('the Electron sender check', () => {
  test('trusts only our own top-level page', () => {
    const trusted = (frame: unknown) =>
      isTrustedElectronSender(senderOf({ senderFrame: frame } as never));
    expect(trusted(topFrame('app://fieldbook/index.html'))).toBe(true);
    expect(trusted(topFrame('https://evil.example/'))).toBe(false);
    expect(trusted(topFrame('file:///home/u/evil.html'))).toBe(false);
    expect(trusted({ url: 'app://fieldbook/index.html', parent: {} })).toBe(false);
    expect(trusted(null)).toBe(false);
  });

  test('a frame that is already gone is nobody', () => {
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(senderOf({ senderFrame: disposed } as never)).toEqual({});
  });
});
