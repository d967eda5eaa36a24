// What changed between two versions of a record, as the set of changed field paths with their new
// values. Identity lists are matched by identity, so reordering them is never a change.
import { childPath, ROOT_PATH, type FieldPath } from './field-path';
import { fieldShape, itemsByIdentity, type ListShape, type ObjectShape, type Shape } from './shape';
import { cloneValue, deepEqual, definedKeys, isPlainObject } from './values';

/** One changed place: its path and the value it now has (`undefined` = removed). */
export interface Change {
  readonly path: FieldPath;
  readonly value: unknown;
}

/**
 * The changes that turn `before` into `after`, at the finest level the shape allows:
 * a changed address city is `address.city`; an added or removed contact is `contacts[recordid=…]`
 * with the whole contact (or `undefined`); a block or list that appears or disappears as a whole
 * is its own path, and so is a block whose `replaceWhenChanged` key changed (a Revnue template
 * switch). No path in the result contains another. Read-only fields are never included.
 */
export function diff(shape: Shape, before: unknown, after: unknown): Change[] {
  const changes: Change[] = [];
  diffInto(shape, before, after, ROOT_PATH, [], changes);
  return changes;
}

export function changedPaths(shape: Shape, before: unknown, after: unknown): FieldPath[] {
  return diff(shape, before, after).map((change) => change.path);
}

function diffInto(
  shape: Shape,
  before: unknown,
  after: unknown,
  path: FieldPath,
  skip: readonly string[],
  out: Change[],
): void {
  if (
    shape.kind === 'object' &&
    isPlainObject(before) &&
    isPlainObject(after) &&
    !shape.replaceWhenChanged.some((key) => !deepEqual(before[key], after[key]))
  ) {
    diffObject(shape, before, after, path, skip, out);
  } else if (shape.kind === 'list' && diffList(shape, before, after, path, out)) {
    return;
  } else if (!deepEqual(before, after)) {
    out.push({ path, value: cloneValue(after) });
  }
}

function diffObject(
  shape: ObjectShape,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  path: FieldPath,
  skip: readonly string[],
  out: Change[],
): void {
  const keys = new Set([...definedKeys(before), ...definedKeys(after)]);
  for (const key of keys) {
    if (shape.readOnly.includes(key) || skip.includes(key)) continue;
    diffInto(fieldShape(shape, key), before[key], after[key], childPath(path, key), [], out);
  }
}

/** Item-by-item diff; false when either side cannot be matched by identity (then compared whole). */
function diffList(
  shape: ListShape,
  before: unknown,
  after: unknown,
  path: FieldPath,
  out: Change[],
): boolean {
  const beforeItems = itemsByIdentity(shape, before);
  const afterItems = itemsByIdentity(shape, after);
  if (!beforeItems || !afterItems) return false;
  for (const [key, { selector, item }] of beforeItems) {
    const itemPath = childPath(path, selector);
    const match = afterItems.get(key);
    if (!match) out.push({ path: itemPath, value: undefined });
    else diffInto(shape.item, item, match.item, itemPath, shape.identity, out);
  }
  for (const [key, { selector, item }] of afterItems) {
    if (!beforeItems.has(key))
      out.push({ path: childPath(path, selector), value: cloneValue(item) });
  }
  return true;
}
