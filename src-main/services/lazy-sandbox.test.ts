// Main imports the sandbox only when it is needed: not at start-up without a sandbox connection,
// at once when an earlier session's sandbox connection is left, and on "Try the sandbox".
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAbandoningBrowser } from '../auth/test-support/form-filling-browser';
import { createMemorySecretStore } from '../secrets/secret-store';
import { systemClock } from '../../src-shared/time/clock';
import { createMainServices } from './create-main-services';
import { loadSandboxWhenNeeded } from './lazy-sandbox';
import type { SandboxHandle, StartSandbox } from './sandbox-launch';
import { sandboxFiles, writeSandboxRecord } from './sandbox-record';

const handle: SandboxHandle = {
  revnue: { baseUrl: 'http://127.0.0.1:9/api/v2/', token: 't', company: 1 },
  r2: { baseUrl: 'http://127.0.0.1:9/r2/', issuer: 'http://127.0.0.1:9', publicClientId: 'p' },
  close: async () => {},
};

let dir: string;
const secrets = createMemorySecretStore();
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fieldbook-lazy-sandbox-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A loader that counts how often the sandbox module was imported. */
function countingLoader(startSandbox: StartSandbox = async () => handle) {
  return vi.fn(async () => ({ startSandbox }));
}

function servicesWith(load: () => Promise<{ startSandbox: StartSandbox }>) {
  return createMainServices({
    userDataDir: dir,
    secrets,
    browser: createAbandoningBrowser(),
    clock: systemClock,
    startSandbox: loadSandboxWhenNeeded(load),
    log: () => {},
    sandbox: { defaultPort: 0 },
  });
}

const ctx = (channel: 'sandbox.tryIt' | 'connections.list') => ({ channel, sender: {} });

describe('loading the sandbox', () => {
  it('is not done when main starts without a sandbox connection', async () => {
    const load = countingLoader();
    const services = servicesWith(load);
    const listed = await services.handlers['connections.list'](undefined, ctx('connections.list'));
    expect(listed).toEqual({ ok: true, value: { connections: [] } });
    await services.close(); // waits for the background resume to finish
    expect(load).not.toHaveBeenCalled();
  });

  it('is done at start-up when a sandbox connection of an earlier session is left', async () => {
    const first = servicesWith(countingLoader());
    const created = await first.connections.create({
      kind: 'revnue-v2',
      name: 'Sandbox – Revnue',
      baseUrl: handle.revnue.baseUrl,
      auth: { mode: 'admin_token' },
    });
    if (!created.ok) throw new Error(created.error.message);
    await first.close();
    const record = { version: 1 as const, port: 9, revnueId: created.value.id, r2Id: null };
    await writeSandboxRecord(sandboxFiles(dir).record, record);

    const load = countingLoader();
    const second = servicesWith(load);
    // In the background, without any call: the sandbox comes back with main.
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    await second.close();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('is done by Try the sandbox, once, and retried after an import that failed', async () => {
    const start = vi.fn<StartSandbox>(async () => {
      throw new Error('port trouble');
    });
    let failImport = true;
    const load = vi.fn(async () => {
      if (failImport) throw new Error('Cannot find module oidc-provider');
      return { startSandbox: start };
    });
    const services = servicesWith(load);
    const first = await services.handlers['sandbox.tryIt'](undefined, ctx('sandbox.tryIt'));
    expect(first).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Cannot find module oidc-provider') },
    });
    failImport = false;
    await services.handlers['sandbox.tryIt'](undefined, ctx('sandbox.tryIt'));
    await services.handlers['sandbox.tryIt'](undefined, ctx('sandbox.tryIt'));
    expect(load).toHaveBeenCalledTimes(2);
    expect(start).toHaveBeenCalledTimes(2);
    await services.close();
  });
});
