// Shared guard of the wire-body builders: nothing is sent while a conflict waits for the user.
import { formatPath } from '../format-path';
import type { MergeResult } from '../merge';
import type { Shape } from '../shape';
import type { FieldErrors } from '../validate';

/** Errors for every unresolved conflict, or null when there is none. */
export function unresolvedConflicts(
  shape: Shape,
  result: MergeResult<unknown>,
): FieldErrors | null {
  if (result.conflicts.length === 0) return null;
  const errors: FieldErrors = {};
  for (const conflict of result.conflicts) {
    const label = formatPath(conflict.path, shape, result.merged);
    errors[conflict.path] = [`${label} was changed here and on the server; choose a value first.`];
  }
  return errors;
}
