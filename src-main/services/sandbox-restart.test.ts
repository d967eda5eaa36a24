// "Try the sandbox" across restarts: each session is a fresh createMainServices on the same
// userData folder and the same keychain (memory SecretStore), with a real sandbox over HTTP.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import type { Channel } from '../../src-shared/ipc/channels';
import type { Input, Output } from '../../src-shared/ipc/contract';
import type { Result } from '../../src-shared/ipc/result';
import { createFormFillingBrowser } from '../auth/test-support/form-filling-browser';
import type { SystemBrowser } from '../auth/system-browser';
import type { HubEvent } from '../ipc/event-hub';
import { createIpcRouter } from '../ipc/router';
import { createMemorySecretStore, type SecretStore } from '../secrets/secret-store';
import { systemClock } from '../../src-shared/time/clock';
import { createMainServices, type MainServices } from './create-main-services';

interface Session {
  services: MainServices;
  /** Every sandbox this session started (most recent last). */
  started: Sandbox[];
  /** URLs the session asked the browser to open: empty means nobody had to sign in. */
  opened: string[];
  logs: string[];
  /** Every event this session announced to the window. */
  events: HubEvent[];
  call<C extends Channel>(channel: C, payload: Input<C>): Promise<Result<Output<C>>>;
}

let dir: string;
let secrets: SecretStore;
const open: Session[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fieldbook-sandbox-restart-'));
  secrets = createMemorySecretStore();
});
afterEach(async () => {
  for (const session of open.splice(0)) await session.services.close();
  await rm(dir, { recursive: true, force: true });
});

/** One run of the app. `beforeStart` lets a test hold the sandbox back while it starts. */
function startSession(
  beforeStart: () => Promise<void> = async () => {},
  browser: SystemBrowser & { opened: string[] } = createFormFillingBrowser(),
): Session {
  const started: Sandbox[] = [];
  const logs: string[] = [];
  const services = createMainServices({
    userDataDir: dir,
    secrets,
    browser,
    clock: systemClock,
    startSandbox: async (options) => {
      await beforeStart();
      const sandbox = await startSandbox({ ...options, log: () => {} });
      started.push(sandbox);
      return sandbox;
    },
    log: (line) => logs.push(line),
    // Port 0 first: parallel test files must not fight over the app's fixed default port.
    sandbox: { customers: 20, defaultPort: 0 },
    connectors: { revnuePerMinute: 1000, r2PerMinute: 6000 },
  });
  const events: HubEvent[] = [];
  services.events.subscribe((event) => events.push(event));
  const router = createIpcRouter({
    handlers: services.handlers,
    isTrustedSender: () => true,
  });
  const call = async <C extends Channel>(channel: C, payload: Input<C>) =>
    (await router.handle(channel, { url: 'test://restart/' }, payload)) as Result<Output<C>>;
  const session = { services, started, opened: browser.opened, logs, events, call };
  open.push(session);
  return session;
}

async function closeSession(session: Session): Promise<void> {
  open.splice(open.indexOf(session), 1);
  await session.services.close();
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
  return result.value;
}

/** tryIt, wait for the background R2 sign-in, create one customer on each API. */
async function tryItAndCreate(session: Session) {
  const tried = value(await session.call('sandbox.tryIt', undefined));
  const idOf = (kind: string) => tried.connections.find((c) => c.kind === kind)?.id ?? '';
  const revnueId = idOf('revnue-v2');
  const r2Id = idOf('r2');
  await expect
    .poll(async () => value(await session.call('auth.status', { connectionId: r2Id })).state)
    .toBe('signed_in');
  const revnue = value(
    await session.call('revnue.customers.create', {
      connectionId: revnueId,
      body: { company: 1, name: 'Kept Across Restarts Ltd', city: 'Leeds' },
    }),
  );
  const r2 = value(
    await session.call('r2.customers.create', {
      connectionId: r2Id,
      body: { companyname: 'Kept Across Restarts R2', customerid: 'KEEP-1' },
    }),
  );
  return { revnueId, r2Id, revnueCustomer: revnue.id, r2Customer: r2.id };
}

async function portOf(session: Session, id: string): Promise<string> {
  const connection = value(await session.services.connections.get(id));
  return new URL(connection.baseUrl).port;
}

describe('the sandbox survives a restart', () => {
  it('comes back on the same port with its customers; nobody signs in again', async () => {
    const first = startSession();
    const before = await tryItAndCreate(first);
    const port = await portOf(first, before.r2Id);
    expect(first.opened).toHaveLength(1); // the one R2 sign-in of tryIt
    await closeSession(first);

    const second = startSession();
    const revnue = await second.call('revnue.customers.get', {
      connectionId: before.revnueId,
      id: before.revnueCustomer,
    });
    expect(value(revnue).name).toBe('Kept Across Restarts Ltd');
    const r2 = await second.call('r2.customers.get', {
      connectionId: before.r2Id,
      id: before.r2Customer,
    });
    expect(value(r2).companyname).toBe('Kept Across Restarts R2');
    expect(await portOf(second, before.r2Id)).toBe(port);
    expect(await portOf(second, before.revnueId)).toBe(port);
    expect(second.opened).toEqual([]);
    const views = value(await second.call('connections.list', undefined)).connections;
    expect(views.map((v) => [v.kind, v.authState, v.active])).toEqual([
      ['revnue-v2', 'signed_in', true],
      ['r2', 'signed_in', false],
    ]);
    const record = JSON.parse(await readFile(join(dir, 'sandbox', 'sandbox.json'), 'utf8'));
    expect(record).toEqual({ version: 1, port: Number(port), ...pick(before) });
  });

  it('moves both connections when its port is taken, and R2 still refreshes without a sign-in', async () => {
    const first = startSession();
    const before = await tryItAndCreate(first);
    const port = Number(await portOf(first, before.r2Id));
    const total = value(await first.call('r2.customers.list', { connectionId: before.r2Id })).total;
    await closeSession(first);
    const squatter = await listenOn(port);
    try {
      const second = startSession();
      // The access token from before the restart is used first, then renewed at the new address.
      const list = await second.call('r2.customers.list', { connectionId: before.r2Id });
      expect(value(list).total).toBe(total);
      second.started[0]?.setFaults('expire-tokens');
      const afterExpiry = await second.call('r2.customers.get', {
        connectionId: before.r2Id,
        id: before.r2Customer,
      });
      expect(value(afterExpiry).customerid).toBe('KEEP-1');
      const revnue = await second.call('revnue.customers.get', {
        connectionId: before.revnueId,
        id: before.revnueCustomer,
      });
      expect(value(revnue).city).toBe('Leeds');

      const r2 = value(await second.services.connections.get(before.r2Id));
      const newPort = new URL(r2.baseUrl).port;
      expect(Number(newPort)).not.toBe(port);
      expect(r2.kind === 'r2' && r2.auth.issuer).toBe(`http://127.0.0.1:${newPort}`);
      expect(await portOf(second, before.revnueId)).toBe(newPort);
      // The window hears of the move without asking: its list shows the new addresses.
      await expect
        .poll(() =>
          second.events
            .flatMap((e) => (e.event === 'connections.changed' ? [e.payload.connections] : []))
            .at(-1)
            ?.map((c) => new URL(c.baseUrl).port),
        )
        .toEqual([newPort, newPort]);
      expect(second.opened).toEqual([]);
      expect(second.logs.join('\n')).toContain(`port ${port} is taken`);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it('holds calls on a sandbox connection until the sandbox listens again', async () => {
    const first = startSession();
    const before = await tryItAndCreate(first);
    await closeSession(first);

    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const second = startSession(() => held);
    let answered = false;
    // A write: a read would be retried on a refused connection and could hide a missing wait.
    const pending = second
      .call('revnue.customers.create', {
        connectionId: before.revnueId,
        body: { company: 1, name: 'Typed While Starting Ltd' },
      })
      .finally(() => (answered = true));
    try {
      // Other calls are not held back meanwhile.
      expect(value(await second.call('connections.list', undefined)).connections).toHaveLength(2);
      await systemClock.sleep(100);
      expect(answered).toBe(false);
    } finally {
      release();
    }
    const created = value(await pending);
    const read = await second.call('revnue.customers.get', {
      connectionId: before.revnueId,
      id: created.id,
    });
    expect(value(read).name).toBe('Typed While Starting Ltd');
  });

  it('closes without waiting for a browser sign-in nobody finishes', async () => {
    const opened: string[] = [];
    const idle = { opened, open: async (url: string) => void opened.push(url) };
    const session = startSession(undefined, idle);
    const tried = value(await session.call('sandbox.tryIt', undefined));
    const r2 = tried.connections.find((c) => c.kind === 'r2');
    expect(r2?.authState).toBe('signing_in');
    expect(opened).toHaveLength(1);
    // Without the cancel, close() would wait out the 5-minute sign-in and the test time out.
    await closeSession(session);
    expect(session.logs.join('\n')).toContain('the R2 sign-in did not complete');
  });

  it('does not come back once both its connections are deleted; tryIt reuses its data', async () => {
    const first = startSession();
    const before = await tryItAndCreate(first);
    for (const id of [before.revnueId, before.r2Id]) {
      value(await first.call('connections.delete', { id }));
    }
    await closeSession(first);

    const second = startSession();
    await second.services.close(); // waits for the resume decision
    open.splice(open.indexOf(second), 1);
    expect(second.started).toEqual([]);
    await expect(readFile(join(dir, 'sandbox', 'sandbox.json'))).rejects.toThrow('ENOENT');
    expect(second.logs.join('\n')).toContain('both of its connections were deleted');

    const third = startSession();
    const again = await tryItAndCreate(third).catch((error: Error) => error);
    // The data file was reused: the customers typed before are still there, so the same
    // natural key is taken now.
    expect(String(again)).toContain('validation');
    const tried = value(await third.call('connections.list', undefined)).connections;
    const revnueId = tried.find((c) => c.kind === 'revnue-v2')?.id ?? '';
    expect(revnueId).not.toBe(before.revnueId);
    const kept = await third.call('revnue.customers.get', {
      connectionId: revnueId,
      id: before.revnueCustomer,
    });
    expect(value(kept).name).toBe('Kept Across Restarts Ltd');
  });

  it('a sandbox that cannot come back says so on its connections; tryIt starts afresh', async () => {
    const first = startSession();
    const before = await tryItAndCreate(first);
    await closeSession(first);
    const dataFile = join(dir, 'sandbox', 'sandbox-data.ndjson');
    await writeFile(dataFile, '{"not":"a sandbox file"}\n');

    const second = startSession();
    const failed = await second.call('r2.customers.list', { connectionId: before.r2Id });
    expect(failed.ok ? null : failed.error).toMatchObject({
      kind: 'network',
      message: expect.stringContaining('The sandbox on this computer could not start'),
    });
    await expect.poll(() => second.logs.join('\n')).toContain('could not start');
    value(await second.call('sandbox.tryIt', undefined));
    const revnue = await second.call('revnue.customers.list', { connectionId: before.revnueId });
    expect(value(revnue).length).toBeGreaterThan(0);
    const folder = await import('node:fs/promises').then((fs) => fs.readdir(join(dir, 'sandbox')));
    expect(folder.filter((name) => name.includes('.unreadable-'))).toHaveLength(1);
  });
});

function pick(ids: { revnueId: string; r2Id: string }) {
  return { revnueId: ids.revnueId, r2Id: ids.r2Id };
}

function listenOn(port: number): Promise<Server> {
  const server = createServer();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
