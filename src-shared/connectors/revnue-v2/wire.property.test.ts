// The Revnue wire convention as properties over generated records and merges (1,000 runs each):
// no null in any POST body; a PUT carries null only to clear what theirs has set, leaves nothing
// out that theirs has set, and read the way the sandbox reads it (a missing key is "not set")
// it is exactly the merged record.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { revnueCustomerBodySchema, revnueRecordSchema, type RevnueCustomerRecord } from './api';
import { merge } from '../../sync/merge';
import { propertyParams, revnueArbitraries, threeWay } from '../../sync/test-support/arbitraries';
import { canonical } from '../../sync/test-support/canonical';
import { nullPaths, nullsWithoutTheirs, theirsLeftOut } from '../../sync/test-support/wire-checks';
import { resolveRevnue } from './resolve';
import { revnueShape } from './shape';
import { revnueCreateBody, revnueUpdateBody } from './wire';

const comparable = (record: unknown) => canonical(revnueShape, record, true);

describe('Revnue wire bodies (property)', () => {
  test('no create body contains null; each passes the wire schema unchanged', () => {
    fc.assert(
      fc.property(threeWay(revnueArbitraries), ({ base, mine, theirs }) => {
        for (const record of [base, mine, theirs]) {
          const body = revnueCreateBody(record);
          expect(body.ok).toBe(true);
          if (!body.ok) return;
          expect(nullPaths(body.value)).toEqual([]);
          expect(revnueCustomerBodySchema.parse(body.value)).toEqual(body.value);
        }
      }),
      propertyParams(),
    );
  });

  test('a PUT nulls only what theirs has set, omits nothing theirs has set, and means the merge', () => {
    const seen = { puts: 0, clears: 0 };
    fc.assert(
      fc.property(threeWay(revnueArbitraries), ({ base, mine, theirs }) => {
        const merged = merge<RevnueCustomerRecord>(revnueShape, base, mine, theirs);
        const choices = Object.fromEntries(merged.conflicts.map((c) => [c.path, 'mine' as const]));
        const resolved = resolveRevnue(merged, choices);
        expect(resolved.ok).toBe(true);
        if (!resolved.ok) return;
        const request = revnueUpdateBody(resolved.value, theirs);
        expect(request.ok).toBe(true);
        if (!request.ok || request.value === null) return;
        const body = request.value;
        expect(nullsWithoutTheirs(body, theirs)).toEqual([]);
        expect(theirsLeftOut(body, theirs)).toEqual([]);
        // The sandbox's reading (absent = not set, null = clear) gives the merged record.
        const stored = revnueRecordSchema.parse(body);
        expect(comparable(stored)).toEqual(comparable(resolved.value.merged));
        seen.puts += 1;
        if (nullPaths(body).length > 0) seen.clears += 1;
      }),
      propertyParams(),
    );
    expect(seen.puts).toBeGreaterThan(100);
    expect(seen.clears).toBeGreaterThan(10);
  });
});
