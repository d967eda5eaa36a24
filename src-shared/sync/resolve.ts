// Resolving conflicts: the salesperson picks mine, theirs, or an edited value for every conflict
// path; the resolved record must pass the connector's schema before anything is sent.
import { applyChanges } from './apply';
import { composeChanges } from './coalesce';
import type { Change } from './diff';
import { formatPath } from './format-path';
import type { MergeResult } from './merge';
import type { FieldPath } from './field-path';
import type { Shape } from './shape';
import {
  addError,
  validateWith,
  type FieldErrors,
  type RecordSchema,
  type Validated,
} from './validate';
import { deepEqual, isPlainObject } from './values';

export type Choice = 'mine' | 'theirs' | { readonly value: unknown };
export type Choices = Readonly<Record<FieldPath, Choice>>;

/**
 * The merge result with every conflict settled: `merged` carries the chosen values and
 * `changedLocally` gains each choice the server does not already have ('theirs' sends nothing).
 * Fails — never throws — when a conflict has no choice, a choice names no conflict or is not a
 * choice at all, or the resolved record does not pass `schema`; errors are keyed by field path.
 */
export function resolve<T>(
  shape: Shape,
  result: MergeResult<T>,
  choices: Choices,
  schema: RecordSchema,
): Validated<MergeResult<T>> {
  const errors: FieldErrors = {};
  const conflictPaths = new Set(result.conflicts.map((conflict) => conflict.path));
  for (const path of Object.keys(choices ?? {})) {
    if (!conflictPaths.has(path)) {
      addError(
        errors,
        path,
        `${formatPath(path, shape, result.merged)} has no conflict to resolve.`,
      );
    }
  }
  const resolved: Change[] = [];
  const toSend: Change[] = [];
  for (const conflict of result.conflicts) {
    const value = chosenValue(conflict, choices?.[conflict.path]);
    if (!value) {
      const label = formatPath(conflict.path, shape, result.merged);
      addError(
        errors,
        conflict.path,
        `Choose which value to keep for ${label}: mine, theirs or an edited one.`,
      );
      continue;
    }
    resolved.push({ path: conflict.path, value: value.chosen });
    if (!deepEqual(value.chosen, conflict.theirs))
      toSend.push({ path: conflict.path, value: value.chosen });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const merged = applyChanges(result.merged, resolved);
  const validated = validateWith(shape, schema, merged);
  if (!validated.ok) return validated;
  return {
    ok: true,
    value: { merged, changedLocally: composeChanges(result.changedLocally, toSend), conflicts: [] },
  };
}

function chosenValue(
  conflict: MergeResult<unknown>['conflicts'][number],
  choice: unknown,
): { chosen: unknown } | null {
  if (choice === 'mine') return { chosen: conflict.mine };
  if (choice === 'theirs') return { chosen: conflict.theirs };
  if (isPlainObject(choice) && 'value' in choice) return { chosen: choice.value };
  return null;
}
