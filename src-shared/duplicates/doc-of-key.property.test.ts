// The key → doc table against a Map, through random adds and removals of keys (many colliding
// short keys, so probing, removed slots and rebuilds all happen): the same answers and size.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParams } from '../sync/test-support/fc-params';
import { DocOfKey } from './doc-of-key';

const key = fc.string({ unit: fc.constantFrom('a', 'b', '1', 'é'), maxLength: 4 });
const step = fc.record({ add: fc.boolean(), key });

describe('DocOfKey', () => {
  it('answers as a Map does through adds, removals and rebuilds', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1_000, maxLength: 3_000 }), (steps) => {
        const keys: (string | undefined)[] = [];
        const free: number[] = [];
        const table = new DocOfKey((doc) => keys[doc]);
        const expected = new Map<string, number>();
        for (const { add, key: k } of steps) {
          const doc = expected.get(k);
          if (add && doc === undefined) {
            const next = free.pop() ?? keys.length;
            keys[next] = k;
            table.add(k, next);
            expected.set(k, next);
          } else if (!add && doc !== undefined) {
            table.delete(k);
            keys[doc] = undefined;
            free.push(doc);
            expected.delete(k);
          }
          expect(table.get(k)).toBe(expected.get(k));
        }
        expect(table.size).toBe(expected.size);
        for (const [k, doc] of expected) expect(table.get(k)).toBe(doc);
        expect(table.get('zzzzz')).toBeUndefined();
      }),
      propertyParams(100),
    );
  });
});
