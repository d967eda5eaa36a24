// Where a form input lives in the editor's draft: a location of keys, list indexes and item
// selectors. Indexes let the form address items that have no identity yet (a new R2 custom field
// before its caption is typed); errorPathOf names the same place in the sync core's path grammar.
import {
  childPath,
  ROOT_PATH,
  selects,
  type FieldPath,
  type ItemSelector,
} from '../../../src-shared/sync/field-path';
import { fieldShape, identityOf, valueShape, type Shape } from '../../../src-shared/sync/shape';
import { cloneValue, isPlainObject } from '../../../src-shared/sync/values';

export type LocSegment = string | number | ItemSelector;
export type Loc = readonly LocSegment[];

/** A descriptor's dotted relative path ("address.city") as location segments. */
export function locOf(base: Loc, dotted: string): Loc {
  return dotted === '' ? base : [...base, ...dotted.split('.')];
}

/** A stable string for a location (keys of per-input state such as "Same as" boxes). */
export function locKey(loc: Loc): string {
  return JSON.stringify(loc);
}

function step(value: unknown, segment: LocSegment): unknown {
  if (typeof segment === 'string') return isPlainObject(value) ? value[segment] : undefined;
  if (!Array.isArray(value)) return undefined;
  if (typeof segment === 'number') return value[segment];
  return value.find((item) => selects(segment, item));
}

export function getIn(record: unknown, loc: Loc): unknown {
  let current = record;
  for (const segment of loc) {
    current = step(current, segment);
    if (current === undefined) return undefined;
  }
  return current;
}

/**
 * A copy of `record` with `value` at `loc`; blocks on the way are created, and an item selected by
 * identity that is missing is added (`{id: 7}` then its value). Untouched branches are shared.
 */
export function setIn<T>(record: T, loc: Loc, value: unknown): T {
  return put(record, loc, 0, value) as T;
}

function put(target: unknown, loc: Loc, index: number, value: unknown): unknown {
  const segment = loc[index];
  if (segment === undefined) return cloneValue(value);
  if (typeof segment === 'string') {
    const object = isPlainObject(target) ? { ...target } : {};
    object[segment] = put(object[segment], loc, index + 1, value);
    return object;
  }
  const list = Array.isArray(target) ? [...(target as unknown[])] : [];
  let position =
    typeof segment === 'number' ? segment : list.findIndex((item) => selects(segment, item));
  if (position < 0 && typeof segment !== 'number') {
    list.push({ [segment.key]: segment.id } as unknown);
    position = list.length - 1;
  }
  list[position] = put(list[position], loc, index + 1, value);
  return list;
}

/** `record` without the list item at `listLoc`[`index`]. */
export function removeAt<T>(record: T, listLoc: Loc, index: number): T {
  const list = getIn(record, listLoc);
  if (!Array.isArray(list)) return record;
  return setIn(
    record,
    listLoc,
    list.filter((_, i) => i !== index),
  );
}

/**
 * The sync core's path of `loc` (`contacts[localKey=local-1].address.city`): what validation
 * errors and the server's messages are keyed by. An item without identity yields its list's path,
 * as fieldPathOfIssue does, so its messages still show next to the list.
 */
export function errorPathOf(shape: Shape, record: unknown, loc: Loc): FieldPath {
  let path: FieldPath = ROOT_PATH;
  let current: Shape = shape;
  let value = record;
  for (const segment of loc) {
    if (typeof segment === 'string') {
      path = childPath(path, segment);
      current = current.kind === 'object' ? fieldShape(current, segment) : valueShape;
      value = isPlainObject(value) ? value[segment] : undefined;
      continue;
    }
    const item = step(value, segment);
    const selector = typeof segment === 'number' ? identityOrNull(current, item) : segment;
    if (!selector) return path;
    path = childPath(path, selector);
    current = current.kind === 'list' ? current.item : valueShape;
    value = item;
  }
  return path;
}

function identityOrNull(shape: Shape, item: unknown): ItemSelector | null {
  return shape.kind === 'list' ? identityOf(shape, item) : null;
}
