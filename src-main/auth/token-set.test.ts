import { describe, expect, it } from 'vitest';
import { needsRenewal, parseTokenSet, secretsOf, type TokenSet } from './token-set';

const pkce = (obtainedAt: number, expiresAt?: number): TokenSet => ({
  kind: 'oauth_pkce',
  accessToken: 'AT',
  refreshToken: 'RT',
  obtainedAt,
  ...(expiresAt === undefined ? {} : { expiresAt }),
});

describe('token set', () => {
  it('renews 30 s before expiry for long-lived tokens, and at 3/4 of the lifetime for short ones', () => {
    const hour = pkce(0, 3_600_000);
    expect(needsRenewal(hour, 3_569_999)).toBe(false);
    expect(needsRenewal(hour, 3_570_000)).toBe(true);
    const short = pkce(0, 20_000);
    expect(needsRenewal(short, 14_999)).toBe(false);
    expect(needsRenewal(short, 15_000)).toBe(true);
  });

  it('never renews tokens without an expiry or Revnue admin tokens', () => {
    expect(needsRenewal(pkce(0), Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(needsRenewal({ kind: 'revnue_token', accessToken: 'x' }, Number.MAX_SAFE_INTEGER)).toBe(
      false,
    );
  });

  it('reads stored JSON back, and treats anything unreadable as signed out', () => {
    const tokens = pkce(1, 2);
    expect(parseTokenSet(JSON.stringify(tokens))).toEqual(tokens);
    expect(parseTokenSet(null)).toBeNull();
    expect(parseTokenSet('not json')).toBeNull();
    expect(parseTokenSet('{"kind":"oauth_pkce"}')).toBeNull();
  });

  it('lists every secret value of a set, for redaction', () => {
    expect(secretsOf(pkce(0))).toEqual(['AT', 'RT']);
    expect(
      secretsOf({
        kind: 'oauth_client_credentials',
        accessToken: 'A',
        clientSecret: 'S',
        obtainedAt: 0,
      }),
    ).toEqual(['A', 'S']);
  });
});
