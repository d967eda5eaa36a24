// Carries main's events to the window (docs/ipc.md#events-from-main-to-the-window), Electron's half
// of the event hub: each event goes to the app window's webContents, and only while its top-level
// page is ours (app://fieldbook) — never to a page it was navigated to, never to any other
// webContents.
import type { WebContents } from 'electron';
import type { IpcSender } from '../../src-shared/ipc/contract';
import type { EventHub } from '../ipc/event-hub';
import { isTrustedElectronSender } from './ipc-electron';

/** What is needed of a BrowserWindow (the window is re-created after the last one closed). */
export interface EventTarget {
  isDestroyed(): boolean;
  webContents: Pick<WebContents, 'send' | 'isDestroyed' | 'mainFrame'>;
}

/** Forwards every hub event to the current window; returns a function that stops forwarding. */
export function sendEventsToWindow(
  hub: EventHub,
  currentWindow: () => EventTarget | undefined,
): () => void {
  return hub.subscribe(({ event, payload }) => {
    const window = currentWindow();
    if (!window || window.isDestroyed()) return;
    const contents = window.webContents;
    if (contents.isDestroyed() || !isTrustedElectronSender(topFrameOf(contents))) return;
    // The event name is the IPC channel; the preload listens to exactly the event list's names.
    contents.send(event, payload);
  });
}

/** The page as the sender check sees it; a frame that is already gone is nobody. */
function topFrameOf(contents: EventTarget['webContents']): IpcSender {
  try {
    return { url: contents.mainFrame.url, topFrame: true };
  } catch {
    return {};
  }
}
