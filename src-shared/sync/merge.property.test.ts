import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyChanges, getAt } from './apply';
import { diff } from './diff';
import { merge, type MergeResult } from './merge';
import { isPrefixOrEqual } from './field-path';
import { shapeAt, type Shape } from './shape';
import { bothConnectors, propertyParams, threeWay } from './test-support/arbitraries';
import { canonical } from './test-support/canonical';

/** Equal as the sync rules see it: identity lists as sets. */
function same(shape: Shape, path: string, a: unknown, b: unknown): boolean {
  const at = shapeAt(shape, path);
  return JSON.stringify(canonical(at, a)) === JSON.stringify(canonical(at, b));
}

const conflictPaths = (result: MergeResult<unknown>) => result.conflicts.map((c) => c.path);
const inConflict = (result: MergeResult<unknown>, path: string) =>
  result.conflicts.some((conflict) => isPrefixOrEqual(conflict.path, path));

describe.each(bothConnectors())('three-way merge of $name records (property)', (connector) => {
  const { shape } = connector;
  const scenarios = threeWay(connector);

  test('merge(base, mine, base) is mine: a purely local edit goes through whole', () => {
    fc.assert(
      fc.property(scenarios, ({ base, mine }) => {
        const result = merge(shape, base, mine, base);
        expect(result.conflicts).toEqual([]);
        expect(canonical(shape, result.merged, true)).toEqual(canonical(shape, mine, true));
        expect(result.changedLocally).toEqual(diff(shape, base, mine));
      }),
      propertyParams(),
    );
  });

  test('merge(base, base, theirs) is theirs, and nothing needs sending', () => {
    fc.assert(
      fc.property(scenarios, ({ base, theirs }) => {
        const result = merge(shape, base, base, theirs);
        expect(result).toEqual({ merged: theirs, changedLocally: [], conflicts: [] });
      }),
      propertyParams(),
    );
  });

  test('merge never loses a one-sided change, and holds theirs at each conflict', () => {
    fc.assert(
      fc.property(scenarios, ({ base, mine, theirs }) => {
        const result = merge(shape, base, mine, theirs);
        for (const [side, changes] of [
          [mine, diff(shape, base, mine)],
          [theirs, diff(shape, base, theirs)],
        ] as const) {
          for (const { path } of changes) {
            if (inConflict(result, path)) continue;
            expect(same(shape, path, getAt(result.merged, path), getAt(side, path))).toBe(true);
          }
        }
        for (const conflict of result.conflicts) {
          expect(getAt(result.merged, conflict.path)).toEqual(getAt(theirs, conflict.path));
        }
      }),
      propertyParams(),
    );
  });

  test('conflicts are exactly the outermost places changed on both sides to different values', () => {
    fc.assert(
      fc.property(scenarios, ({ base, mine, theirs }) => {
        const result = merge(shape, base, mine, theirs);
        const touched = new Set(
          [...diff(shape, base, mine), ...diff(shape, base, theirs)].map((c) => c.path),
        );
        const contested = [...touched].filter((path) => {
          const [b, m, t] = [base, mine, theirs].map((record) => getAt(record, path));
          return !same(shape, path, m, b) && !same(shape, path, t, b) && !same(shape, path, m, t);
        });
        const outermost = contested.filter(
          (path) => !contested.some((other) => other !== path && isPrefixOrEqual(other, path)),
        );
        expect(conflictPaths(result)).toEqual(outermost.sort());
        for (const conflict of result.conflicts) {
          expect(conflict).toEqual({
            path: conflict.path,
            base: getAt(base, conflict.path),
            mine: getAt(mine, conflict.path),
            theirs: getAt(theirs, conflict.path),
          });
        }
      }),
      propertyParams(),
    );
  });

  test('merge(b, m, t) and merge(b, t, m) agree outside conflicts and report the same conflicts', () => {
    fc.assert(
      fc.property(scenarios, ({ base, mine, theirs }) => {
        const forward = merge(shape, base, mine, theirs);
        const backward = merge(shape, base, theirs, mine);
        expect(conflictPaths(backward)).toEqual(conflictPaths(forward));
        // Put forward's value at every conflict path; everything else must already agree.
        const aligned = applyChanges(
          backward.merged,
          forward.conflicts.map(({ path }) => ({ path, value: getAt(forward.merged, path) })),
        );
        expect(canonical(shape, aligned, true)).toEqual(canonical(shape, forward.merged, true));
      }),
      propertyParams(),
    );
  });

  test('changedLocally is exactly what the server lacks: mine where theirs differs', () => {
    fc.assert(
      fc.property(scenarios, ({ base, mine, theirs }) => {
        const result = merge(shape, base, mine, theirs);
        for (const change of result.changedLocally) {
          expect(inConflict(result, change.path)).toBe(false);
          expect(same(shape, change.path, change.value, getAt(mine, change.path))).toBe(true);
          expect(same(shape, change.path, change.value, getAt(theirs, change.path))).toBe(false);
        }
        expect(applyChanges(theirs, result.changedLocally)).toEqual(result.merged);
      }),
      propertyParams(),
    );
  });
});
