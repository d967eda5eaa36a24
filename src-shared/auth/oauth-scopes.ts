// Which OAuth scopes an R2 sign-in asks for: the scopes an authorization server lists in its RFC
// 8414 metadata (`scopes_supported`), cleaned, and the ones Fieldbook ticks for the user by default.

/** How the connection signs in: the user in the browser (PKCE) or a service client (secret). */
export type ScopeGrant = 'browser' | 'service';

/** Asks the server for a refresh token (OpenID Connect's name for it, which OAuth servers reuse). */
export const refreshScope = 'offline_access';

/**
 * OpenID Connect's identity scopes: they ask for who the user is (an ID token, profile claims),
 * which Fieldbook never reads, so they are offered but never ticked by default.
 */
const identityScopes: ReadonlySet<string> = new Set([
  'openid',
  'profile',
  'email',
  'address',
  'phone',
]);

/** RFC 6749 §3.3 scope-token: visible ASCII except `"` and `\`, no spaces. */
export const scopeTokenPattern = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
/** A form can show this many; a server listing more is cut here rather than flooding the form. */
export const maxListedScopes = 100;
export const maxScopeLength = 200;

/**
 * The scopes a server lists, each once and in the server's order. Anything that is not a list of
 * scope tokens (a string, numbers, `null`, a token with spaces) is left out: a malformed list is
 * treated like no list, and the user types the scope instead.
 */
export function listedScopes(scopesSupported: unknown): string[] {
  if (!Array.isArray(scopesSupported)) return [];
  const scopes = new Set<string>();
  for (const scope of scopesSupported as unknown[]) {
    if (scopes.size >= maxListedScopes) break;
    if (typeof scope !== 'string' || scope.length > maxScopeLength) continue;
    if (scopeTokenPattern.test(scope)) scopes.add(scope);
  }
  return [...scopes];
}

/**
 * The scopes the form offers for this grant. A service client gets no `offline_access`: the
 * client-credentials grant issues no refresh token, and servers refuse the scope there (the
 * sandbox answers `invalid_scope`).
 */
export function offeredScopes(listed: readonly string[], grant: ScopeGrant): string[] {
  return grant === 'service' ? listed.filter((scope) => scope !== refreshScope) : [...listed];
}

/**
 * The scopes ticked by default: every API scope the server offers (whatever is not an identity
 * scope), plus `offline_access` for the browser sign-in so a refresh token keeps the user signed in.
 */
export function defaultScopes(listed: readonly string[], grant: ScopeGrant): string[] {
  return offeredScopes(listed, grant).filter((scope) => !identityScopes.has(scope));
}

/** The `scope` parameter for a choice of scopes, in the order the server lists them. */
export function scopeParameter(listed: readonly string[], chosen: Iterable<string>): string {
  const picked = new Set(chosen);
  return listed.filter((scope) => picked.has(scope)).join(' ');
}
