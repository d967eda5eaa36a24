// Numbers shown and read in the regional format: what is shown reads back to the same value in
// every locale, grouping is understood only where it groups by three, and nothing else is a number.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { numberMarks, readNumber, showNumber } from './locale-numbers';

test('each locale shows its own decimal mark and no grouping', () => {
  expect(numberMarks('de-DE')).toEqual({ decimal: ',', group: '.' });
  expect(numberMarks('en-US')).toEqual({ decimal: '.', group: ',' });
  expect(showNumber(1234.5, 'de-DE')).toBe('1234,5');
  expect(showNumber(1234.5, 'en-US')).toBe('1234.5');
  expect(showNumber('999999999999999.00', 'de-DE')).toBe('999999999999999,00');
  expect(showNumber(-3, 'fr-FR')).toBe('-3');
  expect(showNumber(1e21, 'de-DE')).toBe(String(1e21));
  expect(showNumber('n/a', 'de-DE')).toBe('n/a');
});

test('reads the locale grouping by three, and a lone other mark as a decimal mark', () => {
  expect(readNumber('1.234,5', 'de-DE')).toBe('1234.5');
  expect(readNumber('1.234.567', 'de-DE')).toBe('1234567');
  expect(readNumber('1,234.5', 'en-US')).toBe('1234.5');
  expect(readNumber('1,234', 'en-US')).toBe('1234');
  expect(readNumber('1\u202f234,5', 'fr-FR')).toBe('1234.5');
  expect(readNumber('1 234,5', 'fr-FR')).toBe('1234.5');
  expect(readNumber('1,5', 'en-US')).toBe('1.5');
  expect(readNumber('1.5', 'de-DE')).toBe('1.5');
  expect(readNumber('+7', 'en-GB')).toBe('7');
  expect(readNumber('−7,25', 'de-DE')).toBe('-7.25');
  expect(readNumber('1200.50', 'en-GB')).toBe('1200.50');
});

test('what is not a number in the locale is refused', () => {
  for (const text of ['', '12x', '1.2.3,4,5', '1,23,456', ',5', '5,', '1 2', '--1', '1e5', '١٢']) {
    expect(readNumber(text, 'de-DE'), text).toBeNull();
  }
  expect(readNumber('1.23.456', 'en-US')).toBeNull();
});

test('whatever is shown reads back to the same decimal, in every locale', () => {
  const locales = fc.constantFrom('de-DE', 'en-US', 'en-GB', 'fr-FR', 'de-CH', 'sv-SE', 'pt-BR');
  const decimal = fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 999_999_999_999_999n }), fc.option(fc.nat()))
    .map(
      ([negative, whole, fraction]) =>
        `${negative ? '-' : ''}${whole}${fraction === null ? '' : `.${String(fraction).padStart(2, '0')}`}`,
    );
  fc.assert(
    fc.property(decimal, locales, (value, locale) => {
      expect(readNumber(showNumber(value, locale), locale)).toBe(value);
    }),
  );
  fc.assert(
    fc.property(
      fc
        .double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 })
        .filter((value) => !/e/.test(String(value))),
      locales,
      (value, locale) => {
        expect(Number(readNumber(showNumber(value, locale), locale))).toBe(value === 0 ? 0 : value);
      },
    ),
  );
});
