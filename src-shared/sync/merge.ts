// Three-way merge of a salesperson's offline edit (mine) with the server's current record (theirs),
// both descended from the snapshot the edit started from (base). Field by field, never whole records.
import { applyChanges, getAt } from './apply';
import { diff, type Change } from './diff';
import { isPrefixOrEqual, type FieldPath } from './field-path';
import { shapeAt, type Shape } from './shape';
import { sameValue } from './same-value';

/** A place changed on both sides to different values, with the three values to choose from. */
export interface Conflict {
  readonly path: FieldPath;
  readonly base: unknown;
  readonly mine: unknown;
  readonly theirs: unknown;
}

export interface MergeResult<T> {
  /**
   * Theirs with every non-conflicting local change applied. At a conflict path it holds THEIRS'
   * value until the conflict is resolved (so an unresolved result never overwrites the server).
   */
  readonly merged: T;
  /** Exactly the local changes the server does not have yet: what must be sent. */
  readonly changedLocally: readonly Change[];
  /** Sorted by path; no conflict path contains another. */
  readonly conflicts: readonly Conflict[];
}

/**
 * Rules: a path changed on one side only takes that side's value; changed on both sides to the
 * same value, it is not a conflict; to different values, it is. A change that contains another
 * side's change (a contact deleted here and edited there, an address removed here and its city
 * edited there) is a conflict on the containing path. Read-only fields are never diffed, so they
 * always come from theirs and never conflict.
 */
export function merge<T>(shape: Shape, base: T, mine: T, theirs: T): MergeResult<T> {
  const mineChanges = diff(shape, base, mine);
  const theirChanges = diff(shape, base, theirs);
  const conflictPaths = findConflictPaths(shape, mineChanges, theirChanges);
  const inConflict = (path: FieldPath) => conflictPaths.some((root) => isPrefixOrEqual(root, path));
  const changedLocally = mineChanges.filter(
    (change) =>
      !inConflict(change.path) &&
      !sameValue(shapeAt(shape, change.path), change.value, getAt(theirs, change.path)),
  );
  const conflicts = conflictPaths.map((path) => ({
    path,
    base: getAt(base, path),
    mine: getAt(mine, path),
    theirs: getAt(theirs, path),
  }));
  return { merged: applyChanges(theirs, changedLocally), changedLocally, conflicts };
}

/** The outermost paths where the two sides' changes overlap and disagree. */
function findConflictPaths(
  shape: Shape,
  mine: readonly Change[],
  theirs: readonly Change[],
): FieldPath[] {
  const candidates = new Set<FieldPath>();
  for (const left of mine) {
    for (const right of theirs) {
      if (left.path === right.path) {
        // Both set the same place: the same value is agreement, even a list in another order.
        if (!sameValue(shapeAt(shape, left.path), left.value, right.value)) {
          candidates.add(left.path);
        }
      } else if (isPrefixOrEqual(left.path, right.path)) {
        candidates.add(left.path);
      } else if (isPrefixOrEqual(right.path, left.path)) {
        candidates.add(right.path);
      }
    }
  }
  const outermost = [...candidates].filter(
    (path) => ![...candidates].some((other) => other !== path && isPrefixOrEqual(other, path)),
  );
  return outermost.sort();
}
