// The joined-text scan: hits in order, each item once, never a match across two items.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemsContaining, joinTexts, union } from './text-scan';

describe('itemsContaining', () => {
  it('finds exactly the items that contain the term, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ') })),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 3 }),
        (texts, term) => {
          const expected = texts.flatMap((text, index) => (text.includes(term) ? [index] : []));
          expect(itemsContaining(joinTexts(texts), term)).toEqual(expected);
        },
      ),
    );
  });

  it('never matches across the end of one item and the start of the next', () => {
    expect(itemsContaining(joinTexts(['ab', 'cd']), 'bc')).toEqual([]);
  });

  it('merges two hit lists without duplicates', () => {
    expect(union([1, 3, 5], [2, 3, 8])).toEqual([1, 2, 3, 5, 8]);
  });
});
