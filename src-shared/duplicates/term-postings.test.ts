// Term postings against a plain Map from text to the docs in order: any sequence of adds and
// removes (a doc at most once per term, as the index adds them) leaves every term's docs, count
// and order exactly as the model's, whether texts are kept or hashed, through block moves, pool
// compactions and trims.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParams } from '../sync/test-support/fc-params';
import { HashedTermPostings, TextTermPostings, type TermPostings } from './term-postings';

const step = fc.record({
  add: fc.boolean(),
  // Few texts, so terms gather many docs (blocks grow and move); many docs, so lists get long.
  text: fc.oneof(fc.constantFrom('acme', 'bau', 'müller', ''), fc.string({ maxLength: 3 })),
  doc: fc.nat(60),
  // Now and then the arrays are cut to size first (the next adds grow them again).
  trim: fc.nat(9).map((n) => n === 0),
});

interface Step {
  add: boolean;
  text: string;
  doc: number;
  trim?: boolean;
}

function replay(postings: TermPostings, steps: Step[]) {
  const model = new Map<string, number[]>();
  for (const { add, text, doc, trim } of steps) {
    if (trim === true) postings.trim();
    const docs = model.get(text) ?? [];
    if (add && !docs.includes(doc)) {
      postings.add(postings.intern(text), doc);
      model.set(text, [...docs, doc]);
    } else if (!add) {
      const term = postings.find(text);
      if (term >= 0) postings.remove(term, doc);
      model.set(
        text,
        docs.filter((known) => known !== doc),
      );
    }
  }
  for (const [text, docs] of model) {
    const term = postings.find(text);
    expect(Array.from(postings.docs(term))).toEqual(docs);
    expect(postings.count(term)).toBe(docs.length);
  }
  expect(postings.docs(postings.find('never added'))).toHaveLength(0);
}

describe('term postings', () => {
  for (const [name, make] of [
    ['keeping texts', () => new TextTermPostings()],
    ['hashing texts', () => new HashedTermPostings()],
    ['hashing texts once', () => new HashedTermPostings({ oneHash: true })],
  ] as const) {
    it(`${name}: hold exactly the docs of a Map model, in order`, () => {
      fc.assert(
        fc.property(fc.array(step, { maxLength: 600 }), (steps) => replay(make(), steps)),
        propertyParams(300),
      );
    });
  }

  it('hold the model through thousands of block moves, frees and pool compactions', () => {
    const steps: Step[] = [];
    for (let round = 0; round < 60; round++) {
      for (let doc = 0; doc < 50; doc++) {
        for (const text of ['a', 'b', 'c', 'd']) steps.push({ add: true, text, doc: doc + round });
      }
      for (let doc = 0; doc < 50; doc += round % 3 === 0 ? 1 : 2) {
        for (const text of ['a', 'b', 'c', 'd']) steps.push({ add: false, text, doc: doc + round });
      }
    }
    replay(new TextTermPostings(), steps);
    replay(new HashedTermPostings(), steps);
  });

  it('hashing texts: thousands of terms stay apart through table growth', () => {
    const postings = new HashedTermPostings();
    for (let n = 0; n < 20_000; n++) postings.add(postings.intern(`${n}@acme.com`), n);
    for (let n = 0; n < 20_000; n += 997) {
      expect(Array.from(postings.docs(postings.find(`${n}@acme.com`)))).toEqual([n]);
    }
    expect(postings.terms).toBe(20_000);
  });
});
