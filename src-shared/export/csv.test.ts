import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CSV_BOM, csvField, csvRecord, guardFormula } from './csv';
import { parseCsv } from './test-support/rfc4180-parse';

/** What a cell reads as after the guard: the text, with the apostrophe it may have gained. */
const guarded = (text: string) => guardFormula(text);

describe('CSV writer', () => {
  test('any strings round-trip through an RFC 4180 parser (after the formula guard)', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({
        unit: fc.constantFrom('"', ',', '\r', '\n', '=', '+', '-', '@', '\t', 'a', ' '),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 }),
        (rows) => {
          const text = rows.map(csvRecord).join('');
          expect(parseCsv(text)).toEqual(rows.map((row) => row.map(guarded)));
        },
      ),
      { numRuns: 500 },
    );
  });

  test('records end with CRLF, and only fields that need it are quoted', () => {
    expect(csvRecord(['Acme', 'Berlin'])).toBe('Acme,Berlin\r\n');
    expect(csvRecord(['Smith, Jones & Co', 'say "hi"', 'two\nlines', 'cr\r'])).toBe(
      '"Smith, Jones & Co","say ""hi""","two\nlines","cr\r"\r\n',
    );
    expect(csvRecord([''])).toBe('\r\n');
  });

  test('cells that start like a formula get a leading apostrophe; others stay as they are', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(guardFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    }
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""x"")"`,
    );
    expect(guardFormula('Acme = good')).toBe('Acme = good');
    expect(guardFormula('0171 234')).toBe('0171 234');
    expect(guardFormula('')).toBe('');
  });

  test('the byte-order mark is U+FEFF, which UTF-8 writes as EF BB BF', () => {
    expect([...new TextEncoder().encode(CSV_BOM)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
