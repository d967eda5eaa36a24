// A minimal ESM `electron` for running the BUILT main bundle under plain Node (see
// run-main-bundle.mjs). It records what main hands Electron on globalThis.mainBundleProbe.
import { EventEmitter } from 'node:events';

const probe = {
  calls: [],
  ipcHandlers: new Map(),
  protocolHandler: undefined,
  windows: [],
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
  isDestroyed() {
    return false;
  }
}
export const shell = { openExternal: async () => {} };
export const dialog = { showMessageBoxSync: () => 1 };
export const safeStorage = {
  isEncryptionAvailable: () => false,
  encryptString: () => Buffer.alloc(0),
  decryptString: () => '',
  getSelectedStorageBackend: () => 'unknown',
};
export default { app, session, protocol, ipcMain, BrowserWindow, shell, safeStorage, dialog };
