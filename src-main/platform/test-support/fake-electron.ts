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
  /** What a test wants print() to report, and what printToPDF answers. */
  printReport: { success: boolean; failureReason?: string } = { success: true };
  readonly print = vi.fn(
    (_options: object, callback: (success: boolean, failureReason: string) => void) =>
      callback(this.printReport.success, this.printReport.failureReason ?? ''),
  );
  readonly printToPDF = vi.fn(async (_options: object) => Buffer.from('%PDF-1.7 fake'));
  /** The top-level page: loadURL puts it there, a test may navigate it elsewhere. */
  mainFrame = { url: '' };
  readonly send = vi.fn((_channel: string, _payload: unknown) => undefined);
  isDestroyed = () => false;
  /** A test sets true for a window whose page crashed. */
  crashed = false;
  isCrashed = () => this.crashed;
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
  readonly maximize = vi.fn(() => {
    this.maximized = true;
  });
  readonly setFullScreen = vi.fn((on: boolean) => {
    this.fullScreen = on;
  });
  bounds = { x: 0, y: 0, width: 1280, height: 820 };
  maximized = false;
  fullScreen = false;
  getNormalBounds = () => ({ ...this.bounds });
  isMaximized = () => this.maximized;
  isFullScreen = () => this.fullScreen;
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
    systemLocale: 'de-DE',
    getSystemLocale: vi.fn(() => app.systemLocale),
    getVersion: vi.fn(() => '0.1.0'),
  });
  type FakeDisplay = {
    id: number;
    workArea: { x: number; y: number; width: number; height: number };
  };
  const primary: FakeDisplay = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  const screen = Object.assign(new FakeEmitter(), {
    displays: [primary] as FakeDisplay[],
    getAllDisplays: vi.fn(() => screen.displays),
    getPrimaryDisplay: vi.fn(() => screen.displays[0] ?? primary),
  });
  const menu = { template: [] as unknown[] };
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
    shell: {
      openExternal: vi.fn(async (_url: string, _options?: object) => undefined),
      /** '' means opened; anything else is the OS's error message. */
      openPath: vi.fn(async (_path: string) => ''),
    },
    /** The button index a test wants the next message box to answer (0 = the first button). */
    dialog: {
      showMessageBoxSync: vi.fn((_window: unknown, _options: object) => 1),
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({
        response: 0,
        checkboxChecked: false,
      })),
      showErrorBox: vi.fn((_title: string, _content: string) => undefined),
      /** A test sets the answer: a path, or canceled. */
      showSaveDialog: vi.fn(
        async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({
          canceled: true,
        }),
      ),
    },
    screen,
    /** Linux/macOS shutdown announcements: a test emits `shutdown` with a preventable event. */
    powerMonitor: new FakeEmitter(),
    /** The last template handed to Menu.buildFromTemplate (what the menu bar shows). */
    menu,
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => {
        menu.template = template;
        return { template };
      }),
      setApplicationMenu: vi.fn((_menu: unknown) => undefined),
    },
  };
}

type FakeElectron = ReturnType<typeof createFakeElectron>;
const holder = globalThis as { fieldbookFakeElectron?: FakeElectron };
/** One per test file, kept across vi.resetModules() so a re-imported main sees the same fake. */
export const fakeElectron: FakeElectron = (holder.fieldbookFakeElectron ??= createFakeElectron());
