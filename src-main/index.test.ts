// The composition root, run against a mocked `electron`: the order Electron demands (privileges
// and sandbox before ready), and the window, protocol and IPC wiring the real app starts with.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { channels } from '../src-shared/ipc/channels';
import { FakeBrowserWindow, fakeElectron } from './platform/test-support/fake-electron';

vi.mock(
  'electron',
  async () => (await import('./platform/test-support/fake-electron')).fakeElectron,
);

// Counts imports of the sandbox module: main must not load it (nor oidc-provider) unless needed.
const sandboxModule = vi.hoisted(() => ({ loads: 0 }));
vi.mock('../sandbox/index', () => {
  sandboxModule.loads += 1;
  return {
    startSandbox: async () => {
      throw new Error('no sandbox in this test');
    },
  };
});

// electron-updater stand-in: counts loads and records the feed it was pointed at.
const updater = vi.hoisted(() => ({ loads: 0, feeds: [] as unknown[], checks: 0 }));
vi.mock('electron-updater', () => {
  updater.loads += 1;
  const autoUpdater = {
    setFeedURL: (feed: unknown) => updater.feeds.push(feed),
    checkForUpdatesAndNotify: async () => {
      updater.checks += 1;
      return null;
    },
    on: () => autoUpdater,
  };
  return { default: { autoUpdater } };
});

const { app, protocol, ipcMain, ipcHandlers, session } = fakeElectron;
const trustedEvent = { senderFrame: { url: 'app://fieldbook/index.html', parent: null } };

async function startMain() {
  vi.resetModules();
  await import('./index');
  // Let the whenReady() chain run to the end.
  await vi.waitFor(() => expect(FakeBrowserWindow.created.length).toBeGreaterThan(0));
  return FakeBrowserWindow.created[0]!;
}

let userDataDir: string;
beforeEach(async () => {
  userDataDir = await mkdtemp(join(tmpdir(), 'fieldbook-main-'));
  app.userDataDir = userDataDir;
  vi.clearAllMocks();
  FakeBrowserWindow.created.length = 0;
  ipcHandlers.clear();
  app.listeners.clear();
  app.requestSingleInstanceLock.mockReturnValue(true);
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => rm(userDataDir, { recursive: true, force: true }));

describe('src-main/index.ts', () => {
  test('registers the app: scheme and the sandbox before waiting for ready', async () => {
    await startMain();
    const [whenReady] = app.whenReady.mock.invocationCallOrder;
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(
      whenReady!,
    );
    expect(app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(whenReady!);
    expect(app.listeners.get('web-contents-created')).toHaveLength(1);
  });

  test('serves app:, hardens the default session and binds IPC before the window exists', async () => {
    const window = await startMain();
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(session.defaultSession.permissionCheck?.({}, 'media', 'app://fieldbook', {})).toBe(
      false,
    );
    expect([...ipcHandlers.keys()].sort()).toEqual([...channels].sort());
    expect(ipcMain.handle.mock.invocationCallOrder.at(-1)).toBeLessThan(
      window.loadURL.mock.invocationCallOrder[0]!,
    );
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
    // Built layout: out/main/index.js loads out/preload/index.cjs, its sibling folder.
    expect(window.options.webPreferences?.preload).toBe(
      join(import.meta.dirname, '../preload/index.cjs'),
    );
    expect(window.loadURL).toHaveBeenCalledWith('app://fieldbook/index.html');
  });

  test('answers our page over IPC and refuses any other sender', async () => {
    await startMain();
    const list = ipcHandlers.get('connections.list')!;
    expect(await list(trustedEvent, undefined)).toEqual({ ok: true, value: { connections: [] } });
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await list(foreign, undefined)).toMatchObject({ ok: false, error: { kind: 'auth' } });
  });

  test('wires the real services: connections are read from the userData folder', async () => {
    await startMain();
    expect(app.getPath).toHaveBeenCalledWith('userData');
    // This machine has no keychain (keytar mocked, safeStorage unavailable): said once, clearly.
    expect(console.error).toHaveBeenCalledWith(
      expect.stringContaining('no place to keep sign-ins'),
    );
    const status = ipcHandlers.get('auth.status')!;
    expect(await status(trustedEvent, { connectionId: 'missing' })).toMatchObject({ ok: false });
    // …and the window can ask why, and learns that weaker storage cannot help on this machine.
    const secrets = ipcHandlers.get('secrets.status')!;
    expect(await secrets(trustedEvent, undefined)).toMatchObject({
      ok: true,
      value: { store: 'unavailable', canAcceptWeakStorage: false },
    });
    const accept = ipcHandlers.get('secrets.acceptWeakStorage')!;
    expect(await accept(trustedEvent, undefined)).toMatchObject({
      ok: false,
      error: { kind: 'auth' },
    });
    const rename = ipcHandlers.get('connections.rename')!;
    expect(await rename(trustedEvent, { id: '', name: '' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
  });

  test('loads the sandbox only when Try the sandbox asks for it', async () => {
    sandboxModule.loads = 0;
    await startMain();
    const list = ipcHandlers.get('connections.list')!;
    expect(await list(trustedEvent, undefined)).toMatchObject({ ok: true });
    expect(sandboxModule.loads).toBe(0);
    const tryIt = ipcHandlers.get('sandbox.tryIt')!;
    expect(JSON.stringify(await tryIt(trustedEvent, undefined))).toContain(
      'no sandbox in this test',
    );
    expect(sandboxModule.loads).toBe(1);
  });

  // Each answer, the hung window and the session's end: platform/quit-events.test.ts.
  test('closing the window asks the page (quit.requested) and quits on its desktop.quitAnswer', async () => {
    const window = await startMain();
    const close = { preventDefault: vi.fn() };
    window.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalled();
    const [event, request] = window.webContents.send.mock.calls.find(
      ([name]) => name === 'quit.requested',
    )!;
    expect([event, request]).toEqual([
      'quit.requested',
      { requestId: expect.any(String), reason: 'close' },
    ]);
    expect(app.quit).not.toHaveBeenCalled();
    const answer = ipcHandlers.get('desktop.quitAnswer')!;
    const { requestId } = request as { requestId: string };
    expect(await answer(trustedEvent, { requestId, answer: 'quit' })).toEqual({
      ok: true,
      value: null,
    });
    expect(app.quit).toHaveBeenCalledTimes(1);
  });

  // Which pages get events (ours only) is tested in platform/ipc-electron-events.test.ts.
  test("sends main's events to the window's page", async () => {
    const window = await startMain();
    const create = ipcHandlers.get('connections.create')!;
    const revnue = {
      kind: 'revnue-v2',
      name: 'Head office',
      baseUrl: 'https://dashboard-api.revnue.com/api/v2/',
      auth: { mode: 'admin_token' },
    };
    expect(await create(trustedEvent, revnue)).toMatchObject({ ok: true });
    await vi.waitFor(() =>
      expect(window.webContents.send).toHaveBeenCalledWith('connections.changed', {
        connections: [expect.objectContaining({ name: 'Head office', authState: 'signed_out' })],
      }),
    );
  });

  test('if the services cannot start, the window still opens and every call explains', async () => {
    app.getPath.mockImplementationOnce(() => {
      throw new Error('userData unavailable: Authorization: Bearer start-up-secret-token');
    });
    await startMain();
    // Logged with its reason, but redacted like every line main writes.
    const logged = JSON.stringify(vi.mocked(console.error).mock.calls);
    expect(logged).toContain('main services failed to start');
    expect(logged).toContain('userData unavailable');
    expect(logged).not.toContain('start-up-secret-token');
    const tryIt = ipcHandlers.get('sandbox.tryIt')!;
    const answer = await tryIt(trustedEvent, undefined);
    expect(answer).toMatchObject({ ok: false, error: { kind: 'server' } });
    expect(JSON.stringify(answer)).toContain('could not start');
  });

  test('auto-update: off without a feed (electron-updater not even loaded), on with an https one', async () => {
    Object.assign(updater, { loads: 0, feeds: [], checks: 0 });
    Object.assign(app, { isPackaged: true });
    const feed = 'https://updates.acme.example/fieldbook/';
    try {
      await startMain();
      await vi.waitFor(() =>
        expect(console.error).toHaveBeenCalledWith(
          expect.stringContaining('Auto-update is off: no update feed is configured'),
        ),
      );
      expect(updater.loads).toBe(0);

      vi.stubEnv('FIELDBOOK_UPDATE_FEED', feed);
      FakeBrowserWindow.created.length = 0;
      await startMain();
      await vi.waitFor(() => expect(updater.checks).toBe(1));
      expect(updater.feeds).toEqual([{ provider: 'generic', url: feed }]);
    } finally {
      vi.unstubAllEnvs();
      Object.assign(app, { isPackaged: undefined });
    }
  });

  test('a second instance quits at once and focuses the first one instead', async () => {
    const window = await startMain();
    app.emit('second-instance');
    expect(window.focus).toHaveBeenCalled();

    app.requestSingleInstanceLock.mockReturnValue(false);
    vi.resetModules();
    FakeBrowserWindow.created.length = 0;
    await import('./index');
    expect(app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  test('the menu bar is set, and its New customer reaches the window as an event', async () => {
    const window = await startMain();
    await vi.waitFor(() => expect(fakeElectron.Menu.setApplicationMenu).toHaveBeenCalled());
    type Item = { label?: string; click?: () => void; submenu?: Item[] };
    const items = (fakeElectron.menu.template as Item[]).flatMap((top) => top.submenu ?? []);
    items.find((item) => item.label === 'New customer')!.click!();
    expect(window.webContents.send).toHaveBeenCalledWith('menu.command', {
      command: 'customer.new',
    });
    // Ctrl+N in the window: main takes it, the page never gets it, the window gets one command.
    window.webContents.send.mockClear();
    const press = { preventDefault: vi.fn() };
    window.webContents.emit('before-input-event', press, {
      type: 'keyDown',
      key: 'n',
      control: process.platform !== 'darwin',
      meta: process.platform === 'darwin',
      alt: false,
      shift: false,
    });
    expect(press.preventDefault).toHaveBeenCalledTimes(1);
    expect(window.webContents.send).toHaveBeenCalledTimes(1);
  });

  test('the window learns the system locale, and a changed one when it is focused again', async () => {
    app.systemLocale = 'de-DE';
    const window = await startMain();
    const start = ipcHandlers.get('desktop.start')!;
    expect(await start(trustedEvent, undefined)).toEqual({
      ok: true,
      value: { locale: 'de-DE', openLink: null },
    });
    app.systemLocale = 'fr-FR';
    app.emit('browser-window-focus');
    expect(window.webContents.send).toHaveBeenCalledWith('locale.changed', { locale: 'fr-FR' });
  });

  test('a link at launch opens its customer; a second instance with a foreign link opens nothing', async () => {
    const argv = process.argv;
    // A connection must exist for its link to open: create one, then start again with the link.
    await startMain();
    const revnue = {
      kind: 'revnue-v2',
      name: 'Head office',
      baseUrl: 'https://dashboard-api.revnue.com/api/v2/',
      auth: { mode: 'admin_token' },
    };
    const made = (await ipcHandlers.get('connections.create')!(trustedEvent, revnue)) as {
      value: { id: string };
    };
    const link = `fieldbook://customer/${made.value.id}/42`;
    try {
      process.argv = [...argv, link];
      FakeBrowserWindow.created.length = 0;
      const window = await startMain();
      await vi.waitFor(async () =>
        expect(await ipcHandlers.get('desktop.start')!(trustedEvent, undefined)).toMatchObject({
          value: { openLink: { connectionId: made.value.id, customerKey: '42' } },
        }),
      );
      // Handed over once; a later link (second instance) goes to the window as an event.
      app.emit('second-instance', {}, [
        '/opt/fieldbook',
        `fieldbook://customer/${made.value.id}/7`,
      ]);
      await vi.waitFor(() =>
        expect(window.webContents.send).toHaveBeenCalledWith('customer.linkOpened', {
          connectionId: made.value.id,
          customerKey: '7',
        }),
      );
      window.webContents.send.mockClear();
      app.emit('second-instance', {}, ['/opt/fieldbook', 'fieldbook://customer/nobody/7']);
      await vi.waitFor(() =>
        expect(fakeElectron.dialog.showMessageBox).toHaveBeenCalledWith(
          expect.anything(),
          expect.objectContaining({
            message: expect.stringContaining('not set up on this computer'),
          }),
        ),
      );
      expect(window.webContents.send).not.toHaveBeenCalledWith(
        'customer.linkOpened',
        expect.anything(),
      );
    } finally {
      process.argv = argv;
    }
  });

  test('logs go to logs/main.log in the profile, and the window state is saved on close', async () => {
    const window = await startMain();
    await vi.waitFor(() => expect(fakeElectron.Menu.setApplicationMenu).toHaveBeenCalled());
    const logged = await readFile(join(userDataDir, 'logs', 'main.log'), 'utf8');
    expect(logged).toContain('no place to keep sign-ins');
    window.bounds = { x: 100, y: 50, width: 1000, height: 700 };
    window.emit('resize');
    window.emit('close');
    await vi.waitFor(async () =>
      expect(JSON.parse(await readFile(join(userDataDir, 'window-state.json'), 'utf8'))).toEqual({
        bounds: { x: 100, y: 50, width: 1000, height: 700 },
        maximized: false,
        fullScreen: false,
      }),
    );
  });
});
