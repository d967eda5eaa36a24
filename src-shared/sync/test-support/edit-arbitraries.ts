// Generic "someone edited this record" arbitraries: each field kept or replaced, list items kept,
// edited, removed or added, and identity lists reordered — the raw material of every merge property.
import fc from 'fast-check';
import type { PlainObject } from '../values';

export type FieldArbitraries = Readonly<Record<string, fc.Arbitrary<unknown>>>;

const KEEP: unique symbol = Symbol('keep');

/** Replaces each field of `base` with probability 1/(keepWeight+1); undefined removes the field. */
export function editFields<T extends PlainObject>(
  base: T,
  arbitraries: FieldArbitraries,
  keepWeight = 6,
): fc.Arbitrary<T> {
  const choices: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, arbitrary] of Object.entries(arbitraries)) {
    choices[key] = fc.oneof(
      { weight: keepWeight, arbitrary: fc.constant(KEEP) },
      { weight: 1, arbitrary },
    );
  }
  return fc.record(choices).map((picked) => {
    const edited: PlainObject = { ...base };
    for (const [key, value] of Object.entries(picked)) {
      if (value === KEEP) continue;
      if (value === undefined) delete edited[key];
      else edited[key] = value;
    }
    return edited as T; // same keys as T, each replaced by a value of that key's own arbitrary
  });
}

export interface ListEdit<I> {
  /** An edited version of an existing item (must keep its identity keys). */
  readonly editItem: (item: I) => fc.Arbitrary<I>;
  /** Items to add; their identities must not occur in the base list. */
  readonly added: (existing: readonly I[]) => fc.Arbitrary<I[]>;
}

/** Items kept, edited or removed, new ones added, then the whole list shuffled. */
export function editList<I>(base: readonly I[], edit: ListEdit<I>): fc.Arbitrary<I[]> {
  const perItem = base.map((item) =>
    fc.oneof(
      { weight: 5, arbitrary: fc.constant<I | typeof KEEP>(item) },
      { weight: 2, arbitrary: edit.editItem(item) },
      { weight: 1, arbitrary: fc.constant<I | typeof KEEP>(KEEP) },
    ),
  );
  return fc.tuple(fc.tuple(...perItem), edit.added(base)).chain(([kept, added]) => {
    const items = [...kept.filter((item): item is I => item !== KEEP), ...added];
    return fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });
  });
}

/** A list field that may also be cleared (null) or be missing altogether, rarely. */
export function editListField<I>(
  base: readonly I[] | null | undefined,
  edit: ListEdit<I>,
): fc.Arbitrary<I[] | null | undefined> {
  return fc.oneof(
    { weight: 12, arbitrary: editList(base ?? [], edit) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

/** Mostly a few realistic values (so two people sometimes type the same thing), else random. */
export function pooled<T>(pool: readonly T[], random: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...pool) },
    { weight: 1, arbitrary: random },
  );
}

/** Printable text of at most `max` characters with no surrounding blanks (the schemas trim). */
export function trimmedText(max: number, min = 0): fc.Arbitrary<string> {
  return fc
    .string({ maxLength: max, minLength: min })
    .map((value) => value.trim())
    .filter((value) => value.length >= min);
}

export const isoDate: fc.Arbitrary<string> = fc
  .date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2039-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

/** Minute-precision local date-time, the R2 record's date form (`yyyy-MM-ddTHH:mm`). */
export const isoLocalDateTime: fc.Arbitrary<string> = fc
  .date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2039-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 16));

export const email: fc.Arbitrary<string> = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9]{0,9}(\.[a-z]{1,8})?$/),
    fc.constantFrom('example.com', 'acme.de', 'fieldbook.test', 'mail.example.org'),
  )
  .map(([local, domain]) => `${local}@${domain}`);
