// The exact Revnue v2 request bodies: POST and PUT both carry the whole customer in the create
// shape (Revnue has no PATCH), custom field values as a list of {id, value}.
import {
  revnueBodyFromRecord,
  revnueCustomerBodySchema,
  revnueCustomerBodySchemaFor,
  type RevnueCustomerBody,
  type RevnueCustomerRecord,
  type RevnueCustomFieldTemplate,
} from '../../api/revnue-v2';
import type { MergeResult } from '../merge';
import { parseWith, type Validated } from '../validate';
import { revnueShape } from './revnue-shape';
import { unresolvedConflicts } from './unresolved';

/**
 * POST body for a new customer. With the account's custom field templates every custom field
 * value is also checked against its type (money, number, date, text).
 */
export function revnueCreateBody(
  record: RevnueCustomerRecord,
  templates?: readonly RevnueCustomFieldTemplate[],
): Validated<RevnueCustomerBody> {
  const schema = templates ? revnueCustomerBodySchemaFor(templates) : revnueCustomerBodySchema;
  // The body is the record minus its id: same layout, so issue paths name the record's fields.
  return parseWith(revnueShape, schema, revnueBodyFromRecord(record), record);
}

/**
 * PUT body for a merge result: the whole merged record (a PUT replaces the customer, so it must
 * carry theirs' fields too), or null when the server already has every local change.
 */
export function revnueUpdateBody(
  result: MergeResult<RevnueCustomerRecord>,
  templates?: readonly RevnueCustomFieldTemplate[],
): Validated<RevnueCustomerBody | null> {
  const conflicts = unresolvedConflicts(revnueShape, result);
  if (conflicts) return { ok: false, errors: conflicts };
  if (result.changedLocally.length === 0) return { ok: true, value: null };
  return revnueCreateBody(result.merged, templates);
}
