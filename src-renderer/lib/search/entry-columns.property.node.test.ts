// The entries kept by column give back exactly the entry last given for each doc number, through
// random sets, clears and re-uses of numbers: shown row, folded text, phone forms, facets and sort
// keys (including those kept as references to the text's first field or to a shown cell).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParams } from '../../../src-shared/sync/test-support/fc-params';
import { EntryColumns } from './entry-columns';
import { fold, phoneForms } from './fold';
import type { IndexEntry } from './index-entry';
import type { RowBadge } from './search-types';

const badges: readonly RowBadge[] = ['synced', 'waiting', 'rejected', 'conflict', 'not_downloaded'];
const word = fc.string({ unit: fc.constantFrom('a', 'B', 'ü', ' ', '\n', '1'), maxLength: 6 });

const entry = (key: string) =>
  fc
    .record({
      name: word,
      fields: fc.array(word, { maxLength: 3 }),
      cells: fc.array(word, { minLength: 2, maxLength: 2 }),
      phones: fc.array(fc.constantFrom('+49 171 23', '030 55', '0049 89 1', ''), { maxLength: 2 }),
      facet: fc.constantFrom('A', 'B', ''),
      badge: fc.constantFrom(...badges),
      cityKeyIsCell: fc.boolean(),
    })
    .map(({ name, fields, cells, phones, facet, badge, cityKeyIsCell }): IndexEntry => ({
      display: { key, name, cells, badge },
      text: [name, ...fields].map(fold).join('\n'),
      digits: phoneForms(phones),
      facets: [facet],
      sortKeys: {
        name: fold(name),
        city: cityKeyIsCell ? cells[0]! : fold(cells[0]!),
        other: cells[1]!,
      },
    }));

const step = fc.oneof(
  fc.record({ doc: fc.nat(20), entry: fc.nat(1_000).chain((n) => entry(`k${n}`)) }),
  fc.record({ doc: fc.nat(20), entry: fc.constant(null) }),
);

describe('EntryColumns', () => {
  it('gives back the entry last set for each doc number, nothing for a cleared one', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const columns = new EntryColumns();
        const expected = new Map<number, IndexEntry>();
        for (const { doc, entry: given } of steps) {
          if (given) {
            columns.set(doc, given);
            expected.set(doc, given);
          } else if (columns.has(doc)) {
            columns.clear(doc);
            expected.delete(doc);
          }
        }
        for (let doc = 0; doc <= 20; doc += 1) {
          const want = expected.get(doc);
          expect(columns.entry(doc)).toEqual(want);
          expect(columns.display(doc)).toEqual(want?.display);
          expect(columns.key(doc)).toBe(want?.display.key);
          for (const column of ['name', 'city', 'other']) {
            if (want) expect(columns.sortKey(doc, column)).toBe(want.sortKeys[column]);
          }
        }
      }),
      propertyParams(300),
    );
  });
});
