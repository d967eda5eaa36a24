// Incremental updates against a fresh build: after any sequence of upserts, removals, retainOnly
// and trims (doc numbers re-used, the term log compacted, arrays cut to size and grown again), the index answers every check exactly
// as an index built once from the rows that remain.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParams } from '../sync/test-support/fc-params';
import { DuplicateIndex } from './duplicate-index';
import { noDuplicateFields, type DuplicateFields } from './fields';

const word = fc.constantFrom('Acme', 'Acne', 'Zentrix', 'Optik', 'Müller', 'Bau', 'Logistik');
const row: fc.Arbitrary<DuplicateFields> = fc.record({
  name: fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' ')),
  customerNumber: fc.constantFrom('', 'C1', 'C2'),
  phones: fc.array(fc.constantFrom('0171 2345678', '030 1234567', '12'), { maxLength: 2 }),
  emails: fc.array(fc.constantFrom('a@acme.com', 'b@acme.com', 'x@gmail.com'), { maxLength: 2 }),
  websites: fc.array(fc.constantFrom('www.acme.com', 'zentrix.de'), { maxLength: 1 }),
  addressLine: fc.constantFrom('', 'Hauptstraße 5'),
  city: fc.constantFrom('', 'Berlin'),
});
const key = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const step = fc.oneof(
  fc.record({ op: fc.constant('upsert' as const), key, row }),
  fc.record({ op: fc.constant('remove' as const), key }),
  fc.record({ op: fc.constant('retain' as const), keys: fc.uniqueArray(key) }),
  fc.record({ op: fc.constant('trim' as const) }),
);

describe('DuplicateIndex updates', () => {
  it('answer like an index built once from the remaining rows', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 40 }),
        fc.array(row, { minLength: 1, maxLength: 4 }),
        (steps, probes) => {
          const index = new DuplicateIndex();
          const model = new Map<string, DuplicateFields>();
          for (const change of steps) {
            if (change.op === 'upsert') {
              index.upsert(change.key, change.row);
              model.set(change.key, change.row);
            } else if (change.op === 'remove') {
              index.remove(change.key);
              model.delete(change.key);
            } else if (change.op === 'trim') {
              index.trim();
            } else {
              const keep = new Set<string>(change.keys);
              index.retainOnly(keep);
              for (const known of [...model.keys()]) if (!keep.has(known)) model.delete(known);
            }
          }
          const fresh = new DuplicateIndex();
          for (const [known, fields] of model) fresh.upsert(known, fields);
          expect(index.size).toBe(model.size);
          const answer = (from: DuplicateIndex, probe: DuplicateFields, typing: boolean) =>
            from
              .check(probe, { typing, limit: 100, excludeKey: 'a' })
              .sort((x, y) => x.key.localeCompare(y.key));
          for (const probe of [...probes, { ...noDuplicateFields, name: 'Acm' }]) {
            for (const typing of [false, true]) {
              expect(answer(index, probe, typing)).toEqual(answer(fresh, probe, typing));
            }
          }
        },
      ),
      propertyParams(300),
    );
  });

  it('answer like a fresh build after many edits of the same customers (the log compacts)', () => {
    const index = new DuplicateIndex();
    const names = ['Zentrix Optik', 'Acme Bau', 'Müller Logistik', 'Acne Optik'];
    for (let edit = 0; edit < 400; edit++) {
      index.upsert(`k${edit % 3}`, { ...noDuplicateFields, name: `${names[edit % 4]} ${edit}` });
    }
    const fresh = new DuplicateIndex();
    for (const edit of [397, 398, 399]) {
      fresh.upsert(`k${edit % 3}`, { ...noDuplicateFields, name: `${names[edit % 4]} ${edit}` });
    }
    for (const name of [...names, 'Acme Bau 397', 'Müller Logistik 398']) {
      const probe = { ...noDuplicateFields, name };
      expect(index.check(probe)).toEqual(fresh.check(probe));
    }
    expect(index.check({ ...noDuplicateFields, name: 'Acme Bau 397' })[0]?.key).toBe('k1');
  });
});
