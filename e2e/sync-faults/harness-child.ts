// The e2e harness (main's services + the lab page + the WebSocket bridge) as a CHILD process on a
// fixed port: `kill -9` is a crash of "main", and a restart on the same port keeps the page's
// origin — and so its IndexedDB — while its per-run secret (and so the page URL) changes.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { SandboxReadyLine } from '../../sandbox/ready-line';

export interface HarnessChildOptions {
  port: number;
  profileDir: string;
  rendererDir: string;
  tmpDir: string;
  /** Main's Revnue pacing for this run (see the harness's --revnue-per-minute). */
  revnuePerMinute?: number;
  /** Main's R2 pacing for this run (see the harness's --r2-per-minute). */
  r2PerMinute?: number;
  /** Where the child's log lines go (it logs every retried request). */
  log: (line: string) => void;
}

export interface HarnessChild {
  readonly pid: number;
  /** The page URL with this run's secret. */
  readonly url: string;
  readonly sandbox: SandboxReadyLine | null;
  kill(): Promise<void>;
  /** SIGTERM and wait: a clean shutdown at the end of the run. */
  stop(): Promise<void>;
}

const cli = fileURLToPath(new URL('../harness/cli.ts', import.meta.url));

export async function startHarnessChild(options: HarnessChildOptions): Promise<HarnessChild> {
  const args = ['--import', 'tsx', cli, '--port', String(options.port)];
  args.push('--profile', options.profileDir, '--renderer', options.rendererDir);
  if (options.revnuePerMinute !== undefined)
    args.push('--revnue-per-minute', String(options.revnuePerMinute));
  if (options.r2PerMinute !== undefined) args.push('--r2-per-minute', String(options.r2PerMinute));
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TMPDIR: options.tmpDir },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  createInterface({ input: child.stderr }).on('line', options.log);
  const lines = createInterface({ input: child.stdout });
  const ready = await new Promise<{ url: string; sandbox: SandboxReadyLine | null }>(
    (resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the harness was not ready in 60 s')),
        60_000,
      );
      lines.once('line', (line) => {
        clearTimeout(timer);
        resolve(JSON.parse(line) as { url: string; sandbox: SandboxReadyLine | null });
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`the harness exited before it was ready (code ${child.exitCode})`));
      });
    },
  );
  return {
    pid: child.pid as number,
    ...ready,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A port that is free now; the harness keeps it for the whole run (restarts included). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
