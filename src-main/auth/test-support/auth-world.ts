// One R2/Revnue sign-in test world: a real sandbox on 127.0.0.1, a temp user-data folder, the
// connection store, an in-memory SecretStore (or the one given, e.g. the real keyring), a manual
// clock and a fetch that counts token calls.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as oauth from 'oauth4webapi';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox/index';
import { createConnectionStore } from '../../connections/connection-store';
import { createMemorySecretStore, type SecretStore } from '../../secrets/secret-store';
import { createAuthService, type AuthStateChange } from '../auth-service';
import type { SystemBrowser } from '../system-browser';
import { createFormFillingBrowser } from './form-filling-browser';
import { createManualClock } from '../../../src-shared/time/test-support/manual-clock';

export async function createAuthWorld(
  options: { browser?: SystemBrowser; sandbox?: SandboxOptions; secrets?: SecretStore } = {},
) {
  const sandbox: Sandbox = await startSandbox({
    port: 0,
    customers: 3,
    log: () => {},
    ...options.sandbox,
  });
  const dir = await mkdtemp(join(tmpdir(), 'fieldbook-auth-'));
  const secrets: SecretStore = options.secrets ?? createMemorySecretStore();
  const connections = createConnectionStore({ dir, secrets });
  const clock = createManualClock();
  const tokenRequests: string[] = [];
  const countingFetch: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith('/oauth/token')) tokenRequests.push(String(init?.body ?? ''));
    return fetch(input, init);
  };
  const browser = options.browser ?? createFormFillingBrowser();
  const auth = createAuthService({ connections, secrets, browser, clock, fetch: countingFetch });
  const changes: AuthStateChange[] = [];
  auth.onStateChange((change) => changes.push(change));

  async function createConnection(input: unknown): Promise<string> {
    const created = await connections.create(input);
    if (!created.ok) throw new Error(created.error.message);
    return created.value.id;
  }

  return {
    sandbox,
    secrets,
    connections,
    clock,
    browser,
    auth,
    changes,
    tokenRequests,
    createConnection,
    pkceConnection: (extra: Record<string, unknown> = {}) =>
      createConnection({
        kind: 'r2',
        name: 'R2 sandbox',
        baseUrl: sandbox.r2.baseUrl,
        auth: {
          mode: 'pkce',
          clientId: sandbox.r2.publicClientId,
          issuer: sandbox.r2.issuer,
          scope: 'customers',
          ...extra,
        },
      }),
    /** Calls the R2 API the way a connector would. */
    r2Status: async (token: string) =>
      (
        await fetch(`${sandbox.r2.baseUrl}customers?pagesize=1`, {
          headers: { Authorization: `Bearer ${token}` },
        })
      ).status,
    /**
     * An attacker replays a stolen refresh token straight against the sandbox's token endpoint;
     * resolves with the OAuth error the server answered (`invalid_grant` for a rotated-out one).
     */
    async replayRefreshToken(stolen: string): Promise<string> {
      const insecure = { [oauth.allowInsecureRequests]: true } as const;
      const issuer = new URL(sandbox.r2.issuer);
      const as = await oauth.processDiscoveryResponse(
        issuer,
        await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }),
      );
      const client = { client_id: sandbox.r2.publicClientId };
      const replay = await oauth.refreshTokenGrantRequest(
        as,
        client,
        oauth.None(),
        stolen,
        insecure,
      );
      try {
        await oauth.processRefreshTokenResponse(as, client, replay);
        return 'accepted';
      } catch (error) {
        return error instanceof oauth.ResponseBodyError ? error.error : String(error);
      }
    },
    async close() {
      await sandbox.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export type AuthWorld = Awaited<ReturnType<typeof createAuthWorld>>;

/** Fails when any of `secrets` appears anywhere in the serialized `outputs`. */
export function findLeakedSecrets(outputs: unknown, secrets: string[]): string[] {
  const text = JSON.stringify(outputs);
  return secrets.filter((secret) => secret.length > 0 && text.includes(secret));
}
