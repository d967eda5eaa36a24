// Binds the IPC router to Electron: the only place raw ipcMain appears (one contract, one binding).
// Each contract channel gets one ipcMain.handle; the sender is the frame that sent the request.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channels } from '../../src-shared/ipc/channels';
import type { IpcSender } from '../../src-shared/ipc/contract';
import type { IpcRouter } from '../ipc/router';
import { isAppUrl } from './app-protocol';

/** Registers every channel; returns a function that removes them again. */
export function bindIpcRouter(router: IpcRouter): () => void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      router.handle(channel, senderOf(event), payload),
    );
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/** Only our own top-level page may call main: not a subframe, not a page we navigated away to. */
export function isTrustedElectronSender(sender: IpcSender): boolean {
  return sender.topFrame === true && isAppUrl(sender.url);
}

export function senderOf(event: IpcMainInvokeEvent): IpcSender {
  try {
    // senderFrame is null once the frame navigated or was destroyed; then nobody is trusted.
    const frame = event.senderFrame;
    if (!frame) return {};
    const window = windowOf(event);
    return { url: frame.url, topFrame: frame.parent === null, ...(window ? { window } : {}) };
  } catch {
    return {};
  }
}

/** The sending window's webContents id: what main's per-window state (list cursors) is bound to. */
function windowOf(event: IpcMainInvokeEvent): string | undefined {
  const id = (event.sender as { id?: unknown } | undefined)?.id;
  return typeof id === 'number' ? `webContents-${id}` : undefined;
}
