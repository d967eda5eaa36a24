// The customer links Fieldbook registers with the OS: one spelling per customer, composed and
// parsed by the same rules, and nothing but that spelling is accepted — whatever the string.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { propertyParams } from '../sync/test-support/fc-params';
import { customerAppLink, isAppLinkCandidate, parseCustomerAppLink } from './app-links';

const uuid = '3f2a9c1e-8b7d-4e21-9a0b-5c6d7e8f9a01';

const part = fc.stringMatching(/^[A-Za-z0-9._~:@-]{0,40}[A-Za-z0-9][A-Za-z0-9._~:@-]{0,40}$/);

describe('customerAppLink / parseCustomerAppLink', () => {
  test('composes the one spelling and parses it back', () => {
    const link = customerAppLink(uuid, 'local-91c2');
    expect(link).toBe(`fieldbook://customer/${uuid}/local-91c2`);
    expect(parseCustomerAppLink(link!)).toEqual({
      ok: true,
      target: { connectionId: uuid, customerKey: 'local-91c2' },
    });
    // Launchers may upper-case the scheme or add a slash; neither changes the customer.
    expect(parseCustomerAppLink(`FIELDBOOK://customer/${uuid}/42/`)).toMatchObject({ ok: true });
  });

  test('round-trips every plain connection id and key', () => {
    fc.assert(
      fc.property(part, part, (connectionId, customerKey) => {
        const link = customerAppLink(connectionId, customerKey);
        expect(link).not.toBeNull();
        expect(parseCustomerAppLink(link!)).toEqual({
          ok: true,
          target: { connectionId, customerKey },
        });
      }),
      propertyParams(),
    );
  });

  test('refuses in words what is not ours or is damaged', () => {
    const refused = [
      'https://evil.example/customer/a/b',
      'javascript:alert(1)',
      'fieldbook:customer/a/b',
      'fieldbook://customer/a',
      'fieldbook://customer/a/b/c',
      'fieldbook://customer//b',
      'fieldbook://customer/../b',
      'fieldbook://customer/a/b?x=1',
      'fieldbook://customer/a/b#x',
      'fieldbook://user:pw@customer/a/b',
      'fieldbook://Customer/a/b',
      'fieldbook://customer/%61/b',
      'fieldbook://customer/a/%2e%2e',
      'fieldbook://customer/a/%zz',
      'fieldbook://customer/a/b c',
      `fieldbook://customer/a/${'b'.repeat(2000)}`,
      '',
    ];
    for (const raw of refused) {
      const parsed = parseCustomerAppLink(raw);
      expect(parsed, raw).toMatchObject({ ok: false });
      if (!parsed.ok) expect(parsed.reason).toMatch(/Fieldbook .*link/);
    }
  });

  test('only the canonical spelling of a link opens anything, whatever the string', () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc.string({ maxLength: 120 }).map((rest) => `fieldbook://${rest}`),
      fc.string({ maxLength: 120 }).map((rest) => `fieldbook://customer/${rest}`),
      fc
        .tuple(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ maxLength: 30 }))
        .map(([a, b]) => `fieldbook://customer/${a}/${b}`),
      fc.webUrl(),
    );
    fc.assert(
      fc.property(hostile, (raw) => {
        const parsed = parseCustomerAppLink(raw);
        if (!parsed.ok) return;
        const { connectionId, customerKey } = parsed.target;
        const canonical = customerAppLink(connectionId, customerKey)!;
        expect(raw.toLowerCase().replace(/\/$/, '')).toBe(canonical.toLowerCase());
      }),
      propertyParams(),
    );
  });

  test('ids that could not round-trip through a link compose to null', () => {
    expect(customerAppLink('', 'k')).toBeNull();
    expect(customerAppLink('c', 'a/b')).toBeNull();
    expect(customerAppLink('c', '..')).toBeNull();
    expect(customerAppLink('c', 'x'.repeat(300))).toBeNull();
  });

  test('tells a link meant for us from the other words of a command line', () => {
    expect(isAppLinkCandidate('fieldbook://customer/a/b')).toBe(true);
    expect(isAppLinkCandidate('FieldBook:anything')).toBe(true);
    expect(isAppLinkCandidate('--no-sandbox')).toBe(false);
    expect(isAppLinkCandidate('/opt/Fieldbook/fieldbook')).toBe(false);
  });
});
