import { describe, expect, test } from 'vitest';
import { isComposedLink, mailtoHref, websiteHref } from './customer-links';

describe('websiteHref', () => {
  test.each([
    ['https://example.com', 'https://example.com/'],
    ['example.com', 'https://example.com/'],
    ['  www.acme.co.uk/about?x=1  ', 'https://www.acme.co.uk/about?x=1'],
    ['HTTPS://Example.COM/Path', 'https://example.com/Path'],
  ])('%j → %j', (value, href) => {
    expect(websiteHref(value)).toBe(href);
  });

  test.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'http://example.com',
    'ftp://example.com',
    'https://user:pw@example.com',
    'https://user@example.com',
    'user@example.com',
    'https://xn--80ak6aa92e.com',
    'https://раураl.com',
    'раураl.com',
    'https://192.168.1.1',
    'https://example.com:8443',
    'https://localhost',
    'https://exa mple.com',
    'https://example.com\\@evil.com',
    '',
    'not a url',
    'mailto:ann@example.com',
    `https://example.com/${'a'.repeat(3000)}`,
  ])('refuses %j', (value) => {
    expect(websiteHref(value)).toBeNull();
  });
});

describe('mailtoHref', () => {
  test('composes a plain address', () => {
    expect(mailtoHref(' ann@example.com ')).toBe('mailto:ann@example.com');
  });
  test.each([
    'ann@example.com?subject=x',
    'ann@example.com,bob@evil.com',
    'ann@xn--80ak6aa92e.com',
    'ann@раураl.com',
    'javascript:alert(1)//@example.com',
    'ann',
    'ann@localhost',
    'ann%0abcc=eve@example.com',
    'ann%0Abcc:eve@evil.example@example.com',
    '%3fbcc=eve@example.com',
    'ann#x@example.com',
    'ann@example.com\nbcc: eve@evil.example',
  ])('refuses %j', (value) => {
    expect(mailtoHref(value)).toBeNull();
  });
});

describe('isComposedLink', () => {
  test('takes exactly the composers’ output', () => {
    expect(isComposedLink('https://example.com/')).toBe(true);
    expect(isComposedLink('mailto:ann@example.com')).toBe(true);
  });
  test.each([
    'https://example.com',
    'example.com',
    'javascript:alert(1)',
    'mailto:ann@example.com?cc=x',
    'file:///x',
  ])('refuses %j (not a composed link)', (url) => {
    expect(isComposedLink(url)).toBe(false);
  });
});
