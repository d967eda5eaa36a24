// A stand-in for the `electron` module in Node tests (requiring the real one would try to
// download the binary). Tests mock 'electron' with `fakeElectron` and inspect what it was handed.
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (...a: unknown[]) => void)(...args);
  }
}

export class FakeSession {
  permissionRequest?: (...args: unknown[]) => void;
  permissionCheck?: (...args: unknown[]) => boolean;
  devicePermission?: (...args: unknown[]) => boolean;
  beforeRequest?: (details: { url: string }, callback: (answer: unknown) => void) => void;
  readonly webRequest = {
    onBeforeRequest: (handler: FakeSession['beforeRequest']) => {
      this.beforeRequest = handler;
    },
  };
  setPermissionRequestHandler(handler: FakeSession['permissionRequest']) {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheck']) {
    this.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermission']) {
    this.devicePermission = handler;
  }
}

export class FakeWebContents extends FakeEmitter {
  session = new FakeSession();
  /** The top-level page: loadURL puts it there, a test may navigate it elsewhere. */
  mainFrame = { url: '' };
  readonly send = vi.fn((_channel: string, _payload: unknown) => undefined);
  isDestroyed = () => false;
  windowOpenHandler?: (details: { url: string }) => unknown;
  setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']) {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static readonly created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (url: string) => {
    this.webContents.mainFrame.url = url;
  });
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  isDestroyed = () => false;
  isMinimized = () => false;
  constructor(
    readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>,
  ) {
    super();
    FakeBrowserWindow.created.push(this);
  }
}

type InvokeListener = (event: unknown, payload: unknown) => Promise<unknown>;

function createFakeElectron() {
  const app = Object.assign(new FakeEmitter(), {
    whenReady: vi.fn(() => Promise.resolve()),
    requestSingleInstanceLock: vi.fn(() => true),
    enableSandbox: vi.fn(),
    quit: vi.fn(),
    userDataDir: '',
    getPath: vi.fn((_name: string) => app.userDataDir),
  });
  const ipcHandlers = new Map<string, InvokeListener>();
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: new FakeSession() },
    ipcHandlers,
    ipcMain: {
      handle: vi.fn((channel: string, listener: InvokeListener) => {
        ipcHandlers.set(channel, listener);
      }),
      removeHandler: vi.fn((channel: string) => ipcHandlers.delete(channel)),
    },
    /** Encryption unavailable, as on a Linux box without a keyring. */
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
      getSelectedStorageBackend: () => 'unknown',
    },
    shell: { openExternal: vi.fn(async (_url: string, _options?: object) => undefined) },
    /** The button index a test wants the next message box to answer (0 = the first button). */
    dialog: { showMessageBoxSync: vi.fn((_window: unknown, _options: object) => 1) },
  };
}

type FakeElectron = ReturnType<typeof createFakeElectron>;
const holder = globalThis as { fieldbookFakeElectron?: FakeElectron };
/** One per test file, kept across vi.resetModules() so a re-imported main sees the same fake. */
export const fakeElectron: FakeElectron = (holder.fieldbookFakeElectron ??= createFakeElectron());
