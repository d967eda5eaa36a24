// A minimal ESM `electron` for running the BUILT main bundle under plain Node (see
// run-main-bundle.mjs). It records what main hands Electron on globalThis.mainBundleProbe.
import { EventEmitter } from 'node:events';

const probe = {
  calls: [],
  ipcHandlers: new Map(),
  protocolHandler: undefined,
  windows: [],
  /** The template of the application menu main set (labels only are reported). */
  menu: undefined,
};
globalThis.mainBundleProbe = probe;

class FakeSession {
  setPermissionRequestHandler() {}
  setPermissionCheckHandler() {}
  setDevicePermissionHandler() {}
  webRequest = { onBeforeRequest() {} };
}

class FakeApp extends EventEmitter {
  whenReady() {
    probe.calls.push('whenReady');
    return Promise.resolve();
  }
  requestSingleInstanceLock() {
    return true;
  }
  enableSandbox() {
    probe.calls.push('enableSandbox');
  }
  quit() {
    probe.calls.push('quit');
  }
  getPath() {
    return process.env.FIELDBOOK_USER_DATA;
  }
  getVersion() {
    return '0.0.0-stub';
  }
  getSystemLocale() {
    return 'de-DE';
  }
  isPackaged = false;
}

export const app = new FakeApp();
export const session = { defaultSession: new FakeSession() };
export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    probe.calls.push(`registerSchemesAsPrivileged:${schemes.map((s) => s.scheme).join(',')}`);
  },
  handle(scheme, handler) {
    probe.calls.push(`protocol.handle:${scheme}`);
    probe.protocolHandler = handler;
  },
};
export const ipcMain = {
  handle(channel, handler) {
    probe.ipcHandlers.set(channel, handler);
  },
  removeHandler(channel) {
    probe.ipcHandlers.delete(channel);
  },
};
export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = Object.assign(new EventEmitter(), {
      session: new FakeSession(),
      setWindowOpenHandler() {},
    });
    probe.windows.push(this);
  }
  loadURL(url) {
    probe.calls.push(`loadURL:${url}`);
    return Promise.resolve();
  }
  show() {}
  maximize() {}
  setFullScreen() {}
  getNormalBounds() {
    const { x = 0, y = 0, width, height } = this.options;
    return { x, y, width, height };
  }
  isMaximized() {
    return false;
  }
  isFullScreen() {
    return false;
  }
  isDestroyed() {
    return false;
  }
}
export const shell = { openExternal: async () => {}, openPath: async () => '' };
export const dialog = {
  showMessageBoxSync: () => 1,
  showMessageBox: async () => ({ response: 0 }),
  showSaveDialog: async () => ({ canceled: true }),
};
const primaryDisplay = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
export const screen = {
  getAllDisplays: () => [primaryDisplay],
  getPrimaryDisplay: () => primaryDisplay,
};
export const Menu = {
  buildFromTemplate(template) {
    return { template };
  },
  setApplicationMenu(menu) {
    probe.menu = menu.template;
  },
};
/** Linux/macOS shutdown announcements (main listens for `shutdown`). */
export const powerMonitor = new EventEmitter();
export const safeStorage = {
  isEncryptionAvailable: () => false,
  encryptString: () => Buffer.alloc(0),
  decryptString: () => '',
  getSelectedStorageBackend: () => 'unknown',
};
export default {
  app,
  session,
  protocol,
  ipcMain,
  BrowserWindow,
  shell,
  safeStorage,
  dialog,
  screen,
  Menu,
  powerMonitor,
};
