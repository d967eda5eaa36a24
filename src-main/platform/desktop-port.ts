// Electron's side of the desktop operations: the print dialog, printToPDF, the save dialog, and
// the message boxes and folders main's own menu items open. The words for each outcome are in
// src-main/desktop/desktop-handlers.ts; here are only the Electron calls.
import { app, dialog, shell, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { DesktopPort } from '../desktop/desktop-handlers';
import type { LocaleWatcher } from '../desktop/system-locale';
import type { CustomerLinkOpener } from '../links/customer-link-opener';
import type { MenuAction } from '../menu/menu-items';

type CurrentWindow = () => BrowserWindow | undefined;

const usable = (window: BrowserWindow | undefined) =>
  window && !window.isDestroyed() ? window : undefined;

export function createElectronDesktopPort(options: {
  currentWindow: CurrentWindow;
  locale: LocaleWatcher;
  links: Pick<CustomerLinkOpener, 'takePending'>;
}): DesktopPort {
  return {
    systemLocale: () => options.locale.current(),
    takeOpenLink: () => options.links.takePending(),
    print: () =>
      new Promise((resolve) => {
        const window = usable(options.currentWindow());
        if (!window) return resolve({ success: false, failureReason: 'no window' });
        // The page's print styles show the open customer's card and hide the app around it.
        window.webContents.print({ silent: false, printBackground: false }, (success, reason) =>
          resolve({ success, failureReason: reason }),
        );
      }),
    chooseSavePath: async (suggestedName) => {
      const window = usable(options.currentWindow());
      const choice = await (window
        ? dialog.showSaveDialog(window, saveOptions(suggestedName))
        : dialog.showSaveDialog(saveOptions(suggestedName)));
      return choice.canceled || !choice.filePath ? null : choice.filePath;
    },
    renderPdf: async () => {
      const window = usable(options.currentWindow());
      if (!window) throw new Error('no window');
      return window.webContents.printToPDF({ printBackground: false, pageSize: 'A4' });
    },
  };
}

function saveOptions(suggestedName: string): Electron.SaveDialogOptions {
  return {
    title: 'Save customer as PDF',
    defaultPath: join(app.getPath('documents'), suggestedName),
    filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** A message box that does not block main (links are refused while the window works on). */
export function tellUser(
  currentWindow: CurrentWindow,
  title: string,
  message: string,
  type: 'info' | 'warning' = 'warning',
): void {
  const window = usable(currentWindow());
  const box = { type, title, message, buttons: ['OK'] };
  void (window ? dialog.showMessageBox(window, box) : dialog.showMessageBox(box)).catch(() => {});
}

/** What main's own menu items do: About, Show logs folder, Open documentation. */
export function createMenuActions(options: {
  currentWindow: CurrentWindow;
  version: string;
  logsDir: string;
  docsPath: string;
  log: (line: string) => void;
}): (action: MenuAction) => void {
  const openFolderOrFile = async (path: string, what: string) => {
    // openPath answers '' when it worked, else the OS's reason.
    const problem = await shell.openPath(path).catch((error: unknown) => String(error));
    if (problem) {
      options.log(`Could not open ${what} (${path}): ${problem}`);
      tellUser(options.currentWindow, `Could not open ${what}`, `${path}\n\n${problem}`);
    }
  };
  return (action) => {
    switch (action) {
      case 'about':
        tellUser(
          options.currentWindow,
          'About Fieldbook',
          `Fieldbook ${options.version}\nCustomers and contacts, online or offline.`,
          'info',
        );
        return;
      case 'showLogs':
        void openFolderOrFile(options.logsDir, 'the logs folder');
        return;
      case 'openDocs':
        void openFolderOrFile(options.docsPath, 'the documentation');
        return;
    }
  };
}
