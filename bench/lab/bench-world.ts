// A running system for one sync benchmark: the sandbox in this process, the harness (main's
// services) as a child process, our own Chromium on a fresh profile, and the bench lab page
// (the sync lab's real store, runner and adapters, plus window.benchLab). One connection.
import { build } from 'esbuild';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium as playwrightChromium, type Page } from 'playwright';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index';
import { buildLab } from '../../e2e/sync-faults/build-lab';
import { startChromium, type RunningChromium } from '../../e2e/sync-faults/chromium-process';
import {
  freePort,
  startHarnessChild,
  type HarnessChild,
} from '../../e2e/sync-faults/harness-child';
import type { BenchConnectionConfig, BenchLabApi } from '../../e2e/sync-lab/bench-api';
import type { SyncLabApi } from '../../e2e/sync-lab/lab-api';
import { browserEndpoint, pageProtocol, type PageProtocol } from './page-protocol';

export interface BenchWorldOptions {
  sandbox: SandboxOptions;
  connector: 'revnue-v2' | 'r2';
  /** Main's pacing share (requests/min) for the connector, when not the app's default. */
  perMinute?: number;
  /** Bundle the page with a source map (the pull profiler maps samples back to source files). */
  sourcemap?: boolean;
}

export interface BenchWorld {
  readonly sandbox: Sandbox;
  readonly harness: HarnessChild;
  /** Playwright's handle on the page (a new one after `detached`). */
  readonly page: Page;
  readonly connectionId: string;
  /**
   * Runs `timed` with Playwright disconnected and only a bare protocol client on the page
   * (page-protocol.ts says why), then attaches Playwright again.
   */
  detached<T>(timed: (page: PageProtocol) => Promise<T>): Promise<T>;
  /** Where the page's bundle (lab.js, and lab.js.map with `sourcemap`) was written. */
  readonly labDir: string;
  lab<M extends keyof SyncLabApi>(
    method: M,
    ...args: Parameters<SyncLabApi[M]>
  ): Promise<Awaited<ReturnType<SyncLabApi[M]>>>;
  bench<M extends keyof BenchLabApi>(
    method: M,
    ...args: Parameters<BenchLabApi[M]>
  ): Promise<Awaited<ReturnType<BenchLabApi[M]>>>;
  close(): Promise<void>;
}

const benchEntry = fileURLToPath(
  new URL('../../e2e/sync-lab/page/bench-entry.ts', import.meta.url),
);

/** The lab page with the bench hooks: buildLab writes the page and its CSP, then lab.js is
 * replaced by the bench bundle (which imports the lab's entry, so both globals exist). */
async function buildBenchLab(outDir: string, sourcemap = false): Promise<void> {
  await buildLab(outDir);
  await build({
    entryPoints: [benchEntry],
    outfile: join(outDir, 'lab.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    legalComments: 'none',
    logLevel: 'warning',
    sourcemap,
  });
}

function callIn(page: Page, global: 'syncLab' | 'benchLab', method: string, args: unknown[]) {
  return page.evaluate(
    ([name, member, list]) => {
      const api = (
        globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>
      )[name as string];
      return api![member as string]!(...(list as unknown[]));
    },
    [global, method, args] as const,
  );
}

export async function startBenchWorld(options: BenchWorldOptions): Promise<BenchWorld> {
  const scratch = await mkdtemp(join(tmpdir(), 'fieldbook-bench-'));
  const dirs = {
    tmp: join(scratch, 'tmp'),
    harness: join(scratch, 'harness-profile'),
    chromium: join(scratch, 'chromium-profile'),
    lab: join(scratch, 'lab'),
  };
  await Promise.all(Object.values(dirs).map((dir) => mkdir(dir, { recursive: true })));
  const [sandbox] = await Promise.all([
    startSandbox({ port: 0, log: () => {}, ...options.sandbox }),
    buildBenchLab(dirs.lab, options.sourcemap),
  ]);
  const harness = await startHarnessChild({
    port: await freePort(),
    profileDir: dirs.harness,
    rendererDir: dirs.lab,
    tmpDir: dirs.tmp,
    ...(options.perMinute === undefined
      ? {}
      : options.connector === 'r2'
        ? { r2PerMinute: options.perMinute }
        : { revnuePerMinute: options.perMinute }),
    log: () => {},
  });
  let chromium: RunningChromium | undefined;
  const close = async () => {
    await chromium?.kill();
    await harness.stop();
    await sandbox.close();
    await rm(scratch, { recursive: true, force: true });
  };
  try {
    chromium = await startChromium({ profileDir: dirs.chromium, tmpDir: dirs.tmp });
    const { page } = chromium;
    await page.goto(harness.url);
    const config: BenchConnectionConfig =
      options.connector === 'r2'
        ? {
            kind: 'r2',
            name: 'Bench – Unibiz R2',
            baseUrl: sandbox.r2.baseUrl,
            tokenEndpoint: `${sandbox.r2.issuer}/oauth/token`,
            clientId: sandbox.r2.serviceClientId,
            clientSecret: sandbox.r2.serviceClientSecret,
          }
        : {
            kind: 'revnue-v2',
            name: 'Bench – Revnue',
            baseUrl: sandbox.revnue.baseUrl,
            company: sandbox.revnue.company,
            token: sandbox.revnue.token,
          };
    const connectionId = (await callIn(page, 'benchLab', 'setupConnection', [config])) as string;
    let attached = { browser: chromium.browser, page };
    return {
      sandbox,
      harness,
      get page() {
        return attached.page;
      },
      connectionId,
      labDir: dirs.lab,
      lab: (method, ...args) => callIn(attached.page, 'syncLab', method, args) as never,
      bench: (method, ...args) => callIn(attached.page, 'benchLab', method, args) as never,
      async detached(timed) {
        // Closing a browser Playwright connected to over CDP only disconnects it.
        await attached.browser.close();
        const bare = await pageProtocol(dirs.chromium, harness.url);
        const outcome = await timed(bare).then(
          (value) => ({ ok: true as const, value }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        bare.close();
        const browser = await playwrightChromium.connectOverCDP(
          await browserEndpoint(dirs.chromium),
        );
        const again = browser.contexts()[0]?.pages()[0];
        if (!again) throw new Error('the bench page is gone after the detached run');
        attached = { browser, page: again };
        if (!outcome.ok) throw outcome.error;
        return outcome.value;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
