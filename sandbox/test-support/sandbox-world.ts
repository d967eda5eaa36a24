// Starts a sandbox on a free loopback port for one test file and stops it afterwards.
import { afterAll, beforeAll } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from '../index';

export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ customers: 30, log: () => {}, ...options });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  return () => {
    if (!sandbox) throw new Error('The sandbox has not started');
    return sandbox;
  };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export function jsonHeaders(token: string): Record<string, string> {
  return { ...bearer(token), 'content-type': 'application/json' };
}
