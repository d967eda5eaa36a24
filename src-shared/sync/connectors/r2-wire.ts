// The exact R2 request bodies: POST for a new customer, and for an update a PATCH carrying only
// the locally changed fields (PUT of the whole record when a contact was removed — see below).
import {
  r2CustomerPatchSchema,
  r2CustomerWriteSchema,
  r2RecordSchema,
  r2WriteFromRecord,
  type R2CustomerPatch,
  type R2CustomerRecord,
  type R2CustomerWrite,
} from '../../api/r2';
import type { MergeResult } from '../merge';
import { needsFullReplace, patchBody } from '../patch-body';
import { parseWith, validateWith, type Validated } from '../validate';
import { r2Shape } from './r2-shape';
import { unresolvedConflicts } from './unresolved';

export type R2UpdateRequest =
  | { readonly method: 'PATCH'; readonly body: R2CustomerPatch }
  | { readonly method: 'PUT'; readonly body: R2CustomerWrite };

/** POST body for a record the server has never seen: all of it but audit fields and localKeys. */
export function r2CreateBody(record: R2CustomerRecord): Validated<R2CustomerWrite> {
  return toWrite(record);
}

/**
 * The update request for a merge result, or null when the server already has every local change.
 * PATCH sends each changed top-level field; an address block whole when any of its fields changed;
 * `udfs` whole when any udf changed; a changed contact as `{recordid, …its changed fields}` (its
 * blocks and udfs whole); a new contact whole, without recordid. A PATCH cannot delete a contact,
 * so a removed contact makes it a PUT of the whole merged record (the seed: PUT "can also modify
 * the Contact information associated with the Company").
 */
export function r2UpdateRequest(
  result: MergeResult<R2CustomerRecord>,
): Validated<R2UpdateRequest | null> {
  const conflicts = unresolvedConflicts(r2Shape, result);
  if (conflicts) return { ok: false, errors: conflicts };
  if (result.changedLocally.length === 0) return { ok: true, value: null };
  const write = toWrite(result.merged);
  if (!write.ok) return write;
  if (needsFullReplace(r2Shape, result.changedLocally)) {
    return { ok: true, value: { method: 'PUT', body: write.value } };
  }
  const body = patchBody(r2Shape, result.merged, write.value, result.changedLocally);
  const patch = parseWith(r2Shape, r2CustomerPatchSchema, body, body);
  return patch.ok ? { ok: true, value: { method: 'PATCH', body: patch.value } } : patch;
}

function toWrite(record: R2CustomerRecord): Validated<R2CustomerWrite> {
  const valid = validateWith(r2Shape, r2RecordSchema, record);
  if (!valid.ok) return valid;
  // The write keeps every list item in place, so issue indexes still name the record's items.
  return parseWith(r2Shape, r2CustomerWriteSchema, r2WriteFromRecord(record), record);
}
