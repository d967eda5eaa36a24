// Electron's ways of quitting, routed through the quit guard (src-main/quit/quit-guard.ts): the
// window's close button, Quit (menu, Ctrl/Cmd+Q, the Dock) and the OS ending the session.
// docs/desktop.md#quitting says which platform allows asking and which does not.
import type { App, BrowserWindow, PowerMonitor } from 'electron';
import type { QuitGuard } from '../quit/quit-guard';

type Preventable = { preventDefault(): void };

/** `before-quit` (Quit from the menu, its shortcut, the Dock, app.quit()) asks first. */
export function guardAppQuit(app: Pick<App, 'on'>, guard: QuitGuard): void {
  app.on('before-quit', (event: Preventable) => {
    if (!guard.request('quit')) event.preventDefault();
  });
}

/**
 * The window's close button asks too. Windows asks every app before it ends the session
 * (`query-session-end`): Fieldbook asks the person, and Windows shows it as an app that is keeping
 * the shutdown; once they answered and Fieldbook quit, Windows goes on. After `session-end` nothing
 * can stop it: quit without asking (saved changes are on disk already).
 */
export function guardWindowClose(window: Pick<BrowserWindow, 'on'>, guard: QuitGuard): void {
  window.on('close', (event?: Preventable) => {
    if (!guard.request('close')) event?.preventDefault();
  });
  window.on('query-session-end', (event: Preventable) => {
    if (!guard.request('session-end')) event.preventDefault();
  });
  window.on('session-end', () => guard.quitNow('Windows is ending the session'));
}

/**
 * Linux and macOS announce a shutdown with only seconds to spare (systemd's delay lock): no time
 * for a dialog. Holding the shutdown for that moment lets Fieldbook close its files cleanly.
 */
export function guardShutdown(powerMonitor: Pick<PowerMonitor, 'on'>, guard: QuitGuard): void {
  powerMonitor.on('shutdown', ((event?: Preventable) => {
    event?.preventDefault();
    guard.quitNow('the computer is shutting down');
  }) as () => void);
}
