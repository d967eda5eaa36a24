// Chromium as a process of our own (not Playwright's launch), so `kill -9` is a real crash of the
// whole browser and a restart reopens the SAME profile folder, IndexedDB and all. Playwright only
// attaches over the DevTools protocol.
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright';
import { chromiumArgs, chromiumPath } from '../chromium';

export interface RunningChromium {
  readonly pid: number;
  readonly browser: Browser;
  readonly page: Page;
  /** SIGKILL to the browser's whole process group: every Chromium process dies at once. */
  kill(): Promise<void>;
}

export async function startChromium(options: {
  profileDir: string;
  tmpDir: string;
}): Promise<RunningChromium> {
  const child = spawn(
    chromiumPath,
    [
      ...chromiumArgs,
      // Playwright passes this too: Chromium's sandbox refuses to run as root in containers.
      '--no-sandbox',
      '--headless=new',
      '--remote-debugging-port=0',
      `--user-data-dir=${options.profileDir}`,
      'about:blank',
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      // Its own process group, so one kill reaches the zygote, renderers and GPU process too.
      detached: true,
      env: { ...process.env, TMPDIR: options.tmpDir },
    },
  );
  const endpoint = await devToolsEndpoint(child);
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  if (!context) throw new Error('Chromium started without a browser context');
  const page = context.pages()[0] ?? (await context.newPage());
  const pid = child.pid as number;
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    pid,
    browser,
    page,
    async kill() {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      await exited;
      await groupGone(pid);
    },
  };
}

/** Waits (≤ 5 s) until no process of the group is left, so none writes into the profile later. */
async function groupGone(pid: number): Promise<void> {
  for (let waited = 0; waited < 5_000; waited += 50) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Chromium prints `DevTools listening on ws://…` on stderr once the protocol is up. */
function devToolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => {
      reject(new Error(`Chromium did not open its DevTools port in 30 s:\n${text}`));
    }, 30_000);
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      if (text.length < 20_000) text += chunk;
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code ?? signal}) before it was ready:\n${text}`));
    });
  });
}
