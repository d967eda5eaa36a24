// The exact Revnue v2 request bodies: POST and PUT both carry the customer in the create shape
// (Revnue has no PATCH), custom field values as a list of {id, value}. Our wire convention
// (README "Revnue wire conventions"): a POST leaves every field that is not set out; a PUT sends
// null only to clear a field the server's record has set ('' for text).
import {
  revnueCreateBodyFromRecord,
  revnuePutBodyFromRecord,
  revnueRecordSchema,
  revnueRecordSchemaFor,
  type RevnueCustomerBody,
  type RevnueCustomerRecord,
  type RevnueCustomFieldTemplate,
} from './api';
import type { MergeResult } from '../../sync/merge';
import { parseWith, type Validated } from '../../sync/validate';
import { revnueShape } from './shape';
import { unresolvedConflicts } from '../../sync/connectors/unresolved';

/** The record as the schema reads it (trimmed, money spelled "1200.00"), or its field errors. */
function checked(
  record: RevnueCustomerRecord,
  templates: readonly RevnueCustomFieldTemplate[] | undefined,
): Validated<RevnueCustomerRecord> {
  const schema = templates ? revnueRecordSchemaFor(templates) : revnueRecordSchema;
  return parseWith(revnueShape, schema, record, record);
}

/**
 * POST body for a new customer: only the fields it has set. With the account's custom field
 * templates every custom field value is also checked against its type (money, number, date, text).
 */
export function revnueCreateBody(
  record: RevnueCustomerRecord,
  templates?: readonly RevnueCustomFieldTemplate[],
): Validated<RevnueCustomerBody> {
  const valid = checked(record, templates);
  return valid.ok ? { ok: true, value: revnueCreateBodyFromRecord(valid.value) } : valid;
}

/**
 * PUT body for a merge result, or null when the server already has every local change. A PUT
 * replaces the customer, so it carries the whole merged record (theirs' fields too); `theirs` is
 * the server record the merge was made against: a field it has set and the merged record has not
 * is cleared explicitly ('' for text, null otherwise), and only such a field ever gets a null.
 */
export function revnueUpdateBody(
  result: MergeResult<RevnueCustomerRecord>,
  theirs: RevnueCustomerRecord,
  templates?: readonly RevnueCustomFieldTemplate[],
): Validated<RevnueCustomerBody | null> {
  const conflicts = unresolvedConflicts(revnueShape, result);
  if (conflicts) return { ok: false, errors: conflicts };
  if (result.changedLocally.length === 0) return { ok: true, value: null };
  const valid = checked(result.merged, templates);
  return valid.ok ? { ok: true, value: revnuePutBodyFromRecord(valid.value, theirs) } : valid;
}
