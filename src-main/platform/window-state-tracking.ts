// Electron's half of the window state: reads the displays connected now (screen) to place the
// window, and saves its bounds and maximised/full-screen state whenever the user changes them.
import { screen } from 'electron';
import { placeWindow, type SizeLimits, type WindowState } from '../window-state/placement';
import type { WindowStateSaver } from '../window-state/window-state-file';

/** The size main opens the window with, and the smallest it may be made. */
export const windowLimits: SizeLimits = { width: 1280, height: 820, minWidth: 800, minHeight: 560 };

/** Where to open: the saved state, clamped to the displays connected now. */
export function placementForDisplaysNow(saved: WindowState | null): WindowState {
  return placeWindow(saved, screen.getAllDisplays(), screen.getPrimaryDisplay(), windowLimits);
}

/** What is needed of a BrowserWindow. */
export interface TrackedWindow {
  on(event: string, listener: () => void): unknown;
  getNormalBounds(): { x: number; y: number; width: number; height: number };
  isMaximized(): boolean;
  isFullScreen(): boolean;
  isDestroyed(): boolean;
}

const changes = [
  'resize',
  'move',
  'maximize',
  'unmaximize',
  'enter-full-screen',
  'leave-full-screen',
];

/** Saves on every change (the saver debounces) and at once when the window closes. */
export function trackWindowState(window: TrackedWindow, saver: WindowStateSaver): void {
  const current = (): WindowState => ({
    // The normal bounds: a maximised window remembers the size it returns to.
    bounds: window.getNormalBounds(),
    maximized: window.isMaximized(),
    fullScreen: window.isFullScreen(),
  });
  for (const change of changes) {
    window.on(change, () => {
      if (!window.isDestroyed()) saver.save(current());
    });
  }
  window.on('close', () => {
    if (!window.isDestroyed()) saver.save(current());
    void saver.flush();
  });
}
