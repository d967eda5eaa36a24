// Packed postings against plain sets of doc numbers: merging docs in (appended after the last
// one, or re-used lower numbers), in any number of rounds, holds exactly the union, whichever
// form (gap-coded bytes or bitset) each round picks, and the smaller form is picked.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParams } from '../../../src-shared/sync/test-support/fc-params';
import { packedBytes, packMerged, unpack, type PackedPosting } from './packed-postings';

/** A round of docs to merge: sparse (big gaps, multi-byte) or dense (a bitset is smaller). */
const round = fc.oneof(
  fc.uniqueArray(fc.nat(3_000_000), { maxLength: 40 }),
  fc.uniqueArray(fc.nat(600), { maxLength: 500 }),
);

describe('packed postings', () => {
  it('hold exactly the docs merged in, in order, in the smaller form', () => {
    fc.assert(
      fc.property(fc.array(round, { minLength: 1, maxLength: 6 }), (rounds) => {
        let packed: PackedPosting | undefined;
        const expected = new Set<number>();
        for (const docs of rounds) {
          packed = packMerged(packed, Int32Array.from(docs).sort());
          for (const doc of docs) expected.add(doc);
          const sorted = [...expected].sort((a, b) => a - b);
          expect(Array.from(unpack(packed))).toEqual(sorted);
          expect(packed.count).toBe(sorted.length);
          expect(packed.last).toBe(sorted.at(-1) ?? -1);
          if (packed.bits) expect(packedBytes(packed)).toBeLessThanOrEqual(sorted.length * 5 + 4);
          else expect(packedBytes(packed)).toBeLessThanOrEqual(((packed.last >>> 5) + 1) * 4);
        }
      }),
      propertyParams(300),
    );
  });
});
