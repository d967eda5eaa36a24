// "Try the sandbox" (docs/sandbox.md): runs the local API server in this process with its state in
// `<userData>/sandbox/`, connects both APIs to it, and brings it back (same data, same port when
// free, connections moved when not) each time main starts, until both its connections are deleted.
import { access } from 'node:fs/promises';
import type { Handlers } from '../../src-shared/ipc/contract';
import { fail, ok, type Result } from '../../src-shared/ipc/result';
import type { AuthService } from '../auth/auth-service';
import type { ConnectionStore } from '../connections/connection-store';
import type { ConnectionViews } from './connection-handlers';
import {
  ensureR2Connection,
  ensureRevnueConnection,
  pointAtSandbox,
  stillExists,
  type SandboxConnectionDeps,
} from './sandbox-connections';
import {
  DEFAULT_SANDBOX_PORT,
  launchSandbox,
  moveAside,
  portOf,
  type SandboxHandle,
  type StartSandbox,
} from './sandbox-launch';
import {
  readSandboxRecord,
  removeSandboxRecord,
  sandboxFiles,
  writeSandboxRecord,
  type SandboxRecord,
} from './sandbox-record';

export type { SandboxHandle, StartSandbox } from './sandbox-launch';

export interface SandboxService {
  handlers: Pick<Handlers, 'sandbox.tryIt'>;
  /** Brings back the sandbox of an earlier session if one of its connections is left. Never throws. */
  resume(): Promise<void>;
  /** Waits until a sandbox connection can be used; answers at once for any other connection. */
  ready(connectionId: string): Promise<Result<void>>;
  /** Stops the sandbox after its last save. */
  close(): Promise<void>;
}

export interface SandboxServiceDeps {
  /** The sandbox keeps its files in `<userDataDir>/sandbox/`. */
  userDataDir: string;
  connections: ConnectionStore;
  auth: AuthService;
  views: ConnectionViews;
  startSandbox?: StartSandbox;
  log: (line: string) => void;
  /** Demo customers per API in a new sandbox; the sandbox's own default when absent. */
  customers?: number;
  /** The port tried when there is no earlier one (tests pass 0 or a port of their own). */
  defaultPort?: number;
  now?: () => Date;
}

export function createSandboxService(deps: SandboxServiceDeps): SandboxService {
  const { connections, views, log } = deps;
  const files = sandboxFiles(deps.userDataDir);
  const now = deps.now ?? (() => new Date());
  const signIns = new Set<Promise<unknown>>();
  const connectionDeps: SandboxConnectionDeps = { connections, auth: deps.auth, log, signIns };
  let record: SandboxRecord | undefined;
  let recordLoaded: Promise<void> | undefined;
  let recordWrites: Promise<unknown> = Promise.resolve();
  let sandbox: SandboxHandle | undefined;
  let starting: Promise<Result<SandboxHandle>> | undefined;
  let settingUp: Promise<Result<unknown>> | undefined;
  let resuming: Promise<void> | undefined;
  let closed = false;

  function loadRecord(): Promise<void> {
    recordLoaded ??= readSandboxRecord(files.record).then(
      (found) => void (record = found),
      (error: unknown) => log(`sandbox: ignoring ${files.record}: ${(error as Error).message}`),
    );
    return recordLoaded;
  }

  /** Writes run one after another and always write the newest record. */
  function remember(change: Partial<SandboxRecord>): Promise<void> {
    record = { version: 1, port: 0, revnueId: null, r2Id: null, ...record, ...change };
    const write = recordWrites.then(() =>
      record ? writeSandboxRecord(files.record, record) : undefined,
    );
    recordWrites = write.catch(() => {});
    return write;
  }

  async function launch(start: StartSandbox, mode: 'resume' | 'tryIt'): Promise<SandboxHandle> {
    const options = {
      port: record?.port ?? deps.defaultPort ?? DEFAULT_SANDBOX_PORT,
      dataFile: files.dataFile,
      log: (line: string) => log(`[sandbox] ${line}`),
      ...(deps.customers === undefined ? {} : { customers: deps.customers }),
    };
    try {
      return await launchSandbox(start, options);
    } catch (error) {
      // Resuming must not replace the data the connections' tokens live in; an explicit "Try
      // the sandbox" may, keeping the refused file beside the new one.
      if (mode === 'resume' || !(await stillThere(files.dataFile))) throw error;
      const movedTo = await moveAside(files.dataFile, now());
      log(
        `sandbox: could not use its data file (${(error as Error).message}); kept it as ${movedTo}`,
      );
      return launchSandbox(start, options);
    }
  }

  async function startOnce(start: StartSandbox, mode: 'resume' | 'tryIt') {
    try {
      const started = await launch(start, mode);
      sandbox = started;
      // Not remembering the port costs only a move of the connections next time: not a failure.
      await remember({ port: portOf(started) }).catch((error: unknown) =>
        log(`sandbox: could not write ${files.record}: ${(error as Error).message}`),
      );
      const moves = [
        [record?.revnueId, { baseUrl: started.revnue.baseUrl }],
        [record?.r2Id, { baseUrl: started.r2.baseUrl, issuer: started.r2.issuer }],
      ] as const;
      for (const [id, address] of moves) {
        if (id) await pointAtSandbox(connectionDeps, id, address);
      }
      return ok(started);
    } catch (error) {
      return fail(
        'network',
        `The sandbox on this computer could not start: ${(error as Error).message}`,
      );
    }
  }

  /** One start at a time; a failed start can be tried again by the next call. */
  function running(mode: 'resume' | 'tryIt'): Promise<Result<SandboxHandle>> {
    if (sandbox) return Promise.resolve(ok(sandbox));
    if (closed) return Promise.resolve(fail('network', 'Fieldbook is closing.'));
    if (!deps.startSandbox) {
      return Promise.resolve(fail('server', 'The sandbox is not part of this build of Fieldbook.'));
    }
    starting ??= startOnce(deps.startSandbox, mode).finally(() => (starting = undefined));
    return starting;
  }

  async function resumeOnce(): Promise<void> {
    await loadRecord();
    if (!record) return;
    const left = [record.revnueId, record.r2Id];
    const kept = await Promise.all(left.map((id) => stillExists(connections, id)));
    if (!kept.includes(true)) {
      // The person removed the sandbox; "Try the sandbox" starts it again (with its data file).
      record = undefined;
      await removeSandboxRecord(files.record);
      log('sandbox: both of its connections were deleted; not starting it');
      return;
    }
    const started = await running('resume');
    if (!started.ok) log(`sandbox: ${started.error.message}`);
  }

  async function setUp(): Promise<Result<unknown>> {
    await loadRecord();
    const started = await running('tryIt');
    if (!started.ok) return started;
    const revnue = await ensureRevnueConnection(
      connectionDeps,
      record?.revnueId ?? null,
      started.value,
    );
    if (!revnue.ok) return revnue;
    await remember({ revnueId: revnue.value });
    const r2 = await ensureR2Connection(connectionDeps, record?.r2Id ?? null, started.value);
    if (!r2.ok) return r2;
    await remember({ r2Id: r2.value });
    return connections.select(revnue.value);
  }

  return {
    handlers: {
      'sandbox.tryIt': async () => {
        // A second click while the first is still setting up joins it.
        settingUp ??= setUp().finally(() => (settingUp = undefined));
        const done = await settingUp;
        return done.ok ? views.list() : done;
      },
    },
    resume() {
      resuming ??= resumeOnce().catch((error: unknown) =>
        log(`sandbox: could not be resumed: ${(error as Error).message}`),
      );
      return resuming;
    },
    async ready(connectionId) {
      await loadRecord();
      if (sandbox || !record || ![record.revnueId, record.r2Id].includes(connectionId)) {
        return ok(undefined);
      }
      const started = await running('resume');
      return started.ok ? ok(undefined) : started;
    },
    async close() {
      closed = true;
      await Promise.allSettled([resuming, settingUp, starting]);
      // A browser sign-in nobody finishes would hold up quitting for its whole time-out.
      if (signIns.size > 0 && record?.r2Id) await deps.auth.cancelSignIn(record.r2Id);
      await Promise.allSettled(signIns);
      await recordWrites;
      const stopping = sandbox;
      sandbox = undefined;
      await stopping?.close();
    },
  };
}

async function stillThere(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
