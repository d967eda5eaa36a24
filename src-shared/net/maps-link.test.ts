import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isComposedLink } from './customer-links';
import {
  addressLine,
  isComposedMapsLink,
  mapsHref,
  mapsQueryOf,
  mapsSearchPrefix,
  maxMapsQueryLength,
} from './maps-link';

const hostileAddresses = [
  'javascript:alert(1)',
  'https://evil.example/',
  '//evil.example',
  'Main St 1#@evil.example',
  '1 Road & query=other&x=1',
  '../../../etc/passwd',
  'Hauptstr. 1\r\nLocation: https://evil.example',
  '%0d%0aSet-Cookie: x=1',
  '?query=evil',
  '\\\\evil.example\\share',
  '<script>alert(1)</script>',
  'раураl.com',
  'data:text/html,<b>x</b>',
];

describe('mapsHref', () => {
  test.each([
    [
      'Hauptstraße 1, 10115 Berlin, Germany',
      'Hauptstra%C3%9Fe%201%2C%2010115%20Berlin%2C%20Germany',
    ],
    ['  10 Downing St \n London  ', '10%20Downing%20St%20London'],
    ['A & B #2 / 3?', 'A%20%26%20B%20%232%20%2F%203%3F'],
  ])('%j searches %j', (address, query) => {
    expect(mapsHref(address)).toBe(`${mapsSearchPrefix}${query}`);
  });

  test.each(['', '   ', '\n\t', '\u0000\u0007', 'a'.repeat(maxMapsQueryLength + 1), '\ud800 lone'])(
    'refuses %j',
    (address) => {
      expect(mapsHref(address)).toBeNull();
    },
  );

  test.each(hostileAddresses)('hostile %j stays the search query of openstreetmap.org', (value) => {
    const href = mapsHref(value)!;
    const url = new URL(href);
    expect([url.origin, url.pathname, [...url.searchParams.keys()]]).toEqual([
      'https://www.openstreetmap.org',
      '/search',
      ['query'],
    ]);
    expect(url.hash).toBe('');
    expect(url.searchParams.get('query')).toBe(mapsQueryOf(value));
  });

  test('any text yields nothing or that one origin and path, with the text as its only query', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 600 }),
          fc.webUrl(),
          fc.constantFrom(...hostileAddresses),
          fc
            .array(fc.constantFrom('#', '&', '?', '/', '%', '%2F', '\\', '@', ':', '\n', ' ', 'x'))
            .map((bits) => bits.join('')),
        ),
        (value) => {
          const href = mapsHref(value);
          if (href === null) {
            // Refused only when there is no address to search for: empty, too long, or not text.
            const query = mapsQueryOf(value);
            const encodable = (() => {
              try {
                return encodeURIComponent(query) !== '';
              } catch {
                return false;
              }
            })();
            expect(query === '' || query.length > maxMapsQueryLength || !encodable).toBe(true);
            return;
          }
          expect(href.startsWith(mapsSearchPrefix)).toBe(true);
          const url = new URL(href);
          expect(url.origin).toBe('https://www.openstreetmap.org');
          expect(url.pathname).toBe('/search');
          expect(url.hash).toBe('');
          expect([...url.searchParams.keys()]).toEqual(['query']);
          // Round trip: the query main opens is the address as typed (white space tidied).
          expect(url.searchParams.get('query')).toBe(mapsQueryOf(value));
          expect(decodeURIComponent(href.slice(mapsSearchPrefix.length))).toBe(mapsQueryOf(value));
          expect(isComposedMapsLink(href)).toBe(true);
          expect(isComposedLink(href)).toBe(true);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe('isComposedMapsLink', () => {
  test.each([
    `${mapsSearchPrefix}Berlin&layers=evil`,
    `${mapsSearchPrefix}Berlin#x`,
    `${mapsSearchPrefix}`,
    `${mapsSearchPrefix}%20Berlin`,
    `${mapsSearchPrefix}Berlin%`,
    'https://www.openstreetmap.org/search?q=Berlin',
    'https://openstreetmap.org/search?query=Berlin',
    'https://www.openstreetmap.org.evil.example/search?query=Berlin',
    'http://www.openstreetmap.org/search?query=Berlin',
  ])('refuses %j, which mapsHref never composes', (url) => {
    expect(isComposedMapsLink(url)).toBe(false);
  });

  test('accepts what mapsHref composed', () => {
    expect(isComposedMapsLink(mapsHref('Berlin, Germany')!)).toBe(true);
  });
});

test('addressLine joins the non-empty parts in writing order', () => {
  expect(addressLine(['Hauptstr. 1', '', null, ' 10115 ', undefined, 'Berlin\n'])).toBe(
    'Hauptstr. 1, 10115, Berlin',
  );
  expect(addressLine(['', '  ', null])).toBe('');
});
