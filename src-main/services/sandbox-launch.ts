// Starting the in-process sandbox on a stable port: the one it had last time (or a fixed default),
// so its connections' addresses survive a restart; any free port when that one is taken.
import { rename } from 'node:fs/promises';

/** What main needs of `sandbox/index.ts`'s `startSandbox` (kept narrow so tests can fake it). */
export interface SandboxHandle {
  revnue: { baseUrl: string; token: string; company: number };
  r2: { baseUrl: string; issuer: string; publicClientId: string };
  /** Stops listening and waits for the last save of the data file. */
  close(): Promise<void>;
}
export type StartSandbox = (options: {
  port: number;
  /** Keeps customers, tokens, grants and keys across restarts (loaded when it exists). */
  dataFile?: string;
  /** Demo customers per API when there is no data file yet; the sandbox's default otherwise. */
  customers?: number;
  log?: (line: string) => void;
}) => Promise<SandboxHandle>;

/** Used the first time; high and unassigned, so it is rarely taken. */
export const DEFAULT_SANDBOX_PORT = 47_810;

export interface LaunchOptions {
  port: number;
  dataFile: string;
  customers?: number;
  log: (line: string) => void;
}

/** EACCES too: Windows reserves port ranges (Hyper-V) and refuses them with it. */
function portUnavailable(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EADDRINUSE' || code === 'EACCES';
}

export async function launchSandbox(
  start: StartSandbox,
  options: LaunchOptions,
): Promise<SandboxHandle> {
  const { port, dataFile, customers, log } = options;
  const base = { dataFile, log, ...(customers === undefined ? {} : { customers }) };
  try {
    return await start({ ...base, port });
  } catch (error) {
    if (port === 0 || !portUnavailable(error)) throw error;
    log(`port ${port} is taken; the sandbox starts on a free port and its connections move there`);
    return start({ ...base, port: 0 });
  }
}

export function portOf(sandbox: SandboxHandle): number {
  return Number(new URL(sandbox.r2.issuer).port);
}

/** Keeps a data file the sandbox refused under a new name (never deletes what someone typed). */
export async function moveAside(dataFile: string, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = dataFile.replace(/\.ndjson$/, '') + `.unreadable-${stamp}.ndjson`;
  await rename(dataFile, target);
  return target;
}
