import { describe, expect, test } from 'vitest';
import { contract, resultSchemaOf } from './contract';

const accepts = (channel: keyof typeof contract, input: unknown) =>
  contract[channel].input.safeParse(input).success;

describe('contract inputs', () => {
  test('operations without input accept nothing or an empty object, and nothing else', () => {
    expect(accepts('connections.list', undefined)).toBe(true);
    expect(accepts('connections.list', {})).toBe(true);
    expect(accepts('sandbox.tryIt', { url: 'https://x.example/' })).toBe(false);
  });

  test('unknown keys are refused, not silently dropped', () => {
    expect(accepts('auth.status', { connectionId: 'c1' })).toBe(true);
    expect(accepts('auth.status', { connectionId: 'c1', url: 'https://evil.example/' })).toBe(
      false,
    );
  });

  test('R2 paging stays within 1…500 rows and filters cannot set paging themselves', () => {
    const list = (extra: object) => accepts('r2.customers.list', { connectionId: 'c1', ...extra });
    expect(list({ page: 1, pageSize: 500, filters: { companyname: 'Acme' } })).toBe(true);
    expect(list({ page: 0 })).toBe(false);
    expect(list({ pageSize: 501 })).toBe(false);
    expect(list({ pageSize: 2.5 })).toBe(false);
    expect(list({ filters: { PageSize: '100000' } })).toBe(false);
    expect(list({ filters: { 'a&b': 'x' } })).toBe(false);
    expect(list({ updatedSince: '2026-11-23T04:00:00Z' })).toBe(true);
    expect(list({ updatedSince: '11/23/2026 04:00' })).toBe(false);
  });

  test('a natural-key lookup needs a customer ID or a company name', () => {
    const find = (extra: object) =>
      accepts('r2.customers.findByNaturalKey', { connectionId: 'c1', ...extra });
    expect(find({ customerid: 'C-1' })).toBe(true);
    expect(find({ companyname: 'Acme', createdAfter: '2026-11-23T04:00:00.000+01:00' })).toBe(true);
    expect(find({ createdAfter: '2026-11-23T04:00:00Z' })).toBe(false);
  });

  test('Revnue ids are positive whole numbers; secrets may not be blank', () => {
    expect(accepts('revnue.customers.get', { connectionId: 'c1', id: 7 })).toBe(true);
    expect(accepts('revnue.customers.get', { connectionId: 'c1', id: '7' })).toBe(false);
    expect(accepts('revnue.customers.get', { connectionId: 'c1', id: 0 })).toBe(false);
    expect(accepts('auth.setToken', { connectionId: 'c1', token: '   ' })).toBe(false);
    expect(accepts('auth.signInService', { connectionId: 'c1', clientSecret: '' })).toBe(false);
  });
});

describe('contract outputs', () => {
  test('the secrets status names what protects sign-ins, never a secret', () => {
    const status = contract['secrets.status'].output;
    expect(status.safeParse({ store: 'keychain' }).success).toBe(true);
    expect(
      status.safeParse({ store: 'unavailable', message: 'No keyring', canAcceptWeakStorage: true })
        .success,
    ).toBe(true);
    expect(status.safeParse({ store: 'plaintext' }).success).toBe(false);
    // Keys the contract does not name are dropped, so no secret can ride along.
    expect(status.parse({ store: 'weak', token: 'rt-123' })).toEqual({ store: 'weak' });
    expect(accepts('secrets.acceptWeakStorage', undefined)).toBe(true);
    expect(accepts('secrets.acceptWeakStorage', { force: true })).toBe(false);
  });

  test('are wrapped in the Result shape', () => {
    const schema = resultSchemaOf('r2.customers.list');
    expect(schema.safeParse({ ok: true, value: { rows: [], total: 0 } }).success).toBe(true);
    expect(schema.safeParse({ ok: true, value: { rows: [] } }).success).toBe(false);
    expect(
      schema.safeParse({ ok: false, error: { kind: 'rate_limited', message: 'wait' } }).success,
    ).toBe(true);
  });
});
