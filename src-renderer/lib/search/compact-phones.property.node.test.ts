// The compact phone forms against the forms themselves: expanding gives back exactly what was
// compacted, a digit search finds what `includes` on the expanded forms finds, and the gram text
// holds every gram the expanded forms hold (so the postings never miss a number), for phones as
// `phoneForms` writes them and for arbitrary '|'-joined digit strings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParams } from '../../../src-shared/sync/test-support/fc-params';
import { compactPhones, expandPhones, phoneGramText, phonesInclude } from './compact-phones';
import { phoneForms } from './fold';

const digit = fc.constantFrom('0', '1', '4', '9');
const phone = fc
  .tuple(
    fc.constantFrom('+49 ', '0049 ', '+1 ', '0', ''),
    fc.string({ unit: fc.constantFrom('0', '1', '4', '9', ' ', '-'), maxLength: 10 }),
  )
  .map(([prefix, rest]) => prefix + rest);
/** Forms as phoneForms writes them, or any digit strings (national-looking forms included). */
const forms = fc.oneof(
  fc.array(phone, { maxLength: 3 }).map(phoneForms),
  fc
    .array(fc.string({ unit: digit, minLength: 1, maxLength: 8 }), { maxLength: 5 })
    .map((list) => list.join('|')),
);
const query = fc.string({ unit: digit, minLength: 1, maxLength: 6 });

/** Every gram of up to three chars of the forms, none spanning two forms. */
function grams(text: string): Set<string> {
  const found = new Set<string>();
  for (const form of text.split('|')) {
    for (let at = 0; at < form.length; at += 1) {
      for (let size = 1; size <= 3 && at + size <= form.length; size += 1) {
        found.add(form.slice(at, at + size));
      }
    }
  }
  return found;
}

describe('compact phone forms', () => {
  it('expand to exactly the forms they were made of', () => {
    fc.assert(
      fc.property(forms, (given) => {
        expect(expandPhones(compactPhones(given))).toBe(given);
      }),
      propertyParams(300),
    );
  });

  it('are shorter for international numbers (their national forms are left implicit)', () => {
    const given = phoneForms(['+49 171 2345678', '+49 30 1234567']);
    expect(compactPhones(given).length).toBeLessThan(given.length / 2);
  });

  it('find the digits any expanded form holds, and only those', () => {
    fc.assert(
      fc.property(forms, query, (given, digits) => {
        const expected = given.split('|').some((form) => form !== '' && form.includes(digits));
        expect(phonesInclude(compactPhones(given), digits)).toBe(expected);
      }),
      propertyParams(500),
    );
  });

  it('give a gram text with every gram of the expanded forms', () => {
    fc.assert(
      fc.property(forms, (given) => {
        const kept = grams(phoneGramText(compactPhones(given), 3));
        for (const gram of grams(given)) expect(kept.has(gram)).toBe(true);
      }),
      propertyParams(300),
    );
  });
});
