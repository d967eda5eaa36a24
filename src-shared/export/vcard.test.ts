import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { escapeText, foldLine, vcardOf, VCARD_FOLD_OCTETS } from './vcard';

const octets = (text: string) => new TextEncoder().encode(text).length;

/** RFC 6350 §3.2 unfolding: a CRLF followed by one space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe('vCard writer', () => {
  test('a card has BEGIN, VERSION:4.0, FN, N and END, each line ended with CRLF', () => {
    const card = vcardOf({ fn: 'Ada Lovelace', family: 'Lovelace', given: 'Ada', org: 'Acme' });
    expect(card).toBe(
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\nORG:Acme\r\nEND:VCARD\r\n',
    );
    // FN is required and never empty.
    expect(vcardOf({ fn: '  ' })).toContain('\r\nFN:Unnamed\r\n');
  });

  test('EMAIL, TEL with its type and ADR with its seven components', () => {
    const card = vcardOf({
      fn: 'Acme',
      emails: ['info@acme.example', ''],
      phones: [
        { value: '+49 30 1234', type: 'work' },
        { value: '0171 555', type: 'cell' },
        { value: ' ', type: 'fax' },
      ],
      addresses: [
        {
          street: 'Hauptstr. 1',
          locality: 'Berlin',
          region: '',
          postalCode: '10115',
          country: 'Germany',
        },
        { street: '', locality: '', region: '', postalCode: '', country: '' },
      ],
    });
    const lines = card.split('\r\n');
    expect(lines).toContain('EMAIL;TYPE=work:info@acme.example');
    expect(lines).toContain('TEL;TYPE=work:+49 30 1234');
    expect(lines).toContain('TEL;TYPE=cell:0171 555');
    expect(lines).toContain('ADR;TYPE=work:;;Hauptstr. 1;Berlin;;10115;Germany');
    // Empty values make no property.
    expect(lines.filter((line) => line.startsWith('EMAIL'))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('TEL'))).toHaveLength(2);
    expect(lines.filter((line) => line.startsWith('ADR'))).toHaveLength(1);
  });

  test('backslash, comma, semicolon and newlines are escaped', () => {
    expect(escapeText('a\\b,c;d\ne\r\nf\rg')).toBe('a\\\\b\\,c\\;d\\ne\\nf\\ng');
    const card = vcardOf({ fn: 'Smith, Jones; & Co\\', family: 'Smith;Jones', given: 'A,B' });
    expect(card).toContain('FN:Smith\\, Jones\\; & Co\\\\\r\n');
    expect(card).toContain('N:Smith\\;Jones;A\\,B;;;\r\n');
  });

  test('folding keeps every line within 75 octets and never splits a UTF-8 sequence', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        // Values are escaped before folding: no raw line break reaches foldLine.
        const line = `NOTE:${escapeText(text)}`;
        const folded = foldLine(line);
        const physical = folded.split('\r\n');
        for (const [index, part] of physical.entries()) {
          expect(octets(part)).toBeLessThanOrEqual(VCARD_FOLD_OCTETS);
          if (index > 0) expect(part.startsWith(' ')).toBe(true);
          // A lone surrogate would mean a code point was cut in two.
          expect(part).not.toMatch(
            /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
          );
          // Each physical line encodes to UTF-8 and back unchanged: no sequence split.
          expect(new TextDecoder().decode(new TextEncoder().encode(part))).toBe(part);
        }
        expect(unfold(folded)).toBe(line);
      }),
      { numRuns: 500 },
    );
  });

  test('a long line of 3-octet characters folds between characters', () => {
    const folded = foldLine(`FN:${'€'.repeat(40)}`);
    const [first, second] = folded.split('\r\n');
    // "FN:" is 3 octets; 24 euros (72 octets) fill the first line to 75.
    expect(octets(first!)).toBe(75);
    expect(first).toBe(`FN:${'€'.repeat(24)}`);
    expect(second).toBe(` ${'€'.repeat(16)}`);
  });

  test('a whole card unfolds back to its properties', () => {
    const org = 'Ölmühle Süd GmbH & Co. KG — Niederlassung Nordrhein-Westfalen, Düsseldorf 🌻';
    const card = vcardOf({ fn: org, org });
    for (const line of card.split('\r\n').filter(Boolean)) {
      expect(octets(line)).toBeLessThanOrEqual(75);
    }
    expect(unfold(card)).toContain(`ORG:${escapeText(org)}\r\n`);
  });
});
