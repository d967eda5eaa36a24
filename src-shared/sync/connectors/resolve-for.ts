// Conflict resolution with each connector's record schema as the gate: the resolved record must be
// one the editor would have accepted, or the user sees per-field messages instead.
import { r2RecordSchema, type R2CustomerRecord } from '../../connectors/r2/api';
import {
  revnueRecordSchema,
  revnueRecordSchemaFor,
  type RevnueCustomerRecord,
  type RevnueCustomFieldTemplate,
} from '../../connectors/revnue-v2/api';
import type { MergeResult } from '../merge';
import { resolve, type Choices } from '../resolve';
import type { Validated } from '../validate';
import { r2Shape } from '../../connectors/r2/shape';
import { revnueShape } from '../../connectors/revnue-v2/shape';

export function resolveR2(
  result: MergeResult<R2CustomerRecord>,
  choices: Choices,
): Validated<MergeResult<R2CustomerRecord>> {
  return resolve(r2Shape, result, choices, r2RecordSchema);
}

/** With the account's templates, custom field values are checked against their types too. */
export function resolveRevnue(
  result: MergeResult<RevnueCustomerRecord>,
  choices: Choices,
  templates?: readonly RevnueCustomFieldTemplate[],
): Validated<MergeResult<RevnueCustomerRecord>> {
  const schema = templates ? revnueRecordSchemaFor(templates) : revnueRecordSchema;
  return resolve(revnueShape, result, choices, schema);
}
