import { describe, expect, it } from 'vitest';
import { idFromLocation } from './location';
import { parseRetryAfterMs } from './retry-after';

describe('Retry-After', () => {
  it('reads seconds, HTTP dates and Revnue wording', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfterMs('3', now)).toBe(3000);
    expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfterMs(null, now, '{"detail":"Expected available in 42 seconds."}')).toBe(
      42_000,
    );
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
  });
});

describe('Location', () => {
  it('takes the id from relative and absolute locations', () => {
    const request = 'http://127.0.0.1:9/r2/customers';
    expect(idFromLocation('/r2/customers/C-17', request)).toBe('C-17');
    expect(idFromLocation('http://127.0.0.1:9/r2/customers/42/', request)).toBe('42');
    expect(idFromLocation('customers/a%20b', request)).toBe('a b');
    expect(idFromLocation(null, request)).toBeUndefined();
  });

  it('takes no id from another origin, a non-record path or a broken escape', () => {
    const request = 'http://127.0.0.1:9/r2/customers';
    expect(idFromLocation('https://x.example/r2/customers/42', request)).toBeUndefined();
    expect(idFromLocation('http://127.0.0.1:10/r2/customers/42', request)).toBeUndefined();
    expect(idFromLocation('javascript:alert(1)', request)).toBeUndefined();
    expect(idFromLocation('/r2/customers/', request, 'customers')).toBeUndefined();
    expect(idFromLocation('/r2/orders/42', request, 'customers')).toBeUndefined();
    expect(idFromLocation('/r2/customers/42', request, 'customers')).toBe('42');
    expect(idFromLocation('/r2/customers/%E0%A4%A', request)).toBeUndefined();
  });
});
