import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFormFillingBrowser } from '../auth/test-support/form-filling-browser';
import { createMemorySecretStore } from '../secrets/secret-store';
import { systemClock } from '../../src-shared/time/clock';
import { createMainServices } from './create-main-services';
import { DEFAULT_SANDBOX_PORT, launchSandbox, type SandboxHandle } from './sandbox-launch';

const handle: SandboxHandle = {
  revnue: { baseUrl: 'http://127.0.0.1:1/api/v2/', token: 't', company: 1 },
  r2: { baseUrl: 'http://127.0.0.1:1/r2/', issuer: 'http://127.0.0.1:1', publicClientId: 'p' },
  close: async () => {},
};
const errno = (code: string) => Object.assign(new Error(`listen ${code}`), { code });

function recordingStart(failures: Error[]) {
  const ports: number[] = [];
  const start = async (options: { port: number }) => {
    ports.push(options.port);
    const failure = failures.shift();
    if (failure) throw failure;
    return handle;
  };
  return { ports, start };
}

describe('launchSandbox', () => {
  const base = { dataFile: '/nowhere/sandbox-data.ndjson', log: () => {} };

  it('falls back to a free port when the preferred one is taken or refused', async () => {
    for (const code of ['EADDRINUSE', 'EACCES']) {
      const { ports, start } = recordingStart([errno(code)]);
      expect(await launchSandbox(start, { ...base, port: 4321 })).toBe(handle);
      expect(ports).toEqual([4321, 0]);
    }
  });

  it('does not retry other failures, nor when it already asked for any free port', async () => {
    const other = recordingStart([new Error('damaged data file')]);
    await expect(launchSandbox(other.start, { ...base, port: 4321 })).rejects.toThrow('damaged');
    expect(other.ports).toEqual([4321]);
    const any = recordingStart([errno('EADDRINUSE')]);
    await expect(launchSandbox(any.start, { ...base, port: 0 })).rejects.toThrow('EADDRINUSE');
    expect(any.ports).toEqual([0]);
  });
});

describe('the sandbox service without a working sandbox', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fieldbook-sandbox-launch-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  function services(start?: (options: { port: number }) => Promise<SandboxHandle>) {
    const logs: string[] = [];
    const built = createMainServices({
      userDataDir: dir,
      secrets: createMemorySecretStore(),
      browser: createFormFillingBrowser(),
      clock: systemClock,
      ...(start ? { startSandbox: start } : {}),
      log: (line) => logs.push(line),
    });
    return { ...built, logs };
  }

  it('first tries the fixed default port and explains a failed start', async () => {
    const { ports, start } = recordingStart([new Error('out of file handles')]);
    const app = services(start);
    const tried = await app.handlers['sandbox.tryIt'](undefined, {
      channel: 'sandbox.tryIt',
      sender: {},
    });
    expect(ports).toEqual([DEFAULT_SANDBOX_PORT]);
    expect(tried).toMatchObject({
      ok: false,
      error: { kind: 'network', message: expect.stringContaining('out of file handles') },
    });
    await app.close();
  });

  it('says so when this build has no sandbox', async () => {
    const app = services();
    const tried = await app.handlers['sandbox.tryIt'](undefined, {
      channel: 'sandbox.tryIt',
      sender: {},
    });
    expect(tried).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('not part') },
    });
    await app.close();
  });

  it('ignores a damaged sandbox.json: start-up goes on and other calls answer', async () => {
    await mkdir(join(dir, 'sandbox'));
    await writeFile(join(dir, 'sandbox', 'sandbox.json'), '{"version":1,"port":"x"}');
    const { ports, start } = recordingStart([]);
    const app = services(start);
    const listed = await app.handlers['connections.list'](undefined, {
      channel: 'connections.list',
      sender: {},
    });
    expect(listed).toEqual({ ok: true, value: { connections: [] } });
    await app.close();
    expect(ports).toEqual([]);
    expect(app.logs.join('\n')).toContain('is not a sandbox record');
  });
});
