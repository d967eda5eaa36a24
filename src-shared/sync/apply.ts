// Reading and writing a record at a field path. Writing is total: missing blocks, lists and items
// on the way are created, so applying changes in sequence and applying them coalesced always agree.
import { segmentsOf, selects, type FieldPath, type PathSegment } from './field-path';
import type { Change } from './diff';
import { cloneValue, isPlainObject } from './values';

/** The value at `path`, or undefined when any step of it is missing. */
export function getAt(record: unknown, path: FieldPath): unknown {
  let current = record;
  for (const segment of segmentsOf(path)) {
    if (typeof segment === 'string') {
      current = isPlainObject(current) ? current[segment] : undefined;
    } else {
      current = Array.isArray(current) ? current.find((item) => selects(segment, item)) : undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}

/**
 * A copy of `record` with `changes` applied in order; the input is never mutated. Setting
 * `undefined` removes the field or list item. An item added to an identity list goes at the end
 * (order carries no meaning there).
 */
export function applyChanges<T>(record: T, changes: readonly Change[]): T {
  let result: unknown = cloneValue(record);
  for (const change of changes) result = setIn(result, segmentsOf(change.path), 0, change.value);
  return result as T; // the changes are paths of T's own shape, so the result is a T again
}

function setIn(
  target: unknown,
  segments: readonly PathSegment[],
  index: number,
  value: unknown,
): unknown {
  const segment = segments[index];
  if (segment === undefined) return cloneValue(value);
  const last = index === segments.length - 1;
  if (typeof segment === 'string') {
    const object = isPlainObject(target) ? target : {};
    const next = setIn(object[segment], segments, index + 1, value);
    if (next === undefined) delete object[segment];
    else object[segment] = next;
    return object;
  }
  const list: unknown[] = Array.isArray(target) ? target : [];
  const position = list.findIndex((item) => selects(segment, item));
  const current = position >= 0 ? list[position] : last ? undefined : { [segment.key]: segment.id };
  const next = setIn(current, segments, index + 1, value);
  if (next === undefined) {
    if (position >= 0) list.splice(position, 1);
  } else if (position >= 0) {
    list[position] = next;
  } else {
    list.push(next);
  }
  return list;
}
