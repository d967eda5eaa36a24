// The main window and the security baseline of every web page Fieldbook shows (docs/security.md):
// sandboxed, isolated, no Node; no navigation, pop-up or webview; no permission but persistent
// storage; no network but app:.
import {
  app,
  BrowserWindow,
  dialog,
  type Session,
  type WebContents,
  type WebPreferences,
} from 'electron';
import { createRedactingLog } from '../http/log';
import type { WindowState } from '../window-state/placement';
import { appEntryUrl, appOrigin } from './app-protocol';
import { windowLimits } from './window-state-tracking';

/** A refused URL may carry a code or token in its query: never log one unredacted. */
const warnRedacted = createRedactingLog((line) => console.warn(line));

/** The renderer gets no Node, no Electron, and a separate JS world from the preload. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
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
  };
}

export interface MainWindowOptions {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preloadPath: string;
  /** The window and taskbar icon on Linux and Windows (macOS takes the bundle's icon). */
  iconPath?: string;
  /** Where refused navigations are reported; pass a redacting log (src-main/http/log.ts). */
  log?: (message: string) => void;
  /** Where and how big to open (window-state-tracking.ts); absent: the default size, centred. */
  placement?: WindowState;
}

export function createMainWindow({
  preloadPath,
  iconPath,
  log = warnRedacted,
  placement,
}: MainWindowOptions) {
  const window = new BrowserWindow({
    ...(placement ? placement.bounds : { width: windowLimits.width, height: windowLimits.height }),
    minWidth: windowLimits.minWidth,
    minHeight: windowLimits.minHeight,
    title: 'Fieldbook',
    show: false,
    backgroundColor: '#ffffff',
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: secureWebPreferences(preloadPath),
  });
  hardenWebContents(window.webContents, log);
  hardenSession(window.webContents.session);
  askBeforeLosingEdits(window);
  // Before the first show, so the window appears as it was left, not resized in front of the user.
  if (placement?.maximized) window.maximize();
  if (placement?.fullScreen) window.setFullScreen(true);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appEntryUrl);
  return window;
}

/**
 * The editor's unsaved-changes guard cancels `beforeunload`; Electron then closes nothing and asks
 * nobody, so main asks: leaving drops only what was typed and not saved (saved changes sync later).
 */
function askBeforeLosingEdits(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event: { preventDefault(): void }) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Leave', 'Keep editing'],
      defaultId: 1,
      cancelId: 1,
      title: 'Unsaved changes',
      message: 'Leave Fieldbook without saving this customer?',
      detail: 'What you typed since the last save is lost. Saved changes stay and sync later.',
    });
    // preventDefault here means "ignore the page's objection": the window closes.
    if (choice === 0) event.preventDefault();
  });
}

const hardened = new WeakSet<WebContents>();

/** Every page may only stay where main put it: the UI is one page and opens nothing itself. */
export function hardenWebContents(contents: WebContents, log: (message: string) => void): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const refuse = (what: string) => (event: { preventDefault(): void }, url?: string) => {
    event.preventDefault();
    log(`Fieldbook refused ${what}${typeof url === 'string' ? ` to ${url.slice(0, 200)}` : ''}`);
  };
  contents.on('will-navigate', refuse('a navigation'));
  // Also fires for the main frame (already refused above): only subframes are worth a log line.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) event.preventDefault();
    else refuse('a frame navigation')(event, event.url);
  });
  contents.on('will-redirect', refuse('a redirect'));
  contents.on('will-attach-webview', (event, _preferences, params) =>
    refuse('a <webview>')(event, params.src),
  );
  contents.setWindowOpenHandler(({ url }) => {
    log(`Fieldbook refused a new window to ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
}

/** Defence in depth for any web contents created later (devtools, a future window). */
export function installWebContentsGuards(log: (message: string) => void = warnRedacted): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
}

/**
 * No camera, notifications, clipboard reads, USB …; and no request but to our own app: files.
 * Granted to our own page only: `persistent-storage`, which keeps the browser engine from evicting
 * IndexedDB — unsynced changes included — under disk pressure; and writing (never reading) the
 * clipboard, for "Copy link".
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isAllowedPermission(permission, details?.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isAllowedPermission(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRendererRequest(details.url) }),
  );
}

/**
 * Only to a page (URL or origin) of our own app: origin, and only `persistent-storage` and
 * `clipboard-sanitized-write` — the editor's "Copy link" writes a customer link to the clipboard;
 * reading the clipboard stays refused.
 */
export function isAllowedPermission(permission: string, requestedBy: string | undefined): boolean {
  return grantedPermissions.has(permission) && isOwnAppOrigin(requestedBy);
}
const grantedPermissions = new Set(['persistent-storage', 'clipboard-sanitized-write']);

function isOwnAppOrigin(url: string | undefined): boolean {
  if (!url) return false;
  try {
    // Compared by parts: a custom scheme's URL has no `origin` in every runtime ('null').
    const { protocol, host, username, password } = new URL(url);
    return `${protocol}//${host}`.toLowerCase() === appOrigin && username === '' && password === '';
  } catch {
    return false;
  }
}

/** What a renderer may load: our app: files, inline data/blob URLs, and the devtools. */
export function isAllowedRendererRequest(url: string): boolean {
  try {
    const { protocol, host } = new URL(url);
    if (protocol === 'app:') return host.toLowerCase() === 'fieldbook';
    return protocol === 'data:' || protocol === 'blob:' || protocol === 'devtools:';
  } catch {
    return false;
  }
}
