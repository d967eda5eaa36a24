// The index against a naive reference on random customers, random edits and random typing: the
// reference folds every field and checks each term with `includes`, and phones by their forms,
// so any posting, bitset, stale-doc or narrowing mistake shows as a different answer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, isPhoneLike, phoneForms, queryDigits } from './fold';
import type { IndexEntry } from './index-entry';
import { SearchIndex } from './search-index';
import type { ListQuery } from './search-types';

interface Customer {
  readonly key: string;
  readonly fields: readonly string[];
  readonly phones: readonly string[];
  readonly category: string;
}

function entryOf({ key, fields, phones, category }: Customer): IndexEntry {
  return {
    display: { key, name: fields[0]!, cells: [category], badge: 'synced' },
    text: fields.map(fold).join('\n'),
    digits: phoneForms(phones),
    facets: [category],
    sortKeys: { name: fold(fields[0]!), category: fold(category) },
  };
}

function naive(customers: ReadonlyMap<string, Customer>, text: string, category: string): string[] {
  const terms = fold(text.trim())
    .split(/\s+/)
    .filter((term) => term !== '');
  const digits = isPhoneLike(text) ? queryDigits(text) : '';
  return [...customers.values()]
    .filter((customer) => category === '' || customer.category === category)
    .filter(
      (customer) =>
        terms.every((term) => customer.fields.some((field) => fold(field).includes(term))) ||
        (digits !== '' &&
          phoneForms(customer.phones)
            .split('|')
            .some((form) => form.includes(digits))),
    )
    .map((customer) => customer.key)
    .sort();
}

const letters = fc.constantFrom(
  'a',
  'b',
  'ü',
  'u',
  'ß',
  's',
  'S',
  'll',
  'e',
  'é',
  ' ',
  '1',
  '0',
  '.',
);
const word = fc.string({ unit: letters, minLength: 0, maxLength: 9 });
const phone = fc
  .tuple(
    fc.constantFrom('+49 ', '0049 ', '0', ''),
    fc.string({ unit: fc.constantFrom('0', '1', '7', ' '), maxLength: 8 }),
  )
  .map(([prefix, rest]) => prefix + rest);
const customer = (key: string) =>
  fc.record({
    key: fc.constant(key),
    fields: fc.array(word, { minLength: 1, maxLength: 3 }),
    phones: fc.array(phone, { maxLength: 2 }),
    category: fc.constantFrom('A', 'B'),
  });
const typed = fc.oneof(
  fc.string({ unit: letters, maxLength: 6 }),
  fc.string({ unit: fc.constantFrom('0', '1', '7', ' ', '+', '4', '9'), maxLength: 7 }),
);
type Step =
  | { readonly kind: 'upsert'; readonly customer: Customer }
  | { readonly kind: 'remove'; readonly key: string }
  | { readonly kind: 'query'; readonly text: string; readonly category: string };
const keys = fc.constantFrom(...Array.from({ length: 40 }, (_, i) => `k${i}`));
const step: fc.Arbitrary<Step> = fc.oneof(
  keys.chain(customer).map((c) => ({ kind: 'upsert' as const, customer: c })),
  keys.map((key) => ({ kind: 'remove' as const, key })),
  fc
    .tuple(typed, fc.constantFrom('', '', 'A'))
    .map(([text, category]) => ({ kind: 'query' as const, text, category })),
);

const query = (text: string, category: string): ListQuery => ({
  text,
  facets: category ? { category } : {},
  badge: '',
  sort: { column: 'name', descending: false },
});

describe('SearchIndex against a naive search', () => {
  it('finds exactly what checking every customer finds, through edits and typing', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 80 }), (steps) => {
        const index = new SearchIndex([{ id: 'category', label: 'Category' }]);
        const customers = new Map<string, Customer>();
        for (const next of steps) {
          if (next.kind === 'upsert') {
            customers.set(next.customer.key, next.customer);
            index.upsert(entryOf(next.customer));
          } else if (next.kind === 'remove') {
            customers.delete(next.key);
            index.remove(next.key);
          } else {
            const docs = index.search(query(next.text, next.category));
            const found = Array.from(docs, (doc) => index.entry(doc)!.display.key);
            expect([...found].sort(), JSON.stringify(next)).toEqual(
              naive(customers, next.text, next.category),
            );
            // In name order.
            const names = Array.from(docs, (doc) => index.entry(doc)!.sortKeys['name']!);
            expect(names).toEqual([...names].sort());
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('typed one key at a time (the last answer narrowed), finds what checking every customer finds', () => {
    fc.assert(
      fc.property(
        fc.array(customer('x'), { minLength: 1, maxLength: 60 }),
        fc.array(typed, { minLength: 1, maxLength: 4 }),
        (made, texts) => {
          const index = new SearchIndex([{ id: 'category', label: 'Category' }]);
          const customers = new Map<string, Customer>();
          made.forEach((c, i) => {
            const keyed = { ...c, key: `c${i}` };
            customers.set(keyed.key, keyed);
            index.upsert(entryOf(keyed));
          });
          for (const text of texts) {
            for (let end = 1; end <= text.length; end += 1) {
              const docs = index.search(query(text.slice(0, end), ''));
              const found = Array.from(docs, (doc) => index.entry(doc)!.display.key).sort();
              expect(found).toEqual(naive(customers, text.slice(0, end), ''));
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('with enough customers for bitsets, and edits after them, still finds exactly the same', () => {
    fc.assert(
      fc.property(
        fc.array(customer('x'), { minLength: 900, maxLength: 1_200 }),
        fc.array(keys.chain(customer), { maxLength: 30 }),
        fc.array(fc.tuple(typed, fc.constantFrom('', 'A')), { minLength: 5, maxLength: 25 }),
        (made, edits, queries) => {
          const index = new SearchIndex([{ id: 'category', label: 'Category' }]);
          const customers = new Map<string, Customer>();
          for (const c of [...made.map((c, i) => ({ ...c, key: `c${i}` })), ...edits]) {
            customers.set(c.key, c);
            index.upsert(entryOf(c));
          }
          for (const gone of ['c1', 'c2', 'c3']) {
            customers.delete(gone);
            index.remove(gone);
          }
          for (const [text, category] of queries) {
            index.search(query('', ''));
            const docs = index.search(query(text, category));
            const found = Array.from(docs, (doc) => index.entry(doc)!.display.key).sort();
            expect(found, text).toEqual(naive(customers, text, category));
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
