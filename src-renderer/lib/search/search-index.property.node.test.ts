// The index against a naive reference on random customers, random edits and random typing: the
// reference folds every field and checks each term with `includes`, and phones by their forms,
// so any posting, bitset, stale-doc, re-used doc number, narrowing or sort-order mistake shows as
// a different answer. Steps interleave adds, edits of the searchable text, deletes, re-adds of the
// same key, bulk adds/edits/deletes (so common grams turn into bitsets, doc numbers are re-used and
// the postings are rebuilt), sort and filter changes, and queries of every length, typed one key
// at a time. Replay a failure: FC_SEED=<seed> FC_PATH="<path>" npx vitest run --project node
// <this file>; FC_RUNS=<n> runs each property n times.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParams } from '../../../src-shared/sync/test-support/fc-params';
import { fold, isPhoneLike, phoneForms, queryDigits } from './fold';
import type { IndexEntry } from './index-entry';
import { SearchIndex } from './search-index';
import type { ListQuery, RowBadge, SortOrder } from './search-types';

interface Customer {
  readonly key: string;
  readonly fields: readonly string[];
  readonly phones: readonly string[];
  readonly category: string;
  readonly badge: RowBadge;
}

/** A customer as the reference sees it: folded once, so the reference stays cheap. */
interface Known {
  readonly customer: Customer;
  readonly folded: readonly string[];
  readonly forms: readonly string[];
}

const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
const runs = (usual: number) => propertyParams(Number(env?.['FC_RUNS'] ?? usual));
/** A long run asked for (FC_RUNS) may take many minutes. */
const bulkTimeout = env?.['FC_RUNS'] ? 3_600_000 : 120_000;

function entryOf({ key, fields, phones, category, badge }: Customer): IndexEntry {
  return {
    display: { key, name: fields[0]!, cells: [category], badge },
    text: fields.map(fold).join('\n'),
    digits: phoneForms(phones),
    facets: [category],
    sortKeys: { name: fold(fields[0]!), category: fold(category) },
  };
}

function known(customer: Customer): Known {
  return {
    customer,
    folded: customer.fields.map(fold),
    forms: phoneForms(customer.phones).split('|'),
  };
}

interface Filters {
  readonly category: string;
  readonly badge: RowBadge | '';
  readonly sort: SortOrder;
}

function naive(customers: ReadonlyMap<string, Known>, text: string, filters: Filters): string[] {
  const terms = fold(text.trim())
    .split(/\s+/)
    .filter((term) => term !== '');
  const digits = isPhoneLike(text) ? queryDigits(text) : '';
  return [...customers.values()]
    .filter(({ customer }) => filters.category === '' || customer.category === filters.category)
    .filter(({ customer }) => filters.badge === '' || customer.badge === filters.badge)
    .filter(
      ({ folded, forms }) =>
        terms.every((term) => folded.some((field) => field.includes(term))) ||
        (digits !== '' && forms.some((form) => form.includes(digits))),
    )
    .map(({ customer }) => customer.key)
    .sort();
}

/** The list's order: the column either way, ties by name, then by doc number. */
function inListOrder(index: SearchIndex, sort: SortOrder, docs: readonly number[]): number[] {
  const keyOf = (doc: number, column: string) => index.entry(doc)!.sortKeys[column]!;
  const direction = sort.descending ? -1 : 1;
  return [...docs].sort((a, b) => {
    const ka = keyOf(a, sort.column);
    const kb = keyOf(b, sort.column);
    if (ka !== kb) return (ka < kb ? -1 : 1) * direction;
    const na = keyOf(a, 'name');
    const nb = keyOf(b, 'name');
    if (na !== nb) return na < nb ? -1 : 1;
    return a - b;
  });
}

// Few units, so that one- and two-char grams are shared by many customers (bitsets) and longer
// terms still hit; ß, é and ü fold, '0' and '1' meet phone digits in the text.
const units = ['a', 'b', 'ü', 'u', 'ß', 's', 'S', 'll', 'e', 'é', ' ', '1', '0', '.'] as const;
const letters = fc.constantFrom(...units);
const word = fc.string({ unit: letters, minLength: 0, maxLength: 9 });
const phone = fc
  .tuple(
    fc.constantFrom('+49 ', '0049 ', '0', ''),
    fc.string({ unit: fc.constantFrom('0', '1', '7', ' '), maxLength: 8 }),
  )
  .map(([prefix, rest]) => prefix + rest);
const categories = ['A', 'B'] as const;
const badges: readonly RowBadge[] = ['synced', 'waiting'];
const customer = (key: string) =>
  fc.record({
    key: fc.constant(key),
    fields: fc.array(word, { minLength: 1, maxLength: 3 }),
    phones: fc.array(phone, { maxLength: 2 }),
    category: fc.constantFrom(...categories),
    badge: fc.constantFrom(...badges),
  });

/** mulberry32: bulk customers come from a seed, so a failing run shrinks to a few numbers. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function bulkCustomer(key: string, next: () => number): Customer {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const text = (length: number) => Array.from({ length }, () => pick(units)).join('');
  const digits = (length: number) => Array.from({ length }, () => pick(['0', '1', '7'])).join('');
  return {
    key,
    fields: Array.from({ length: 1 + Math.floor(next() * 3) }, () => text(Math.floor(next() * 7))),
    phones: next() < 0.5 ? [] : [pick(['+49 ', '0', '']) + digits(Math.floor(next() * 6))],
    category: pick(categories),
    badge: pick(badges),
  };
}

const typedText = fc.oneof(
  fc.string({ unit: letters, minLength: 1, maxLength: 6 }),
  fc.string({
    unit: fc.constantFrom('0', '1', '7', ' ', '+', '4', '9'),
    minLength: 1,
    maxLength: 7,
  }),
  // A national number: "0" and the digits after "+49 " (a derived form's own first grams).
  fc
    .string({ unit: fc.constantFrom('0', '1', '7'), minLength: 3, maxLength: 6 })
    .map((d) => `0${d}`),
);
const sortOrder: fc.Arbitrary<SortOrder> = fc.record({
  column: fc.constantFrom('name', 'category'),
  descending: fc.boolean(),
});
const filters: fc.Arbitrary<Filters> = fc.record({
  category: fc.constantFrom('', '', 'A'),
  badge: fc.constantFrom<RowBadge | ''>('', '', 'waiting'),
  sort: sortOrder,
});

type Step =
  | { readonly kind: 'upsert'; readonly customer: Customer }
  | { readonly kind: 'remove'; readonly key: string }
  | { readonly kind: 'bulk'; readonly from: number; readonly count: number; readonly seed: number }
  | { readonly kind: 'bulkRemove'; readonly from: number; readonly count: number }
  /**
   * Typed one key at a time, each prefix compared: narrowing the last answer, or (`fresh`) each
   * prefix searched in full (another view asked in between, as when the sort changes).
   */
  | {
      readonly kind: 'type';
      readonly text: string;
      readonly filters: Filters;
      readonly fresh: boolean;
    };

const keys = fc.constantFrom(...Array.from({ length: 40 }, (_, i) => `k${i}`));
const upsertStep = keys.chain(customer).map((c) => ({ kind: 'upsert' as const, customer: c }));
const removeStep = keys.map((key) => ({ kind: 'remove' as const, key }));
const typeStep = fc.record({
  kind: fc.constant('type' as const),
  text: typedText,
  filters,
  fresh: fc.boolean(),
});
const smallStep: fc.Arbitrary<Step> = fc.oneof(upsertStep, removeStep, typeStep);
const bulkStep: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: typeStep },
  { weight: 1, arbitrary: upsertStep },
  { weight: 1, arbitrary: removeStep },
  {
    // An edit of one of the many: its old grams stay in bitsets it no longer matches.
    weight: 1,
    arbitrary: fc
      .nat(1_500)
      .chain((i) => customer(`b${i}`))
      .map((c) => ({ kind: 'upsert' as const, customer: c })),
  },
  {
    // Adds, or edits where the range meets earlier bulk keys.
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('bulk' as const),
      from: fc.nat(1_500),
      count: fc.integer({ min: 1, max: 1_300 }),
      seed: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('bulkRemove' as const),
      from: fc.nat(1_500),
      count: fc.integer({ min: 1, max: 800 }),
    }),
  },
);

function listQuery(text: string, { category, badge, sort }: Filters): ListQuery {
  return { text, facets: category ? { category } : {}, badge, sort };
}

/**
 * How often the postings are packed: never during a run (as while loading), or every few docs, so
 * that packed and recent postings of one gram (lists, bitsets, re-used numbers) meet in a query.
 */
const freezing = fc.constantFrom(undefined, 1, 5, 40, 300);

/** Runs the steps on the index and the reference side by side, comparing every answer. */
function check(steps: readonly Step[], freezeEvery?: number): void {
  const index = new SearchIndex([{ id: 'category', label: 'Category' }], { freezeEvery });
  const customers = new Map<string, Known>();
  const put = (c: Customer) => {
    customers.set(c.key, known(c));
    index.upsert(entryOf(c));
  };
  const drop = (key: string) => {
    customers.delete(key);
    index.remove(key);
  };
  for (const step of steps) {
    switch (step.kind) {
      case 'upsert':
        put(step.customer);
        break;
      case 'remove':
        drop(step.key);
        break;
      case 'bulk': {
        const next = random(step.seed);
        for (let i = step.from; i < step.from + step.count; i += 1)
          put(bulkCustomer(`b${i}`, next));
        break;
      }
      case 'bulkRemove':
        for (let i = step.from; i < step.from + step.count; i += 1) drop(`b${i}`);
        break;
      case 'type':
        for (let end = 1; end <= step.text.length; end += 1) {
          const text = step.text.slice(0, end);
          if (step.fresh) index.search(listQuery('', { ...step.filters, category: 'B' }));
          const docs = Array.from(index.search(listQuery(text, step.filters)));
          const found = docs.map((doc) => index.entry(doc)!.display.key);
          const context = JSON.stringify({ text, filters: step.filters });
          expect([...found].sort(), context).toEqual(naive(customers, text, step.filters));
          expect(docs, context).toEqual(inListOrder(index, step.filters.sort, docs));
        }
        break;
    }
  }
  // Every customer, in the order of a fresh sort, and the remembered first screen its head.
  const sort = { column: 'name', descending: false };
  const all = Array.from(index.search(listQuery('', { category: '', badge: '', sort })));
  expect(all.map((doc) => index.entry(doc)!.display.key).sort()).toEqual(
    [...customers.keys()].sort(),
  );
  expect(all).toEqual(inListOrder(index, sort, all));
  expect(Array.from(index.firstInOrder(sort, 10))).toEqual(all.slice(0, 10));
  expect(index.size).toBe(customers.size);
}

describe('SearchIndex against a naive search', () => {
  it('finds exactly what checking every customer finds, through edits, re-adds and typing', () => {
    fc.assert(
      fc.property(fc.array(smallStep, { minLength: 1, maxLength: 80 }), freezing, check),
      runs(300),
    );
  });

  it(
    'does so with bitsets, re-used doc numbers and rebuilt postings among ~1,000 customers',
    () => {
      fc.assert(
        fc.property(
          fc.array(bulkStep, { minLength: 1, maxLength: 40, size: 'max' }),
          freezing,
          check,
        ),
        runs(25),
      );
    },
    bulkTimeout,
  );

  it('replays the bulk shape that once lost an edited customer (seed 1363584213)', () => {
    // ~1,000 customers, a few of them then edited (from a phone with "0" to a text with "0"),
    // a few removed, then one-character queries: the shape of the first false negative found.
    const steps: Step[] = [
      { kind: 'bulk', from: 0, count: 1_000, seed: 1 },
      {
        kind: 'upsert',
        customer: { key: 'k31', fields: [''], phones: ['+49 '], category: 'A', badge: 'synced' },
      },
      {
        kind: 'upsert',
        customer: { key: 'k31', fields: ['0', ''], phones: [], category: 'A', badge: 'synced' },
      },
      { kind: 'bulkRemove', from: 1, count: 3 },
    ];
    const plain = { category: '', badge: '', sort: { column: 'name', descending: false } } as const;
    for (const text of ['0', 'a', '1', '0 ', '+49 0']) {
      steps.push({ kind: 'type', text, filters: plain, fresh: true });
    }
    check(steps);
    check(steps, 64);
  });
});
