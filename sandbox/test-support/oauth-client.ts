// Test helpers that play the desktop app's side of R2 OAuth over real HTTP: PKCE S256, the
// authorization-code flow through the login form, refresh, and client credentials.
import { createHash, randomBytes } from 'node:crypto';
import type { Sandbox } from '../index';
import { TestBrowser } from './browser';

export interface TokenResponse {
  access_token: string;
  refresh_token?: string;
  expires_in: number;
  token_type: string;
  scope?: string;
}

export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

export function authorizeUrl(sandbox: Sandbox, params: Record<string, string>): string {
  const url = new URL('/oauth/authorize', sandbox.r2.issuer);
  const defaults = {
    client_id: sandbox.r2.publicClientId,
    response_type: 'code',
    scope: 'openid offline_access customers',
  };
  for (const [key, value] of Object.entries({ ...defaults, ...params }))
    url.searchParams.set(key, value);
  return url.href;
}

/** Walks authorize → login form → resume; returns where the browser was finally sent. */
export async function signIn(
  sandbox: Sandbox,
  options: {
    redirectUri?: string;
    challenge: string;
    password?: string;
    browser?: TestBrowser;
    /** The `scope` parameter, instead of "openid offline_access customers". */
    scope?: string;
  },
) {
  const browser = options.browser ?? new TestBrowser();
  const redirectUri = options.redirectUri ?? 'http://127.0.0.1:53682/callback';
  const start = await browser.follow(
    authorizeUrl(sandbox, {
      redirect_uri: redirectUri,
      code_challenge: options.challenge,
      code_challenge_method: 'S256',
      state: 'xyz',
      ...(options.scope === undefined ? {} : { scope: options.scope }),
    }),
    sandbox.url,
  );
  const form = await start.response.text();
  const action = /<form method="post" action="([^"]+\/login)"/.exec(form)?.[1];
  if (!action)
    throw new Error(`No login form (status ${start.response.status}): ${form.slice(0, 300)}`);
  const submitted = await browser.submitForm(new URL(action, sandbox.url).href, sandbox.url, {
    username: sandbox.r2.username,
    password: options.password ?? sandbox.r2.password,
  });
  return { ...submitted, browser, redirectUri, form };
}

export async function tokenRequest(
  sandbox: Sandbox,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return fetch(new URL('/oauth/token', sandbox.r2.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The whole authorization-code flow; returns the token response. */
export async function userTokens(sandbox: Sandbox): Promise<TokenResponse> {
  const { verifier, challenge } = pkcePair();
  const { leftTo, redirectUri } = await signIn(sandbox, { challenge });
  const code = new URL(leftTo ?? '').searchParams.get('code') ?? '';
  const response = await tokenRequest(sandbox, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    client_id: sandbox.r2.publicClientId,
    code_verifier: verifier,
  });
  if (response.status !== 200)
    throw new Error(`token endpoint: ${response.status} ${await response.text()}`);
  return (await response.json()) as TokenResponse;
}

export function serviceAuthorization(sandbox: Sandbox): string {
  const { serviceClientId, serviceClientSecret } = sandbox.r2;
  return `Basic ${Buffer.from(`${encodeURIComponent(serviceClientId)}:${encodeURIComponent(serviceClientSecret)}`).toString('base64')}`;
}

export async function serviceTokens(sandbox: Sandbox): Promise<TokenResponse> {
  const response = await tokenRequest(
    sandbox,
    { grant_type: 'client_credentials', scope: 'customers' },
    { authorization: serviceAuthorization(sandbox) },
  );
  if (response.status !== 200)
    throw new Error(`token endpoint: ${response.status} ${await response.text()}`);
  return (await response.json()) as TokenResponse;
}
