// Fieldbook's main process: the composition root. It wires Electron (window, protocol, IPC) to
// the plain-Node services; nothing below this file imports Electron except src-main/platform/.
import { app, powerMonitor, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createDesktopHandlers } from './desktop/desktop-handlers';
import { createLocaleWatcher } from './desktop/system-locale';
import { createEventHub, type EventHub } from './ipc/event-hub';
import { createIpcRouter } from './ipc/router';
import { createCustomerLinkOpener } from './links/customer-link-opener';
import { createMainLog } from './logs/main-log';
import { createRotatingLog, logsDirIn } from './logs/rotating-log';
import { availableCommands, buildMenuEntries } from './menu/menu-items';
import { installAppMenu, routeMenuShortcuts } from './platform/app-menu';
import { createElectronDesktopPort, createMenuActions, tellUser } from './platform/desktop-port';
import { createExportSaveDialog } from './platform/export-dialog';
import { placementForDisplaysNow, trackWindowState } from './platform/window-state-tracking';
import type { WindowState } from './window-state/placement';
import {
  createWindowStateSaver,
  loadWindowState,
  windowStatePath,
} from './window-state/window-state-file';
import { createUnavailableHandlers } from './ipc/unavailable-handlers';
import { registerAppSchemePrivileges, serveAppProtocol } from './platform/app-protocol';
import { startAutoUpdate } from './platform/auto-update';
import { openComposedLink } from './platform/external-links';
import { bindIpcRouter, isTrustedElectronSender } from './platform/ipc-electron';
import { sendEventsToWindow } from './platform/ipc-electron-events';
import { guardAppQuit, guardShutdown, guardWindowClose } from './platform/quit-events';
import { createQuitGuard } from './quit/quit-guard';
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
// It also goes to logs/main.log in the profile once that folder is known (after start-up).
const mainLog = createMainLog((line) => console.error(line));
const log = mainLog.log;
// The one menu list: the menu bar, and the shortcuts main takes before the page sees them.
const menuEntries = buildMenuEntries({
  platform: process.platform,
  version: app.getVersion(),
  available: availableCommands,
});
// The packaged app ships the user guide beside app.asar (electron-builder extraResources).
const docsPath = () =>
  app.isPackaged && process.resourcesPath
    ? join(process.resourcesPath, 'README.md')
    : join(import.meta.dirname, '../../README.md');

/**
 * Main's services with the Electron adapters: keychain, system browser, in-process sandbox — the
 * sandbox (and oidc-provider) imported only once "Try the sandbox" or a sandbox connection
 * needs it, so a start without one neither loads nor pays for it.
 */
async function startServices(
  desktop: ReturnType<typeof createElectronDesktopPort>,
  exportDialog: ReturnType<typeof createExportSaveDialog>,
): Promise<MainServices> {
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
    desktop,
    exportDialog,
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
  // Main's events to the window: the services' hub, or one of its own if they failed to start.
  let events: EventHub | undefined;
  const emit: EventHub['emit'] = (event, payload) => events?.emit(event, payload);
  const currentWindow = () => mainWindow;
  // Quitting while changes wait asks the window first (docs/desktop.md#quitting).
  const quitGuard = createQuitGuard({
    events: { emit },
    quit: () => app.quit(),
    canAsk: () =>
      mainWindow !== undefined &&
      !mainWindow.isDestroyed() &&
      !mainWindow.webContents.isDestroyed() &&
      !mainWindow.webContents.isCrashed(),
    log,
  });
  guardAppQuit(app, quitGuard);
  let rememberedPlacement: WindowState | null = null;
  let saveWindowState: ((window: BrowserWindow) => void) | undefined;
  // About works at once; Show logs folder and Open documentation once the profile is known.
  let menuActions: ReturnType<typeof createMenuActions> = () => {};

  const showWindow = () => {
    if (!mainWindow || mainWindow.isDestroyed()) {
      mainWindow = createMainWindow({
        preloadPath,
        iconPath,
        log,
        placement: placementForDisplaysNow(rememberedPlacement),
      });
      routeMenuShortcuts(mainWindow.webContents, menuEntries, process.platform, (command) =>
        emit('menu.command', { command }),
      );
      saveWindowState?.(mainWindow);
      guardWindowClose(mainWindow, quitGuard);
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  };

  // fieldbook://customer/… links: checked against the connections set up here once they load.
  let servicesStarted: (started: MainServices | undefined) => void = () => {};
  const servicesReady = new Promise<MainServices | undefined>((resolve) => {
    servicesStarted = resolve;
  });
  const links = createCustomerLinkOpener({
    hasConnection: async (id) => (await (await servicesReady)?.connections.get(id))?.ok === true,
    events: { emit },
    refuse: (message) => tellUser(currentWindow, 'Link not opened', message),
    log,
  });
  const openLinkIn = (argv: readonly string[]) => {
    const link = links.linkInArgv(argv);
    if (link !== undefined) void links.open(link);
  };
  const locale = createLocaleWatcher({ read: () => app.getSystemLocale(), events: { emit } });
  const desktop = createElectronDesktopPort({ currentWindow, locale, links });

  installWebContentsGuards(log);
  // Windows and Linux start a second instance for a link: it quits, and its argv comes here.
  app.on('second-instance', (_event: unknown, argv: unknown) => {
    showWindow();
    if (Array.isArray(argv)) openLinkIn(argv.filter((word) => typeof word === 'string'));
  });
  // macOS hands links to the running app (and to a starting one, before ready).
  app.on('open-url', (event: { preventDefault(): void }, url: string) => {
    event.preventDefault();
    void links.open(url);
  });
  // The user may have changed the regional format in the OS settings meanwhile.
  app.on('browser-window-focus', () => locale.check());
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
    const handlers = await startServices(desktop, createExportSaveDialog(currentWindow)).then(
      (started) => {
        services = started;
        events = started.events;
        return started.handlers;
      },
      (error: unknown) => {
        // Still open the window: the local data is there, and every call explains itself.
        log(`Fieldbook: main services failed to start: ${describeError(error)}`);
        events = createEventHub({ log });
        return { ...createUnavailableHandlers(), ...createDesktopHandlers(desktop) };
      },
    );
    servicesStarted(services);
    // Whichever window is open now gets main's events (auth.changed, menu.command, …).
    sendEventsToWindow(events!, currentWindow);
    await startDesktopFiles();
    // powerMonitor exists only once the app is ready.
    guardShutdown(powerMonitor, quitGuard);
    // IPC is bound before the window exists, so the renderer's first call finds its handler.
    bindIpcRouter(
      createIpcRouter({
        handlers: { ...handlers, ...quitGuard.handlers },
        isTrustedSender: isTrustedElectronSender,
        log: (message, details) => log(`${message} ${JSON.stringify(details)}`),
      }),
    );
    installAppMenu(menuEntries, {
      command: (command) => emit('menu.command', { command }),
      action: (action) => menuActions(action),
    });
    showWindow();
    openLinkIn(process.argv);
    app.on('activate', showWindow);
    // Off unless IT set FIELDBOOK_UPDATE_FEED (https) for an installed build; see docs/security.md.
    void startAutoUpdate(decideUpdatePolicy({ env: process.env, isPackaged: app.isPackaged }), {
      log,
    }).catch((error: unknown) => log(`Auto-update could not start: ${describeError(error)}`));
  });

  /** The profile's files for the desktop: the log file, the window's last size and place. */
  async function startDesktopFiles(): Promise<void> {
    let userDataDir: string;
    try {
      userDataDir = app.getPath('userData');
    } catch (error) {
      log(`Fieldbook: no profile folder for logs and window state: ${describeError(error)}`);
      return;
    }
    const logFile = createRotatingLog({ dir: logsDirIn(userDataDir) });
    mainLog.attach(logFile);
    menuActions = createMenuActions({
      currentWindow,
      version: app.getVersion(),
      logsDir: logFile.dir,
      docsPath: docsPath(),
      log,
    });
    const path = windowStatePath(userDataDir);
    rememberedPlacement = await loadWindowState(path, log);
    const saver = createWindowStateSaver({ path, log });
    saveWindowState = (window) =>
      trackWindowState(window, {
        save: (state) => {
          rememberedPlacement = state;
          saver.save(state);
        },
        flush: () => saver.flush(),
      });
  }
}

/** The stack when there is one: it says where start-up failed (the log redacts any secret). */
function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
