import { describe, expect, it } from 'vitest';
import {
  defaultScopes,
  listedScopes,
  maxListedScopes,
  offeredScopes,
  scopeParameter,
} from './oauth-scopes';

describe('listedScopes (scopes_supported from RFC 8414 metadata)', () => {
  it('keeps the server order and each scope once', () => {
    expect(listedScopes(['openid', 'customers', 'offline_access', 'customers'])).toEqual([
      'openid',
      'customers',
      'offline_access',
    ]);
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['a string', 'openid customers'],
    ['an object', { customers: true }],
    ['an empty list', []],
  ])('treats %s as no list', (_what, value) => {
    expect(listedScopes(value)).toEqual([]);
  });

  it('leaves out entries that are not scope tokens', () => {
    expect(
      listedScopes([
        'customers',
        42,
        null,
        '',
        'two words',
        'quo"te',
        'back\\slash',
        'orders:read',
      ]),
    ).toEqual(['customers', 'orders:read']);
    expect(listedScopes(['x'.repeat(201), 'customers'])).toEqual(['customers']);
  });

  it('stops at a bounded number of scopes', () => {
    const many = Array.from({ length: 500 }, (_, i) => `scope${i}`);
    expect(listedScopes(many)).toHaveLength(maxListedScopes);
    expect(listedScopes(many)[0]).toBe('scope0');
  });
});

describe('defaultScopes', () => {
  const sandbox = ['openid', 'offline_access', 'customers'];

  it('ticks the API scopes and offline_access for the browser sign-in, not openid', () => {
    expect(defaultScopes(sandbox, 'browser')).toEqual(['offline_access', 'customers']);
  });

  it('leaves out the identity scopes a typical OpenID server lists', () => {
    const listed = ['openid', 'profile', 'email', 'address', 'phone', 'offline_access'];
    expect(defaultScopes([...listed, 'customers.read', 'customers.write'], 'browser')).toEqual([
      'offline_access',
      'customers.read',
      'customers.write',
    ]);
    expect(defaultScopes(listed, 'browser')).toEqual(['offline_access']);
  });

  it('gives a service client the same API scopes without offline_access', () => {
    expect(offeredScopes(sandbox, 'service')).toEqual(['openid', 'customers']);
    expect(defaultScopes(sandbox, 'service')).toEqual(['customers']);
    expect(offeredScopes(sandbox, 'browser')).toEqual(sandbox);
  });

  it('ticks nothing when the server lists nothing', () => {
    expect(defaultScopes([], 'browser')).toEqual([]);
  });
});

describe('scopeParameter', () => {
  it('joins the chosen scopes with spaces in the order the server lists them', () => {
    const listed = ['openid', 'offline_access', 'customers'];
    expect(scopeParameter(listed, ['customers', 'offline_access'])).toBe(
      'offline_access customers',
    );
    expect(scopeParameter(listed, ['customers', 'not-listed'])).toBe('customers');
    expect(scopeParameter(listed, [])).toBe('');
  });
});
