import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyChanges } from './apply';
import { diff } from './diff';
import { isStrictPrefix, parsePath } from './field-path';
import { bothConnectors, propertyParams } from './test-support/arbitraries';
import { canonical } from './test-support/canonical';
import { reorderIdentityLists } from './test-support/reorder';

const sortedPaths = (changes: readonly { path: string }[]) => changes.map((c) => c.path).sort();

describe.each(bothConnectors())('diff of $name records (property)', (connector) => {
  const { shape } = connector;
  const edited = connector.record.chain((before) =>
    fc.tuple(fc.constant(before), connector.theirs(before)),
  );

  test('a record compared with itself has no changes', () => {
    fc.assert(
      fc.property(connector.record, (record) => {
        expect(diff(shape, record, record)).toEqual([]);
      }),
      propertyParams(),
    );
  });

  test('reordering contacts, udfs or custom fields is never a change', () => {
    fc.assert(
      fc.property(edited, fc.integer(), fc.integer(), ([before, after], seedA, seedB) => {
        const reordered = diff(
          shape,
          reorderIdentityLists(shape, before, seedA),
          reorderIdentityLists(shape, after, seedB),
        );
        expect(sortedPaths(reordered)).toEqual(sortedPaths(diff(shape, before, after)));
        expect(diff(shape, before, reorderIdentityLists(shape, before, seedA))).toEqual([]);
      }),
      propertyParams(),
    );
  });

  test('applying diff(a, b) to a yields b (outside read-only fields)', () => {
    fc.assert(
      fc.property(edited, ([before, after]) => {
        const changes = diff(shape, before, after);
        const rebuilt = applyChanges(before, changes);
        expect(canonical(shape, rebuilt, true)).toEqual(canonical(shape, after, true));
        expect(diff(shape, rebuilt, after)).toEqual([]);
      }),
      propertyParams(),
    );
  });

  test('paths are canonical and none contains another', () => {
    fc.assert(
      fc.property(edited, ([before, after]) => {
        const paths = sortedPaths(diff(shape, before, after));
        for (const path of paths) expect(parsePath(path)).not.toBeNull();
        expect(paths.filter((p) => paths.some((q) => isStrictPrefix(q, p)))).toEqual([]);
      }),
      propertyParams(),
    );
  });
});
