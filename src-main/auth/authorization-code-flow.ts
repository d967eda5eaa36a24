// R2 sign-in in the system browser: Authorization Code + PKCE S256 (RFC 7636) with a one-shot
// loopback redirect (RFC 8252). Ends in tokens, or in a clear cancel/time-out/refusal message.
import * as oauth from 'oauth4webapi';
import type { R2AuthSettings } from '../../src-shared/connection';
import { fail, type Result } from '../../src-shared/ipc/result';
import type { Clock } from '../../src-shared/time/clock';
import { redactSecrets } from '../secrets/redact';
import { isAllowedApiUrl } from '../../src-shared/net/loopback';
import { startLoopbackListener, type LoopbackListener } from './loopback-listener';
import type { FetchLike } from './oauth-server';
import type { SystemBrowser } from './system-browser';
import { exchangeAuthorizationCode, type TokenResult } from './token-requests';

export interface CodeFlowOptions {
  as: oauth.AuthorizationServer;
  auth: Extract<R2AuthSettings, { mode: 'pkce' }>;
  browser: SystemBrowser;
  clock: Clock;
  fetch?: FetchLike;
  timeoutMs: number;
  /** Aborted when the user cancels the sign-in in Fieldbook. */
  cancel: AbortSignal;
}

type Outcome =
  | { kind: 'callback'; params: URLSearchParams }
  | { kind: 'timeout' }
  | { kind: 'cancelled' }
  | { kind: 'no_browser' };

const never = () => new Promise<never>(() => {});

function authorizationUrl(
  endpoint: string,
  options: CodeFlowOptions,
  redirectUri: string,
  challenge: string,
  state: string,
): string {
  const url = new URL(endpoint);
  url.searchParams.set('client_id', options.auth.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('code_challenge', challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  if (options.auth.scope) url.searchParams.set('scope', options.auth.scope);
  return url.href;
}

/** Whatever comes first: the browser's redirect, the time-out, a cancel, or no browser at all. */
function firstOutcome(
  options: CodeFlowOptions,
  listener: LoopbackListener,
  url: string,
  stop: AbortSignal,
): Promise<Outcome> {
  const { cancel } = options;
  return Promise.race<Outcome>([
    listener.callback.then((params) => ({ kind: 'callback', params })),
    // shell.openExternal may never settle on some desktops; only its failure matters.
    options.browser.open(url).then(never, () => ({ kind: 'no_browser' })),
    options.clock.sleep(options.timeoutMs, stop).then(() => ({ kind: 'timeout' }), never),
    new Promise<Outcome>((resolve) => {
      if (cancel.aborted) resolve({ kind: 'cancelled' });
      cancel.addEventListener('abort', () => resolve({ kind: 'cancelled' }), { once: true });
    }),
  ]);
}

function unsuccessful(
  outcome: Exclude<Outcome, { kind: 'callback' }>,
  timeoutMs: number,
): Result<never> {
  switch (outcome.kind) {
    case 'cancelled':
      return fail('auth', 'Sign-in was cancelled.');
    case 'no_browser':
      return fail(
        'auth',
        'Fieldbook could not open your web browser to sign in. Check that a default browser is set.',
      );
    case 'timeout': {
      const minutes = Math.max(1, Math.round(timeoutMs / 60_000));
      return fail(
        'auth',
        `Sign-in timed out: Fieldbook waited ${minutes} minute${minutes === 1 ? '' : 's'} for the browser. Start the sign-in again.`,
      );
    }
  }
}

function checkCallback(
  options: CodeFlowOptions,
  received: URLSearchParams,
  state: string,
): Result<URLSearchParams> {
  // With hand-entered endpoints we do not know the server's issuer name, only its one endpoint
  // pair, so there is no mix-up to detect and its `iss` cannot be compared.
  if (!options.auth.issuer) received.delete('iss');
  try {
    return {
      ok: true,
      value: oauth.validateAuthResponse(
        options.as,
        { client_id: options.auth.clientId },
        received,
        state,
      ),
    };
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError) {
      // access_denied is a press on Cancel, but also a server that refuses the request (a
      // missing or unknown scope, a client not allowed): say both, with the server's words.
      return error.error === 'access_denied'
        ? fail(
            'auth',
            `Sign-in was cancelled or refused in the browser${error.error_description ? ` (R2 said: ${redactSecrets(error.error_description)})` : ''}. If you did not cancel it, check the client ID and scope with your administrator.`,
          )
        : fail(
            'auth',
            `R2 refused the sign-in: ${redactSecrets(error.error_description ?? error.error)}`,
          );
    }
    return fail(
      'bad_response',
      'The R2 sign-in server answered in a way Fieldbook could not verify. Try again.',
    );
  }
}

export async function runAuthorizationCodeFlow(options: CodeFlowOptions): Promise<TokenResult> {
  const endpoint = options.as.authorization_endpoint;
  if (!endpoint || !isAllowedApiUrl(endpoint)) {
    return fail(
      'validation',
      'The sign-in server has no usable authorization address (it must start with https://). Check the connection settings.',
    );
  }
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  let listener: LoopbackListener;
  try {
    listener = await startLoopbackListener(state);
  } catch {
    return fail(
      'network',
      'Fieldbook could not open a local port to receive the sign-in. Try again.',
    );
  }
  const stop = new AbortController();
  try {
    const challenge = await oauth.calculatePKCECodeChallenge(codeVerifier);
    const url = authorizationUrl(endpoint, options, listener.redirectUri, challenge, state);
    const outcome = await firstOutcome(options, listener, url, stop.signal);
    if (outcome.kind !== 'callback') return unsuccessful(outcome, options.timeoutMs);
    const params = checkCallback(options, outcome.params, state);
    if (!params.ok) return params;
    const ctx = {
      as: options.as,
      clientId: options.auth.clientId,
      now: options.clock.now(),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    };
    return await exchangeAuthorizationCode(ctx, params.value, listener.redirectUri, codeVerifier);
  } finally {
    stop.abort();
    listener.close();
  }
}
