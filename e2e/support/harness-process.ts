// Starts `e2e/harness/cli.ts` as a child process for a spec and reads its one JSON ready line.
// A child (not an import) keeps the spec honest: it drives exactly what `npm run harness` runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface RunningHarness {
  url: string;
  sandbox: unknown;
  stop(): Promise<void>;
}

export interface HarnessProcessOptions {
  /** Main's log lines (the harness's stderr) go to this file instead of the terminal. */
  logFile?: string;
}

export async function startHarnessProcess(
  args: string[] = [],
  { logFile }: HarnessProcessOptions = {},
): Promise<RunningHarness> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'e2e/harness/cli.ts', '--port', '0', ...args],
    { stdio: ['ignore', 'pipe', logFile ? 'pipe' : 'inherit'], env: process.env },
  );
  const log = logFile ? child.stderr!.pipe(createWriteStream(logFile)) : undefined;
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<{ url: string; sandbox: unknown }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('harness did not get ready in 30 s')), 30_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line) as { url: string; sandbox: unknown });
    });
    child.once('exit', (code) => reject(new Error(`harness exited early with code ${code}`)));
  });
  return {
    ...ready,
    stop: async () => {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      // The log's last lines are on disk before anyone reads the file.
      if (log) await finished(log);
    },
  };
}

/**
 * Chromium writes crash dumps and sockets under TMPDIR (each killed browser leaves a folder):
 * point TMPDIR at a scratch folder for one spec file; `release()` deletes it and gives back the
 * TMPDIR that was there before, so the next spec in the worker starts clean.
 */
export async function scratchTmpdir(): Promise<{ dir: string; release(): Promise<void> }> {
  const previous = process.env.TMPDIR;
  const dir = await mkdtemp(join(tmpdir(), 'fieldbook-e2e-'));
  process.env.TMPDIR = dir;
  return {
    dir,
    async release() {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
