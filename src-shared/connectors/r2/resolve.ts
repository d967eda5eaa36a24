// R2's conflict resolution with its record schema as the gate: the resolved record must be one
// the editor would have accepted, or the user sees per-field messages instead.
import type { MergeResult } from '../../sync/merge';
import { resolve, type Choices } from '../../sync/resolve';
import type { Validated } from '../../sync/validate';
import { r2RecordSchema, type R2CustomerRecord } from './api';
import { r2Shape } from './shape';

export function resolveR2(
  result: MergeResult<R2CustomerRecord>,
  choices: Choices,
): Validated<MergeResult<R2CustomerRecord>> {
  return resolve(r2Shape, result, choices, r2RecordSchema);
}
