// Sign-in for both APIs and the access tokens the connectors use: R2 OAuth (browser PKCE, client
// credentials, single-flight refresh with rotation) and Revnue's pasted admin token. No token leaves main.
import type * as oauth from 'oauth4webapi';
import type { RevnueCompany } from '../../src-shared/connectors/revnue-v2/api';
import type { AuthState, Connection } from '../../src-shared/connection';
import type { AuthStatus } from '../../src-shared/ipc/contract';
import type { EventPayload } from '../../src-shared/ipc/events';
import { fail, ok, type Result } from '../../src-shared/ipc/result';
import type { ConnectionStore } from '../connections/connection-store';
import { rememberSecret } from '../secrets/redact';
import type { SecretStore } from '../secrets/secret-store';
import type { Clock } from '../../src-shared/time/clock';
import { signInOf } from '../connectors/registry';
import * as say from './auth-messages';
import { runAuthorizationCodeFlow } from './authorization-code-flow';
import { readOfferedScopes, resolveAuthorizationServer, type FetchLike } from './oauth-server';
import {
  cleanPastedToken,
  createRevnueTokenVerifier,
  type VerifyRevnueToken,
} from './revnue-token';
import type { OAuthSettings } from './sign-in-strategy';
import type { SystemBrowser } from './system-browser';
import { clientCredentialsTokens, refreshTokens, type TokenResult } from './token-requests';
import { needsRenewal, type TokenSet } from './token-set';
import { TokenVault } from './token-vault';

export interface AuthServiceOptions {
  connections: Pick<ConnectionStore, 'get'>;
  secrets: SecretStore;
  browser: SystemBrowser;
  clock: Clock;
  fetch?: FetchLike;
  verifyRevnueToken?: VerifyRevnueToken;
  /** How long a browser sign-in may take before it is abandoned (default 5 minutes). */
  signInTimeoutMs?: number;
}

/** What the auth service announces, exactly the payload of the `auth.changed` event. */
export type AuthStateChange = EventPayload<'auth.changed'>;

export type AuthService = ReturnType<typeof createAuthService>;

const DEFAULT_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

export function createAuthService(options: AuthServiceOptions) {
  const { clock } = options;
  const vault = new TokenVault(options.secrets);
  const verifyRevnueToken = options.verifyRevnueToken ?? createRevnueTokenVerifier(options.fetch);
  const listeners = new Set<(change: AuthStateChange) => void>();
  const signIns = new Map<string, AbortController>();
  const renewals = new Map<string, Promise<Result<string>>>();
  const servers = new Map<string, oauth.AuthorizationServer>();
  // Bumped by every sign-in and sign-out, so a refresh that started before cannot write back.
  const generations = new Map<string, number>();
  const generation = (id: string) => generations.get(id) ?? 0;
  const bump = (id: string) => generations.set(id, generation(id) + 1);
  const fetchOption = options.fetch ? { fetch: options.fetch } : {};

  /** What every token request needs: the server, our client id, the time, the fetch to use. */
  const tokenRequestContext = (as: oauth.AuthorizationServer, auth: OAuthSettings) => ({
    as,
    clientId: auth.clientId,
    now: clock.now(),
    ...fetchOption,
  });

  function emit(connectionId: string, state: AuthState, message?: string): void {
    for (const listener of listeners) {
      try {
        listener({ connectionId, state, ...(message ? { message } : {}) });
      } catch {
        // A failing listener must not break sign-in for the others.
      }
    }
  }

  /** Every public operation answers a Result; a keychain that throws becomes a clear message. */
  async function guarded<T>(task: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await task();
    } catch (error) {
      return say.keychainFailure(error);
    }
  }

  async function stateOf(id: string): Promise<AuthState> {
    if (signIns.has(id)) return 'signing_in';
    return (await vault.load(id)) ? 'signed_in' : 'signed_out';
  }

  /** Metadata is fetched fresh for every sign-in and reused for refreshes. */
  async function authServer(
    id: string,
    auth: OAuthSettings,
    fresh: boolean,
  ): Promise<Result<oauth.AuthorizationServer>> {
    const cached = servers.get(id);
    if (cached && !fresh) return ok(cached);
    const resolved = await resolveAuthorizationServer(auth, options.fetch);
    if (resolved.ok) servers.set(id, resolved.value);
    return resolved;
  }

  async function keep(
    id: string,
    tokens: TokenSet,
    reason: 'sign_in' | 'renewal',
  ): Promise<Result<TokenSet>> {
    try {
      await vault.save(id, tokens, { mustKeep: reason === 'renewal' });
    } catch (error) {
      return say.keychainFailure(error);
    }
    if (reason === 'sign_in') emit(id, 'signed_in');
    return ok(tokens);
  }

  /** Removes only the tokens; the connection and every queued change stay (sync pauses on `auth`). */
  async function signOutBecause(id: string, failure: Result<never>): Promise<Result<never>> {
    bump(id);
    await vault.clear(id);
    emit(id, 'signed_out', failure.ok ? undefined : failure.error.message);
    return failure;
  }

  async function renewOnce(connection: Connection, tokens: TokenSet): Promise<Result<string>> {
    const id = connection.id;
    const startedIn = generation(id);
    if (tokens.kind === 'revnue_token') return signOutBecause(id, say.revnueTokenRejected());
    const oauthSettings = signInOf(connection).oauth(connection);
    if (!oauthSettings) return say.signedOut(connection);
    if (tokens.kind === 'oauth_pkce' && !tokens.refreshToken) {
      return signOutBecause(id, say.signedOut(connection));
    }
    const server = await authServer(id, oauthSettings, false);
    if (!server.ok) return server;
    const ctx = tokenRequestContext(server.value, oauthSettings);
    const renewed: TokenResult =
      tokens.kind === 'oauth_pkce'
        ? await refreshTokens(ctx, tokens.refreshToken ?? '')
        : await clientCredentialsTokens(ctx, tokens.clientSecret, oauthSettings.scope);
    if (generation(id) !== startedIn) return say.signInChangedMeanwhile();
    if (!renewed.ok) return renewed.signInAgain ? signOutBecause(id, renewed) : renewed;
    const kept = await keep(id, renewed.value, 'renewal');
    return kept.ok ? ok(kept.value.accessToken) : kept;
  }

  /** Single-flight: every caller that meets an expired token waits for the same renewal. */
  function renew(connection: Connection, tokens: TokenSet): Promise<Result<string>> {
    const running = renewals.get(connection.id);
    if (running) return running;
    const renewal = guarded(() => renewOnce(connection, tokens)).finally(() =>
      renewals.delete(connection.id),
    );
    renewals.set(connection.id, renewal);
    return renewal;
  }

  async function withConnection<T>(
    id: string,
    task: (connection: Connection) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    const connection = await options.connections.get(id);
    if (!connection.ok) return connection;
    return guarded(() => task(connection.value));
  }

  async function accessToken(id: string): Promise<Result<string>> {
    return withConnection(id, async (connection) => {
      const running = renewals.get(id);
      if (running) return running;
      const tokens = await vault.load(id);
      if (!tokens) return say.signedOut(connection);
      if (!needsRenewal(tokens, clock.now())) return ok(tokens.accessToken);
      return renew(connection, tokens);
    });
  }

  async function signInWith(
    connection: Connection,
    obtain: () => Promise<Result<TokenSet>>,
  ): Promise<Result<AuthStatus>> {
    const id = connection.id;
    const obtained = await obtain();
    if (!obtained.ok) return obtained;
    bump(id);
    const kept = await keep(id, obtained.value, 'sign_in');
    return kept.ok ? ok({ state: 'signed_in' }) : kept;
  }

  return {
    status: (id: string): Promise<Result<AuthStatus>> =>
      withConnection(id, async () => ok({ state: await stateOf(id) })),

    accessToken,

    /** After a 401: renew unless someone already did; the caller retries once with the answer. */
    refreshAfterUnauthorized: (id: string, rejectedToken: string): Promise<Result<string>> =>
      withConnection(id, async (connection) => {
        const running = renewals.get(id);
        if (running) return running;
        const tokens = await vault.load(id);
        if (!tokens) return say.signedOut(connection);
        if (tokens.accessToken !== rejectedToken) return accessToken(id);
        return renew(connection, tokens);
      }),

    signIn: (id: string, opts: { timeoutMs?: number } = {}): Promise<Result<AuthStatus>> =>
      withConnection(id, async (connection) => {
        const method = signInOf(connection).method(connection);
        const auth = signInOf(connection).oauth(connection);
        if (method !== 'browser' || auth?.mode !== 'pkce') return say.wrongSignInMethod(method);
        signIns.get(id)?.abort();
        const cancel = new AbortController();
        signIns.set(id, cancel);
        emit(id, 'signing_in');
        let signedIn = false;
        try {
          const result = await signInWith(connection, async () => {
            const server = await authServer(id, auth, true);
            if (!server.ok) return server;
            return runAuthorizationCodeFlow({
              as: server.value,
              auth,
              browser: options.browser,
              clock,
              ...fetchOption,
              timeoutMs: opts.timeoutMs ?? options.signInTimeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS,
              cancel: cancel.signal,
            });
          });
          signedIn = result.ok;
          return result;
        } finally {
          // A newer sign-in that replaced this one announces its own outcome.
          if (signIns.get(id) === cancel) {
            signIns.delete(id);
            // Success was announced when the tokens were kept. A failed, cancelled or timed-out
            // attempt settles back to what is stored: signed_out, or signed_in with the tokens
            // of an earlier sign-in — either way the window must stop showing "Signing in…".
            if (!signedIn) emit(id, await stateOf(id).catch((): AuthState => 'signed_out'));
          }
        }
      }),

    cancelSignIn: async (id: string): Promise<Result<void>> => {
      signIns.get(id)?.abort();
      return ok(undefined);
    },

    signInService: (id: string, clientSecret: unknown): Promise<Result<AuthStatus>> =>
      withConnection(id, async (connection) => {
        const method = signInOf(connection).method(connection);
        const auth = signInOf(connection).oauth(connection);
        if (method !== 'service' || auth?.mode !== 'client_credentials') {
          return say.wrongSignInMethod(method);
        }
        const secret = typeof clientSecret === 'string' ? clientSecret.trim() : '';
        if (!secret) {
          return fail('validation', 'Enter the client secret of the service account.', {
            fields: { clientSecret: ['Enter the client secret of the service account'] },
          });
        }
        rememberSecret(secret);
        const scope = auth.scope;
        return signInWith(connection, async () => {
          const server = await authServer(id, auth, true);
          if (!server.ok) return server;
          return clientCredentialsTokens(tokenRequestContext(server.value, auth), secret, scope);
        });
      }),

    setToken: (id: string, token: unknown): Promise<Result<AuthStatus>> =>
      withConnection(id, async (connection) => {
        const method = signInOf(connection).method(connection);
        if (method !== 'token') return say.wrongSignInMethod(method);
        const cleaned = cleanPastedToken(token);
        if (!cleaned.ok) return cleaned;
        // Even a token Revnue rejects is somebody's secret: keep it out of every log line.
        rememberSecret(cleaned.value);
        return signInWith(connection, async () => {
          const verified = await verifyRevnueToken(connection.baseUrl, cleaned.value);
          return verified.ok ? ok({ kind: 'revnue_token', accessToken: cleaned.value }) : verified;
        });
      }),

    /**
     * A Revnue token checked before any connection exists (Settings: "API token", then "Company"):
     * nothing is saved; the answer is the account's companies.
     */
    checkRevnueToken: async (baseUrl: string, token: unknown): Promise<Result<RevnueCompany[]>> => {
      const cleaned = cleanPastedToken(token);
      if (!cleaned.ok) return cleaned;
      rememberSecret(cleaned.value);
      return verifyRevnueToken(baseUrl, cleaned.value);
    },

    /** The scopes an issuer lists, for the R2 form before the connection exists. Nothing is saved. */
    offeredScopes: (issuer: string): Promise<Result<{ scopes: string[] }>> =>
      readOfferedScopes(issuer, options.fetch),

    /** Removes the tokens (only them) of a connection, also of one that was already deleted. */
    signOut: (id: string): Promise<Result<void>> =>
      guarded(async () => {
        signIns.get(id)?.abort();
        bump(id);
        await vault.clear(id);
        emit(id, 'signed_out');
        return ok(undefined);
      }),

    onStateChange(listener: (change: AuthStateChange) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
