// Fieldbook's main process: the composition root. It wires Electron (window, protocol, IPC) to
// the plain-Node services; nothing below this file imports Electron except src-main/platform/.
import { app, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createRedactingLog } from './http/log';
import { createIpcRouter } from './ipc/router';
import { createUnavailableHandlers } from './ipc/unavailable-handlers';
import { registerAppSchemePrivileges, serveAppProtocol } from './platform/app-protocol';
import { startAutoUpdate } from './platform/auto-update';
import { openComposedLink } from './platform/external-links';
import { bindIpcRouter, isTrustedElectronSender } from './platform/ipc-electron';
import { sendEventsToWindow } from './platform/ipc-electron-events';
import { platformSecretStoreCandidates } from './platform/secret-store-safe-storage';
import { createSystemBrowser } from './platform/system-browser';
import { createMainWindow, hardenSession, installWebContentsGuards } from './platform/window';
import { openSecretStore } from './secrets/open-secret-store';
import { selectSecretStore } from './secrets/secret-store-selector';
import { createMainServices, loadSandboxWhenNeeded, type MainServices } from './services';
import { decideUpdatePolicy } from './services/update-policy';
import { systemClock } from '../src-shared/time/clock';

// Built layout: out/main/index.js next to out/preload/index.cjs and out/renderer/.
const rendererRoot = join(import.meta.dirname, '../renderer');
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
// resources/ sits at the project (and packaged app) root, two levels above out/main.
const iconPath = join(import.meta.dirname, '../../resources/icon.png');

// Every line main writes goes through redactSecrets: an error may quote a header or a token.
const log = createRedactingLog((line) => console.error(line));

/**
 * Main's services with the Electron adapters: keychain, system browser, in-process sandbox — the
 * sandbox (and oidc-provider) imported only once "Try the sandbox" or a sandbox connection
 * needs it, so a start without one neither loads nor pays for it.
 */
async function startServices(): Promise<MainServices> {
  const userDataDir = app.getPath('userData');
  // Re-run with consent when the user accepts weaker storage (secrets.acceptWeakStorage).
  const secrets = await selectSecretStore({
    userDataDir,
    open: (acceptWeak) => openSecretStore(platformSecretStoreCandidates(userDataDir), acceptWeak),
    log,
  });
  return createMainServices({
    userDataDir,
    secrets,
    browser: createSystemBrowser(),
    clock: systemClock,
    startSandbox: loadSandboxWhenNeeded(() => import('../sandbox/index')),
    openLink: openComposedLink,
    log,
  });
}

// Both must happen before `ready`: Electron reads scheme privileges and the sandbox flag once.
registerAppSchemePrivileges();
app.enableSandbox();

// One running Fieldbook per user profile: two would share (and fight over) the same IndexedDB.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | undefined;
  let services: MainServices | undefined;
  const showWindow = () => {
    if (!mainWindow || mainWindow.isDestroyed()) {
      mainWindow = createMainWindow({ preloadPath, iconPath, log });
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  };

  installWebContentsGuards(log);
  app.on('second-instance', showWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Stop the in-process sandbox (if "Try the sandbox" started one) before the process exits.
  app.on('will-quit', (event) => {
    if (!services) return;
    const closing = services;
    services = undefined;
    event.preventDefault();
    void closing.close().finally(() => app.quit());
  });

  void app.whenReady().then(async () => {
    serveAppProtocol(rendererRoot);
    // The window hardens its session too; doing it here covers requests made before it exists.
    hardenSession(session.defaultSession);
    const handlers = await startServices().then(
      (started) => {
        services = started;
        // Whichever window is open now gets main's events (auth.changed, connections.changed).
        sendEventsToWindow(started.events, () => mainWindow);
        return started.handlers;
      },
      (error: unknown) => {
        // Still open the window: the local data is there, and every call explains itself.
        log(`Fieldbook: main services failed to start: ${describeError(error)}`);
        return createUnavailableHandlers();
      },
    );
    // IPC is bound before the window exists, so the renderer's first call finds its handler.
    bindIpcRouter(
      createIpcRouter({
        handlers,
        isTrustedSender: isTrustedElectronSender,
        log: (message, details) => log(`${message} ${JSON.stringify(details)}`),
      }),
    );
    showWindow();
    app.on('activate', showWindow);
    // Off unless IT set FIELDBOOK_UPDATE_FEED (https) for an installed build; see docs/security.md.
    void startAutoUpdate(decideUpdatePolicy({ env: process.env, isPackaged: app.isPackaged }), {
      log,
    }).catch((error: unknown) => log(`Auto-update could not start: ${describeError(error)}`));
  });
}

/** The stack when there is one: it says where start-up failed (the log redacts any secret). */
function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
