// "Try the sandbox" (DESIGN §6): start the local API server in this process, add one connection
// per API, sign both in and select Revnue. The R2 browser sign-in runs in the background: the
// window polls `auth.status` (in Electron the person signs in in their browser; in the harness
// the form-filling adapter does it in milliseconds).
import type { Handlers } from '../../src-shared/ipc/contract';
import { fail, type Result } from '../../src-shared/ipc/result';
import type { AuthService } from '../auth/auth-service';
import type { ConnectionStore } from '../connections/connection-store';
import type { ConnectionViews } from './connection-handlers';

/** What main needs of `sandbox/index.ts`'s `startSandbox` (kept narrow so tests can fake it). */
export interface SandboxHandle {
  revnue: { baseUrl: string; token: string; company: number };
  r2: { baseUrl: string; issuer: string; publicClientId: string };
  close(): Promise<void>;
}
export type StartSandbox = (options: {
  port: number;
  log?: (line: string) => void;
}) => Promise<SandboxHandle>;

export interface SandboxService {
  handlers: Pick<Handlers, 'sandbox.tryIt'>;
  close(): Promise<void>;
}

export function createSandboxService(deps: {
  connections: ConnectionStore;
  auth: AuthService;
  views: ConnectionViews;
  startSandbox?: StartSandbox;
  log: (line: string) => void;
}): SandboxService {
  const { connections, auth, views, log } = deps;
  let running: Promise<Result<unknown>> | undefined;
  let sandbox: SandboxHandle | undefined;
  const signIns = new Set<Promise<unknown>>();

  async function setUp(start: StartSandbox): Promise<Result<unknown>> {
    try {
      sandbox = await start({ port: 0, log: (line) => log(`[sandbox] ${line}`) });
    } catch (error) {
      return fail('server', `The sandbox could not start: ${(error as Error).message}`);
    }
    const revnue = await connections.create({
      kind: 'revnue-v2',
      name: 'Sandbox – Revnue',
      baseUrl: sandbox.revnue.baseUrl,
      auth: { mode: 'admin_token' },
      company: sandbox.revnue.company,
    });
    if (!revnue.ok) return revnue;
    const token = await auth.setToken(revnue.value.id, sandbox.revnue.token);
    if (!token.ok) return token;
    const r2 = await connections.create({
      kind: 'r2',
      name: 'Sandbox – Unibiz R2',
      baseUrl: sandbox.r2.baseUrl,
      // `customers` is the sandbox's API scope (sandbox/oauth/provider.ts); without a scope the
      // grant would be empty and the authorization server denies it.
      auth: {
        mode: 'pkce',
        clientId: sandbox.r2.publicClientId,
        issuer: sandbox.r2.issuer,
        scope: 'customers',
      },
    });
    if (!r2.ok) return r2;
    const signIn = auth.signIn(r2.value.id).then((result) => {
      if (!result.ok) log(`sandbox R2 sign-in did not complete: ${result.error.message}`);
    });
    signIns.add(signIn);
    void signIn.finally(() => signIns.delete(signIn));
    return connections.select(revnue.value.id);
  }

  return {
    handlers: {
      'sandbox.tryIt': async () => {
        if (!deps.startSandbox) {
          return fail('server', 'The sandbox is not part of this build of Fieldbook.');
        }
        // A second click while the first is still setting up joins it; once it is up, the
        // same sandbox and connections are reused.
        running ??= setUp(deps.startSandbox);
        const done = await running;
        if (!done.ok) {
          // Start over cleanly on the next click rather than keep a half-set-up sandbox.
          running = undefined;
          await sandbox?.close();
          sandbox = undefined;
          return done;
        }
        return views.list();
      },
    },
    async close() {
      await Promise.allSettled([...signIns]);
      await sandbox?.close();
    },
  };
}
