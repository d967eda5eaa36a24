// Starts everything the renderer needs outside Electron: main's services in this Node process
// (form-filling browser instead of the system browser, a non-keyring SecretStore), the built
// renderer on 127.0.0.1, and the WebSocket bridge that stands in for the preload's IPC and
// carries main's events to the page. With no window to close, /__harness/quit stands in for it.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIpcRouter } from '../../src-main/ipc/router';
import { createQuitGuard } from '../../src-main/quit/quit-guard';
import { createMemorySecretStore, type SecretStore } from '../../src-main/secrets/secret-store';
import { createMainServices } from '../../src-main/services/create-main-services';
import type { ConnectorSettings } from '../../src-main/connectors';
import { createFormFillingBrowser } from '../../src-main/auth/test-support/form-filling-browser';
import { systemClock } from '../../src-shared/time/clock';
import { startSandbox } from '../../sandbox/index';
import { sandboxReadyLine } from '../../sandbox/ready-line';
import { buildBridgeScript } from './bridge-bundle';
import { createFileSecretStore } from './file-secret-store';
import { handleQuitEndpoint } from './quit-endpoint';
import { createStaticHandler } from './static-server';
import { attachWsBridge } from './ws-bridge';

export interface HarnessOptions {
  port: number;
  /** Also start a sandbox now (`sandbox.tryIt` can always start one later). */
  sandbox: boolean;
  /** Keep connections and (sandbox) tokens here across runs; a fresh temp folder otherwise. */
  profileDir?: string;
  rendererDir: string;
  /** Main's pacing and time-outs (defaults: the app's). */
  connectors?: ConnectorSettings;
  log?: (line: string) => void;
}

export interface Harness {
  /** The page URL, secret included. */
  url: string;
  origin: string;
  secret: string;
  /** The sandbox's ready line (its connection details) when started with `sandbox: true`. */
  sandbox: unknown;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[harness] ${line}\n`));
  const secret = randomBytes(24).toString('base64url');
  const temporary = options.profileDir
    ? undefined
    : await mkdtemp(join(tmpdir(), 'fieldbook-harness-'));
  const userDataDir = options.profileDir ?? (temporary as string);
  const secrets: SecretStore = options.profileDir
    ? createFileSecretStore(options.profileDir)
    : createMemorySecretStore();

  const services = createMainServices({
    userDataDir,
    secrets,
    browser: createFormFillingBrowser(),
    clock: systemClock,
    startSandbox,
    log,
    // A harness run never starts programs on the developer's desktop: the composed link is logged.
    openLink: async (href) => {
      log(`links.open: would open ${href}`);
      return { ok: true, value: null };
    },
    ...(options.connectors ? { connectors: options.connectors } : {}),
  });
  const sandbox = options.sandbox ? await startSandbox({ port: 0, log }) : undefined;

  // Quitting as in the app, minus the exit: `quitting` is recorded for the quit endpoint to show.
  const quitGuard = createQuitGuard({
    events: services.events,
    quit: () => log('quit: the app would exit now'),
    canAsk: () => true,
    log,
  });

  let origin = '';
  const router = createIpcRouter({
    handlers: { ...services.handlers, ...quitGuard.handlers },
    isTrustedSender: (sender) =>
      typeof sender.url === 'string' && sender.url.startsWith(`${origin}/`),
    log: (message, details) => log(`${message} ${JSON.stringify(details)}`),
  });

  const serveStatic = await createStaticHandler(options.rendererDir, await buildBridgeScript());
  const server: Server = createServer((req, res) => {
    if (handleQuitEndpoint(req, res, { guard: quitGuard, secret })) return;
    serveStatic(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  const bridge = attachWsBridge({
    server,
    secret,
    origin: () => origin,
    handle: (channel, senderUrl, payload) => router.handle(channel, { url: senderUrl }, payload),
    log,
  });
  // Main's events reach the page as they reach the window in Electron (webContents.send).
  const stopEvents = services.events.subscribe(({ event, payload }) => bridge.push(event, payload));

  return {
    url: `${origin}/?harness=${secret}`,
    origin,
    secret,
    // Exactly the sandbox CLI's ready line (URLs, demo credentials).
    sandbox: sandbox ? sandboxReadyLine(sandbox) : null,
    async close() {
      quitGuard.dispose();
      stopEvents();
      await bridge.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.close();
      await sandbox?.close();
      if (temporary) await rm(temporary, { recursive: true, force: true });
    },
  };
}
