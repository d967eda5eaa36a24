// The security baseline on the code path the app really uses: createMainWindow() with a mocked
// `electron`, asserting what Electron was handed and that every handler it got says no.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { FakeBrowserWindow, FakeWebContents, fakeElectron } from './test-support/fake-electron';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).fakeElectron);

const { createMainWindow, hardenWebContents, installWebContentsGuards } = await import('./window');

const log = vi.fn();
beforeEach(() => {
  FakeBrowserWindow.created.length = 0;
  log.mockClear();
});

function openWindow() {
  createMainWindow({ preloadPath: '/app/out/preload/index.cjs', log });
  expect(FakeBrowserWindow.created).toHaveLength(1);
  return FakeBrowserWindow.created[0]!;
}

const url = 'https://evil.example/';
const blockedEvent = () => ({ preventDefault: vi.fn(), url });

describe('createMainWindow', () => {
  test('hands BrowserWindow exactly the hardened webPreferences', () => {
    const window = openWindow();
    expect(window.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    });
  });

  test('gives the window the Fieldbook icon when one is passed', () => {
    createMainWindow({ preloadPath: '/p.cjs', iconPath: '/app/resources/icon.png', log });
    expect(FakeBrowserWindow.created[0]!.options).toMatchObject({
      icon: '/app/resources/icon.png',
      title: 'Fieldbook',
    });
  });

  test('asks before closing over unsaved edits, and closes only on Leave', () => {
    const window = openWindow();
    const stay = { preventDefault: vi.fn() };
    fakeElectron.dialog.showMessageBoxSync.mockReturnValueOnce(1);
    window.webContents.emit('will-prevent-unload', stay);
    expect(stay.preventDefault).not.toHaveBeenCalled();
    const leave = { preventDefault: vi.fn() };
    fakeElectron.dialog.showMessageBoxSync.mockReturnValueOnce(0);
    window.webContents.emit('will-prevent-unload', leave);
    expect(leave.preventDefault).toHaveBeenCalledOnce();
    expect(fakeElectron.dialog.showMessageBoxSync).toHaveBeenLastCalledWith(
      window,
      expect.objectContaining({ buttons: ['Leave', 'Keep editing'], cancelId: 1 }),
    );
  });

  test('loads the UI from app://fieldbook and shows the window once it is ready', () => {
    const window = openWindow();
    expect(window.loadURL).toHaveBeenCalledWith('app://fieldbook/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
  });

  test.each([
    ['will-navigate', [url]],
    ['will-redirect', [url]],
    ['will-attach-webview', [{}, { src: url }]],
  ])('refuses %s', (eventName, args) => {
    const { webContents } = openWindow();
    const event = blockedEvent();
    expect(webContents.listeners.get(eventName)).toHaveLength(1);
    webContents.emit(eventName, event, ...args);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining(url));
  });

  test('refuses navigation of any frame, main or sub', () => {
    const { webContents } = openWindow();
    for (const isMainFrame of [true, false]) {
      const event = { ...blockedEvent(), isMainFrame };
      webContents.emit('will-frame-navigate', event);
      expect(event.preventDefault).toHaveBeenCalled();
    }
  });

  test('denies every new window', () => {
    const { webContents } = openWindow();
    expect(webContents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
  });

  const ownPage = 'app://fieldbook/index.html';
  /** The session's two permission handlers, as Electron calls them. */
  function permissionHandlers() {
    const { session } = openWindow().webContents;
    return {
      request(permission: string, requestingUrl: string | undefined) {
        const callback = vi.fn();
        session.permissionRequest?.({}, permission, callback, { requestingUrl, isMainFrame: true });
        expect(callback).toHaveBeenCalledTimes(1);
        return callback.mock.calls[0]![0];
      },
      check: (permission: string, origin: string) =>
        session.permissionCheck?.({}, permission, origin, {}),
      device: (deviceType: string) => session.devicePermission?.({ deviceType }),
    };
  }

  test('denies every other permission request and check, even to our own page', () => {
    const handlers = permissionHandlers();
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'storage-access',
      'top-level-storage-access',
      'fileSystem',
      'unknown',
    ]) {
      expect(handlers.request(permission, ownPage)).toBe(false);
      expect(handlers.check(permission, 'app://fieldbook')).toBe(false);
    }
    expect(handlers.device('usb')).toBe(false);
  });

  test('grants persistent storage to our own page, so unsynced changes are never evicted', () => {
    const handlers = permissionHandlers();
    expect(handlers.request('persistent-storage', ownPage)).toBe(true);
    expect(handlers.check('persistent-storage', 'app://fieldbook')).toBe(true);
  });

  test('lets our own page write (never read) the clipboard, for Copy link', () => {
    const handlers = permissionHandlers();
    expect(handlers.request('clipboard-sanitized-write', ownPage)).toBe(true);
    expect(handlers.check('clipboard-sanitized-write', 'app://fieldbook')).toBe(true);
    expect(handlers.request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(handlers.request('clipboard-read', ownPage)).toBe(false);
  });

  test('refuses persistent storage to any other page or an unknown requester', () => {
    const handlers = permissionHandlers();
    for (const requester of [
      'https://evil.example/',
      'app://elsewhere/index.html',
      'app://user@fieldbook/index.html',
      'http://127.0.0.1:5173/',
      'file:///app/out/renderer/index.html',
      'not a url',
    ]) {
      expect(handlers.request('persistent-storage', requester)).toBe(false);
      expect(handlers.check('persistent-storage', requester)).toBe(false);
    }
    expect(handlers.request('persistent-storage', undefined)).toBe(false);
  });

  test('lets the renderer load app: files only, never the network', () => {
    const { session } = openWindow().webContents;
    const decide = (requestUrl: string) => {
      const callback = vi.fn();
      session.beforeRequest?.({ url: requestUrl }, callback);
      return callback.mock.calls[0]![0];
    };
    expect(decide('app://fieldbook/assets/index.js')).toEqual({ cancel: false });
    expect(decide('data:image/png;base64,AAAA')).toEqual({ cancel: false });
    for (const blocked of [
      'https://api.example.com/customers',
      'http://127.0.0.1:4010/api/v2/customer/',
      'ws://127.0.0.1:4010/',
      'file:///etc/passwd',
      'app://elsewhere/x.js',
    ]) {
      expect(decide(blocked)).toEqual({ cancel: true });
    }
  });
});

describe('guards for other web contents', () => {
  test('every web contents created later is hardened too, once', () => {
    installWebContentsGuards(log);
    const contents = new FakeWebContents();
    fakeElectron.app.emit('web-contents-created', {}, contents);
    hardenWebContents(contents as never, log); // a second call adds nothing
    expect(contents.listeners.get('will-navigate')).toHaveLength(1);
    expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
  });
});
