// The three token-endpoint calls Fieldbook makes (code exchange, refresh, client credentials),
// done by oauth4webapi and turned into a TokenSet or a Result error a salesperson can act on.
import * as oauth from 'oauth4webapi';
import { fail, ok, type Result } from '../../src-shared/ipc/result';
import { redactSecrets, rememberSecret } from '../secrets/redact';
import { requestOptions, unreachable, type FetchLike } from './oauth-server';
import type { TokenSet } from './token-set';

export interface TokenContext {
  as: oauth.AuthorizationServer;
  clientId: string;
  fetch?: FetchLike;
  now: number;
}

/** `signInAgain`: the server rejected the stored grant or client; only a new sign-in helps. */
export type TokenResult = Result<TokenSet> & { signInAgain?: boolean };

/** oauth4webapi errors thrown before any request: the settings, not the network, are wrong. */
const settingsErrors = new Set<string>([
  oauth.MISSING_SERVER_METADATA,
  oauth.INVALID_SERVER_METADATA,
  oauth.HTTP_REQUEST_FORBIDDEN,
  oauth.REQUEST_PROTOCOL_FORBIDDEN,
]);

type Attempt = Result<oauth.TokenEndpointResponse> & { signInAgain?: boolean };

async function attempt(
  ctx: TokenContext,
  request: () => Promise<Response>,
  process: (response: Response) => Promise<oauth.TokenEndpointResponse>,
): Promise<Attempt> {
  const endpoint = ctx.as.token_endpoint ?? ctx.as.issuer;
  let response: Response;
  try {
    response = await request();
  } catch (error) {
    if (error instanceof oauth.OperationProcessingError && settingsErrors.has(error.code ?? '')) {
      return fail(
        'validation',
        'The sign-in settings of this connection are incomplete or unsafe: the token endpoint is ' +
          'missing or not https. Check the connection settings.',
      );
    }
    return unreachable(endpoint);
  }
  try {
    const body = await process(response);
    rememberSecret(body.access_token);
    rememberSecret(body.refresh_token);
    return ok(body);
  } catch (error) {
    return describeTokenError(error, response.status);
  }
}

const clientRejected = (status: number, detail = ''): Attempt => ({
  ...fail(
    'auth',
    `R2 did not accept this app's client ID or secret${detail}. Check the connection settings.`,
    { status },
  ),
  signInAgain: true,
});

const serverTrouble = (status: number): Attempt =>
  fail('server', `The R2 sign-in server had a problem (HTTP ${status}). Try again later.`, {
    status,
  });

function describeTokenError(error: unknown, status: number): Attempt {
  if (error instanceof oauth.WWWAuthenticateChallengeError) return clientRejected(error.status);
  if (!(error instanceof oauth.ResponseBodyError)) {
    if (status >= 500) return serverTrouble(status);
    return fail(
      'bad_response',
      'The R2 sign-in server sent an answer Fieldbook could not understand.',
      {
        status,
      },
    );
  }
  const detail = error.error_description ? ` (${redactSecrets(error.error_description)})` : '';
  switch (error.error) {
    case 'invalid_grant':
      return {
        ...fail(
          'auth',
          'Your R2 sign-in has expired or was revoked. Sign in again — your unsynced changes are kept.',
        ),
        signInAgain: true,
      };
    case 'invalid_client':
    case 'unauthorized_client':
      return clientRejected(error.status, detail);
    default:
      if (error.status >= 500) return serverTrouble(error.status);
      return fail('auth', `R2 refused the sign-in: ${redactSecrets(error.error)}${detail}.`, {
        status: error.status,
      });
  }
}

function expiryOf(body: oauth.TokenEndpointResponse, now: number) {
  return {
    obtainedAt: now,
    ...(typeof body.expires_in === 'number' ? { expiresAt: now + body.expires_in * 1000 } : {}),
  };
}

export async function exchangeAuthorizationCode(
  ctx: TokenContext,
  callback: URLSearchParams,
  redirectUri: string,
  codeVerifier: string,
): Promise<TokenResult> {
  const client: oauth.Client = { client_id: ctx.clientId };
  const result = await attempt(
    ctx,
    () =>
      oauth.authorizationCodeGrantRequest(
        ctx.as,
        client,
        oauth.None(),
        callback,
        redirectUri,
        codeVerifier,
        {
          ...requestOptions(ctx.as.token_endpoint, ctx.fetch),
        },
      ),
    (response) => oauth.processAuthorizationCodeResponse(ctx.as, client, response),
  );
  if (!result.ok) return result;
  const body = result.value;
  return ok({
    kind: 'oauth_pkce',
    accessToken: body.access_token,
    ...(body.refresh_token ? { refreshToken: body.refresh_token } : {}),
    ...expiryOf(body, ctx.now),
  });
}

export async function refreshTokens(ctx: TokenContext, refreshToken: string): Promise<TokenResult> {
  const client: oauth.Client = { client_id: ctx.clientId };
  const result = await attempt(
    ctx,
    () =>
      oauth.refreshTokenGrantRequest(
        ctx.as,
        client,
        oauth.None(),
        refreshToken,
        requestOptions(ctx.as.token_endpoint, ctx.fetch),
      ),
    (response) => oauth.processRefreshTokenResponse(ctx.as, client, response),
  );
  if (!result.ok) return result;
  const body = result.value;
  return ok({
    kind: 'oauth_pkce',
    accessToken: body.access_token,
    // Without rotation the server keeps the old refresh token valid; keep using it.
    refreshToken: body.refresh_token ?? refreshToken,
    ...expiryOf(body, ctx.now),
  });
}

function clientAuthFor(as: oauth.AuthorizationServer, clientSecret: string): oauth.ClientAuth {
  const supported = as.token_endpoint_auth_methods_supported;
  if (
    supported &&
    !supported.includes('client_secret_basic') &&
    supported.includes('client_secret_post')
  ) {
    return oauth.ClientSecretPost(clientSecret);
  }
  return oauth.ClientSecretBasic(clientSecret);
}

export async function clientCredentialsTokens(
  ctx: TokenContext,
  clientSecret: string,
  scope: string | undefined,
): Promise<TokenResult> {
  const client: oauth.Client = { client_id: ctx.clientId };
  const result = await attempt(
    ctx,
    () =>
      oauth.clientCredentialsGrantRequest(
        ctx.as,
        client,
        clientAuthFor(ctx.as, clientSecret),
        scope ? { scope } : {},
        requestOptions(ctx.as.token_endpoint, ctx.fetch),
      ),
    (response) => oauth.processClientCredentialsResponse(ctx.as, client, response),
  );
  if (!result.ok) return result;
  return ok({
    kind: 'oauth_client_credentials',
    accessToken: result.value.access_token,
    clientSecret,
    ...expiryOf(result.value, ctx.now),
  });
}
