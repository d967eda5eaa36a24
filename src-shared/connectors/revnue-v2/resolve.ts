// Revnue's conflict resolution with its record schema as the gate: the resolved record must be one
// the editor would have accepted, or the user sees per-field messages instead.
import type { MergeResult } from '../../sync/merge';
import { resolve, type Choices } from '../../sync/resolve';
import type { Validated } from '../../sync/validate';
import {
  revnueRecordSchema,
  revnueRecordSchemaFor,
  type RevnueCustomerRecord,
  type RevnueCustomFieldTemplate,
} from './api';
import { revnueShape } from './shape';

/** With the account's templates, custom field values are checked against their types too. */
export function resolveRevnue(
  result: MergeResult<RevnueCustomerRecord>,
  choices: Choices,
  templates?: readonly RevnueCustomFieldTemplate[],
): Validated<MergeResult<RevnueCustomerRecord>> {
  const schema = templates ? revnueRecordSchemaFor(templates) : revnueRecordSchema;
  return resolve(revnueShape, result, choices, schema);
}
