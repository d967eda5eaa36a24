// A partial-update body (R2 PATCH) from a merge's local changes: only what changed, in the units
// the API replaces — whole blocks, whole udf lists, contacts by identity with just their changes.
import type { Change } from './diff';
import { segmentsOf, type PathSegment } from './field-path';
import { clearValueOf, fieldShape, identityOf, type ListShape, type ObjectShape } from './shape';
import { isPlainObject, type PlainObject } from './values';

/**
 * True when a change cannot be expressed by a partial update: an item removed from a list that
 * is patched item by item (a PATCH can add or change a contact, but has no way to delete one),
 * or such a list replaced whole.
 */
export function needsFullReplace(shape: ObjectShape, changes: readonly Change[]): boolean {
  return changes.some((change) => {
    let current: ObjectShape = shape;
    const segments = segmentsOf(change.path);
    for (let index = 0; index < segments.length; index += 1) {
      const segment = segments[index];
      if (typeof segment !== 'string') return false;
      const child = fieldShape(current, segment);
      if (child.kind !== 'list' || child.patch !== 'items') {
        if (child.kind !== 'object' || child.patch !== 'fields') return false;
        current = child;
        continue;
      }
      const next = segments[index + 1];
      if (next === undefined) return true;
      if (index + 2 === segments.length && change.value === undefined) return true;
      current = child.item;
      index += 1;
    }
    return false;
  });
}

/**
 * The partial body for `changes`, taken from `wire` — the merged record already mapped to the
 * API's write shape (dates converted, local-only keys dropped, empty fields left out), whose lists
 * hold the same items at the same positions as `record`. A cleared field is sent as its type's
 * empty value where the shape names one ('' for a text), else as null.
 */
export function patchBody(
  shape: ObjectShape,
  record: PlainObject,
  wire: PlainObject,
  changes: readonly Change[],
): PlainObject {
  const body: PlainObject = {};
  const items = new Map<string, PlainObject>();
  for (const change of changes) {
    pick(body, shape, record, wire, segmentsOf(change.path), '', items);
  }
  return body;
}

function pick(
  body: PlainObject,
  shape: ObjectShape,
  record: PlainObject,
  wire: PlainObject,
  segments: readonly PathSegment[],
  scope: string,
  items: Map<string, PlainObject>,
): void {
  const [field, next, ...rest] = segments;
  if (typeof field !== 'string') return;
  const child = fieldShape(shape, field);
  const whole =
    next === undefined ||
    child.kind === 'value' ||
    (child.kind === 'object' && child.patch === 'whole') ||
    (child.kind === 'list' && child.patch === 'whole');
  if (whole) {
    body[field] = wire[field] ?? clearValueOf(shape, field);
    return;
  }
  if (child.kind === 'object') {
    const inner = isPlainObject(body[field]) ? body[field] : (body[field] = {});
    const recordValue = isPlainObject(record[field]) ? record[field] : {};
    const wireValue = isPlainObject(wire[field]) ? wire[field] : {};
    pick(inner, child, recordValue, wireValue, [next, ...rest], `${scope}.${field}`, items);
    return;
  }
  if (child.kind === 'list' && typeof next !== 'string') {
    pickItem(body, field, child, record, wire, next, rest, `${scope}.${field}`, items);
  }
}

function pickItem(
  body: PlainObject,
  field: string,
  list: ListShape,
  record: PlainObject,
  wire: PlainObject,
  selector: Exclude<PathSegment, string>,
  rest: readonly PathSegment[],
  scope: string,
  items: Map<string, PlainObject>,
): void {
  const recordItems = Array.isArray(record[field]) ? record[field] : [];
  const wireItems = Array.isArray(wire[field]) ? wire[field] : [];
  const index = recordItems.findIndex((item) => {
    const identity = identityOf(list, item);
    return identity?.key === selector.key && identity.id === selector.id;
  });
  const wireItem: unknown = wireItems[index];
  if (index < 0 || !isPlainObject(wireItem)) return; // removed items never reach here (full replace)
  const sentList = Array.isArray(body[field]) ? body[field] : (body[field] = []);
  const key = `${scope}[${selector.key}=${JSON.stringify(selector.id)}]`;
  // An item the server cannot identify yet (a new contact) is sent whole, exactly once.
  const serverIdentity = identityOf(list, wireItem);
  if (rest.length === 0 || !serverIdentity) {
    const previous = items.get(key);
    const at = previous ? sentList.indexOf(previous) : -1;
    if (at >= 0) sentList[at] = wireItem;
    else sentList.push(wireItem);
    items.set(key, wireItem);
    return;
  }
  let sent = items.get(key);
  if (sent === wireItem) return; // already sent whole
  if (!sent) {
    sent = { [serverIdentity.key]: serverIdentity.id };
    items.set(key, sent);
    sentList.push(sent);
  }
  const recordItem = recordItems[index];
  pick(sent, list.item, isPlainObject(recordItem) ? recordItem : {}, wireItem, rest, key, items);
}
