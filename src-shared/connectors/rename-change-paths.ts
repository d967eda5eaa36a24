// Queued changes that name a list item by its client identity (`contacts[localKey=local-1]`) must
// name it by the server's id once a create has given it one, or they would land on no item (and
// `applyChanges` would grow a half-empty copy of it). The store applies this when a create completes.
import type { Change } from '../sync/diff';
import {
  isPrefixOrEqual,
  isStrictPrefix,
  parsePath,
  selects,
  type ItemSelector,
  type PathSegment,
} from '../sync/field-path';
import { isPlainObject } from '../sync/values';
import type { PathRename, RenameChanges } from './descriptor';

/**
 * `changes` with every rename applied: a change inside the renamed item gets the new path; a
 * change of the item itself, or of a block or list that holds it, also gets the new identity in
 * its value (the old identity key removed, the new one set). Other changes are returned as they are.
 */
export const renameChangePaths: RenameChanges = (changes, renames) =>
  changes.map((change) => renames.reduce(renameOne, change));

function renameOne(change: Change, rename: PathRename): Change {
  const from = parsePath(rename.from);
  const to = parsePath(rename.to);
  const fromItem = from?.at(-1);
  const toItem = to?.at(-1);
  // A rename names one item by two identities; anything else is not ours to apply.
  if (!from || !isSelector(fromItem) || !isSelector(toItem)) return change;
  if (isPrefixOrEqual(rename.from, change.path)) {
    const path = rename.to + change.path.slice(rename.from.length);
    const value =
      change.path === rename.from ? reKey(change.value, fromItem, toItem) : change.value;
    return { path, value };
  }
  if (isStrictPrefix(change.path, rename.from)) {
    const held = parsePath(change.path)?.length ?? 0;
    const toList = from.slice(held, -1);
    return { path: change.path, value: rewriteWithin(change.value, toList, fromItem, toItem) };
  }
  return change;
}

function isSelector(segment: PathSegment | undefined): segment is ItemSelector {
  return typeof segment === 'object';
}

/** The item with its identity `from` replaced by `to` (anything that is not that item unchanged). */
function reKey(item: unknown, from: ItemSelector, to: ItemSelector): unknown {
  if (!isPlainObject(item) || !selects(from, item)) return item;
  const { [from.key]: _old, ...rest } = item;
  return { ...rest, [to.key]: to.id };
}

/** `value` with the item `from` re-keyed in the list that `segments` lead to. */
function rewriteWithin(
  value: unknown,
  segments: readonly PathSegment[],
  from: ItemSelector,
  to: ItemSelector,
): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) {
    return Array.isArray(value) ? value.map((item) => reKey(item, from, to)) : value;
  }
  if (typeof head === 'string') {
    if (!isPlainObject(value) || value[head] === undefined) return value;
    return { ...value, [head]: rewriteWithin(value[head], rest, from, to) };
  }
  if (!Array.isArray(value)) return value;
  return value.map((item) => (selects(head, item) ? rewriteWithin(item, rest, from, to) : item));
}
