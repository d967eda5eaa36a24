// Gram postings against a naive reference: for random texts (fields split by the separator) and
// random terms, `intersect(termGrams(term))` is exactly the docs whose fields hold every gram of
// the term — with postings that are lists of any length (so the intersection of lists of very
// different sizes gallops), bitsets, packed and recent parts of one gram — and a term up to the
// postings' longest gram is answered exactly by its own posting, for three- and four-char grams.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParams } from '../../../src-shared/sync/test-support/fc-params';
import { GramPostings, type DocSet, type GramSize } from './gram-postings';

const separator = '|';

/** Docs as the postings return them, sorted. */
function docsOf(set: DocSet | null): number[] {
  if (!set) return [];
  if ('docs' in set) return Array.from(set.docs);
  const docs: number[] = [];
  set.bits.forEach((word, index) => {
    for (let bit = 0; bit < 32; bit += 1) if ((word >>> bit) & 1) docs.push(index * 32 + bit);
  });
  return docs;
}

/** The docs with a field holding `gram` (no gram spans two fields). */
function holding(texts: readonly string[], gram: string): Set<number> {
  const docs = new Set<number>();
  texts.forEach((text, doc) => {
    if (text.split(separator).some((field) => field.includes(gram))) docs.add(doc);
  });
  return docs;
}

/** The grams of a term as text: itself when up to `exact` long, else each `exact`-char gram. */
function gramTexts(term: string, exact: number): string[] {
  if (term.length <= exact) return [term];
  return Array.from({ length: term.length - exact + 1 }, (_, at) => term.slice(at, at + exact));
}

// A skewed alphabet: "0" and "1" are in most docs (bitsets), "7" in some, "9" in few (lists of
// every length, so one intersection meets lists of very different sizes).
const unit = fc.constantFrom('0', '0', '0', '1', '1', '7', '9', separator);
const text = fc.string({ unit, maxLength: 12 });
const sparseText = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: text },
);
const term = fc.string({ unit: fc.constantFrom('0', '1', '7', '9'), minLength: 1, maxLength: 7 });

describe('gram postings', () => {
  it('intersect to exactly the docs holding every gram of a term, three- or four-char grams', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(text, sparseText), { minLength: 300, maxLength: 1_500 }),
        fc.constantFrom<GramSize>(3, 4),
        fc.constantFrom(undefined, 7, 100, 700),
        fc.array(term, { minLength: 1, maxLength: 8 }),
        (texts, exact, freezeEvery, terms) => {
          const postings = new GramPostings(separator, freezeEvery, exact);
          texts.forEach((text, doc) => postings.add(doc, text));
          if (freezeEvery === 100) postings.freeze();
          for (const term of terms) {
            const grams = gramTexts(term, exact);
            const expected = [...holding(texts, grams[0]!)]
              .filter((doc) => grams.every((gram) => holding(texts, gram).has(doc)))
              .sort((a, b) => a - b);
            const found = docsOf(postings.intersect(postings.termGrams(term)));
            expect(found, JSON.stringify({ term, exact })).toEqual(expected);
            // Up to the longest gram, the posting is the answer: exactly the docs holding it.
            if (term.length <= exact) {
              expect(found).toEqual([...holding(texts, term)].sort((a, b) => a - b));
            }
          }
        },
      ),
      propertyParams(60),
    );
  });

  it('keys four-char grams apart from shorter ones', () => {
    const postings = new GramPostings(separator, undefined, 4);
    postings.add(0, '0171');
    postings.add(1, '017|171');
    expect(docsOf(postings.intersect(postings.termGrams('0171')))).toEqual([0]);
    expect(docsOf(postings.intersect(postings.termGrams('017')))).toEqual([0, 1]);
    // The same texts with three-char grams only: "0171" is its grams, found in both.
    const three = new GramPostings(separator, undefined, 3);
    three.add(0, '0171');
    three.add(1, '017|171');
    expect(docsOf(three.intersect(three.termGrams('0171')))).toEqual([0, 1]);
  });
});
