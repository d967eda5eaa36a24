// The two connections "Try the sandbox" makes (Revnue with the sandbox's static token, R2 with a
// browser sign-in), and moving them when the sandbox came back on another port. The sandbox
// serves exactly these two APIs, so this file names their connectors; nothing else here does.
import type { NewConnection } from '../../src-shared/connection';
import { r2Connector } from '../../src-shared/connectors/r2';
import { revnueV2Connector } from '../../src-shared/connectors/revnue-v2';
import { ok, type Result } from '../../src-shared/ipc/result';
import type { AuthService } from '../auth/auth-service';
import type { ConnectionAddress } from '../connections/connection-input';
import type { ConnectionStore } from '../connections/connection-store';
import type { SandboxHandle } from './sandbox-launch';

export interface SandboxConnectionDeps {
  connections: ConnectionStore;
  auth: AuthService;
  log: (line: string) => void;
  /** Background R2 sign-ins, so close() can wait for them. */
  signIns: Set<Promise<unknown>>;
}

/** True when the connection still exists (a missing id or a deleted connection: false). */
export async function stillExists(
  connections: ConnectionStore,
  id: string | null | undefined,
): Promise<boolean> {
  return id ? (await connections.get(id)).ok : false;
}

/** Points the connection at its API in the running sandbox if it points elsewhere (an earlier port). */
export async function pointAtSandbox(
  deps: Pick<SandboxConnectionDeps, 'connections' | 'log'>,
  id: string,
  target: ConnectionAddress,
): Promise<void> {
  const found = await deps.connections.get(id);
  if (!found.ok) return;
  const connection = found.value;
  const issuer = 'issuer' in connection.auth ? connection.auth.issuer : undefined;
  const moved =
    connection.baseUrl !== target.baseUrl ||
    (target.issuer !== undefined && issuer !== target.issuer);
  if (!moved) return;
  const repointed = await deps.connections.repoint(id, target);
  if (repointed.ok) log(deps, `moved “${connection.name}” to ${target.baseUrl}`);
  else log(deps, `could not move “${connection.name}”: ${repointed.error.message}`);
}

function log(deps: Pick<SandboxConnectionDeps, 'log'>, line: string): void {
  deps.log(`sandbox: ${line}`);
}

/** The existing Revnue sandbox connection (given the sandbox's token again) or a new one. */
export async function ensureRevnueConnection(
  deps: SandboxConnectionDeps,
  existingId: string | null,
  sandbox: SandboxHandle,
): Promise<Result<string>> {
  const found = await existingOrCreated(deps, existingId, {
    kind: revnueV2Connector.kind,
    name: 'Sandbox – Revnue',
    baseUrl: sandbox.revnue.baseUrl,
    auth: { mode: 'admin_token' },
    company: sandbox.revnue.company,
  });
  if (!found.ok) return found;
  const id = found.value;
  // Also for an existing connection: a sandbox that had to start from a fresh data file has a
  // new token, and setting the same one again is harmless.
  const token = await deps.auth.setToken(id, sandbox.revnue.token);
  return token.ok ? ok(id) : token;
}

/** The existing R2 sandbox connection or a new one; signs in in the background if needed. */
export async function ensureR2Connection(
  deps: SandboxConnectionDeps,
  existingId: string | null,
  sandbox: SandboxHandle,
): Promise<Result<string>> {
  const found = await existingOrCreated(deps, existingId, {
    kind: r2Connector.kind,
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
  if (!found.ok) return found;
  const id = found.value;
  const status = await deps.auth.status(id);
  if (status.ok && status.value.state === 'signed_out') signInInBackground(deps, id);
  return ok(id);
}

/** The id of the remembered connection if it still exists, else of a new one made from `input`. */
async function existingOrCreated(
  deps: SandboxConnectionDeps,
  existingId: string | null,
  input: NewConnection,
): Promise<Result<string>> {
  if (existingId && (await stillExists(deps.connections, existingId))) return ok(existingId);
  const created = await deps.connections.create(input);
  return created.ok ? ok(created.value.id) : created;
}

/** In Electron the person signs in in their browser; the window hears the end as `auth.changed`. */
function signInInBackground(deps: SandboxConnectionDeps, id: string): void {
  const signIn = deps.auth.signIn(id).then((result) => {
    if (!result.ok) log(deps, `the R2 sign-in did not complete: ${result.error.message}`);
  });
  deps.signIns.add(signIn);
  void signIn.finally(() => deps.signIns.delete(signIn));
}
