// Main's services without Electron: connection store, auth, connectors, the IPC handler map and
// the event hub the window listens to. src-main/index.ts passes the Electron adapters; the e2e
// harness and the tests pass Node ones. A sandbox from an earlier session restarts in the
// background; calls on its connections wait.
import type { Handlers } from '../../src-shared/ipc/contract';
import { createAuthService, type AuthService } from '../auth/auth-service';
import type { SystemBrowser } from '../auth/system-browser';
import { createConnectionStore, type ConnectionStore } from '../connections/connection-store';
import type { ConnectorSettings } from '../connectors';
import { createRedactingLog } from '../http/log';
import {
  fixedSecretStoreSelector,
  isSecretStoreSelector,
  type SecretStoreSelector,
} from '../secrets/secret-store-selector';
import type { SecretStore } from '../secrets/secret-store';
import type { Clock } from '../../src-shared/time/clock';
import { createConnectionHandlers, createConnectionViews } from './connection-handlers';
import { createEventHub, type EventHub } from '../ipc/event-hub';
import {
  announceAuthChanges,
  announcingConnectionStore,
  createConnectionsAnnouncer,
} from './connection-events';
import { createConnectorRegistry } from './connector-registry';
import { connectorHandlers } from './connector-handlers';
import { createListCursors } from '../cursors/list-cursors';
import { createLinksHandlers, noLinkLauncher, type LinkLauncher } from './links-handlers';
import { createSecretsHandlers } from './secrets-handlers';
import { createDesktopHandlers, noDesktop, type DesktopPort } from '../desktop/desktop-handlers';
import { noQuitGuard } from '../quit/quit-guard';
import { createExportService, type ExportSaveDialog } from '../export/export-handlers';
import { createJournalHandlers, createJournalStore } from '../journal';
import { gateSandboxConnections } from './sandbox-gate';
import { createSandboxService, type StartSandbox } from './sandbox-handlers';

export interface MainServicesOptions {
  /** Electron's userData folder (connections.json and the sandbox's files live here). */
  userDataDir: string;
  /**
   * The app: the secret store chosen for this machine (`selectSecretStore`), whose status and weak-
   * storage consent the window can see. Tests and the harness: a plain store (status `memory`).
   */
  secrets: SecretStoreSelector | SecretStore;
  browser: SystemBrowser;
  clock: Clock;
  /** `startSandbox` from sandbox/index.ts; absent in builds without the sandbox. */
  startSandbox?: StartSandbox;
  /** Tests only: fewer demo customers and another first port than the app's defaults. */
  sandbox?: { customers?: number; defaultPort?: number };
  /** Receives log lines AFTER redaction; stderr by default. */
  log?: (line: string) => void;
  /** Pacing and time-outs; defaults per API (Revnue: 40 of the account's 100/min; R2: 600/min). */
  connectors?: ConnectorSettings;
  /** The desktop behind `desktop.*` (Electron: src-main/platform/desktop-port.ts); none: noDesktop. */
  desktop?: DesktopPort;
  /** Opens the customer links `links.open` composed (Electron: shell.openExternal); none: refused. */
  openLink?: LinkLauncher;
  /** The export's save dialog (Electron: src-main/platform/export-dialog.ts); none: a download. */
  exportDialog?: ExportSaveDialog;
}

export interface MainServices {
  handlers: Handlers;
  /** `auth.changed` and `connections.changed`, for the edge that carries them to the window. */
  events: EventHub;
  /** Changes made here are announced like those made over IPC. */
  connections: ConnectionStore;
  auth: AuthService;
  close(): Promise<void>;
}

export function createMainServices(options: MainServicesOptions): MainServices {
  const log = createRedactingLog(options.log ?? ((line) => process.stderr.write(`${line}\n`)));
  const selector = isSecretStoreSelector(options.secrets)
    ? options.secrets
    : fixedSecretStoreSelector(options.secrets);
  const storedConnections = createConnectionStore({
    dir: options.userDataDir,
    secrets: selector.store,
    warn: log,
  });
  const auth = createAuthService({
    secrets: selector.store,
    browser: options.browser,
    clock: options.clock,
    connections: storedConnections,
  });
  const events = createEventHub({ log });
  const views = createConnectionViews(storedConnections, auth);
  const announcer = createConnectionsAnnouncer(views, events, log);
  announceAuthChanges(auth, events, announcer);
  // Everything below changes connections through this one, so no change goes unannounced.
  const connections = announcingConnectionStore(storedConnections, announcer);
  const registry = createConnectorRegistry({
    connections,
    auth,
    settings: { ...options.connectors, log },
  });
  const sandbox = createSandboxService({
    userDataDir: options.userDataDir,
    connections,
    auth,
    views,
    log,
    ...(options.startSandbox ? { startSandbox: options.startSandbox } : {}),
    ...options.sandbox,
  });
  // In the background: start-up never waits for (or fails because of) the sandbox.
  void sandbox.resume();

  const cursors = createListCursors<unknown>({ clock: options.clock });
  // A list read for a connection that is signed out or deleted has nobody left to read it.
  auth.onStateChange(({ connectionId, state }) => {
    if (state !== 'signed_in') cursors.closeConnection(connectionId);
  });
  const exports = createExportService({
    dialog: options.exportDialog ?? null,
    clock: options.clock,
  });
  const connectionHandlers = createConnectionHandlers({ connections, auth, registry, views });
  const journal = createJournalStore({ userDataDir: options.userDataDir, log });
  const deleteConnection = connectionHandlers['connections.delete'];
  connectionHandlers['connections.delete'] = async (input, context) => {
    const deleted = await deleteConnection(input, context);
    if (deleted.ok) {
      cursors.closeConnection(input.id);
      // Its waiting changes went with the connection; a journal of them would only be restored.
      await journal.remove(input.id).catch((error: unknown) => {
        log(`journal: could not remove the journal of a deleted connection: ${String(error)}`);
      });
    }
    return deleted;
  };

  const journalHandlers = createJournalHandlers(journal, connections, log);
  const gatedHandlers = gateSandboxConnections(
    {
      ...connectionHandlers,
      ...connectorHandlers({ registry, auth, cursors }),
      ...sandbox.handlers,
      ...createSecretsHandlers(selector, { connections, auth }),
      ...createLinksHandlers(options.openLink ?? noLinkLauncher),
      ...createDesktopHandlers(options.desktop ?? noDesktop),
      // The quit guard's own handler replaces this where quitting is guarded (the app, the harness).
      ...noQuitGuard,
      ...exports.handlers,
      ...journalHandlers,
    },
    sandbox,
  );
  // Not held back for the sandbox: a save must reach the journal whether or not its server runs.
  const handlers = { ...gatedHandlers, ...journalHandlers };

  return {
    handlers,
    events,
    connections,
    auth,
    close: async () => {
      cursors.closeAll();
      await exports.closeAll();
      await sandbox.close();
      await journal.close();
      await announcer.idle();
    },
  };
}
