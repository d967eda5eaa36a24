// The Electron calls behind Print, Save as PDF and main's menu items, on the Electron stand-in:
// the print dialog's outcome, the save dialog cancelled or answered, the logs folder opened with
// shell.openPath and a failure to open it said in a message box.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createDesktopHandlers } from '../desktop/desktop-handlers';
import { FakeBrowserWindow, fakeElectron } from './test-support/fake-electron';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).fakeElectron);

const { createElectronDesktopPort, createMenuActions } = await import('./desktop-port');

const ctx = { channel: 'desktop.print' as const, sender: {} };
let dir: string;
let window: FakeBrowserWindow;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fieldbook-desktop-'));
  fakeElectron.app.userDataDir = dir;
  window = new FakeBrowserWindow({});
  vi.clearAllMocks();
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function handlers() {
  const port = createElectronDesktopPort({
    currentWindow: () => window as never,
    locale: { current: () => 'fr-FR', check: () => {} },
    links: { takePending: () => null },
  });
  return createDesktopHandlers(port);
}

describe('Electron desktop port', () => {
  test('print: the system dialog for the window; cancelled and no printer in words', async () => {
    expect(await handlers()['desktop.print'](undefined, ctx)).toEqual({
      ok: true,
      value: { outcome: 'printed' },
    });
    expect(window.webContents.print).toHaveBeenCalledWith(
      expect.objectContaining({ silent: false }),
      expect.any(Function),
    );
    window.webContents.printReport = { success: false, failureReason: 'cancelled' };
    expect(await handlers()['desktop.print'](undefined, ctx)).toMatchObject({
      value: { outcome: 'cancelled' },
    });
    window.webContents.printReport = { success: false, failureReason: 'Invalid printer settings' };
    expect(await handlers()['desktop.print'](undefined, ctx)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('no printer is ready') },
    });
  });

  test('Save as PDF: the dialog cancelled writes nothing; answered, the PDF is there', async () => {
    expect(await handlers()['desktop.savePdf']({ name: 'Acme' }, ctx)).toEqual({
      ok: true,
      value: { outcome: 'cancelled' },
    });
    expect(window.webContents.printToPDF).not.toHaveBeenCalled();
    expect(fakeElectron.dialog.showSaveDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({ defaultPath: join(dir, 'Acme.pdf') }),
    );

    const target = join(dir, 'acme.pdf');
    fakeElectron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await handlers()['desktop.savePdf']({ name: 'Acme' }, ctx)).toEqual({
      ok: true,
      value: { outcome: 'saved', path: target },
    });
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 fake');
  });

  test('Save as PDF into a folder that does not exist: said, and what to do', async () => {
    fakeElectron.dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: join(dir, 'gone', 'acme.pdf'),
    });
    expect(await handlers()['desktop.savePdf']({}, ctx)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Choose another folder') },
    });
  });

  test('Show logs folder opens it; a failure is said in a message box', async () => {
    const log = vi.fn();
    const act = createMenuActions({
      currentWindow: () => window as never,
      version: '0.1.0',
      logsDir: join(dir, 'logs'),
      docsPath: join(dir, 'README.md'),
      log,
    });
    act('showLogs');
    expect(fakeElectron.shell.openPath).toHaveBeenCalledWith(join(dir, 'logs'));
    fakeElectron.shell.openPath.mockResolvedValueOnce('No application knows how to open it');
    act('openDocs');
    await vi.waitFor(() =>
      expect(fakeElectron.dialog.showMessageBox).toHaveBeenCalledWith(
        window,
        expect.objectContaining({ title: 'Could not open the documentation' }),
      ),
    );
    act('about');
    expect(fakeElectron.dialog.showMessageBox).toHaveBeenLastCalledWith(
      window,
      expect.objectContaining({ message: expect.stringContaining('Fieldbook 0.1.0') }),
    );
  });
});
