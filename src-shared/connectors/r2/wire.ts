// The exact R2 request bodies: POST for a new customer, and for an update a PATCH carrying only
// the locally changed fields (PUT of the whole record when a contact was removed — see below).
// PATCH follows our R2 convention (README "R2 PATCH convention"): JSON Merge Patch (RFC 7386) —
// address blocks merge per key, lists (udfs) replace whole — plus R2's contact rule. The seed types
// texts as strings, so a cleared text goes as '' (a cleared block with every key '', cleared udfs
// as []); null only clears what has no empty value: a date, a number, a flag, a list choice.
import {
  r2AddressBlocks,
  r2CustomerPatchSchema,
  r2CustomerWriteSchema,
  r2DefaultSynchronizer2,
  r2RecordSchema,
  r2WriteFromRecord,
  type R2CustomerPatch,
  type R2CustomerRecord,
  type R2CustomerWrite,
} from './api';
import type { Change } from '../../sync/diff';
import { segmentsOf } from '../../sync/field-path';
import type { MergeResult } from '../../sync/merge';
import { needsFullReplace, patchBody } from '../../sync/patch-body';
import { parseWith, validateWith, type Validated } from '../../sync/validate';
import { isPlainObject, type PlainObject } from '../../sync/values';
import { r2EmptyAddress, r2Shape } from './shape';
import { unresolvedConflicts } from '../../sync/connectors/unresolved';

export type R2UpdateRequest =
  | { readonly method: 'PATCH'; readonly body: R2CustomerPatch }
  | { readonly method: 'PUT'; readonly body: R2CustomerWrite };

/**
 * POST body for a record the server has never seen: all of it but audit fields and localKeys, and
 * nothing empty. `synchronizer2` is always set ("Created in R2" unless the record chose another):
 * the list shows only "Created in R2" and "Synchronized with R2" customers, so a server default of
 * "Created in CRM" would hide our own customers from the pull and from the lost-create lookup.
 */
export function r2CreateBody(record: R2CustomerRecord): Validated<R2CustomerWrite> {
  const written = toWrite(record);
  if (!written.ok) return written;
  const synchronizer2 = written.value.synchronizer2 ?? r2DefaultSynchronizer2;
  return { ok: true, value: { ...written.value, synchronizer2 } };
}

/**
 * The update request for a merge result, or null when the server already has every local change.
 * PATCH sends each changed top-level field (a cleared text as '', a cleared date, number, flag or
 * choice as null); an address block complete when any of its fields changed, every address key it
 * lacks as '' (right whether the server merges blocks per key or replaces them; a removed block is
 * all ''); `udfs` whole when any udf changed (the list replaces the server's, so a removed udf is
 * removed; no udfs at all is []); a changed contact as `{recordid, …its changed fields}`
 * (its blocks and udfs the same way); a new contact whole, without recordid. A PATCH cannot delete
 * a contact, so a removed contact makes it a PUT of the whole merged record (the seed: PUT "can
 * also modify the Contact information associated with the Company").
 */
export function r2UpdateRequest(
  result: MergeResult<R2CustomerRecord>,
): Validated<R2UpdateRequest | null> {
  const conflicts = unresolvedConflicts(r2Shape, result);
  if (conflicts) return { ok: false, errors: conflicts };
  if (result.changedLocally.length === 0) return { ok: true, value: null };
  const written = toWrite(result.merged);
  if (!written.ok) return written;
  const write = withoutStaleContactIds(written.value, result.changedLocally);
  if (needsFullReplace(r2Shape, result.changedLocally)) {
    return { ok: true, value: { method: 'PUT', body: write } };
  }
  const body = completeBlocks(patchBody(r2Shape, result.merged, write, result.changedLocally));
  const patch = parseWith(r2Shape, r2CustomerPatchSchema, body, body);
  return patch.ok ? { ok: true, value: { method: 'PATCH', body: patch.value } } : patch;
}

function toWrite(record: R2CustomerRecord): Validated<R2CustomerWrite> {
  const valid = validateWith(r2Shape, r2RecordSchema, record);
  if (!valid.ok) return valid;
  // The write keeps every list item in place, so issue indexes still name the record's items.
  return parseWith(r2Shape, r2CustomerWriteSchema, r2WriteFromRecord(record), record);
}

/** Every address block in a PATCH body (the customer's and existing contacts') with all its keys. */
function completeBlocks(body: PlainObject): PlainObject {
  const out = withCompleteBlocks(body);
  if (Array.isArray(out['contacts'])) {
    out['contacts'] = out['contacts'].map((contact: unknown) =>
      // A new contact (no recordid) has nothing on the server to clear.
      isPlainObject(contact) && contact['recordid'] !== undefined
        ? withCompleteBlocks(contact)
        : contact,
    );
  }
  return out;
}

function withCompleteBlocks(part: PlainObject): PlainObject {
  const out: PlainObject = { ...part };
  for (const block of r2AddressBlocks) {
    const sent = out[block];
    if (isPlainObject(sent)) out[block] = { ...r2EmptyAddress, ...sent };
  }
  return out;
}

/**
 * A contact a colleague deleted (alone, or by clearing the list) whose local edit the salesperson
 * kept ('mine' on the conflict) comes back as a change of the whole contact — or of the whole list —
 * that still carries the old recordid. R2 refuses a recordid it no longer has (and the queue would
 * be stuck on it), so such a contact goes as a new one, without the recordid, and gets a new one.
 *
 * The merge result does not say which recordids the server still has (theirs is folded into
 * `merged`), so this relies on those being the ONLY ways a local change holds a whole contact with
 * a recordid. That holds because every contact carries an identity and no identity repeats (the
 * record schema refuses anything else, and `toWrite` runs it first): then contacts are always
 * diffed item by item, a whole-item change with a value is an addition — which the salesperson
 * makes with a localKey, never a recordid — or a kept deletion, and a whole-list change happens
 * only where one side has no list at all, i.e. the server's list was cleared.
 */
function withoutStaleContactIds(
  write: R2CustomerWrite,
  changes: readonly Change[],
): R2CustomerWrite {
  const stale = new Set<string | number>();
  for (const change of changes) {
    const [field, item, ...rest] = segmentsOf(change.path);
    if (field !== 'contacts' || rest.length > 0 || change.value === undefined) continue;
    if (item === undefined && Array.isArray(change.value)) {
      for (const contact of change.value as unknown[]) {
        if (isPlainObject(contact) && typeof contact['recordid'] === 'string') {
          stale.add(contact['recordid']);
        }
      }
    } else if (typeof item === 'object' && item.key === 'recordid') {
      stale.add(item.id);
    }
  }
  if (stale.size === 0 || !write.contacts) return write;
  return {
    ...write,
    contacts: write.contacts.map(({ recordid, ...contact }) =>
      recordid !== undefined && !stale.has(recordid) ? { ...contact, recordid } : contact,
    ),
  };
}
