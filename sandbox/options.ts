// What a sandbox can be started with (CLI flags and `startSandbox()` take the same options) and
// the defaults that make `npm run sandbox` behave like the real services out of the box.
import type { FaultRule } from './faults/fault-rules';

export interface SandboxOptions {
  /** 0 (default) picks a free port. The server always binds 127.0.0.1. */
  port?: number;
  /** Demo customers generated per API when there is no data file to load. */
  customers?: number;
  seed?: number;
  /** Revnue requests per window per account, shared by every token (default 100). */
  rateLimitRevnue?: number;
  /** R2 requests per window per account (default 600). */
  rateLimitR2?: number;
  /** Rate-limit window; one minute like the real APIs. Tests shorten it. */
  rateLimitWindowMs?: number;
  /** A fault spec string (see faults/fault-spec.ts) or the parsed rules. */
  faults?: string | FaultRule[];
  /** R2 access-token lifetime in seconds (default 3600). */
  tokenTtlSeconds?: number;
  /** R2 refresh-token lifetime in seconds (default 14 days). */
  refreshTokenTtlSeconds?: number;
  /** Keeps all state (data, tokens, signing keys) in this file across restarts. */
  dataFile?: string;
  /** Where log lines go; stderr by default so stdout stays machine-readable. */
  log?: (line: string) => void;
}

export type ResolvedOptions = Required<Omit<SandboxOptions, 'dataFile' | 'faults'>> & {
  dataFile: string | undefined;
  faults: string | FaultRule[];
};

export const defaultOptions = {
  port: 0,
  customers: 250,
  seed: 1,
  rateLimitRevnue: 100,
  rateLimitR2: 600,
  rateLimitWindowMs: 60_000,
  tokenTtlSeconds: 3600,
  refreshTokenTtlSeconds: 14 * 24 * 3600,
} as const;

export function resolveOptions(options: SandboxOptions): ResolvedOptions {
  return {
    ...defaultOptions,
    ...stripUndefined(options),
    dataFile: options.dataFile,
    faults: options.faults ?? [],
    log: options.log ?? ((line) => process.stderr.write(`[sandbox] ${line}\n`)),
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The demo user who signs in on the R2 login form. */
export const demoUser = {
  accountId: 'demo',
  username: 'demo',
  password: 'fieldbook-demo',
  name: 'Dana Demo',
} as const;

export const publicClientId = 'fieldbook-desktop';
export const serviceClientId = 'fieldbook-service';
