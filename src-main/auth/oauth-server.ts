// Finds an R2 connection's authorization server: RFC 8414 metadata under its issuer, or endpoints
// typed in by hand; reads the scopes it offers. Also builds the options every oauth4webapi call gets.
import * as oauth from 'oauth4webapi';
import { listedScopes } from '../../src-shared/auth/oauth-scopes';
import type { R2AuthSettings } from '../../src-shared/connection';
import { fail, ok, type Result } from '../../src-shared/ipc/result';
import { isLoopbackUrl } from '../../src-shared/net/loopback';

export type FetchLike = typeof fetch;

/** Sign-in servers that do not answer within this are treated as unreachable. */
const REQUEST_TIMEOUT_MS = 30_000;

/** oauth4webapi refuses http: unless told otherwise; we allow it only for loopback hosts. */
export function requestOptions(url: string | undefined, fetchImpl: FetchLike | undefined) {
  return {
    [oauth.allowInsecureRequests]: url !== undefined && isLoopbackUrl(url),
    ...(fetchImpl ? { [oauth.customFetch]: fetchImpl } : {}),
    signal: () => AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function unreachable(url: string): Result<never> {
  return fail(
    'network',
    `Fieldbook could not reach the sign-in server at ${hostOf(url)}. Check your internet connection and try again.`,
  );
}

export async function resolveAuthorizationServer(
  auth: R2AuthSettings,
  fetchImpl?: FetchLike,
): Promise<Result<oauth.AuthorizationServer>> {
  const manual = {
    ...(auth.mode === 'pkce' && auth.authorizationEndpoint
      ? { authorization_endpoint: auth.authorizationEndpoint }
      : {}),
    ...(auth.tokenEndpoint ? { token_endpoint: auth.tokenEndpoint } : {}),
  };
  if (!auth.issuer) {
    const anyEndpoint = auth.tokenEndpoint ?? manual.authorization_endpoint ?? '';
    return ok({ issuer: new URL(anyEndpoint).origin, ...manual });
  }
  const metadata = await discoverMetadata(auth.issuer, fetchImpl);
  return metadata.ok ? ok({ ...metadata.value, ...manual }) : metadata;
}

/** RFC 8414 metadata from `<issuer>/.well-known/oauth-authorization-server`, checked. */
export async function discoverMetadata(
  issuerUrl: string,
  fetchImpl?: FetchLike,
): Promise<Result<oauth.AuthorizationServer>> {
  const issuer = new URL(issuerUrl);
  let response: Response;
  try {
    response = await oauth.discoveryRequest(issuer, {
      algorithm: 'oauth2',
      ...requestOptions(issuerUrl, fetchImpl),
    });
  } catch {
    return unreachable(issuerUrl);
  }
  try {
    return ok(await oauth.processDiscoveryResponse(issuer, response));
  } catch {
    return fail(
      'bad_response',
      `The sign-in server at ${issuer.host} did not describe itself as expected. Check the sign-in ` +
        'server address, or enter its endpoints by hand.',
    );
  }
}

/**
 * The scopes the server under `issuer` lists for the R2 form to offer: `[]` when its metadata
 * names none or names them in a shape that is not a list of scopes. Metadata that cannot be read
 * at all is the same failure a sign-in would meet.
 */
export async function readOfferedScopes(
  issuer: string,
  fetchImpl?: FetchLike,
): Promise<Result<{ scopes: string[] }>> {
  const metadata = await discoverMetadata(issuer, fetchImpl);
  return metadata.ok ? ok({ scopes: listedScopes(metadata.value.scopes_supported) }) : metadata;
}
